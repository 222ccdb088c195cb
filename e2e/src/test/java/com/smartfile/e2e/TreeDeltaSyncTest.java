package com.smartfile.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.smartfile.emulator.EmulatorCredentials;
import com.smartfile.emulator.SmartFileEmulator;
import com.smartfile.emulator.SmartFileEmulatorExtension;
import com.smartfile.sdk.ChecksumMismatchException;
import com.smartfile.sdk.RetryPolicy;
import com.smartfile.sdk.SmartFile;
import com.smartfile.sdk.tree.SyncOptions;
import com.smartfile.sdk.tree.SyncPlan;
import com.smartfile.sdk.tree.TreeLocation;
import com.smartfile.sdk.tree.TreeResult;
import com.smartfile.sdk.tree.TreeSyncException;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tree syncs with delta transfers, end to end: the emulator behind a small proxy of ours that counts the requests
 * to the {@code path/sync} routes (and, to play a server without them, answers those itself).
 */
class TreeDeltaSyncTest {

    @RegisterExtension
    static final SmartFileEmulatorExtension EMULATOR = new SmartFileEmulatorExtension(b -> b.taskDuration(Duration.ofMillis(20)));

    private static final int BIG = 1_600_000;   // above SyncOptions.DEFAULT_DELTA_MIN_SIZE (1 MiB)

    @TempDir
    Path tmp;

    /** The same size, a few bytes changed in scattered places. */
    static byte[] edited(byte[] data, int salt) {
        byte[] out = data.clone();
        for (int i = 1000 + salt; i < out.length; i += 500_000) {
            out[i] ^= 0x5a;
        }
        return out;
    }

    /**
     * Forwards every request to the emulator, counting those to {@code /api/2/path/sync/}; with a status other
     * than 0 it answers those itself with it, as a server without the routes does.
     */
    static final class Proxy extends Dispatcher {
        final String upstream;
        final int decline;
        final Map<String, AtomicInteger> syncRequests = new ConcurrentHashMap<>();
        private final OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

        Proxy(String upstream, int decline) {
            this.upstream = upstream.endsWith("/") ? upstream.substring(0, upstream.length() - 1) : upstream;
            this.decline = decline;
        }

        int syncCount() {
            return syncRequests.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        @Override
        public MockResponse dispatch(RecordedRequest r) {
            String target = r.getTarget();
            if (target.startsWith("/api/2/path/sync/")) {
                String route = target.substring("/api/2/path/sync/".length()).split("/", 2)[0];
                syncRequests.computeIfAbsent(route, k -> new AtomicInteger()).incrementAndGet();
                if (decline != 0) {
                    return new MockResponse.Builder().code(decline).addHeader("Content-Type", "application/json")
                            .body(decline == 400 ? "{\"path\": [\"Not a file.\"]}" : "{\"detail\": \"Not found.\"}").build();
                }
            }
            Headers.Builder headers = new Headers.Builder();
            for (int i = 0; i < r.getHeaders().size(); i++) {
                String name = r.getHeaders().name(i);
                if (!List.of("host", "content-length", "connection", "accept-encoding", "transfer-encoding")
                        .contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    headers.add(name, r.getHeaders().value(i));
                }
            }
            String type = r.getHeaders().get("Content-Type");
            RequestBody body = r.getBody() == null || (r.getBody().size() == 0 && r.getMethod().equals("GET")) ? null
                    : RequestBody.create(r.getBody(), type == null ? null : MediaType.get(type));
            Request forward = new Request.Builder().url(upstream + target).headers(headers.build())
                    .method(r.getMethod(), body).build();
            try (Response reply = http.newCall(forward).execute()) {
                MockResponse.Builder m = new MockResponse.Builder().code(reply.code());
                for (int i = 0; i < reply.headers().size(); i++) {
                    String name = reply.headers().name(i);
                    if (!List.of("content-length", "transfer-encoding", "connection")
                            .contains(name.toLowerCase(java.util.Locale.ROOT))) {
                        m.addHeader(name, reply.headers().value(i));
                    }
                }
                return m.body(new okio.Buffer().write(reply.body().bytes())).build();
            } catch (IOException e) {
                return new MockResponse.Builder().code(502).body("proxy: " + e).build();
            }
        }
    }

    private static SmartFile through(MockWebServer server, EmulatorCredentials c) {
        return SmartFile.builder().baseUrl(server.url("/").toString()).basicAuth(c.key(), c.password())
                .retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void changedLargeFilesMoveAsDeltasBothWaysAndSmallOrNewOnesWhole(SmartFileEmulator e, EmulatorCredentials c)
            throws Exception {
        byte[] big = DeltaSyncTest.random(BIG, 1);
        byte[] bigEdited = edited(big, 0);
        Path remote = Files.createDirectories(e.root().resolve("deltas"));
        Files.write(remote.resolve("big.bin"), big);
        Files.write(remote.resolve("small.txt"), "old small".getBytes());
        Path local = Files.createDirectories(tmp.resolve("up"));
        Files.write(local.resolve("big.bin"), bigEdited);
        Files.write(local.resolve("small.txt"), "new small, longer".getBytes());
        byte[] fresh = DeltaSyncTest.random(BIG, 2);
        Files.write(local.resolve("fresh.bin"), fresh);

        try (MockWebServer server = new MockWebServer()) {
            Proxy proxy = new Proxy(c.baseUrl(), 0);
            server.setDispatcher(proxy);
            server.start();
            try (SmartFile client = through(server, c)) {
                TreeResult up = client.trees().sync(TreeLocation.local(local), TreeLocation.remote("/deltas"),
                        SyncOptions.defaults(), null);

                assertEquals(3, up.getTransferred().size(), up.getSummary());
                assertEquals(1, up.getDeltaFiles(), "only the changed large file goes as a delta: " + up.getSummary());
                assertNull(up.getDeltaFallback());
                long fileBytes = BIG + 17 + BIG;
                assertEquals(fileBytes, up.getBytesTransferred());
                assertTrue(up.getBytesSent() < 17 + BIG + BIG / 20, "the delta is a few blocks: " + up.getSummary());
                assertTrue(up.getBytesReceived() > 0 && up.getBytesReceived() < BIG / 20, "the server's signature: "
                        + up.getSummary());
                assertEquals(1, proxy.syncRequests.get("signature").get());
                assertEquals(1, proxy.syncRequests.get("patch").get());
                assertTrue(up.getSummary().contains("on the wire") && up.getSummary().contains("(1 by delta)"), up.getSummary());
                assertArrayEquals(bigEdited, Files.readAllBytes(remote.resolve("big.bin")));
                assertArrayEquals(fresh, Files.readAllBytes(remote.resolve("fresh.bin")));
                assertEquals("new small, longer", Files.readString(remote.resolve("small.txt")));

                // the other way: the server's copy changes (same size: settled by checksum, verified after patching)
                byte[] serverEdit = edited(bigEdited, 7);
                Files.write(remote.resolve("big.bin"), serverEdit);
                TreeResult down = client.trees().sync(TreeLocation.remote("/deltas"), TreeLocation.local(local),
                        SyncOptions.defaults(), null);

                assertEquals(1, down.getTransferred().size(), down.getSummary());
                assertEquals(SyncPlan.Reason.CONTENT_DIFFERS, down.getTransferred().get(0).getReason());
                assertEquals(1, down.getDeltaFiles(), down.getSummary());
                assertTrue(down.getBytesReceived() < BIG / 20, "the delta: " + down.getSummary());
                assertTrue(down.getBytesSent() > 0 && down.getBytesSent() < BIG / 20, "our signature: " + down.getSummary());
                assertEquals(1, proxy.syncRequests.get("delta").get());
                assertArrayEquals(serverEdit, Files.readAllBytes(local.resolve("big.bin")));
                assertEquals(List.of("big.bin", "fresh.bin", "small.txt"), names(local), "no temporary file left");
            }
        }
    }

    @Test
    void withoutDeltaEveryFileGoesWholeAndTheSyncRoutesAreNotAsked(SmartFileEmulator e, EmulatorCredentials c)
            throws Exception {
        byte[] big = DeltaSyncTest.random(BIG, 3);
        Path remote = Files.createDirectories(e.root().resolve("whole"));
        Files.write(remote.resolve("big.bin"), big);
        Path local = Files.createDirectories(tmp.resolve("whole"));
        byte[] bigEdited = edited(big, 3);
        Files.write(local.resolve("big.bin"), bigEdited);

        try (MockWebServer server = new MockWebServer()) {
            Proxy proxy = new Proxy(c.baseUrl(), 0);
            server.setDispatcher(proxy);
            server.start();
            try (SmartFile client = through(server, c)) {
                TreeResult r = client.trees().sync(TreeLocation.local(local), TreeLocation.remote("/whole"),
                        SyncOptions.builder().delta(false).build(), null);
                assertEquals(0, r.getDeltaFiles());
                assertEquals(BIG, r.getBytesSent(), r.getSummary());
                assertEquals(0, r.getBytesReceived());
                assertEquals(0, proxy.syncCount(), "delta(false) never asks path/sync");
                assertArrayEquals(bigEdited, Files.readAllBytes(remote.resolve("big.bin")));

                // a threshold above the file's size has the same effect
                Files.write(local.resolve("big.bin"), big);
                TreeResult above = client.trees().sync(TreeLocation.local(local), TreeLocation.remote("/whole"),
                        SyncOptions.builder().deltaMinSize(BIG + 1L).build(), null);
                assertEquals(0, above.getDeltaFiles());
                assertEquals(0, proxy.syncCount());
                assertArrayEquals(big, Files.readAllBytes(remote.resolve("big.bin")));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 405, 400, 501})
    void aServerWithoutTheRoutesCostsOneRefusalPerRunAndEveryFileStillArrives(int status, SmartFileEmulator e,
            EmulatorCredentials c) throws Exception {
        String folder = "declined" + status;
        Path remote = Files.createDirectories(e.root().resolve(folder));
        Path local = Files.createDirectories(tmp.resolve(folder));
        List<byte[]> newer = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] old = DeltaSyncTest.random(BIG, 10 + i);
            Files.write(remote.resolve("f" + i + ".bin"), old);
            newer.add(edited(old, i));
            Files.write(local.resolve("f" + i + ".bin"), newer.get(i));
        }

        try (MockWebServer server = new MockWebServer()) {
            Proxy proxy = new Proxy(c.baseUrl(), status);
            server.setDispatcher(proxy);
            server.start();
            try (SmartFile client = through(server, c)) {
                TreeResult up = client.trees().sync(TreeLocation.local(local), TreeLocation.remote("/" + folder),
                        SyncOptions.builder().transfers(1).build(), null);

                assertEquals(3, up.getTransferred().size(), up.getSummary());
                assertEquals(0, up.getDeltaFiles());
                assertEquals(1, proxy.syncCount(), "one refused request, then plain transfers for the run");
                assertTrue(up.getDeltaFallback().contains(String.valueOf(status)), up.getDeltaFallback());
                assertTrue(up.getSummary().contains("delta transfers turned off for this run"), up.getSummary());
                assertEquals(3L * BIG, up.getBytesSent());
                for (int i = 0; i < 3; i++) {
                    assertArrayEquals(newer.get(i), Files.readAllBytes(remote.resolve("f" + i + ".bin")));
                }

                // and downloads: one refused path/sync/delta (a 400 is asked twice: BLAKE2, then MD4), then whole files
                List<byte[]> serverSide = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    serverSide.add(edited(newer.get(i), 50 + i));
                    Files.write(remote.resolve("f" + i + ".bin"), serverSide.get(i));
                }
                TreeResult down = client.trees().sync(TreeLocation.remote("/" + folder), TreeLocation.local(local),
                        SyncOptions.builder().transfers(1).build(), null);
                assertEquals(0, down.getDeltaFiles());
                assertEquals(1 + (status == 400 ? 2 : 1), proxy.syncCount(), down.getSummary());
                assertTrue(down.getDeltaFallback().contains(String.valueOf(status)), down.getDeltaFallback());
                assertTrue(down.getBytesReceived() >= 3L * BIG, down.getSummary());
                for (int i = 0; i < 3; i++) {
                    assertArrayEquals(serverSide.get(i), Files.readAllBytes(local.resolve("f" + i + ".bin")));
                }
            }
        }
    }

    @Test
    void aPatchedDownloadThatDoesNotMatchThePlannedChecksumLeavesTheLocalFileAsItWas(SmartFile client,
            SmartFileEmulator e) throws Exception {
        byte[] base = DeltaSyncTest.random(BIG, 20);
        Path remote = Files.createDirectories(e.root().resolve("verify"));
        Path local = Files.createDirectories(tmp.resolve("verify"));
        Files.write(local.resolve("v.bin"), base);
        Files.write(remote.resolve("v.bin"), edited(base, 1));
        SyncPlan plan = client.trees().plan(TreeLocation.remote("/verify"), TreeLocation.local(local),
                SyncOptions.defaults());
        assertEquals(SyncPlan.Reason.CONTENT_DIFFERS, plan.getTransfers().get(0).getReason());
        Files.write(remote.resolve("v.bin"), edited(base, 2));   // changed again between plan and execution

        TreeSyncException failed = assertThrows(TreeSyncException.class, () -> client.trees().execute(plan, null));

        assertTrue(failed.getResult().getFailures().values().iterator().next() instanceof ChecksumMismatchException,
                failed.getResult().getFailures().toString());
        assertArrayEquals(base, Files.readAllBytes(local.resolve("v.bin")), "the local copy is untouched");
        assertEquals(List.of("v.bin"), names(local), "no temporary file left");
        TreeResult rerun = client.trees().sync(TreeLocation.remote("/verify"), TreeLocation.local(local), null, null);
        assertEquals(1, rerun.getDeltaFiles(), rerun.getSummary());
        assertArrayEquals(edited(base, 2), Files.readAllBytes(local.resolve("v.bin")));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
