package com.smartfile.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSink;
import okio.GzipSink;
import okio.Okio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WireLoggerTest {

    private static final String AUTH = "Basic QVBJLUtFWS1TRUNSRVQ6UEFTU1dPUkQtU0VDUkVU";
    private static final String SESSION = "SESSION-COOKIE-SECRET";
    private static final String CSRF = "CSRF-TOKEN-SECRET";
    private static final String PASSWORD = "hunter2-PASSWORD-SECRET";
    private static final String SET_COOKIE = "SET-COOKIE-SECRET";
    private static final String REPLY_TOKEN = "REPLY-TOKEN-SECRET";
    private static final String QUERY_TOKEN = "QUERY-TOKEN-SECRET";
    private static final List<String> SECRETS = List.of(AUTH, "QVBJLUtFWS1TRUNSRVQ6UEFTU1dPUkQtU0VDUkVU", SESSION,
            CSRF, PASSWORD, SET_COOKIE, REPLY_TOKEN, QUERY_TOKEN);

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final AtomicLong clock = new AtomicLong();
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

    /** Auth as an application interceptor, the wire logger as a network interceptor: the client's order. */
    private OkHttpClient client(LogLevel level) {
        return new OkHttpClient.Builder()
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header("Authorization", AUTH)
                        .header("Cookie", "sessionid=" + SESSION + "; csrftoken=" + CSRF)
                        .header("X-CSRFToken", CSRF)
                        .build()))
                .addNetworkInterceptor(new WireLogger(level, lines::add, () -> clock.addAndGet(7_000_000L)))
                .build();
    }

    private String log() {
        return String.join("\n", lines);
    }

    private void assertNoSecrets() {
        String log = log();
        for (String secret : SECRETS) {
            assertFalse(log.contains(secret), "log shows " + secret + ":\n" + log);
        }
    }

    private MockResponse jsonReply() {
        return new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .addHeader("Set-Cookie", "sessionid=" + SET_COOKIE + "; HttpOnly")
                .body("{\"user\":{\"username\":\"alice\",\"token\":\"" + REPLY_TOKEN + "\"},\"size\":12345678901234567890,"
                        + "\"ratio\":1.5e3,\"ok\":true,\"none\":null,\"list\":[1,\"two\"]}")
                .build();
    }

    @Test
    void bodyLevelMasksEverySecretAndLeavesTheReplyReadable() throws Exception {
        server.enqueue(jsonReply());
        FormBody form = new FormBody.Builder().add("name", "alice").add("password", PASSWORD).add("path", "/a b").build();
        Request request = new Request.Builder()
                .url(server.url("/api/2/user/?oauth_token=" + QUERY_TOKEN + "&page=2"))
                .post(form)
                .build();

        String replyText;
        try (Response response = client(LogLevel.BODY).newCall(request).execute()) {
            replyText = response.body().string();
        }

        assertTrue(replyText.contains(REPLY_TOKEN), "the caller still gets the whole reply");
        RecordedRequest recorded = server.takeRequest();
        assertEquals(AUTH, recorded.getHeaders().get("Authorization"), "masking is for the log only");
        assertTrue(recorded.getBody().utf8().contains("hunter2"), "the form is sent unmasked");

        String log = log();
        assertNoSecrets();
        assertTrue(log.contains("--> POST http://"), log);
        assertTrue(log.contains("page=2"), log);
        assertTrue(log.contains("--> Authorization: ██"), log);
        assertTrue(log.contains("--> Cookie: ██"), log);
        assertTrue(log.contains("--> X-CSRFToken: ██"), log);
        assertTrue(log.contains("<-- Set-Cookie: ██"), log);
        assertTrue(log.contains("--> User-Agent: okhttp/"), "headers added by OkHttp itself are seen: " + log);
        assertTrue(log.contains("--> body: name=alice&password=██&path=%2Fa+b"), log);
        assertTrue(log.contains("<-- 200 POST http://"), log);
        assertTrue(log.contains("(7 ms, "), "duration comes from the injected clock: " + log);
        assertTrue(log.contains("<-- body: {\"user\":{\"username\":\"alice\",\"token\":\"██\"},\"size\":12345678901234567890,"
                + "\"ratio\":1.5e3,\"ok\":true,\"none\":null,\"list\":[1,\"two\"]}"), log);
    }

    @Test
    void anExchangeUrlIsMaskedInTheLogAndInToString() throws Exception {
        String url = "https://app.smartfile.com/exchange/3f9a2c1b7d8e4f60a1b2c3d4e5f6a7/report.pdf";
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("{\"url\": \"" + url + "\"}").build());
        Request request = new Request.Builder().url(server.url("/api/2/path/exchange/"))
                .post(new FormBody.Builder().add("path", "/report.pdf").build()).build();

        String reply;
        try (Response response = client(LogLevel.BODY).newCall(request).execute()) {
            reply = response.body().string();
        }

        assertTrue(reply.contains(url), "the caller gets it whole");
        assertFalse(log().contains("3f9a2c1b7d8e"), log());
        assertTrue(log().contains("https://app.smartfile.com/exchange/██"), log());
        String shown = com.smartfile.sdk.model.ExchangeUrl.builder().url(url).build().toString();
        assertFalse(shown.contains("3f9a2c1b7d8e"), shown);
    }

    @Test
    void jsonRequestBodyIsWrittenOnceAndLoggedMasked() throws Exception {
        server.enqueue(new MockResponse.Builder().build());
        CountingBody body = new CountingBody("{\"name\":\"key1\",\"password\":\"" + PASSWORD + "\"}",
                "application/json; charset=utf-8", false);
        client(LogLevel.BODY).newCall(new Request.Builder().url(server.url("/api/3/sshkeys/alice/key1"))
                .put(body).build()).execute().close();

        assertEquals(1, body.writes);
        assertEquals(body.text, server.takeRequest().getBody().utf8());
        assertTrue(log().contains("--> body: {\"name\":\"key1\",\"password\":\"██\"}"), log());
        assertNoSecrets();
    }

    @Test
    void streamAndFileBodiesAreNeverReadForLogging() throws Exception {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/octet-stream").body("DATA").build());
        server.enqueue(new MockResponse.Builder().build());
        server.enqueue(new MockResponse.Builder().build());
        CountingBody oneShotJson = new CountingBody("{\"password\":\"" + PASSWORD + "\"}", "application/json", true);
        CountingBody binary = new CountingBody("raw " + PASSWORD, "application/octet-stream", false);
        CountingBody bigJson = new CountingBody("{\"a\":\"" + "x".repeat(5000) + "\"}", "application/json", false);
        OkHttpClient client = client(LogLevel.BODY);

        for (CountingBody body : List.of(oneShotJson, binary, bigJson)) {
            try (Response response = client.newCall(new Request.Builder().url(server.url("/api/3/path/data/f"))
                    .put(body).build()).execute()) {
                response.body().string();
            }
            assertEquals(1, body.writes);
            assertEquals(body.text, server.takeRequest().getBody().utf8());
        }
        String log = log();
        assertFalse(log.contains("xxxxxxxxxx"), log);
        assertTrue(log.contains("--> body not shown (application/json)"), log);
        assertTrue(log.contains("--> body not shown (application/octet-stream)"), log);
        assertTrue(log.contains("<-- body not shown (application/octet-stream)"), log);
        assertNoSecrets();
    }

    @Test
    void gzippedJsonReplyIsDecodedForTheLogOnly() throws Exception {
        Buffer gz = new Buffer();
        try (BufferedSink sink = Okio.buffer(new GzipSink(gz))) {
            sink.writeUtf8("{\"detail\":\"slow down\",\"secret\":\"" + REPLY_TOKEN + "\"}");
        }
        server.enqueue(new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .addHeader("Content-Encoding", "gzip")
                .body(gz)
                .build());
        try (Response response = client(LogLevel.BODY).newCall(new Request.Builder().url(server.url("/")).build())
                .execute()) {
            assertTrue(response.body().string().contains(REPLY_TOKEN));
        }
        assertTrue(log().contains("<-- body: {\"detail\":\"slow down\",\"secret\":\"██\"}"), log());
        assertNoSecrets();
    }

    @Test
    void largeJsonReplyIsNotLogged() throws Exception {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .chunkedBody("{\"a\":\"" + "y".repeat(6000) + "\"}", 1024).build());
        try (Response response = client(LogLevel.BODY).newCall(new Request.Builder().url(server.url("/")).build())
                .execute()) {
            assertEquals(6008, response.body().string().length());
        }
        assertTrue(log().contains("<-- body not shown (over 4096 bytes)"), log());
        assertFalse(log().contains("yyyyyyyyyy"), log());
    }

    @Test
    void basicLevelShowsNoHeadersOrBodies() throws Exception {
        server.enqueue(jsonReply());
        client(LogLevel.BASIC).newCall(new Request.Builder().url(server.url("/api/2/ping/"))
                .post(new FormBody.Builder().add("password", PASSWORD).build()).build()).execute().close();
        assertEquals(2, lines.size(), log());
        assertTrue(lines.get(0).matches("--> POST http://.*/api/2/ping/ \\([0-9]+-byte body\\)"), log());
        assertTrue(lines.get(1).matches("<-- 200 POST http://.*/api/2/ping/ \\(7 ms, [0-9]+-byte body\\)"), log());
        assertNoSecrets();
    }

    @Test
    void headersLevelShowsMaskedHeadersButNoBodies() throws Exception {
        server.enqueue(jsonReply());
        client(LogLevel.HEADERS).newCall(new Request.Builder().url(server.url("/")).build()).execute().close();
        String log = log();
        assertTrue(log.contains("--> Authorization: ██"), log);
        assertTrue(log.contains("<-- Content-Type: application/json"), log);
        assertFalse(log.contains("alice"), log);
        assertNoSecrets();
    }

    @Test
    void inTheClientStackEachAttemptIsLoggedAndItsBodyWrittenOnce() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).addHeader("X-Throttle", "throttled; next=0.01 sec").build());
        server.enqueue(jsonReply());
        List<java.time.Duration> waits = new CopyOnWriteArrayList<>();
        OkHttpClient client = new OkHttpClient.Builder()
                .addInterceptor(new RetryInterceptor(RetryPolicy.defaults(), waits::add, () -> 1.0))
                .addInterceptor(UserAgent.interceptor(UserAgent.of(null)))
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("Authorization", AUTH).build()))
                .addNetworkInterceptor(new WireLogger(LogLevel.BODY, lines::add, clock::get))
                .build();
        CountingBody body = new CountingBody("{\"name\":\"k\"}", "application/json", false);

        try (Response response = client.newCall(new Request.Builder().url(server.url("/api/3/sshkeys/a/k"))
                .put(body).build()).execute()) {
            assertEquals(200, response.code());
        }

        assertEquals(2, body.writes, "one write per attempt, none for logging");
        assertEquals(List.of(java.time.Duration.ofMillis(10)), waits);
        String log = log();
        assertEquals(2, lines.stream().filter(l -> l.startsWith("--> PUT ")).count(), log);
        assertEquals(2, lines.stream().filter(l -> l.equals("--> body: {\"name\":\"k\"}")).count(), log);
        assertEquals(2, lines.stream().filter(l -> l.equals("--> Authorization: ██")).count(), log);
        assertTrue(log.contains("--> User-Agent: SmartFile-Java-SDK/"), log);
        assertTrue(log.contains("<-- 503 PUT ") && log.contains("<-- X-Throttle: throttled; next=0.01 sec"), log);
        assertNoSecrets();
    }

    @Test
    void noneLogsNothing() throws Exception {
        server.enqueue(jsonReply());
        client(LogLevel.NONE).newCall(new Request.Builder().url(server.url("/")).build()).execute().close();
        assertEquals(List.of(), lines);
    }

    @Test
    void failuresAreLogged() {
        server.enqueue(new MockResponse.Builder().onResponseStart(new mockwebserver3.SocketEffect.CloseSocket()).build());
        OkHttpClient client = client(LogLevel.BASIC).newBuilder().retryOnConnectionFailure(false).build();
        try {
            client.newCall(new Request.Builder().url(server.url("/x")).build()).execute().close();
        } catch (IOException expected) {
            // logged below
        }
        assertTrue(lines.get(lines.size() - 1).matches("<-- FAILED GET http://.*/x: [A-Za-z]+Exception \\(7 ms\\)"), log());
    }

    @Test
    void maskedJsonRejectsWhatIsNotJson() {
        assertNull(WireLogger.maskedJson(new Buffer().writeUtf8("{\"a\":")));
        assertNull(WireLogger.maskedJson(new Buffer().writeUtf8("<html>")));
        assertEquals("[{\"api_key\":\"██\"}]", WireLogger.maskedJson(new Buffer().writeUtf8("[{\"api_key\":{\"x\":1}}]")));
    }

    @Test
    void hugeFormsAreCut() {
        FormBody.Builder b = new FormBody.Builder();
        for (int i = 0; i < 1000; i++) {
            b.add("path", "/folder/file-" + i);
        }
        String text = WireLogger.maskedForm(b.build());
        assertTrue(text.startsWith("path=%2Ffolder%2Ffile-0&path="), text);
        assertTrue(text.endsWith("… (1000 fields)"), text);
        assertEquals(WireLogger.MAX_BODY_BYTES + "… (1000 fields)".length(), text.length());
    }

    @Test
    void maskedFormBytesMaskSecretNames() {
        assertEquals("a=1&oauth_token_secret=██&b",
                WireLogger.maskedForm(new Buffer().writeUtf8("a=1&oauth_token_secret=xyz&b")));
        assertEquals("x%5Fpassword=██", WireLogger.maskedForm(new Buffer().writeUtf8("x%5Fpassword=p")));
    }

    /** A request body that counts how often it is written. */
    static final class CountingBody extends RequestBody {
        final String text;
        private final MediaType type;
        private final boolean oneShot;
        volatile int writes;

        CountingBody(String text, String type, boolean oneShot) {
            this.text = text;
            this.type = MediaType.get(type);
            this.oneShot = oneShot;
        }

        @Override
        public MediaType contentType() {
            return type;
        }

        @Override
        public long contentLength() {
            return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }

        @Override
        public boolean isOneShot() {
            return oneShot;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            writes++;
            sink.writeUtf8(text);
        }
    }
}
