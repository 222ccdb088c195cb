package com.smartfile.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.smartfile.sdk.internal.SmartFileOperation;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.Retrofit;
import retrofit2.http.DELETE;
import retrofit2.http.POST;

class RetryInterceptorTest {

    private static final MediaType TEXT = MediaType.get("text/plain");

    /** Operations whose annotation contradicts the method-based default. */
    interface AnnotatedService {
        @SmartFileOperation(id = "forget", idempotent = false)
        @DELETE("task/x/")
        Call<ResponseBody> forget();

        @SmartFileOperation(id = "lookup", idempotent = true)
        @POST("search/")
        Call<ResponseBody> lookup();
    }

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
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

    private final ConnectionPool pool = new ConnectionPool();

    private OkHttpClient client(RetryPolicy policy) {
        return client(policy, 0);
    }

    /** As SmartFile builds it: the retry interceptor, the reply watch, one pool. */
    private OkHttpClient client(RetryPolicy policy, long callTimeoutMillis) {
        // The jitter source returns 1.0, so a backoff wait equals its ceiling and can be asserted.
        OkHttpClient.Builder b = new OkHttpClient.Builder().connectionPool(pool)
                .callTimeout(callTimeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS)
                .addInterceptor(new RetryInterceptor(policy, waits::add, () -> 1.0, pool::evictAll));
        ReplyWatch.install(b, javax.net.SocketFactory.getDefault());
        return b.build();
    }

    private Response execute(RetryPolicy policy, Request request) throws IOException {
        return client(policy).newCall(request).execute();
    }

    private Request get() {
        return new Request.Builder().url(server.url("/api/2/path/info/a/")).build();
    }

    private Request post(RequestBody body) {
        return new Request.Builder().url(server.url("/api/2/path/oper/move/")).post(body).build();
    }

    private static MockResponse status(int code, String... headerPairs) {
        MockResponse.Builder b = new MockResponse.Builder().code(code).body("{\"detail\":\"x\"}");
        for (int i = 0; i < headerPairs.length; i += 2) {
            b.addHeader(headerPairs[i], headerPairs[i + 1]);
        }
        return b.build();
    }

    private static MockResponse ok() {
        return new MockResponse.Builder().body("{\"ok\":true}").build();
    }

    private static MockResponse dropConnection() {
        return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
    }

    @Test
    void throttled503ThreeTimesReturnsTheLastReplyAfterThreeRequests() throws IOException {
        for (int i = 0; i < 3; i++) {
            server.enqueue(status(503, "X-Throttle", "throttled; next=0.01 sec"));
        }
        server.enqueue(ok());

        try (Response response = execute(RetryPolicy.defaults(), get())) {
            assertEquals(503, response.code());
            assertEquals(3, server.getRequestCount());
            assertEquals(List.of(Duration.ofMillis(10), Duration.ofMillis(10)), waits);
            assertEquals(Optional.of(Duration.ofMillis(10)), Throttle.waitOf(response),
                    "the error mapper makes a ThrottledException of it with this wait");
        }
    }

    @Test
    void retryAfterSecondsIsHonoured() throws IOException {
        server.enqueue(status(429, "Retry-After", "2"));
        server.enqueue(ok());
        try (Response response = execute(RetryPolicy.defaults(), get())) {
            assertEquals(200, response.code());
        }
        assertEquals(2, server.getRequestCount());
        assertEquals(List.of(Duration.ofSeconds(2)), waits);
    }

    @Test
    void xThrottleWaitSecondsIsHonoured() throws IOException {
        server.enqueue(status(429, "X-Throttle-Wait-Seconds", "3"));
        server.enqueue(ok());
        try (Response response = execute(RetryPolicy.defaults(), get())) {
            assertEquals(200, response.code());
        }
        assertEquals(List.of(Duration.ofSeconds(3)), waits);
    }

    @Test
    void aServerWaitOverFifteenMinutesIsCutToFifteen() throws IOException {
        server.enqueue(status(429, "Retry-After", "86400"));
        server.enqueue(ok());
        try (Response response = execute(RetryPolicy.builder().maxServerWait(Duration.ofHours(1)).build(), get())) {
            assertEquals(200, response.code());
        }
        assertEquals(List.of(Duration.ofMinutes(15)), waits, "a day asked, 15 minutes waited");
    }

    /** A peer that does not speak HTTP: another attempt cannot cure it, even for a GET. */
    @Test
    void aProtocolFailureIsNotTriedAgainEvenForAGet() throws Exception {
        try (RawServer raw = new RawServer((socket, srv) -> {
            RawServer.readHead(socket.getInputStream());
            socket.getOutputStream().write("SSH-2.0-OpenSSH_9.6\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            socket.getInputStream().read();
        })) {
            IOException e = assertThrows(IOException.class,
                    () -> execute(RetryPolicy.defaults(), new Request.Builder().url(raw.url("/api/2/ping/")).build()));
            assertEquals(1, raw.connections(), e.toString());
            String outcome = RetryInterceptor.Outcome.of(e).getMessage();
            assertTrue(outcome.contains("does not speak the protocol expected"), outcome);
        }
    }

    @Test
    void retryAfterHttpDateIsHonoured() throws IOException {
        String in40s = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(40));
        server.enqueue(status(429, "Retry-After", in40s));
        server.enqueue(ok());
        try (Response response = execute(RetryPolicy.defaults(), get())) {
            assertEquals(200, response.code());
        }
        assertEquals(1, waits.size());
        // The date has a one-second resolution and is read a moment after it was written.
        Duration wait = waits.get(0);
        assertTrue(wait.compareTo(Duration.ofSeconds(30)) > 0 && wait.compareTo(Duration.ofSeconds(40)) <= 0, wait.toString());
    }

    @Test
    void bare429WaitsTheDefaultSecond() throws IOException {
        server.enqueue(status(429));
        server.enqueue(ok());
        try (Response response = execute(RetryPolicy.defaults(), get())) {
            assertEquals(200, response.code());
        }
        assertEquals(List.of(Duration.ofSeconds(1)), waits);
    }

    @Test
    void throttledPostIsResentWithTheSameBody() throws Exception {
        server.enqueue(status(429, "Retry-After", "1"));
        server.enqueue(ok());
        try (Response response = execute(RetryPolicy.defaults(), post(RequestBody.create("src=%2Fa&dst=%2Fb",
                MediaType.get("application/x-www-form-urlencoded"))))) {
            assertEquals(200, response.code());
        }
        assertEquals(2, server.getRequestCount());
        assertEquals("src=%2Fa&dst=%2Fb", server.takeRequest().getBody().utf8());
        assertEquals("src=%2Fa&dst=%2Fb", server.takeRequest().getBody().utf8());
    }

    @Test
    void postAnswered500IsNotRetried() throws IOException {
        server.enqueue(status(500));
        server.enqueue(ok());
        try (Response response = execute(RetryPolicy.defaults(), post(RequestBody.create("x", TEXT)))) {
            assertEquals(500, response.code());
        }
        assertEquals(1, server.getRequestCount());
        assertEquals(List.of(), waits);
    }

    @Test
    void getAnswered500ThenOkIsRetriedAfterBackoff() throws IOException {
        server.enqueue(status(500));
        server.enqueue(ok());
        try (Response response = execute(RetryPolicy.defaults(), get())) {
            assertEquals(200, response.code());
            assertEquals("{\"ok\":true}", response.body().string());
        }
        assertEquals(2, server.getRequestCount());
        assertEquals(List.of(Duration.ofMillis(500)), waits);
    }

    @Test
    void serverErrorsBackOffExponentiallyUpToTheCap() throws IOException {
        for (int code : new int[] {502, 503, 504, 500}) {
            server.enqueue(status(code));
        }
        server.enqueue(ok());
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(5)
                .initialBackoff(Duration.ofMillis(100)).maxBackoff(Duration.ofMillis(300)).build();
        try (Response response = execute(policy, get())) {
            assertEquals(200, response.code());
        }
        assertEquals(5, server.getRequestCount());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(300)), waits);
    }

    @Test
    void otherErrorStatusesAreNotRetried() throws IOException {
        for (int code : new int[] {400, 401, 403, 404, 409, 501}) {
            server.enqueue(status(code));
            try (Response response = execute(RetryPolicy.defaults(), get())) {
                assertEquals(code, response.code());
            }
        }
        assertEquals(6, server.getRequestCount());
        assertEquals(List.of(), waits);
    }

    @Test
    void connectionDropOnGetIsRetried() throws IOException {
        server.enqueue(dropConnection());
        server.enqueue(ok());
        try (Response response = execute(RetryPolicy.defaults(), get())) {
            assertEquals(200, response.code());
        }
        assertEquals(2, server.getRequestCount());
        assertEquals(List.of(Duration.ofMillis(500)), waits);
    }

    @Test
    void connectionDropsUntilAttemptsRunOutThrowTheLastFailure() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(dropConnection());
        }
        server.enqueue(ok());
        assertThrows(IOException.class, () -> execute(RetryPolicy.defaults(), get()));
        assertEquals(3, server.getRequestCount());
        assertEquals(2, waits.size());
    }

    @Test
    void connectionDropOnOneShotBodyIsNotRetried() {
        CountingBody body = new CountingBody(true);
        server.enqueue(dropConnection());
        server.enqueue(ok());
        Request put = new Request.Builder().url(server.url("/api/3/path/data/a.bin")).put(body).build();
        assertThrows(IOException.class, () -> execute(RetryPolicy.defaults(), put));
        assertEquals(1, server.getRequestCount());
        assertEquals(1, body.writes);
        assertEquals(List.of(), waits);
    }

    @Test
    void throttledOneShotBodyIsNotResent() throws IOException {
        CountingBody body = new CountingBody(true);
        server.enqueue(status(429, "Retry-After", "1"));
        server.enqueue(ok());
        Request put = new Request.Builder().url(server.url("/api/3/path/data/a.bin")).put(body).build();
        try (Response response = execute(RetryPolicy.defaults(), put)) {
            assertEquals(429, response.code());
        }
        assertEquals(1, server.getRequestCount());
        assertEquals(1, body.writes);
    }

    @Test
    void connectionDropOnPostIsNotResentByAnyLayer() {
        server.enqueue(dropConnection());
        server.enqueue(ok());
        assertThrows(IOException.class, () -> execute(RetryPolicy.defaults(), post(RequestBody.create("x", TEXT))));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aPostWhoseBodyFailedWhileBeingWrittenIsResentAsTheServerNeverGotIt() throws Exception {
        server.enqueue(ok());
        server.enqueue(ok());
        FailsFirstTimeBody body = new FailsFirstTimeBody();
        try (Response response = execute(RetryPolicy.defaults(), post(body))) {
            assertEquals(200, response.code());
        }
        assertEquals(2, body.writes);
        assertEquals(List.of(Duration.ofMillis(500)), waits);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < server.getRequestCount(); i++) {
            bodies.add(server.takeRequest().getBody().utf8());
        }
        assertEquals("bytes", bodies.get(bodies.size() - 1), "the whole body on the attempt that succeeded: " + bodies);
    }

    @Test
    void aFailureThatIsNotRetriedSaysHowOftenAndWhy() {
        server.enqueue(dropConnection());
        IOException e = assertThrows(IOException.class, () -> execute(RetryPolicy.defaults(), post(RequestBody.create("x", TEXT))));
        RetryInterceptor.Outcome outcome = RetryInterceptor.Outcome.of(e);
        assertEquals("It was tried once and not again: POST is not idempotent and it was sent in full, then the "
                + "connection closed before any byte of a reply, so whether the server received it and acted on it is "
                + "unknown; check before repeating it.", outcome.getMessage());
        for (int i = 0; i < 3; i++) {
            server.enqueue(dropConnection());
        }
        IOException again = assertThrows(IOException.class, () -> execute(RetryPolicy.defaults(), get()));
        assertEquals("It was tried 3 times and not again: the retry policy allows 3 attempts.",
                RetryInterceptor.Outcome.of(again).getMessage());
        SmartFileException t = ErrorMapper.fromFailure(get(), again);
        assertTrue(t.getMessage().endsWith("It was tried 3 times and not again: the retry policy allows 3 attempts."),
                t.getMessage());
    }

    @Test
    void aPostThatCouldNotConnectIsTriedAgainAsTheServerNeverGotIt() throws IOException {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Request post = new Request.Builder().url("http://127.0.0.1:" + closed + "/api/2/path/oper/mkdir/")
                .post(RequestBody.create("path=%2Fa", MediaType.get("application/x-www-form-urlencoded"))).build();
        IOException e = assertThrows(IOException.class, () -> execute(RetryPolicy.defaults(), post));
        assertTrue(e instanceof java.net.ConnectException, e.toString());
        assertEquals("It was tried 3 times and not again: the retry policy allows 3 attempts.",
                RetryInterceptor.Outcome.of(e).getMessage());
        assertEquals(2, waits.size());
    }

    @Test
    void aPostOnAPooledConnectionThatFailsBeforeAnyReplyIsSentOnceMoreOnANewConnection() throws Exception {
        // Connection 0 answers a GET and stays open, then gives up on the POST that follows: it
        // closes its side (FIN) without a byte of reply, as a server closing an idle connection does.
        try (RawServer raw = new RawServer((socket, srv) -> {
            srv.read(socket.getInputStream());
            RawServer.reply(socket.getOutputStream(), 200, "{}", false);
            socket.getInputStream().read();
            socket.shutdownOutput();
            socket.getInputStream().transferTo(OutputStream.nullOutputStream());
        }, (socket, srv) -> {
            srv.read(socket.getInputStream());
            RawServer.reply(socket.getOutputStream(), 200, "{\"ok\":true}", true);
        })) {
            OkHttpClient client = client(RetryPolicy.defaults());
            client.newCall(new Request.Builder().url(raw.url("/api/2/ping/")).build()).execute().close();

            try (Response r = client.newCall(new Request.Builder().url(raw.url("/api/2/path/oper/mkdir/"))
                    .post(RequestBody.create("path=%2Fa", TEXT)).build()).execute()) {
                assertEquals(200, r.code());
            }
            assertEquals(2, raw.connections(), "the POST was sent again on a new connection");
            assertEquals("POST /api/2/path/oper/mkdir/ HTTP/1.1", raw.received.get(raw.received.size() - 1).line);
            assertEquals(List.of(), waits, "no backoff: the pool failed, not the request");
        }
    }

    @Test
    void aPooledConnectionFailureIsRetriedOnlyOnce() throws IOException {
        OkHttpClient client = client(RetryPolicy.defaults());
        server.enqueue(ok());
        server.enqueue(dropConnection()); // reused: sent once more
        server.enqueue(dropConnection()); // a new connection that the server closes too: not again
        server.enqueue(ok());
        client.newCall(get()).execute().close();

        IOException e = assertThrows(IOException.class, () -> client.newCall(post(RequestBody.create("x", TEXT))).execute());

        assertEquals(3, server.getRequestCount());
        assertTrue(RetryInterceptor.Outcome.of(e).getMessage().contains("whether the server received it"),
                RetryInterceptor.Outcome.of(e).getMessage());
    }

    @Test
    void aPostWhoseConnectionIsResetBeforeAnyReplyIsResentAsTheServerLeftItUnread() throws Exception {
        // Connection 0 reads the head only and resets the connection with the body unread (as a
        // server's TCP does when it closes with request bytes unread; the JDK's own close sends a
        // FIN instead, hence SO_LINGER 0 here). The 20 KB fit the socket buffers, so the write
        // succeeded and only the read of the reply fails.
        byte[] body = new byte[20_000];
        java.util.Arrays.fill(body, (byte) 'b');
        try (RawServer raw = new RawServer((socket, srv) -> {
            RawServer.readHead(socket.getInputStream());
            Thread.sleep(50); // let the client finish writing
            socket.setSoLinger(true, 0);
        }, (socket, srv) -> {
            srv.read(socket.getInputStream());
            RawServer.reply(socket.getOutputStream(), 200, "[]", true);
        })) {
            try (Response r = execute(RetryPolicy.defaults(), new Request.Builder().url(raw.url("/api/2/path/data/in/"))
                    .post(RequestBody.create(body, TEXT)).build())) {
                assertEquals(200, r.code());
            }
            assertEquals(2, raw.connections());
            assertEquals(20_000, raw.received.get(0).body.length, "the whole body on the attempt that succeeded");
        }
    }

    /**
     * The same cut as a server whose close is orderly (FIN) while it drains the rest of the body:
     * the client cannot tell this from a server that read the whole request, acted on it and
     * closed, so a POST is not re-sent, and the message says only what is known. Beside the reset
     * above, this is the one rule for both: no byte of a reply plus a reset (the server's TCP
     * discarded request bytes) proves the server did not read it all; an orderly close proves
     * nothing.
     */
    @Test
    void aPostWhoseNewConnectionEndsInOrderBeforeAnyReplyIsNotResentAndTheMessageSaysItIsUnknown() throws Exception {
        byte[] body = new byte[100_000];
        try (RawServer raw = new RawServer((socket, srv) -> {
            RawServer.readHead(socket.getInputStream());
            socket.getInputStream().readNBytes(5000);
            socket.shutdownOutput();
            socket.getInputStream().transferTo(OutputStream.nullOutputStream());
        })) {
            IOException e = assertThrows(IOException.class, () -> execute(RetryPolicy.defaults(),
                    new Request.Builder().url(raw.url("/api/2/path/data/in/")).post(RequestBody.create(body, TEXT)).build()));
            assertEquals(1, raw.connections(), "not re-sent");
            String outcome = RetryInterceptor.Outcome.of(e).getMessage();
            assertTrue(outcome.contains("whether the server received it and acted on it is unknown"), outcome);
            assertFalse(outcome.contains("reached the server"), outcome);
        }
    }

    @Test
    void aThrottleWaitLongerThanTheCallTimeoutLeftIsNotSlept() throws IOException {
        server.enqueue(status(503, "Retry-After", "5"));
        server.enqueue(ok());

        try (Response r = client(RetryPolicy.defaults(), 500).newCall(get()).execute()) {
            assertEquals(503, r.code(), "the throttle reply comes back at once, for a ThrottledException");
        }
        assertEquals(List.of(), waits, "no wait was started");
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aBackoffLongerThanTheCallTimeoutLeftEndsTheRetries() {
        server.enqueue(dropConnection());
        server.enqueue(ok());
        RetryPolicy slow = RetryPolicy.builder().initialBackoff(Duration.ofSeconds(10)).maxBackoff(Duration.ofSeconds(10)).build();

        IOException e = assertThrows(IOException.class, () -> client(slow, 3000).newCall(get()).execute());

        assertEquals(List.of(), waits);
        assertTrue(RetryInterceptor.Outcome.of(e).getMessage().contains("the call timeout leaves less time"),
                RetryInterceptor.Outcome.of(e).getMessage());
    }

    @Test
    void replayableBodyIsWrittenOncePerAttempt() throws IOException {
        CountingBody body = new CountingBody(false);
        server.enqueue(status(503, "X-Throttle", "throttled; next=0 sec"));
        server.enqueue(ok());
        Request put = new Request.Builder().url(server.url("/api/3/path/data/a.bin")).put(body).build();
        try (Response response = execute(RetryPolicy.defaults(), put)) {
            assertEquals(200, response.code());
        }
        assertEquals(2, body.writes);
    }

    @Test
    void serverWaitAboveTheLimitEndsRetriesAtOnce() throws IOException {
        server.enqueue(status(429, "Retry-After", "120"));
        server.enqueue(ok());
        try (Response response = execute(RetryPolicy.defaults(), get())) {
            assertEquals(429, response.code());
            assertEquals(Optional.of(Duration.ofSeconds(120)), Throttle.waitOf(response));
        }
        assertEquals(1, server.getRequestCount());
        assertEquals(List.of(), waits);
    }

    @Test
    void serverWaitLimitIsConfigurable() throws IOException {
        server.enqueue(status(429, "Retry-After", "120"));
        server.enqueue(ok());
        RetryPolicy patient = RetryPolicy.builder().maxServerWait(Duration.ofMinutes(5)).build();
        try (Response response = execute(patient, get())) {
            assertEquals(200, response.code());
        }
        assertEquals(List.of(Duration.ofSeconds(120)), waits);
    }

    @Test
    void noRetriesPolicySendsOnce() throws IOException {
        server.enqueue(status(503, "X-Throttle", "throttled; next=0.01 sec"));
        try (Response response = execute(RetryPolicy.none(), get())) {
            assertEquals(503, response.code());
        }
        assertEquals(1, server.getRequestCount());

        server.enqueue(dropConnection());
        server.enqueue(ok());
        assertThrows(IOException.class, () -> execute(RetryPolicy.none(), get()));
        assertEquals(2, server.getRequestCount());
        assertEquals(List.of(), waits);
    }

    @Test
    void annotationDecidesIdempotencyOverTheMethod() throws IOException {
        AnnotatedService service = new Retrofit.Builder()
                .baseUrl(server.url("/api/2/"))
                .callFactory(client(RetryPolicy.defaults()))
                .build()
                .create(AnnotatedService.class);

        server.enqueue(status(500));
        assertEquals(500, service.forget().execute().code());
        assertEquals(1, server.getRequestCount());

        server.enqueue(status(500));
        server.enqueue(ok());
        assertEquals(200, service.lookup().execute().code());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void methodDecidesIdempotencyWithoutAnnotation() {
        Request.Builder b = new Request.Builder().url(server.url("/"));
        assertTrue(RetryInterceptor.isIdempotent(b.get().build()));
        assertTrue(RetryInterceptor.isIdempotent(b.head().build()));
        assertTrue(RetryInterceptor.isIdempotent(b.delete().build()));
        assertTrue(RetryInterceptor.isIdempotent(b.put(RequestBody.create(new byte[0])).build()));
        assertTrue(RetryInterceptor.isIdempotent(b.method("OPTIONS", null).build()));
        assertFalse(RetryInterceptor.isIdempotent(b.post(RequestBody.create(new byte[0])).build()));
        assertFalse(RetryInterceptor.isIdempotent(b.patch(RequestBody.create(new byte[0])).build()));
    }

    @Test
    void interruptedWaitThrowsInterruptedIOExceptionAndKeepsTheFlag() {
        server.enqueue(status(429, "Retry-After", "1"));
        server.enqueue(ok());
        OkHttpClient client = new OkHttpClient.Builder()
                .addInterceptor(new RetryInterceptor(RetryPolicy.defaults(), d -> {
                    throw new InterruptedException();
                }, () -> 1.0))
                .build();
        try {
            assertThrows(InterruptedIOException.class, () -> client.newCall(get()).execute());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void canceledCallIsNotRetried() {
        server.enqueue(status(500));
        server.enqueue(ok());
        okhttp3.Call call = client(RetryPolicy.defaults()).newBuilder()
                .addInterceptor(chain -> {
                    Response r = chain.proceed(chain.request());
                    chain.call().cancel();
                    return r;
                })
                .build()
                .newCall(get());
        assertThrows(IOException.class, call::execute);
        assertEquals(1, server.getRequestCount());
        assertEquals(List.of(), waits, "no backoff is slept for a canceled call");
    }

    @Test
    void retriesAreLoggedAtDebugWithoutSecrets() throws IOException {
        List<String> lines = new ArrayList<>();
        try (LogCapture log = LogCapture.of("com.smartfile.sdk")) {
            server.enqueue(status(503, "X-Throttle", "throttled; next=0.01 sec"));
            server.enqueue(ok());
            Request request = new Request.Builder()
                    .url(server.url("/api/2/path/info/a/?oauth_token=QUERY-SECRET&page=2"))
                    .header("Authorization", "Basic SECRET-AUTH")
                    .build();
            execute(RetryPolicy.defaults(), request).close();
            log.records().forEach(r -> lines.add(r.getLevel() + " " + r.getMessage()));
        }
        assertEquals(1, lines.size(), lines.toString());
        String line = lines.get(0);
        assertTrue(line.startsWith("FINE retrying GET http://"), line);
        assertTrue(line.contains("503 throttled") && line.contains("10 ms") && line.contains("page=2"), line);
        assertFalse(line.contains("QUERY-SECRET") || line.contains("SECRET-AUTH") || line.contains("Authorization"), line);
    }

    /** A body that counts how often it is written; optionally one-shot like an InputStream upload. */
    /** Fails as a broken connection would while its first copy is being written. */
    static final class FailsFirstTimeBody extends RequestBody {
        volatile int writes;

        @Override
        public MediaType contentType() {
            return MediaType.get("application/octet-stream");
        }

        @Override
        public long contentLength() {
            return 5;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            writes++;
            sink.writeUtf8("by");
            if (writes == 1) {
                throw new java.net.SocketException("Broken pipe (simulated while the body was being written)");
            }
            sink.writeUtf8("tes");
        }
    }

    static final class CountingBody extends RequestBody {
        private final boolean oneShot;
        volatile int writes;

        CountingBody(boolean oneShot) {
            this.oneShot = oneShot;
        }

        @Override
        public MediaType contentType() {
            return MediaType.get("application/octet-stream");
        }

        @Override
        public long contentLength() {
            return 5;
        }

        @Override
        public boolean isOneShot() {
            return oneShot;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            writes++;
            sink.writeUtf8("bytes");
        }
    }

}
