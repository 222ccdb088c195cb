package com.smartfile.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.smartfile.sdk.model.PathInfo;
import com.smartfile.sdk.model.Ping;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SmartFile client against MockWebServer: URLs, parameters, replies, errors, retries, credentials. */
class SmartFileClientTest {

    static final String KEY = "k3yK3yk3yK3yk3yK3yk3yK3yk3yK3y";
    static final String PASSWORD = "pa55WORDpa55WORDpa55WORDpa55WO";

    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path home;

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SmartFile.Builder builder() {
        return SmartFile.builder()
                .baseUrl(server.url("/").toString())
                .environment(name -> null, home)
                .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5)).build());
    }

    private SmartFile client() {
        return builder().basicAuth(KEY, PASSWORD).build();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertTrue(r != null, "no request reached the server");
        return r;
    }

    @Test
    void rawUrlsFollowTheOfficialClientsContractForEveryVersion() throws Exception {
        for (int major = 0; major <= 9; major++) {
            for (String version : List.of(major + "", major + "." + major)) {
                try (SmartFile client = builder().basicAuth(KEY, PASSWORD).apiVersion(version).build()) {
                    server.enqueue(json(200, "{}"));
                    client.get("/path/data", "/the/file/path", null);
                    assertEquals("/api/" + version + "/path/data/the/file/path/", take().getTarget());
                    server.enqueue(json(200, "{}"));
                    client.get("/access/user", 42, null);
                    assertEquals("/api/" + version + "/access/user/42/", take().getTarget());
                }
            }
        }
        try (SmartFile client = client()) {
            server.enqueue(json(200, "{}"));
            client.get("//path//info//", "//My Docs//a#b?.txt", null);
            assertEquals("/api/2/path/info/My%20Docs/a%23b%3F.txt/", take().getTarget());
            server.enqueue(json(200, "{}"));
            client.get("ping", null, null);
            assertEquals("/api/2/ping/", take().getTarget());
        }
    }

    @Test
    void rawParametersGoToTheQueryForGetAndToAFormBodyOtherwise() throws Exception {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("path", List.of("/a b", "/c&d"));
        params.put("children", true);
        try (SmartFile client = client()) {
            server.enqueue(json(200, "{}"));
            client.get("/path/info", "/", params);
            RecordedRequest get = take();
            assertEquals("GET", get.getMethod());
            assertEquals(List.of("/a b", "/c&d"), get.getUrl().queryParameterValues("path"));
            assertEquals("true", get.getUrl().queryParameter("children"));

            for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
                server.enqueue(json(200, "{}"));
                client.call(method.toLowerCase(), "/path/oper/remove", null, params);
                RecordedRequest r = take();
                assertEquals(method, r.getMethod());
                assertEquals("/api/2/path/oper/remove/", r.getTarget());
                assertTrue(r.getHeaders().get("Content-Type").startsWith("application/x-www-form-urlencoded"));
                assertEquals("path=%2Fa+b&path=%2Fc%26d&children=true", r.getBody().utf8());
            }
            server.enqueue(json(200, "{}"));
            client.post("/path/oper/mkdir", null, Map.of("path", "/new"));
            assertEquals("path=%2Fnew", take().getBody().utf8());
        }
    }

    @Test
    void aFileParameterMakesTheBodyMultipart() throws Exception {
        Path file = Files.write(home.resolve("r\u00e9sum\u00e9.txt"), "file one".getBytes(StandardCharsets.UTF_8));
        try (SmartFile client = client()) {
            server.enqueue(json(200, "[{\"name\":\"x\"}]"));
            Object reply = client.post("/path/data", "/inbox", Map.of("file", List.of(file, "second".getBytes(StandardCharsets.UTF_8))));
            RecordedRequest r = take();
            assertEquals("/api/2/path/data/inbox/", r.getTarget());
            assertTrue(r.getHeaders().get("Content-Type").startsWith("multipart/form-data"));
            String body = r.getBody().utf8();
            assertTrue(body.contains("name=\"file\"; filename=\"r\u00e9sum\u00e9.txt\""), body);
            assertTrue(body.contains("file one"), body);
            assertTrue(body.contains("second"), body);
            assertEquals(List.of(Map.of("name", "x")), reply);
        }
    }

    @Test
    void rawRepliesAreJsonWhenLabelledSoAndStreamsOtherwise() throws Exception {
        try (SmartFile client = client()) {
            server.enqueue(json(200, "{\"ping\":\"pong\",\"n\":3}"));
            assertEquals(Map.of("ping", "pong", "n", 3.0), client.get("/ping", null, null));

            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/plain")
                    .addHeader("Set-Cookie", "sessionid=secret").body("hello file").build());
            Object reply = client.get("/path/data", "/a.txt", null);
            try (FileReply file = assertInstanceOf(FileReply.class, reply); InputStream in = file.getInputStream()) {
                assertEquals("text/plain", file.getContentType());
                assertNull(file.getHeader("Set-Cookie"), "secret headers are not handed out");
                assertEquals("hello file", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }

            server.enqueue(new MockResponse.Builder().code(204).build());
            assertNull(client.delete("/link", "abc", null));
        }
    }

    @Test
    void badRawInputIsRejectedBeforeAnyRequest() {
        try (SmartFile client = client()) {
            assertThrows(InvalidInputException.class, () -> client.call("FETCH", "/ping", null, null));
            assertThrows(InvalidInputException.class, () -> client.call(null, "/ping", null, null));
            assertThrows(InvalidInputException.class, () -> client.get("/path/info", "/a/../etc", null));
            assertThrows(InvalidInputException.class, () -> client.get("/path/info", "/a\r\nb", null));
            assertThrows(InvalidInputException.class, () -> client.get(" ", null, null));
            assertThrows(InvalidInputException.class, () -> client.get("/path/info", null, Map.of("f", new byte[1])));
        }
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void typedCallsEncodePathIdsAndDecodeModels() throws Exception {
        try (SmartFile client = client()) {
            server.enqueue(json(200, "{\"name\":\"r\u00e9 #1?.txt\",\"size\":12,\"isfile\":true,"
                    + "\"time\":\"2013-02-23T22:49:30\",\"acl\":{\"read\":true},\"brand_new_field\":1}"));
            PathInfo info = client.paths().info("/My Docs/r\u00e9 #1?.txt");
            assertEquals("/api/2/path/info/My%20Docs/r%C3%A9%20%231%3F.txt/", take().getTarget());
            assertEquals("r\u00e9 #1?.txt", info.getName());
            assertEquals(12L, info.getSize());
            assertEquals(2013, info.getTime().getYear());
            assertTrue(info.getAcl().getRead());

            server.enqueue(json(200, "{\"uuid\":\"abc\",\"result\":{\"status\":\"PROGRESS\"}}"));
            PendingTask task = client.paths().move(List.of("/a", "b/"), "/dst");
            RecordedRequest move = take();
            assertEquals("/api/2/path/oper/move/", move.getTarget());
            assertEquals("src=%2Fa&src=%2Fb&dst=%2Fdst", move.getBody().utf8());
            assertEquals("abc", task.getUuid());
        }
    }

    @Test
    void errorRepliesBecomeTypedExceptionsWithTheServersWords() throws Exception {
        try (SmartFile client = client()) {
            server.enqueue(new MockResponse.Builder().code(404).addHeader("Content-Type", "application/json")
                    .addHeader("x-unique-id", "req-123").body("{\"detail\":\"Path not found.\"}").build());
            NotFoundException nf = assertThrows(NotFoundException.class, () -> client.paths().info("/missing"));
            assertEquals(404, nf.getStatusCode());
            assertEquals("Path not found.", nf.getDetail());
            assertEquals("GET", nf.getMethod());
            assertEquals("req-123", nf.getRequestId());
            assertTrue(nf.getMessage().contains("Path not found.") && nf.getMessage().contains("/api/2/path/info/missing/"), nf.getMessage());

            server.enqueue(json(400, "{\"src\":[\"This field is required.\"]}"));
            ValidationException ve = assertThrows(ValidationException.class, () -> client.paths().move(List.of("/a"), "/b"));
            assertEquals(List.of("This field is required."), ve.getFieldErrors().get("src"));

            server.enqueue(json(400, "{\"field_errors\":{\"path\":[\"Invalid path.\"]}}"));
            ValidationException fe = assertThrows(ValidationException.class, () -> client.paths().mkdir("/x"));
            assertEquals(List.of("Invalid path."), fe.getFieldErrors().get("path"));

            for (int i = 0; i < 3; i++) { // a GET is idempotent: retried until the attempts run out
                server.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
                        .body("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>").build());
            }
            ApiException bad = assertThrows(ApiException.class, () -> client.tasks().get("t1"));
            assertEquals(502, bad.getStatusCode());
            assertTrue(bad.getMessage().contains("502 Bad Gateway"), bad.getMessage());

            server.enqueue(new MockResponse.Builder().code(403).addHeader("Content-Type", "text/plain")
                    .body("Could not verify OAuth request.").build());
            assertThrows(AuthenticationException.class, () -> client.whoami());

            server.enqueue(json(403, "{\"detail\":\"You do not have permission to perform this action.\"}"));
            assertThrows(PermissionDeniedException.class, () -> client.users().delete("bob"));

            server.enqueue(json(409, "{\"detail\":\"Folder does not exist.\"}"));
            assertThrows(ConflictException.class, () -> client.paths().mkdir("/a/b"));
        }
    }

    @Test
    void aMalformedSuccessReplyIsAnInvalidReplyError() {
        try (SmartFile client = client()) {
            server.enqueue(json(200, "{\"name\": \"trunc"));
            InvalidReplyException e = assertThrows(InvalidReplyException.class, () -> client.paths().info("/a"));
            assertTrue(e.getMessage().contains("/api/2/path/info/a/"), e.getMessage());
            server.enqueue(json(200, ""));
            assertThrows(InvalidReplyException.class, () -> client.paths().info("/a"));
        }
    }

    @Test
    void threeThrottleRepliesMakeExactlyThreeRequestsThenAThrottledException() {
        try (SmartFile client = client()) {
            for (int i = 0; i < 3; i++) {
                server.enqueue(new MockResponse.Builder().code(503).addHeader("X-Throttle", "throttled; next=0.01 sec").build());
            }
            ThrottledException e = assertThrows(ThrottledException.class, () -> client.ping());
            assertEquals(3, server.getRequestCount());
            assertEquals(Duration.ofMillis(10), e.getRetryAfter());
            assertEquals(503, e.getStatusCode());
        }
    }

    @Test
    void aOneShotUploadIsNeverSentTwice() {
        try (SmartFile client = client()) {
            server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build());
            server.enqueue(json(200, "{}"));
            InputStream stream = new ByteArrayInputStream("only once".getBytes(StandardCharsets.UTF_8));
            assertThrows(ThrottledException.class, () -> client.post("/path/data", "/inbox", Map.of("file", stream)));
            assertEquals(1, server.getRequestCount());
        }
    }

    @Test
    void basicAuthAndUserAgentGoOnEveryCall() throws Exception {
        try (SmartFile client = builder().basicAuth(KEY, PASSWORD).userAgentSuffix("my-app/1.2").build()) {
            server.enqueue(json(200, "{\"ping\":\"pong\"}"));
            Ping ping = client.ping();
            assertEquals("pong", ping.getPing());
            RecordedRequest r = take();
            String expected = "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((KEY + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            assertEquals(expected, r.getHeaders().get("Authorization"));
            String ua = r.getHeaders().get("User-Agent");
            assertTrue(ua.startsWith("SmartFile-Java-SDK/") && ua.contains("(Java ") && ua.endsWith(" my-app/1.2"), ua);
        }
    }

    @Test
    void oauthCredentialsSignEveryCallAndAClientWithoutAccessTokenSendsNothing() throws Exception {
        String clientToken = "cl1entT0kencl1entT0kencl1entT0";
        String clientSecret = "cl1entS3cretcl1entS3cretcl1ent";
        String accessToken = "acc3ssT0kenacc3ssT0kenacc3ssT0";
        String accessSecret = "acc3ssS3cretacc3ssS3cretacc3ss";
        for (OAuthSignatureMethod method : OAuthSignatureMethod.values()) {
            try (SmartFile client = builder().oauthSignatureMethod(method)
                    .credentials(Credentials.oauth1(clientToken, clientSecret, accessToken, accessSecret)).build()) {
                server.enqueue(json(200, "{}"));
                client.paths().info("/a");
                String auth = take().getHeaders().get("Authorization");
                assertTrue(auth.startsWith("OAuth "), auth);
                assertTrue(auth.contains("oauth_consumer_key=\"" + clientToken + "\""), auth);
                assertTrue(auth.contains("oauth_token=\"" + accessToken + "\""), auth);
                assertTrue(auth.contains("oauth_signature_method=\"" + method.wireName + "\""), auth);
                assertEquals(method == OAuthSignatureMethod.PLAINTEXT, auth.contains(clientSecret), auth);
            }
        }
        try (SmartFile client = builder().credentials(Credentials.oauth1Client(clientToken, clientSecret)).build()) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> client.paths().info("/a"));
            assertTrue(e.getMessage().contains("OAuth1Flow"), e.getMessage());
            assertFalse(e.getMessage().contains(clientSecret));
        }
        assertEquals(2, server.getRequestCount());
    }

    /** A re-sent request is signed again: a new nonce (a server rejects a nonce it has seen). */
    @Test
    void eachAttemptIsSignedAfreshWithANewNonce() throws Exception {
        try (SmartFile client = builder().credentials(Credentials.oauth1("cl1entT0kencl1entT0kencl1entT0",
                "cl1entS3cretcl1entS3cretcl1ent", "acc3ssT0kenacc3ssT0kenacc3ssT0", "acc3ssS3cretacc3ssS3cretacc3ss")).build()) {
            server.enqueue(new MockResponse.Builder().code(503).addHeader("X-Throttle", "throttled; next=0.01 sec")
                    .body("{\"detail\":\"x\"}").build());
            server.enqueue(json(200, "{}"));
            client.paths().info("/a");
            java.util.regex.Pattern nonce = java.util.regex.Pattern.compile("oauth_nonce=\"([^\"]+)\"");
            java.util.regex.Matcher first = nonce.matcher(take().getHeaders().get("Authorization"));
            java.util.regex.Matcher second = nonce.matcher(take().getHeaders().get("Authorization"));
            assertTrue(first.find() && second.find(), "both attempts are signed");
            assertFalse(first.group(1).equals(second.group(1)), "a new nonce: " + first.group(1));
        }
    }

    @Test
    void credentialsComeFromTheEnvironmentThenNetrcWithThePortInTheMachineName() throws Exception {
        Map<String, String> env = Map.of("SMARTFILE_API_KEY", KEY, "SMARTFILE_API_PASSWORD", PASSWORD,
                "SMARTFILE_API_URL", server.url("/").toString());
        try (SmartFile client = SmartFile.builder().environment(env::get, home).build()) {
            assertEquals(server.url("/").toString(), client.getBaseUrl());
            server.enqueue(json(200, "{}"));
            client.whoami();
            assertTrue(take().getHeaders().get("Authorization").startsWith("Basic "));
        }
        String netrcKey = "n3trcn3trcn3trcn3trcn3trcn3trc";
        Path netrc = Files.write(home.resolve(".netrc"), ("machine " + server.getHostName() + ":" + server.getPort()
                + " login " + netrcKey + " password " + PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
        Files.setPosixFilePermissions(netrc, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        try (SmartFile client = SmartFile.builder().baseUrl(server.url("/").toString()).environment(n -> null, home).build()) {
            server.enqueue(json(200, "{}"));
            client.whoami();
            String auth = take().getHeaders().get("Authorization");
            String decoded = new String(java.util.Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8);
            assertEquals(netrcKey + ":" + PASSWORD, decoded);
        }
    }

    @Test
    void missingOrShortCredentialsFailAtBuildTimeNamingTheThreeWays() {
        ConfigurationException none = assertThrows(ConfigurationException.class,
                () -> SmartFile.builder().baseUrl(server.url("/").toString()).environment(n -> null, home).build());
        String m = none.getMessage();
        assertTrue(m.contains("SMARTFILE_API_KEY") && m.contains("netrc") && m.toLowerCase().contains("builder"), m);
        assertThrows(ConfigurationException.class, () -> builder().basicAuth("short", PASSWORD).build());
        ConfigurationException blank = assertThrows(ConfigurationException.class, () -> builder().basicAuth(KEY, "   ").build());
        assertFalse(blank.getMessage().contains(KEY));
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void plainHttpToAnotherHostIsRefusedUnlessAllowed() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> SmartFile.builder().baseUrl("http://files.example.com/").basicAuth(KEY, PASSWORD).build());
        assertTrue(e.getMessage().contains("https://"), e.getMessage());
        SmartFile allowed = SmartFile.builder().baseUrl("http://files.example.com/").basicAuth(KEY, PASSWORD)
                .allowInsecureHttp(true).build();
        allowed.close();
        assertThrows(ConfigurationException.class,
                () -> SmartFile.builder().baseUrl("not a url").basicAuth(KEY, PASSWORD).build());
        assertThrows(ConfigurationException.class,
                () -> SmartFile.builder().baseUrl("https://user:pw@example.com/").basicAuth(KEY, PASSWORD).build());
    }

    @Test
    void asyncFormsCompleteWithTheResultOrTheTypedException() throws Exception {
        try (SmartFile client = client()) {
            server.enqueue(json(200, "{\"ping\":\"pong\"}"));
            assertEquals("pong", client.pingAsync().get(5, TimeUnit.SECONDS).getPing());
            server.enqueue(json(404, "{\"detail\":\"nope\"}"));
            CompletionException e = assertThrows(CompletionException.class, () -> client.paths().infoAsync("/x").join());
            assertInstanceOf(NotFoundException.class, e.getCause());
        }
    }

    @Test
    void aCallerSuppliedOkHttpClientKeepsItsInterceptorsAndGetsOurs() throws Exception {
        List<String> seen = new ArrayList<>();
        OkHttpClient mine = new OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    seen.add(chain.request().url().encodedPath());
                    return chain.proceed(chain.request().newBuilder().header("X-Mine", "1").build());
                })
                .build();
        try (SmartFile client = builder().basicAuth(KEY, PASSWORD).httpClient(mine).build()) {
            server.enqueue(json(200, "{}"));
            client.whoami();
            RecordedRequest r = take();
            assertEquals("1", r.getHeaders().get("X-Mine"));
            assertTrue(r.getHeaders().get("Authorization").startsWith("Basic "));
            assertEquals(List.of("/api/2/whoami/"), seen);
        }
        assertFalse(mine.dispatcher().executorService().isShutdown(), "the caller's client stays open");
    }

    @Test
    void secretsNeverReachLogsMessagesOrToString() throws Exception {
        List<String> lines = new ArrayList<>();
        try (LogCapture log = LogCapture.of("com.smartfile.sdk");
             SmartFile client = builder().basicAuth(KEY, PASSWORD).logLevel(LogLevel.BODY).build()) {
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .addHeader("Set-Cookie", "sessionid=S3SSION; csrftoken=CSRFT0KEN").body("{\"password\":\"" + PASSWORD + "\"}").build());
            client.post("/user", "bob", Map.of("password", PASSWORD));
            server.enqueue(new MockResponse.Builder().code(503).addHeader("X-Throttle", "t; next=0.001 sec").build());
            server.enqueue(json(401, "{\"detail\":\"bad " + PASSWORD + "\"}"));
            ApiException e = assertThrows(ApiException.class, () -> client.whoami());
            lines.add(e.getMessage());
            lines.add(client.toString());
            lines.addAll(0, log.messages());
        }
        String all = String.join("\n", lines);
        assertFalse(lines.isEmpty());
        String basic = java.util.Base64.getEncoder().encodeToString((KEY + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        for (String secret : List.of(PASSWORD, basic, "S3SSION", "CSRFT0KEN")) {
            assertFalse(all.contains(secret), "a secret leaked:\n" + all);
        }
        assertTrue(all.contains("/api/2/whoami/"), "the log shows the calls:\n" + all);
    }

    /**
     * The one asynchronous contract, for every public {@code …Async} method of the client and its
     * services: given bad arguments it returns a future (never throws), the future fails with the
     * same {@link InvalidInputException} the synchronous twin throws, and no request is sent.
     */
    @Test
    void everyAsyncMethodFailsItsFutureWithTheSyncExceptionAndSendsNothing() throws Exception {
        try (SmartFile client = client()) {
            List<Object> targets = new ArrayList<>();
            targets.add(client);
            for (Method m : SmartFile.class.getMethods()) {
                if (m.getParameterCount() == 0 && m.getReturnType().getSimpleName().endsWith("Service")) {
                    targets.add(m.invoke(client));
                }
            }
            int checked = 0;
            int all = 0;
            List<String> problems = new ArrayList<>();
            for (Object target : targets) {
                for (Method async : target.getClass().getMethods()) {
                    if (!async.getName().endsWith("Async")) {
                        continue;
                    }
                    all++;
                    if (async.getParameterCount() == 0) {
                        continue; // without arguments there is nothing to refuse
                    }
                    String where = target.getClass().getSimpleName() + "." + async.getName();
                    Object[] args = badArguments(async.getParameterTypes());
                    Object result;
                    try {
                        result = async.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        problems.add(where + " threw " + e.getCause());
                        continue;
                    }
                    Throwable asyncFailure = failureOf((CompletableFuture<?>) result);
                    Method sync = target.getClass().getMethod(async.getName().replaceFirst("Async$", ""), async.getParameterTypes());
                    Throwable syncFailure;
                    try {
                        sync.invoke(target, args);
                        syncFailure = null;
                    } catch (InvocationTargetException e) {
                        syncFailure = e.getCause();
                    }
                    if (!(asyncFailure instanceof InvalidInputException) || syncFailure == null
                            || asyncFailure.getClass() != syncFailure.getClass()
                            || !asyncFailure.getMessage().equals(syncFailure.getMessage())) {
                        problems.add(where + ": future failed with " + asyncFailure + ", sync threw " + syncFailure);
                    }
                    checked++;
                }
            }
            assertEquals(List.of(), problems);
            // All the async twins of the client and its services were reached: 66 when the services were generated, 58 with arguments.
            assertTrue(all >= 66 && checked >= 58, "only " + all + " async methods found, " + checked + " with arguments");
            assertEquals(0, server.getRequestCount(), "a request was sent for bad input");
        }
    }

    @Test
    void afterCloseEveryCallFailsWithClientClosedExceptionAndSendsNothing() throws Exception {
        SmartFile client = client();
        client.close();

        // The transfers ran on the closed dispatcher's threads: RejectedExecutionException was thrown at once.
        List<CompletableFuture<?>> futures = List.of(
                client.paths().uploadAsync("/in", List.of(UploadSource.of(new byte[1]).named("a.txt")), null),
                client.paths().uploadAsAsync("/in/a.txt", UploadSource.of(new byte[1]), null),
                client.paths().downloadAsync("/in/a.txt", home.resolve("a.txt"), null),
                client.paths().infoAsync("/in"),
                client.pingAsync());
        for (CompletableFuture<?> f : futures) {
            assertInstanceOf(ClientClosedException.class, failureOf(f));
        }
        assertThrows(ClientClosedException.class, () -> client.paths().info("/in"));
        assertThrows(ClientClosedException.class, () -> client.call("GET", "/path/info", "/in", Map.of()));
        assertThrows(ClientClosedException.class, () -> client.paths().download("/in/a.txt", home.resolve("b.txt")));
        ClientClosedException e = assertThrows(ClientClosedException.class, () -> client.paths().uploadAs("/in/a.txt",
                UploadSource.of(new byte[1])));
        assertTrue(e.getMessage().contains("SmartFile.builder()"), e.getMessage());
        assertEquals(0, server.getRequestCount());
        try (java.util.stream.Stream<Path> left = Files.list(home)) {
            assertEquals(0, left.filter(p -> p.getFileName().toString().endsWith(".smartfile-part")).count());
        }
    }

    private static Throwable failureOf(CompletableFuture<?> future) throws InterruptedException {
        try {
            future.get(10, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            fail("the future did not complete");
            return null;
        }
    }

    /** Null for every reference, 0 for numbers (no page, limit or id may be 0). */
    private static Object[] badArguments(Class<?>[] types) {
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            if (types[i] == int.class) {
                args[i] = 0;
            } else if (types[i] == long.class) {
                args[i] = 0L;
            } else if (types[i] == boolean.class) {
                args[i] = false;
            }
        }
        return args;
    }

    /** What users build for their tests is what the client throws for the same reply. */
    @Test
    void builtApiExceptionsMatchTheOnesTheClientThrows() {
        try (SmartFile client = builder().basicAuth(KEY, PASSWORD).retryPolicy(RetryPolicy.none()).build()) {
            for (int status : new int[] {400, 401, 403, 404, 409, 429, 500, 502}) {
                String body = status == 400 ? "{\"field_errors\": {\"email\": [\"Enter a valid email.\"]}}"
                        : "{\"detail\": \"said " + status + "\"}";
                server.enqueue(new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                        .addHeader("x-unique-id", "r-" + status).body(body).build());
                ApiException real = assertThrows(ApiException.class, client::whoami);
                ApiException.Builder b = ApiException.builder(status).request(real.getMethod(), real.getUrl())
                        .requestId("r-" + status).rawBody(body);
                if (status == 400) {
                    b.fieldError("email", "Enter a valid email.");
                } else {
                    b.detail("said " + status);
                }
                ApiException built = b.build();
                assertEquals(real.getClass(), built.getClass(), "status " + status);
                assertEquals(real.getMessage(), built.getMessage());
                assertEquals(real.getFieldErrors(), built.getFieldErrors());
                assertEquals(real.getRequestId(), built.getRequestId());
                assertEquals(real.getDetail(), built.getDetail());
            }
        }
        ThrottledException busy = ApiException.builder(503).retryAfter(Duration.ofSeconds(7)).build(ThrottledException.class);
        assertEquals(Duration.ofSeconds(7), busy.getRetryAfter());
        assertInstanceOf(NotFoundException.class, ApiException.builder(404).build());
        assertThrows(InvalidInputException.class, () -> ApiException.builder(400).build(NotFoundException.class));
        assertThrows(InvalidInputException.class, () -> ApiException.builder(42));
    }

    /** The six paging envelopes are one generic Page: items decode to their own type, unknown fields are ignored. */
    @Test
    void pagesDecodeTheirItemsTyped() throws Exception {
        server.enqueue(json(200, "{\"page\": 2, \"pages\": 3, \"per_page\": 1, \"total\": 3, \"next\": \"n\", "
                + "\"brand_new\": {\"x\": 1}, \"results\": [{\"name\": \"staff\", \"users\": [\"ann\"]}]}"));
        try (SmartFile client = client()) {
            com.smartfile.sdk.model.Page<com.smartfile.sdk.model.Group> page = client.groups().listPage(2, 1);
            com.smartfile.sdk.model.Group first = page.getResults().get(0);
            assertEquals("staff", first.getName());
            assertEquals(List.of("ann"), first.getUsers());
            assertEquals(3, page.getPages());
            assertEquals(1, page.getPerPage());
            assertEquals("n", page.getNext());
            assertNull(page.getPrevious());
        }
        assertEquals("/api/2/group/?page=2&limit=1", take().getTarget());
    }

    @Test
    void pathFlagsReadTheWireKeysAndAreFalseWhenAbsent() throws Exception {
        server.enqueue(json(200, "{\"path\": \"/d\", \"isdir\": true, \"isfile\": false}"));
        server.enqueue(json(200, "{\"path\": \"/f\", \"isdir\": false, \"isfile\": true}"));
        server.enqueue(json(200, "{\"path\": \"/renamed\"}"));
        try (SmartFile client = client()) {
            PathInfo folder = client.paths().info("/d");
            assertTrue(folder.isDirectory());
            assertFalse(folder.isFile());
            PathInfo file = client.paths().info("/f");
            assertFalse(file.isDirectory());
            assertTrue(file.isFile());
            PathInfo partial = client.paths().info("/renamed");
            assertFalse(partial.isDirectory(), "a reply without isdir is not a folder");
            assertFalse(partial.isFile(), "a reply without isfile is not a file");
            assertEquals(folder, folder.toBuilder().build());
            assertEquals(PathInfo.builder().path("/d").directory(true).file(false).build(), folder,
                    "the builder's directory/file set the same keys the server sent");
        }
    }
}
