package com.smartfile.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.smartfile.sdk.AuthenticationException;
import com.smartfile.sdk.SmartFile;
import com.smartfile.sdk.model.PathInfo;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the harness's code paths at a tiny size, so that {@code mvn verify} catches a broken
 * harness. Checks only that measurements can be made and are correct (every call answered, every
 * byte moved, every entry listed); it never asserts a timing.
 */
class HarnessTest {

    private final LocalCredentials credentials = LocalCredentials.random();

    @Test
    void theBareClientSendsTheSameRequestAsTheSdk() throws Exception {
        try (MiniHttpServer server = CannedPathInfoServer.start(credentials);
             SmartFile sdk = Clients.sdk(server.baseUrl(), credentials)) {
            server.recordNextHeaders();
            PathInfo info = sdk.paths().info(CannedPathInfoServer.PATH);
            assertEquals("report.pdf", info.getName());
            List<String> sdkHeaders = lines(server.recordedHeaders());

            Request same = Clients.sameRequestAsSdkInfo(server.baseUrl(), credentials, CannedPathInfoServer.PATH);
            OkHttpClient bare = Clients.bare();
            server.recordNextHeaders();
            assertEquals(CannedPathInfoServer.REPLY.length, Clients.fetch(bare, same).length);
            List<String> bareHeaders = lines(server.recordedHeaders());
            bare.connectionPool().evictAll();

            assertEquals(sdkHeaders.stream().sorted().toList(), bareHeaders.stream().sorted().toList());
            assertTrue(Clients.names(server.recordedHeaders()).contains("authorization"));
            assertTrue(same.url().encodedPath().endsWith("/api/2/path/info/Documents/report.pdf/"), same.url().toString());
        }
    }

    @Test
    void theServersRefuseWrongCredentials() throws Exception {
        try (MiniHttpServer server = CannedPathInfoServer.start(credentials);
             SmartFile wrong = Clients.sdk(server.baseUrl(), LocalCredentials.random())) {
            assertThrows(AuthenticationException.class, () -> wrong.paths().info("/"));
        }
    }

    @Test
    void concurrentCallersCountCallsWithoutErrors() throws Exception {
        try (MiniHttpServer server = CannedPathInfoServer.start(credentials)) {
            Request same = Clients.sameRequestAsSdkInfo(server.baseUrl(), credentials, CannedPathInfoServer.PATH);
            List<String> headers = new ArrayList<>();
            for (int i = 0; i < same.headers().size(); i++) {
                if (!same.headers().name(i).equalsIgnoreCase("Authorization")) {
                    headers.add(same.headers().name(i) + ":" + same.headers().value(i));
                }
            }
            // Turns of 200 ms: with 50 ms a turn on a loaded machine could pass without a single call.
            Map<String, Object> r = ConcurrentCallers.run(3, 600, 200, 2, server.baseUrl(), same.url().toString(), headers,
                    credentials);
            for (String client : ConcurrentCallers.CLIENTS) {
                @SuppressWarnings("unchecked")
                Map<String, Object> c = (Map<String, Object>) r.get(client);
                assertEquals(0L, ((Number) c.get("errors")).longValue(), String.valueOf(r.get("firstError")));
                assertTrue(((Number) c.get("callsPerSecond")).doubleValue() > 0, r.toString());
            }
            assertTrue(((Number) r.get("sdkOverBare")).doubleValue() > 0, r.toString());

            Map<String, Object> latency = InterleavedCallLatency.run(server.baseUrl(), 50, 2, 30, same.url().toString(),
                    headers, credentials);
            for (String client : InterleavedCallLatency.CLIENTS) {
                @SuppressWarnings("unchecked")
                Map<String, Object> c = (Map<String, Object>) latency.get(client);
                assertTrue(((Number) c.get("calls")).longValue() > 0, latency.toString());
                assertTrue(((Number) c.get("median")).doubleValue() > 0, latency.toString());
            }
        }
    }

    @Test
    void everyTransferMovesEveryByte(@TempDir Path dir) throws Exception {
        long size = (1 << 20) + 123;
        Path file = dir.resolve("big.bin");
        long crc = TransferComparison.writeRandom(file, size, 7);
        try (DiscardingFileServer server = DiscardingFileServer.start(dir, credentials)) {
            for (String client : List.of("sdk", "okhttp", "okhttp-no-timeouts")) {
                for (String op : TransferComparison.OPS) {
                    Path local = op.startsWith("download") ? dir.resolve("down.bin") : file;
                    Map<String, Object> r = TransferClient.run(client, op, server.http().baseUrl(), "big.bin", local,
                            null, null, credentials);
                    assertEquals(size, ((Number) r.get("bytes")).longValue(), client + " " + op);
                    checkArrived(op, server, dir, size, crc);
                }
            }
            Curl curl = Curl.find();
            if (curl != null) {
                for (String op : TransferComparison.OPS) {
                    Path local = op.equals("download-file") ? dir.resolve("down.bin") : file;
                    Map<String, Object> r = curl.transfer(op, server.http().baseUrl(), "big.bin", local, credentials);
                    assertEquals(size, ((Number) r.get("bytes")).longValue(), "curl " + op);
                    checkArrived(op, server, dir, size, crc);
                }
            }
        }
    }

    @Test
    void theEmulatorAnswersEveryBenchmarkCallAndItsCostIsCounted() throws Exception {
        try (BenchEmulator emulator = BenchEmulator.start(credentials);
             SmartFile sdk = Clients.sdk(emulator.baseUrl(), credentials)) {
            assertEquals("report.pdf", sdk.paths().info(CannedPathInfoServer.PATH).getName());
            Request same = Clients.sameRequestAsSdkInfo(emulator.baseUrl(), credentials, CannedPathInfoServer.PATH);
            OkHttpClient bare = Clients.bare();
            ServerCost cost = ServerCost.start(emulator::requestCount, true);
            for (int i = 0; i < 20; i++) {
                sdk.paths().info(CannedPathInfoServer.PATH);
                assertTrue(Clients.fetch(bare, same).length > 0);
            }
            Map<String, Object> m = cost.stop();
            bare.connectionPool().evictAll();
            assertEquals(40L, ((Number) m.get("requests")).longValue(), m.toString());
            assertTrue(((Number) m.get("cpuMicrosPerRequest")).doubleValue() > 0, m.toString());
            @SuppressWarnings("unchecked")
            Map<String, Object> profile = (Map<String, Object>) m.get("profile");
            assertNotNull(profile.get("samples"), profile.toString());
        }
    }

    @Test
    void everyTransferThroughTheEmulatorMovesEveryByte(@TempDir Path dir) throws Exception {
        long size = (1 << 20) + 321;
        Path file = dir.resolve("big.bin");
        long crc = TransferComparison.writeRandom(file, size, 11);
        try (BenchEmulator emulator = BenchEmulator.start(dir.resolve("root"), credentials)) {
            Files.copy(file, emulator.file(TransferClient.FOLDER + "/big.bin"));
            Curl curl = Curl.find();
            PythonPeer python = PythonPeer.find();
            for (String client : List.of("sdk", "okhttp", "curl", "python")) {
                for (String op : TransferComparison.OPS) {
                    Path local = op.startsWith("download") ? dir.resolve("down.bin") : file;
                    Map<String, Object> r;
                    if (client.equals("curl")) {
                        if (curl == null) {
                            continue;
                        }
                        r = curl.transfer(op, emulator.baseUrl(), "big.bin", local, credentials);
                    } else if (client.equals("python")) {
                        if (python == null) {
                            continue;
                        }
                        r = python.run("transfer", List.of("--op", op, "--base", emulator.baseUrl(), "--remote", "big.bin",
                                "--local", local.toString()), credentials, 120);
                    } else {
                        r = TransferClient.run(client, op, emulator.baseUrl(), "big.bin", local, null, null, credentials);
                    }
                    assertEquals(size, ((Number) r.get("bytes")).longValue(), client + " " + op);
                    if (op.equals("download-file")) {
                        assertEquals(crc, TransferComparison.crc32(local), client + " " + op);
                        Files.delete(local);
                    } else if (op.startsWith("upload")) {
                        Path stored = emulator.file(TransferClient.FOLDER + "/big.bin");
                        assertEquals(crc, TransferComparison.crc32(stored), client + " " + op);
                    }
                }
            }
        }
    }

    @Test
    void thePythonPeerOpensANewConnectionPerCallAsTheOfficialClientDoes() throws Exception {
        PythonPeer python = PythonPeer.find();
        Assumptions.assumeTrue(python != null, PythonPeer.whyMissing());
        try (BenchEmulator emulator = BenchEmulator.start(credentials)) {
            String url = CallLatency.infoUrl(emulator.baseUrl(), credentials);
            Map<String, Object> t = python.run("throughput", List.of("--url", url, "--callers", "2", "--warmup-s", "0.2",
                    "--seconds", "0.5"), credentials, 60);
            long calls = ((Number) t.get("calls")).longValue();
            long connections = ((Number) t.get("connectionsOpened")).longValue();
            assertEquals(0L, ((Number) t.get("errors")).longValue(), String.valueOf(t.get("firstError")));
            assertTrue(calls > 0, t.toString());
            long started = ((Number) t.get("measuredCallsStarted")).longValue();
            assertTrue(started >= calls, t.toString());
            // One new connection per call, none reused: the way the official client calls (no requests.Session).
            assertEquals(started, connections, t.toString());

            long before = emulator.requestCount();
            Map<String, Object> l = python.run("latency", List.of("--url", url, "--warmup-s", "0", "--calls", "25"),
                    credentials, 60);
            assertEquals(25L, ((Number) l.get("calls")).longValue());
            assertEquals(25L, emulator.requestCount() - before);
            assertTrue(((Number) l.get("median")).doubleValue() > 0, l.toString());
            Map<String, Object> c = python.run("cold", List.of("--url", url), credentials, 60);
            assertTrue(((Number) c.get("firstCallMillis")).doubleValue() > 0, c.toString());
        }
    }

    @Test
    void aWrongPasswordFailsThePythonPeerLoudly() throws Exception {
        PythonPeer python = PythonPeer.find();
        Assumptions.assumeTrue(python != null, PythonPeer.whyMissing());
        try (BenchEmulator emulator = BenchEmulator.start(credentials)) {
            String url = CallLatency.infoUrl(emulator.baseUrl(), credentials);
            BenchmarkFailure e = assertThrows(BenchmarkFailure.class,
                    () -> python.run("cold", List.of("--url", url), LocalCredentials.random(), 60));
            assertTrue(e.getMessage().contains("401"), e.getMessage());
        }
    }

    private static void checkArrived(String op, DiscardingFileServer server, Path dir, long size, long crc) throws Exception {
        switch (op) {
            case "download-file":
                assertEquals(crc, TransferComparison.crc32(dir.resolve("down.bin")));
                Files.delete(dir.resolve("down.bin"));
                break;
            case "upload-put":
                assertEquals(size, server.lastUploadBytes());
                break;
            case "upload-multipart":
                assertTrue(server.lastUploadBytes() > size && server.lastUploadBytes() < size + 4096);
                break;
            default:
                break;
        }
    }

    @Test
    void aChildJvmTransfersWithASmallHeapAndReportsIt(@TempDir Path dir) throws Exception {
        long size = 3L << 20;
        TransferComparison.writeRandom(dir.resolve("big.bin"), size, 3);
        try (DiscardingFileServer server = DiscardingFileServer.start(dir, credentials)) {
            Map<String, Object> r = ChildJvm.run(TransferClient.class, List.of("-Xmx64m"),
                    List.of("--client", "sdk", "--op", "download-discard", "--base", server.http().baseUrl(),
                            "--remote", "big.bin", "--local", dir.resolve("unused").toString()), credentials, 120);
            assertEquals(size, ((Number) r.get("bytes")).longValue());
            @SuppressWarnings("unchecked")
            Map<String, Object> heap = (Map<String, Object>) r.get("heap");
            assertTrue(((Number) heap.get("maxHeapBytes")).longValue() <= 64L << 20, heap.toString());
            assertTrue(((Number) heap.get("peakUsedBytes")).longValue() > 0, heap.toString());
        }
    }

    @Test
    void aFailingChildIsReported() {
        BenchmarkFailure e = assertThrows(BenchmarkFailure.class, () -> ChildJvm.run(TransferClient.class, List.of(),
                List.of("--op", "no-such-op"), credentials, 60));
        assertTrue(e.getMessage().contains("failed"), e.getMessage());
    }

    @Test
    void listingsPageThroughEveryEntry() throws Exception {
        try (MiniHttpServer server = SyntheticFolderServer.start(credentials);
             SmartFile sdk = Clients.sdk(server.baseUrl(), credentials)) {
            PathInfo last = sdk.paths().listPage(SyntheticFolderServer.folder(2_500), 3, 1000);
            assertEquals(500, last.getChildren().size());
            assertEquals(3, last.getPages());
            assertEquals("file-0002500.dat", last.getChildren().get(499).getName());

            Map<String, Object> r = ListingClient.run("sdk", server.baseUrl(), List.of(1_000L, 2_500L), 100, 2, 0,
                    credentials, null);
            List<?> sizes = (List<?>) r.get("sizes");
            assertEquals(2_500L, ((Number) ((Map<?, ?>) sizes.get(1)).get("entries")).longValue());
            assertEquals(11, ((List<?>) r.get("liveHeapCheckpoints")).size());
            r = ListingClient.run("bare", server.baseUrl(), List.of(2_500L), 100, 1, 0, credentials, null);
            assertEquals(1, ((List<?>) r.get("sizes")).size());
        }
    }

    @Test
    void theColdSetUpsAreTheDefaultsAndAnArchivePerJdkAndAColdCallReportsItsSplit(@TempDir Path dir) throws Exception {
        List<ColdJvms.Setup> setups = ColdJvms.setups(dir);
        ColdJvms.Setup own = setups.get(0);
        assertEquals(Runtime.version().feature(), own.feature);
        assertEquals(ColdJvms.DEFAULTS, own.kind);
        assertEquals(List.of(), own.options);
        ColdJvms.Setup cds = setups.get(1);
        assertEquals(ColdJvms.APP_CDS, cds.kind);
        assertTrue(String.join(" ", cds.options).contains("-XX:SharedArchiveFile=" + dir), cds.options.toString());
        Files.writeString(dir.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"25.0.3\"\n");
        assertEquals(25, ColdJvms.feature(dir));
        assertEquals(-1, ColdJvms.feature(dir.resolve("nowhere")));

        try (BenchEmulator emulator = BenchEmulator.start(credentials)) {
            List<String> args = List.of("--base", emulator.baseUrl());
            Map<String, Object> r = ChildJvm.run(own.javaHome, ColdCall.class, own.options, args, credentials, 120);
            double build = ((Number) r.get("buildMillis")).doubleValue();
            double call = ((Number) r.get("callMillis")).doubleValue();
            assertEquals(((Number) r.get("firstCallMillis")).doubleValue(), build + call, 0.01, r.toString());
            assertTrue(((Number) r.get("processCpuMillis")).doubleValue() > 0, r.toString());
            assertTrue(((Number) r.get("classesLoaded")).longValue() > 1000, r.toString());
            Map<String, Object> classes = ColdJvms.countClasses(own, args, credentials, dir);
            assertTrue(((Number) classes.get("sdkStackClasses")).longValue() > 500, classes.toString());
            // The test's class path has folders on it, which CDS cannot archive: the training says so instead of
            // leaving the AppCDS row to time the JVM's defaults a second time.
            assertThrows(BenchmarkFailure.class, () -> ColdJvms.train(cds, args, credentials));
        }
    }

    @Test
    void sizesAndOptionsParse() {
        assertEquals(8L << 20, SuiteOptions.bytes("8MiB"));
        assertEquals(1L << 30, SuiteOptions.bytes("1GiB"));
        assertEquals(512L << 10, SuiteOptions.bytes("512k"));
        assertEquals(1234, SuiteOptions.bytes("1234"));
        SuiteOptions quick = SuiteOptions.parse("--quick", "--size", "8MiB", "--only", "calls,listing", "--name", "jdk25");
        assertEquals("jdk25", quick.name);
        assertThrows(IllegalArgumentException.class, () -> SuiteOptions.parse("--name", "../x"));
        assertEquals(8L << 20, quick.sizeBytes);
        assertEquals(1, quick.reps);
        assertEquals(List.of("calls", "listing"), new ArrayList<>(quick.only));
        assertThrows(IllegalArgumentException.class, () -> SuiteOptions.parse("--only", "everything"));
    }

    @Test
    void goalsAndSummaryReadOneRunsResults() {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("date", "2026-11-27");
        results.put("mode", "quick");
        results.put("machine", Machine.describe(null));
        Map<String, Object> perCall = new LinkedHashMap<>();
        perCall.put("InfoCallBenchmark.sdk", Map.of("median", 60.0, "p90", 70.0, "p99", 90.0, "allocBytesPerOp", 20_000.0));
        perCall.put("InfoCallBenchmark.bareOkHttp", Map.of("median", 50.0, "p90", 60.0, "p99", 80.0, "allocBytesPerOp", 13_000.0));
        perCall.put("InfoCallBenchmark.bareOkHttpMoshi", Map.of("median", 55.0, "p90", 65.0, "p99", 85.0, "allocBytesPerOp", 16_000.0));
        perCall.put("sdkOverBareMedianRatio", 1.2);
        results.put("perCall", perCall);
        results.put("goals", Goals.evaluate(results));
        String md = ResultsSummary.markdown(results);
        assertTrue(md.contains("| `paths().info()` median latency | 60.0 µs | 50.0 µs | 1.20 |"), md);
        assertTrue(md.contains("**no**"), md);
        assertNotNull(Json.read(Json.writePretty(results)));
    }

    private static List<String> lines(List<String[]> headers) {
        assertNotNull(headers, "no request was recorded");
        List<String> out = new ArrayList<>();
        for (String[] h : headers) {
            out.add(h[0] + ": " + h[1]);
        }
        return out;
    }
}
