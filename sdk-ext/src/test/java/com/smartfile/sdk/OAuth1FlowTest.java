package com.smartfile.sdk;

import static com.smartfile.sdk.AuthInterceptorTest.decodeAll;
import static com.smartfile.sdk.AuthInterceptorTest.parseHeader;
import static com.smartfile.sdk.AuthInterceptorTest.rfc3986;
import static com.smartfile.sdk.CredentialsTest.CLIENT_SECRET;
import static com.smartfile.sdk.CredentialsTest.CLIENT_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuth1FlowTest {

    static final String REQUEST_TOKEN = "reqTokenAAAAAAAAAAAAAAAAAAAAAAAAA";
    static final String REQUEST_SECRET = "reqSecret+/=BBBBBBBBBBBBBBBBBBBBBB";
    static final String ACCESS_TOKEN = "accTokenCCCCCCCCCCCCCCCCCCCCCCCCCC";
    static final String ACCESS_SECRET = "accSecretDDDDDDDDDDDDDDDDDDDDDDDDD";

    private MockWebServer server;
    private HttpUrl base;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        base = server.url("/api/2/");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private OAuth1Flow.Builder flow() {
        return OAuth1Flow.builder().baseUrl(base.toString()).clientCredentials(CLIENT_TOKEN, CLIENT_SECRET)
                .signer(new OAuth1Signer(OAuthSignatureMethod.PLAINTEXT, () -> "nonce123", () -> 1700000000L));
    }

    private void reply(int code, String contentType, String body) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", contentType).body(body).build());
    }

    private static Map<String, String> form(RecordedRequest r) {
        assertTrue(r.getHeaders().get("Content-Type").startsWith("application/x-www-form-urlencoded"),
                r.getHeaders().get("Content-Type"));
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : r.getBody().utf8().split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void threeStepsEndToEnd() throws Exception {
        OAuth1Flow flow = flow().build();

        reply(200, "application/x-www-form-urlencoded",
                "oauth_token=" + REQUEST_TOKEN + "&oauth_token_secret=" + rfc3986(REQUEST_SECRET)
                        + "&oauth_callback_confirmed=true");
        RequestToken request = flow.requestToken();
        assertEquals(REQUEST_TOKEN, request.getToken());
        assertEquals(REQUEST_SECRET, request.getSecret());

        RecordedRequest first = server.takeRequest();
        assertEquals("POST", first.getMethod());
        assertEquals("/oauth/request_token/", first.getTarget());
        assertNull(first.getHeaders().get("Authorization"));
        Map<String, String> p = form(first);
        assertEquals(CLIENT_TOKEN, p.get("oauth_consumer_key"));
        assertEquals("PLAINTEXT", p.get("oauth_signature_method"));
        assertEquals(CLIENT_SECRET + "&", p.get("oauth_signature"));
        assertEquals("oob", p.get("oauth_callback"));
        assertEquals("1.0", p.get("oauth_version"));
        assertEquals("nonce123", p.get("oauth_nonce"));
        assertEquals("1700000000", p.get("oauth_timestamp"));
        assertFalse(p.containsKey("oauth_token"));

        assertEquals(server.url("/oauth/authorize/") + "?oauth_token=" + REQUEST_TOKEN, flow.authorizationUrl(request));

        reply(200, "application/x-www-form-urlencoded",
                "oauth_token=" + ACCESS_TOKEN + "&oauth_token_secret=" + ACCESS_SECRET);
        AccessToken access = flow.accessToken(request, " the-verifier ");
        assertEquals(ACCESS_TOKEN, access.getToken());
        assertEquals(ACCESS_SECRET, access.getSecret());

        RecordedRequest second = server.takeRequest();
        assertEquals("POST", second.getMethod());
        assertEquals("/oauth/access_token/", second.getTarget());
        p = form(second);
        assertEquals(REQUEST_TOKEN, p.get("oauth_token"));
        assertEquals("the-verifier", p.get("oauth_verifier"));
        assertEquals(CLIENT_TOKEN, p.get("oauth_consumer_key"));
        assertEquals(rfc3986(CLIENT_SECRET) + "&" + rfc3986(REQUEST_SECRET), p.get("oauth_signature"));
        assertFalse(p.containsKey("oauth_callback"));

        // The access token then signs API calls.
        Credentials credentials = Credentials.oauth1(CLIENT_TOKEN, CLIENT_SECRET, access);
        OkHttpClient client = new OkHttpClient.Builder().addInterceptor(new AuthInterceptor(credentials, base)).build();
        reply(200, "application/json", "{}");
        try (Response r = client.newCall(new Request.Builder().url(base.resolve("whoami/")).build()).execute()) {
            assertEquals(200, r.code());
        }
        Map<String, String> header = decodeAll(parseHeader(server.takeRequest().getHeaders().get("Authorization")));
        assertEquals(ACCESS_TOKEN, header.get("oauth_token"));
        assertEquals(CLIENT_SECRET + "&" + ACCESS_SECRET, header.get("oauth_signature"));
    }

    @Test
    void customCallbackIsSent() throws Exception {
        reply(200, "text/plain", "oauth_token=t&oauth_token_secret=s");
        flow().callback("https://myapp.example/cb?x=1").build().requestToken();
        assertEquals("https://myapp.example/cb?x=1", form(server.takeRequest()).get("oauth_callback"));
    }

    @Test
    void jsonReplyIsAcceptedToo() {
        reply(200, "application/json", "{\"oauth_token\": \"jt\", \"oauth_token_secret\": \"js\"}");
        RequestToken t = flow().build().requestToken();
        assertEquals("jt", t.getToken());
        assertEquals("js", t.getSecret());
    }

    @Test
    void unverifiedRequestIsAnAuthenticationException() {
        reply(403, "text/html", "Could not verify OAuth request.");
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> flow().build().requestToken());
        assertEquals(403, e.getStatusCode());
        assertFalse(e.getMessage().contains(CLIENT_SECRET), e.getMessage());

        reply(403, "text/plain", "Could not verify OAuth request.");
        e = assertThrows(AuthenticationException.class,
                () -> flow().build().accessToken(RequestToken.of(REQUEST_TOKEN, REQUEST_SECRET), "v"));
        assertFalse(e.getMessage().contains(REQUEST_SECRET), e.getMessage());
        assertFalse(e.getMessage().contains(CLIENT_SECRET), e.getMessage());
    }

    @Test
    void otherErrorStatusGoesThroughTheErrorMapper() {
        reply(500, "application/json", "{\"detail\": \"boom\"}");
        ApiException e = assertThrows(ApiException.class, () -> flow().build().requestToken());
        assertEquals(500, e.getStatusCode());
        assertEquals("boom", e.getDetail());
    }

    @Test
    void replyWithoutTokenNamesFieldsButNoValues() {
        reply(200, "application/x-www-form-urlencoded", "oauth_token=leakedTokenValue&error=nope");
        SmartFileException e = assertThrows(SmartFileException.class, () -> flow().build().requestToken());
        assertEquals(SmartFileException.class, e.getClass());
        assertTrue(e.getMessage().contains("oauth_token_secret"), e.getMessage());
        assertTrue(e.getMessage().contains("error"), e.getMessage());
        assertFalse(e.getMessage().contains("leakedTokenValue"), e.getMessage());
        assertFalse(e.getMessage().contains("nope"), e.getMessage());

        reply(200, "text/html", "<html>login page</html>");
        e = assertThrows(SmartFileException.class, () -> flow().build().requestToken());
        assertTrue(e.getMessage().contains("had no oauth_token"), e.getMessage());
    }

    @Test
    void ioFailureIsATransportException() throws IOException {
        MockWebServer gone = new MockWebServer();
        gone.start();
        HttpUrl deadUrl = gone.url("/");
        gone.close();
        List<Duration> waits = new ArrayList<>();
        OAuth1Flow flow = OAuth1Flow.builder().baseUrl(deadUrl.toString())
                .clientCredentials(CLIENT_TOKEN, CLIENT_SECRET).retryWaits(waits::add, () -> 0.5).build();
        TransportException e = assertThrows(TransportException.class, flow::requestToken);
        assertTrue(e.getMessage().contains("/oauth/request_token/"), e.getMessage());
        assertFalse(e.getMessage().contains(CLIENT_SECRET), e.getMessage());
        // refused before anything was sent: retried as the default policy allows (3 attempts), and the message says so
        assertEquals(2, waits.size(), waits.toString());
        assertTrue(e.getMessage().contains("3 attempts"), e.getMessage());
    }

    /** A signer whose nonces count up, so each attempt's signature can be told apart. */
    private static OAuth1Signer countingSigner() {
        AtomicInteger n = new AtomicInteger();
        return new OAuth1Signer(OAuthSignatureMethod.PLAINTEXT, () -> "nonce" + n.incrementAndGet(), () -> 1700000000L);
    }

    @Test
    void aThrottledExchangeIsSentAgainAfterTheServersWaitAndSignedAfresh() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").body("slow down").build());
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "2").body("busy").build());
        reply(200, "application/x-www-form-urlencoded", "oauth_token=" + REQUEST_TOKEN + "&oauth_token_secret=s3cretS3cret");
        List<Duration> waits = new ArrayList<>();
        RequestToken t = flow().signer(countingSigner()).retryWaits(waits::add, () -> 0.5).build().requestToken();

        assertEquals(REQUEST_TOKEN, t.getToken());
        assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(2)), waits);
        assertEquals(3, server.getRequestCount());
        List<String> nonces = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, String> p = form(server.takeRequest());
            assertEquals(CLIENT_SECRET + "&", p.get("oauth_signature"));
            assertEquals("oob", p.get("oauth_callback"));
            nonces.add(p.get("oauth_nonce"));
        }
        assertEquals(List.of("nonce1", "nonce2", "nonce3"), nonces);
    }

    @Test
    void aThrottleOutlastingTheRetryPolicyIsAThrottledException() {
        for (int i = 0; i < 2; i++) {
            server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3").body("slow down").build());
        }
        List<Duration> waits = new ArrayList<>();
        ThrottledException e = assertThrows(ThrottledException.class, () -> flow()
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).build()).retryWaits(waits::add, () -> 0.5).build()
                .accessToken(RequestToken.of(REQUEST_TOKEN, REQUEST_SECRET), "verifier-7781"));
        assertEquals(Duration.ofSeconds(3), e.getRetryAfter());
        assertEquals(2, server.getRequestCount());
        assertEquals(List.of(Duration.ofSeconds(3)), waits);
    }

    @Test
    void aFailedExchangeIsNotRetriedAndItsErrorCarriesNoSecretTheServerEchoed() {
        String verifier = "verifier-7781-XQ";
        String signature = rfc3986(CLIENT_SECRET) + "&" + rfc3986(REQUEST_SECRET);
        String echo = "{\"detail\": \"Invalid signature " + signature + " for token " + REQUEST_TOKEN + " (secret "
                + REQUEST_SECRET + ", client secret " + CLIENT_SECRET + ") and verifier " + verifier + "\"}";
        reply(401, "application/json", echo);
        reply(500, "application/json", echo);
        try (LogCapture log = LogCapture.of("com.smartfile.sdk")) {
            for (int status : new int[] {401, 500}) {
                ApiException e = assertThrows(ApiException.class, () -> flow().retryWaits(d -> { }, () -> 0.5).build()
                        .accessToken(RequestToken.of(REQUEST_TOKEN, REQUEST_SECRET), verifier));
                assertEquals(status, e.getStatusCode());
                assertEquals(status == 401, e instanceof AuthenticationException, e.getClass().getName());
                for (String text : new String[] {e.getMessage(), e.getDetail(), e.getRawBody(), e.toString()}) {
                    for (String secret : new String[] {verifier, signature, REQUEST_SECRET, rfc3986(REQUEST_SECRET),
                            CLIENT_SECRET, REQUEST_TOKEN}) {
                        assertFalse(text.contains(secret), text);
                    }
                }
                assertTrue(e.getMessage().contains("/oauth/access_token/"), e.getMessage());
            }
            assertEquals(2, server.getRequestCount()); // a POST that got 500 is not sent again: it may have acted
            for (String m : log.messages()) {
                assertFalse(m.contains(verifier) || m.contains(REQUEST_SECRET) || m.contains(CLIENT_SECRET), m);
            }
        }
    }

    @Test
    void badInputIsRejectedBeforeSending() {
        assertThrows(ConfigurationException.class, () -> OAuth1Flow.builder().build());
        assertThrows(ConfigurationException.class, () -> OAuth1Flow.builder().clientCredentials(CLIENT_TOKEN, "short"));
        assertThrows(ConfigurationException.class, () -> OAuth1Flow.builder().baseUrl("ftp://example.com/"));
        assertThrows(ConfigurationException.class, () -> OAuth1Flow.builder().callback(" "));
        OAuth1Flow flow = flow().build();
        RequestToken request = RequestToken.of(REQUEST_TOKEN, REQUEST_SECRET);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> flow.accessToken(request, "  "));
        assertTrue(e.getMessage().contains("verifier"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> flow.accessToken(null, "v"));
        assertThrows(InvalidInputException.class, () -> flow.authorizationUrl(null));
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void defaultsAndToString() {
        OAuth1Flow flow = OAuth1Flow.builder().clientCredentials(CLIENT_TOKEN, CLIENT_SECRET).build();
        assertEquals("https://app.smartfile.com/oauth/authorize/?oauth_token=a%20b%26c",
                flow.authorizationUrl(RequestToken.of("a b&c", "s")));
        String s = flow.toString();
        assertTrue(s.contains("https://app.smartfile.com/"), s);
        assertTrue(s.contains("callback=oob"), s);
        assertFalse(s.contains(CLIENT_SECRET), s);
        assertFalse(s.contains(CLIENT_TOKEN), s);
    }
}
