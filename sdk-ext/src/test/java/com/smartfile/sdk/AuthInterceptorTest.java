package com.smartfile.sdk;

import static com.smartfile.sdk.CredentialsTest.ACCESS_TOKEN;
import static com.smartfile.sdk.CredentialsTest.CLIENT_TOKEN;
import static com.smartfile.sdk.CredentialsTest.KEY;
import static com.smartfile.sdk.CredentialsTest.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthInterceptorTest {

    /** Secrets with characters that percent-encoding must change, to catch single vs double encoding. */
    static final String CS = "CSE+secret/with=special&chars~01";
    static final String AS = "ASE secret\u00e9with%special*chars!!";

    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private OkHttpClient client(AuthInterceptor interceptor) {
        return new OkHttpClient.Builder().addInterceptor(interceptor).build();
    }

    private RecordedRequest call(OkHttpClient client, Request request) throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        try (Response response = client.newCall(request).execute()) {
            assertEquals(200, response.code());
        }
        return server.takeRequest();
    }

    @Test
    void basicHeaderOnTheWire() throws Exception {
        HttpUrl base = server.url("/api/2/");
        OkHttpClient client = client(new AuthInterceptor(Credentials.basic(KEY, PASSWORD), base));
        RecordedRequest recorded = call(client, new Request.Builder().url(base.resolve("whoami/")).build());
        // base64 of "KEYabcdefghijklmnopqrstuvwxyz0123:PWDsecretsecretsecretsecretsecret9", from coreutils base64
        assertEquals("Basic S0VZYWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXowMTIzOlBXRHNlY3JldHNlY3JldHNlY3JldHNlY3JldHNlY3JldDk=",
                recorded.getHeaders().get("Authorization"));
    }

    @Test
    void basicHeaderEncodesUtf8() throws Exception {
        HttpUrl base = server.url("/api/2/");
        Credentials c = Credentials.basic(KEY, "p\u00e4ssw\u00f6rd-\u00fcn\u00efc\u00f6d\u00e9-0123456789abcdef");
        RecordedRequest recorded = call(client(new AuthInterceptor(c, base)), new Request.Builder().url(base).build());
        // printf '%s' 'KEY…:pässwörd-ünïcödé-0123456789abcdef' | base64, in a UTF-8 shell
        assertEquals("Basic S0VZYWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXowMTIzOnDDpHNzd8O2cmQtw7xuw69jw7Zkw6ktMDEyMzQ1Njc4OWFiY2RlZg==",
                recorded.getHeaders().get("Authorization"));
    }

    @Test
    void otherOriginsGetNoCredentials() throws Exception {
        try (MockWebServer other = new MockWebServer()) {
            other.start();
            HttpUrl base = other.url("/api/2/"); // same host, other port
            OkHttpClient client = client(new AuthInterceptor(Credentials.basic(KEY, PASSWORD), base));
            RecordedRequest recorded = call(client, new Request.Builder().url(server.url("/download/x")).build());
            assertNull(recorded.getHeaders().get("Authorization"));
        }
    }

    @Test
    void oauthPlaintextHeaderOnTheWire() throws Exception {
        HttpUrl base = server.url("/api/2/");
        Credentials c = Credentials.oauth1(CLIENT_TOKEN, CS, ACCESS_TOKEN, AS);
        long before = System.currentTimeMillis() / 1000L;
        RecordedRequest recorded = call(client(new AuthInterceptor(c, base)),
                new Request.Builder().url(base.resolve("path/info/a%20b/?children=true")).build());
        long after = System.currentTimeMillis() / 1000L;

        String header = recorded.getHeaders().get("Authorization");
        Map<String, String> raw = parseHeader(header);
        Map<String, String> p = decodeAll(raw);
        assertEquals(CLIENT_TOKEN, p.get("oauth_consumer_key"));
        assertEquals(ACCESS_TOKEN, p.get("oauth_token"));
        assertEquals("PLAINTEXT", p.get("oauth_signature_method"));
        assertEquals("1.0", p.get("oauth_version"));
        assertTrue(p.get("oauth_nonce").matches("[A-Za-z0-9]{32}"), p.get("oauth_nonce"));
        long ts = Long.parseLong(p.get("oauth_timestamp"));
        assertTrue(ts >= before && ts <= after, "timestamp " + ts);
        // The signature is enc(cs)&enc(ts), and the header encodes it once more.
        assertEquals(rfc3986(CS) + "&" + rfc3986(AS), p.get("oauth_signature"));
        assertEquals(rfc3986(rfc3986(CS) + "&" + rfc3986(AS)), raw.get("oauth_signature"));
        assertTrue(raw.get("oauth_signature").contains("%252B"), raw.get("oauth_signature"));
    }

    @Test
    void oauthHmacSha1VerifiedIndependently() throws Exception {
        HttpUrl base = server.url("/api/2/");
        Credentials c = Credentials.oauth1(CLIENT_TOKEN, CS, ACCESS_TOKEN, AS);
        AuthInterceptor interceptor = new AuthInterceptor(c, base, OAuth1Signer.of(OAuthSignatureMethod.HMAC_SHA1));
        FormBody form = new FormBody.Builder().add("path", "/a b/c+d").add("name", "\u00e9t\u00e9").add("path", "/x").build();
        RecordedRequest recorded = call(client(interceptor), new Request.Builder()
                .url(base.resolve("path/oper/move/?z=1&a=x%20y&a=b"))
                .post(form).build());

        String sentBody = recorded.getBody().utf8();
        Buffer original = new Buffer();
        form.writeTo(original);
        assertEquals(original.readUtf8(), sentBody);
        Map<String, String> header = decodeAll(parseHeader(recorded.getHeaders().get("Authorization")));
        assertEquals("HMAC-SHA1", header.get("oauth_signature_method"));

        // Rebuild the signature from what the server received, with JDK code only.
        List<String[]> params = new ArrayList<>();
        String target = recorded.getTarget();
        String path = target.substring(0, target.indexOf('?'));
        addForm(params, target.substring(target.indexOf('?') + 1));
        addForm(params, sentBody);
        for (Map.Entry<String, String> e : header.entrySet()) {
            if (!e.getKey().equals("oauth_signature")) {
                params.add(new String[] {rfc3986(e.getKey()), rfc3986(e.getValue())});
            }
        }
        params.sort((x, y) -> x[0].equals(y[0]) ? x[1].compareTo(y[1]) : x[0].compareTo(y[0]));
        StringBuilder normalized = new StringBuilder();
        for (String[] p : params) {
            normalized.append(normalized.length() == 0 ? "" : "&").append(p[0]).append('=').append(p[1]);
        }
        String uri = "http://" + recorded.getHeaders().get("Host").toLowerCase() + path;
        String baseString = "POST&" + rfc3986(uri) + "&" + rfc3986(normalized.toString());
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec((rfc3986(CS) + "&" + rfc3986(AS)).getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));

        assertEquals(expected, header.get("oauth_signature"));
    }

    @Test
    void oauthWithoutAccessTokenSendsNothing() {
        HttpUrl base = server.url("/api/2/");
        OkHttpClient client = client(new AuthInterceptor(Credentials.oauth1Client(CLIENT_TOKEN, CS), base));
        SmartFileIOException e = assertThrows(SmartFileIOException.class,
                () -> client.newCall(new Request.Builder().url(base.resolve("whoami/")).build()).execute());
        ConfigurationException cause = assertInstanceOf(ConfigurationException.class, e.exception());
        assertTrue(cause.getMessage().contains("OAuth1Flow"), cause.getMessage());
        assertTrue(cause.getMessage().contains("no access token"), cause.getMessage());
        assertFalse(cause.getMessage().contains(CS), cause.getMessage());
        assertEquals(0, server.getRequestCount());
    }

    /** {@code OAuth a="b", c="d"} into its raw (still encoded) values. */
    static Map<String, String> parseHeader(String header) {
        assertTrue(header.startsWith("OAuth "), header);
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("([A-Za-z_]+)=\"([^\"]*)\"").matcher(header.substring(6));
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    static Map<String, String> decodeAll(Map<String, String> raw) {
        Map<String, String> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(k, URLDecoder.decode(v.replace("+", "%2B"), StandardCharsets.UTF_8)));
        return out;
    }

    /** RFC 3986 unreserved-only encoding, built from the JDK's form encoder. */
    static String rfc3986(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    private static void addForm(List<String[]> out, String form) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.add(new String[] {rfc3986(name), rfc3986(value)});
        }
    }
}
