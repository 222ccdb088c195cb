package com.smartfile.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every fault switch, from the Java API and from the admin endpoint, counted per request. */
class FaultsTest {

    @RegisterExtension
    static final SmartFileEmulatorExtension EMULATOR =
            new SmartFileEmulatorExtension(b -> b.taskDuration(Duration.ZERO));

    @AfterEach
    void reset(Faults faults) {
        faults.reset();
    }

    @Test
    void throttle503WithXThrottle(EmulatorCredentials c, Faults faults) {
        TestClient client = TestClient.basic(c);
        faults.throttle503(2, 0.25);
        for (int i = 0; i < 2; i++) {
            Reply r = client.get("api/2/whoami/");
            Checks.detail(r, 503);
            assertEquals("throttled; next=0.25 sec", r.header("X-Throttle"));
            assertNotNull(r.header("x-unique-id"));
            assertTrue(r.header("X-Throttle").matches("^.*; next=([\\d.]+) sec$"));
        }
        Checks.json(client.get("api/2/whoami/"), 200);
    }

    @Test
    void throttle429WithRetryAfterOrWaitSeconds(EmulatorCredentials c, Faults faults) {
        TestClient client = TestClient.basic(c);
        faults.throttle429(1, 2);
        Reply r = client.get("api/2/ping/");
        Checks.detail(r, 429);
        assertEquals("2", r.header("Retry-After"));
        Checks.json(client.get("api/2/ping/"), 200);
        faults.throttle429WaitSeconds(1, 3);
        Reply w = client.get("api/2/ping/");
        Checks.detail(w, 429);
        assertEquals("3", w.header("X-Throttle-Wait-Seconds"));
    }

    @Test
    void throttlingIsCountedExactlyUnderConcurrency(EmulatorCredentials c, Faults faults) throws Exception {
        TestClient client = TestClient.basic(c);
        faults.throttle429(5, 1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                results.add(pool.submit(() -> client.get("api/2/ping/").status));
            }
            int throttled = 0;
            for (Future<Integer> f : results) {
                throttled += f.get() == 429 ? 1 : 0;
            }
            assertEquals(5, throttled);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void cutDownloadClosesTheConnectionMidBody(EmulatorCredentials c, SmartFileEmulator e, Faults faults)
            throws Exception {
        byte[] data = new byte[200_000];
        new java.util.Random(3).nextBytes(data);
        Files.write(e.root().resolve("cut.bin"), data);
        String auth = TestClient.basicHeader(c.key(), c.password());
        faults.cutNextDownload(1000);
        RawHttp.RawReply cut = RawHttp.send(e.port(), "GET", "/api/2/path/data/cut.bin/", auth);
        assertEquals(200, cut.status);
        assertEquals("200000", cut.header("content-length"));
        assertEquals(1000, cut.body.length);
        assertArrayEquals(java.util.Arrays.copyOf(data, 1000), cut.body);
        // only the next download was cut
        assertArrayEquals(data, RawHttp.send(e.port(), "GET", "/api/2/path/data/cut.bin/", auth).body);
        // a resumed, ranged download can be cut too; an HTTP client sees a truncated body
        faults.cutNextDownload(10);
        TestClient client = TestClient.basic(c);
        assertThrows(UncheckedIOException.class,
                () -> client.get("api/3/path/data/cut.bin", "Range", "bytes=1000-"));
        Reply resumed = client.get("api/3/path/data/cut.bin", "Range", "bytes=1000-");
        assertEquals(206, resumed.status);
        assertArrayEquals(java.util.Arrays.copyOfRange(data, 1000, data.length), resumed.body);
    }

    @Test
    void delayHoldsRepliesBack(EmulatorCredentials c, Faults faults) {
        TestClient client = TestClient.basic(c);
        faults.delayResponses(Duration.ofMillis(300));
        long start = System.nanoTime();
        Checks.json(client.get("api/2/ping/"), 200);
        assertTrue(System.nanoTime() - start >= 300_000_000L);
        faults.delayResponses(Duration.ZERO);
        start = System.nanoTime();
        Checks.json(client.get("api/2/ping/"), 200);
        assertTrue(System.nanoTime() - start < 300_000_000L);
    }

    @Test
    void failRequestsAnswers500WithoutActingAndCountsRequests(EmulatorCredentials c, SmartFileEmulator e,
            Faults faults) {
        TestClient client = TestClient.basic(c).unvalidated();
        long before = e.requestCount();
        faults.failRequests(2);
        Reply mkdir = client.postForm("api/2/path/oper/mkdir/", "path", "/never-made");
        assertEquals("A server error occurred.", Checks.detail(mkdir, 500));
        assertNotNull(mkdir.header("x-unique-id"));
        assertEquals(1, faults.pendingRequestFailures());
        Checks.detail(client.get("api/2/ping/"), 500);
        assertEquals(0, faults.pendingRequestFailures());
        assertFalse(Files.exists(e.root().resolve("never-made")), "a failed request does nothing");
        Checks.json(client.get("api/2/ping/"), 200);
        assertEquals(before + 3, e.requestCount());
    }

    @Test
    void cutUploadsDropTheConnectionAndStoreNothing(EmulatorCredentials c, SmartFileEmulator e, Faults faults)
            throws Exception {
        TestClient client = TestClient.basic(c).unvalidated();
        byte[] data = new byte[2_000_000];
        new java.util.Random(5).nextBytes(data);
        Files.write(e.root().resolve("patched.bin"), new byte[10]);
        faults.cutUploads(3, 1000);
        assertThrows(UncheckedIOException.class,
                () -> client.upload("api/2/path/data/", new TestClient.Part("file", "cut-v2.bin", data)));
        assertThrows(UncheckedIOException.class, () -> client.put("api/3/path/data/cut-v3.bin", data));
        assertThrows(UncheckedIOException.class,
                () -> client.patch("api/3/path/data/patched.bin", data, "Range", "bytes=0-"));
        assertFalse(Files.exists(e.root().resolve("cut-v2.bin")), "no partial multipart upload is stored");
        assertFalse(Files.exists(e.root().resolve("cut-v3.bin")), "no partial PUT is stored");
        assertArrayEquals(java.util.Arrays.copyOf(data, 1000), Files.readAllBytes(e.root().resolve("patched.bin")),
                "a PATCH keeps what it wrote in place, as documented");
        try (var staged = Files.list(e.root().resolve(PathGuard.STAGING))) {
            assertEquals(0, staged.count(), "staged parts are removed");
        }
        assertEquals(Map.of("delayMillis", 0L, "failTasks", 0), faults.snapshot(), "three cuts were consumed");
        assertEquals(200, client.put("api/3/path/data/cut-v3.bin", data).status, "the next upload goes through");
        assertArrayEquals(data, Files.readAllBytes(e.root().resolve("cut-v3.bin")));
        // an upload whose body is shorter than the cut is not cut
        faults.cutNextUpload(5000);
        assertEquals(200, client.put("api/3/path/data/small.bin", new byte[10]).status);
        faults.reset();
    }

    /**
     * An upload cut leaves request bytes unread, and a server that dies like that is reset by its
     * kernel: the client reading for the reply gets a reset, never an orderly end of stream (which
     * would not tell it that the request went unread). A body small enough to fit the socket
     * buffers is written whole before the cut, so the reset is seen on the read.
     */
    @Test
    void anUploadCutResetsTheConnectionRatherThanEndingItInOrder(EmulatorCredentials c, SmartFileEmulator e,
            Faults faults) throws Exception {
        assertEachCutIsAReset(c, e, faults, () -> new java.net.Socket("127.0.0.1", e.port()));
        try (SmartFileEmulator tls = SmartFileEmulator.builder().https().build().start()) {
            int port = java.net.URI.create(tls.httpsBaseUrl()).getPort();
            assertEachCutIsAReset(tls.credentials(), tls, tls.faults(),
                    () -> tls.sslContext().getSocketFactory().createSocket("127.0.0.1", port));
        }
    }

    private interface Connect {
        java.net.Socket open() throws java.io.IOException;
    }

    private static void assertEachCutIsAReset(EmulatorCredentials c, SmartFileEmulator e, Faults faults, Connect connect)
            throws Exception {
        byte[] data = new byte[100_000];
        String head = "PUT /api/3/path/data/reset.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                + TestClient.basicHeader(c.key(), c.password()) + "\r\nContent-Length: " + data.length + "\r\n\r\n";
        for (int round = 0; round < 5; round++) {
            faults.cutNextUpload(5000);
            try (java.net.Socket socket = connect.open()) {
                socket.setSoTimeout(20_000);
                String seen;
                try {
                    socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                    socket.getOutputStream().write(data);
                    socket.getOutputStream().flush();
                    int first = socket.getInputStream().read();
                    seen = first < 0 ? "an orderly end of stream" : "a reply byte";
                } catch (java.io.IOException reset) {
                    seen = String.valueOf(reset.getMessage());
                }
                String lower = seen.toLowerCase(java.util.Locale.ROOT);
                assertTrue(lower.contains("reset") || lower.contains("broken pipe"), "round " + round + ": " + seen);
            }
        }
        assertFalse(Files.exists(e.root().resolve("reset.bin")));
    }

    @Test
    void builderFaultsApplyFromTheStart() {
        try (SmartFileEmulator e = SmartFileEmulator.builder().faults(f -> f.throttle503(1, 1)).build().start()) {
            Reply r = TestClient.basic(e.credentials()).get("api/2/ping/");
            assertEquals(503, r.status);
            assertEquals("throttled; next=1 sec", r.header("X-Throttle"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void adminEndpointSetsShowsAndClearsFaults(EmulatorCredentials c, SmartFileEmulator e) throws Exception {
        TestClient client = TestClient.basic(c).anonymous();
        Map<String, Object> state = Checks.json(admin(client, "POST",
                "{\"throttle\": {\"status\": 503, \"count\": 1, \"seconds\": 0.5}, \"delayMillis\": 0,"
                        + " \"failTasks\": 1, \"cutDownload\": {\"afterBytes\": 5}}"), 200);
        assertEquals(1.0, ((Map<String, Object>) state.get("throttle")).get("count"));
        assertEquals(Map.of("count", 1.0, "afterBytes", 5.0), state.get("cutDownload"));
        assertEquals(1.0, state.get("failTasks"));
        assertEquals(state, Checks.json(client.unvalidated().get("__emulator/faults"), 200));

        Reply throttled = TestClient.basic(c).get("api/2/whoami/");
        assertEquals("throttled; next=0.5 sec", throttled.header("X-Throttle"));
        Files.writeString(e.root().resolve("admin.txt"), "0123456789");
        assertEquals(5, RawHttp.send(e.port(), "GET", "/api/2/path/data/admin.txt/",
                TestClient.basicHeader(c.key(), c.password())).body.length);
        Checks.Polled failed = Checks.await(TestClient.basic(c), Checks.json(TestClient.basic(c).postForm(
                "api/2/path/oper/checksum/", "path", "/admin.txt", "algorithm", "md5"), 200));
        assertEquals("FAILURE", failed.status());

        Map<String, Object> more = Checks.json(admin(client, "POST",
                "{\"failRequests\": 2, \"cutUpload\": {\"count\": 1, \"afterBytes\": 7}}"), 200);
        assertEquals(2.0, more.get("failRequests"));
        assertEquals(Map.of("count", 1.0, "afterBytes", 7.0), more.get("cutUpload"));
        assertEquals(2, e.faults().pendingRequestFailures());
        Checks.json(admin(client, "DELETE", null), 200);

        Checks.json(admin(client, "POST", "{\"throttle\": {\"status\": 429, \"count\": 3, \"seconds\": 2,"
                + " \"header\": \"X-Throttle-Wait-Seconds\"}}"), 200);
        assertEquals("2", TestClient.basic(c).get("api/2/ping/").header("X-Throttle-Wait-Seconds"));
        Map<String, Object> cleared = Checks.json(admin(client, "DELETE", null), 200);
        assertEquals(Map.of("delayMillis", 0.0, "failTasks", 0.0), cleared);
        Checks.json(TestClient.basic(c).get("api/2/ping/"), 200);

        Checks.detail(admin(client, "POST", "{\"explode\": true}"), 400);
        Checks.detail(admin(client, "POST", "[1]"), 400);
        Checks.detail(admin(client, "POST", "{\"throttle\": {\"status\": 500}}"), 400);
        Checks.detail(admin(client, "PUT", "{}"), 405);
        Checks.detail(client.unvalidated().get("__emulator/other"), 404);
    }

    private static Reply admin(TestClient client, String method, String json) {
        return client.unvalidated().send(method, "__emulator/faults", json == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json),
                "Content-Type", "application/json");
    }

    @Test
    void revokedTasksAnswerAStateTheSpecDoesNotListAndDoNothing(EmulatorCredentials c, SmartFileEmulator e)
            throws Exception {
        TestClient client = TestClient.basic(c).unvalidated(); // REVOKED is not in the spec's enum, on purpose
        Files.writeString(e.root().resolve("revoked.txt"), "kept");
        e.faults().revokeTasks(1);
        Map<String, Object> started = Checks.json(client.postForm("api/2/path/oper/remove/", "path", "/revoked.txt"), 200);
        String uuid = (String) started.get("uuid");
        Map<String, Object> task = null;
        for (int i = 0; i < 50; i++) {
            task = Checks.json(client.get("api/2/task/" + uuid + "/"), 200);
            if ("REVOKED".equals(((Map<?, ?>) task.get("result")).get("status"))) {
                break;
            }
            Thread.sleep(20);
        }
        assertEquals(Map.of("status", "REVOKED"), task.get("result"));
        assertEquals("kept", Files.readString(e.root().resolve("revoked.txt")), "a revoked task did nothing");
        Thread.sleep(50);
        assertEquals(Map.of("status", "REVOKED"), Checks.json(client.get("api/2/task/" + uuid + "/"), 200).get("result"),
                "for good");
        Files.writeString(e.root().resolve("revoked.txt"), "next");
        Map<String, Object> next = Checks.await(TestClient.basic(c), Checks.json(TestClient.basic(c)
                .postForm("api/2/path/oper/remove/", "path", "/revoked.txt"), 200)).task;
        assertEquals("SUCCESS", ((Map<?, ?>) next.get("result")).get("status"), "one task only");
    }
}
