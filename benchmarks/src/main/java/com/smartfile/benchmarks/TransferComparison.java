package com.smartfile.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Section "transfers": uploads and downloads of one file (1 GiB by default) over loopback, against
 * two servers in this JVM, one after the other:
 * <ul>
 *   <li>{@code minimal}: {@link DiscardingFileServer} (sendfile out, uploads thrown away: neither
 *       the server nor the disk limits the clients), the SDK beside curl and bare OkHttp with and
 *       without its I/O timeouts (to split the SDK's cost from OkHttp's); the server alone with
 *       curl first, the ceiling any client can reach here;</li>
 *   <li>{@code emulator}: the project's emulator ({@link BenchEmulator}, uploads written to its
 *       disk), the SDK beside curl, bare OkHttp and the Python peer ({@link PythonPeer}).</li>
 * </ul>
 * Each kind of transfer (download to nothing, download to a file, v3 {@code PUT}, v2 multipart)
 * runs by each client in an order that rotates with each repetition; every Java run is a fresh
 * JVM with {@code -Xmx64m} ({@link TransferClient}) whose heap is watched, and its first (32 MiB)
 * transfer is kept as the cold figure. Downloads to a file are checked byte for byte (CRC-32),
 * uploads by the bytes the server received or stored. A download to a file is fsync'd by every
 * client when the SDK's is ({@link TransferClient#sdkFsyncsFileDownloads()}), by none otherwise.
 * Figures are medians over the repetitions; ratios are medians of the ratios within each
 * repetition; the peak heap is the largest seen.
 */
public final class TransferComparison {

    /** The clients compared against the minimal server. */
    static final List<String> CLIENTS = List.of("curl", "sdk", "okhttp", "okhttp-no-timeouts");

    /** The clients compared against the emulator. */
    static final List<String> EMULATOR_CLIENTS = List.of("curl", "sdk", "okhttp", "python");

    /** The kinds of transfer compared, in order. */
    static final List<String> OPS = List.of("download-discard", "download-file", "upload-put", "upload-multipart");

    private static final String BIG = "big.bin";
    private static final String WARM = "warm.bin";

    private TransferComparison() {
    }

    /** A server the transfers go to, and how it tells what arrived. */
    private interface Target {
        String baseUrl();

        /** Bytes of the last upload as the server has it (the multipart body, or the file stored). */
        long lastUploadBytes() throws IOException;

        /** Whether {@code lastUploadBytes} counts a whole multipart body rather than the file. */
        boolean countsMultipartBody();
    }

    /**
     * Runs the measurements.
     *
     * @param o the suite's options
     * @return the figures
     * @throws IOException when the files cannot be made
     */
    public static Map<String, Object> run(SuiteOptions o) throws IOException {
        Curl curl = Curl.find();
        PythonPeer python = PythonPeer.find();
        LocalCredentials credentials = LocalCredentials.random();
        Path dir = Files.createTempDirectory(o.workDir, "smartfile-bench-");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sizeBytes", o.sizeBytes);
        out.put("repetitions", o.reps);
        out.put("sdkJvmOptions", o.smallHeap);
        out.put("fileDownloadsFsynced", TransferClient.sdkFsyncsFileDownloads());
        out.put("server", "DiscardingFileServer (harness: sendfile for downloads, uploads read and discarded)");
        out.put("emulatorServer", "SmartFileEmulator (its defaults, in the suite's JVM; uploads written to its root on disk)");
        out.put("python", python == null ? PythonPeer.whyMissing() : python.describe());
        if (curl == null) {
            out.put("curl", "missing: no /usr/bin/curl and none on the PATH; curl figures and ratios are absent");
        }
        try {
            Path big = dir.resolve(BIG);
            Path warm = dir.resolve(WARM);
            long crc = writeRandom(big, o.sizeBytes, 1);
            writeRandom(warm, Math.min(o.sizeBytes, 32L << 20), 2);
            try (DiscardingFileServer server = DiscardingFileServer.start(dir, credentials)) {
                if (curl != null) {
                    out.put("serverAloneWithCurl", serverAlone(curl, server.http().baseUrl(), big, credentials, o.reps));
                }
                Target target = new Target() {
                    public String baseUrl() {
                        return server.http().baseUrl();
                    }

                    public long lastUploadBytes() {
                        return server.lastUploadBytes();
                    }

                    public boolean countsMultipartBody() {
                        return true;
                    }
                };
                out.put("rows", rows(o, "minimal", CLIENTS, target, curl, null, dir, big, crc, credentials));
            }
            Path root = dir.resolve("emulator-root");
            Path folder = root.resolve(TransferClient.FOLDER.substring(1));
            Files.createDirectories(folder);
            for (Path f : List.of(big, warm)) {
                try {
                    // The emulator replaces a file it receives with an atomic rename, so a link is never written through.
                    Files.createLink(folder.resolve(f.getFileName()), f);
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(f, folder.resolve(f.getFileName()));
                }
            }
            try (BenchEmulator emulator = BenchEmulator.start(root, credentials)) {
                Target target = new Target() {
                    public String baseUrl() {
                        return emulator.baseUrl();
                    }

                    public long lastUploadBytes() throws IOException {
                        return Files.size(emulator.file(TransferClient.FOLDER + "/" + BIG));
                    }

                    public boolean countsMultipartBody() {
                        return false;
                    }
                };
                out.put("emulatorRows", rows(o, "emulator", EMULATOR_CLIENTS, target, curl, python, dir, big, crc, credentials));
            }
        } finally {
            deleteTree(dir);
        }
        return out;
    }

    private static Map<String, Object> rows(SuiteOptions o, String serverName, List<String> clients, Target server, Curl curl,
                                            PythonPeer python, Path dir, Path big, long crc, LocalCredentials credentials)
            throws IOException {
        Map<String, Object> rows = new LinkedHashMap<>();
        for (String op : OPS) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (String client : clients) {
                row.put(client + "Runs", new ArrayList<>());
            }
            rows.put(op, row);
        }
        for (int rep = 0; rep < o.reps; rep++) {
            for (String op : OPS) {
                @SuppressWarnings("unchecked")
                Map<String, Object> row = (Map<String, Object>) rows.get(op);
                for (int turn = 0; turn < clients.size(); turn++) {
                    // The order rotates with each repetition, so no client always goes first.
                    String client = clients.get((turn + rep) % clients.size());
                    if (client.equals("curl") && curl == null || client.equals("python") && python == null) {
                        continue;
                    }
                    Map<String, Object> r;
                    if (client.equals("curl")) {
                        r = curlOnce(curl, server, op, dir, big, crc, credentials);
                    } else if (client.equals("python")) {
                        r = pythonOnce(python, server, op, dir, big, crc, credentials);
                    } else {
                        r = jvmOnce(o, client, server, op, dir, big, crc, credentials);
                    }
                    @SuppressWarnings("unchecked")
                    List<Object> runs = (List<Object>) row.get(client + "Runs");
                    runs.add(r);
                    System.out.printf("transfers (%s): %-16s %-18s %8.1f MiB/s%n", serverName, op, client,
                            SmallCallThroughput.number(r.get("bytesPerSecond")) / (1 << 20));
                }
            }
        }
        for (String op : OPS) {
            @SuppressWarnings("unchecked")
            Map<String, Object> row = (Map<String, Object>) rows.get(op);
            summarise(row, clients);
        }
        return rows;
    }

    private static Map<String, Object> serverAlone(Curl curl, String baseUrl, Path big, LocalCredentials credentials,
                                                   int reps) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String op : List.of("download-discard", "upload-put")) {
            List<Double> rates = new ArrayList<>();
            for (int i = 0; i < reps; i++) {
                rates.add(SmallCallThroughput.number(curl.transfer(op, baseUrl, BIG, big, credentials).get("bytesPerSecond")));
            }
            m.put(op + "BytesPerSecond", median(rates));
        }
        return m;
    }

    private static Map<String, Object> curlOnce(Curl curl, Target server, String op, Path dir, Path big,
                                                long crc, LocalCredentials credentials) throws IOException {
        Path target = dir.resolve("curl-download.bin");
        Map<String, Object> r = curl.transfer(op, server.baseUrl(), BIG, op.equals("download-file") ? target : big,
                credentials);
        verify(op, r, server, big, target, crc);
        return r;
    }

    private static Map<String, Object> pythonOnce(PythonPeer python, Target server, String op, Path dir, Path big,
                                                  long crc, LocalCredentials credentials) throws IOException {
        Path target = dir.resolve("python-download.bin");
        boolean download = op.startsWith("download");
        Map<String, Object> r = python.run("transfer", List.of("--op", op, "--base", server.baseUrl(), "--remote", BIG,
                "--local", (download ? target : big).toString(), "--fsync", TransferClient.sdkFsyncsFileDownloads() ? "1" : "0",
                "--warmup-remote", WARM, "--warmup-local",
                (download ? dir.resolve("python-warm-download.bin") : dir.resolve(WARM)).toString()), credentials, 1200);
        verify(op, r, server, big, target, crc);
        Files.deleteIfExists(dir.resolve("python-warm-download.bin"));
        return r;
    }

    private static Map<String, Object> jvmOnce(SuiteOptions o, String client, Target server, String op,
                                               Path dir, Path big, long crc, LocalCredentials credentials) throws IOException {
        Path target = dir.resolve(client + "-download.bin");
        boolean download = op.startsWith("download");
        List<String> args = List.of("--client", client, "--op", op, "--base", server.baseUrl(), "--remote", BIG,
                "--local", (download ? target : big).toString(), "--warmup-remote", WARM,
                "--warmup-local", (download ? dir.resolve(client + "-warm-download.bin") : dir.resolve(WARM)).toString());
        Map<String, Object> r = ChildJvm.run(TransferClient.class, List.of(o.smallHeap), args, credentials, 1200);
        verify(op, r, server, big, target, crc);
        Files.deleteIfExists(dir.resolve(client + "-warm-download.bin"));
        return r;
    }

    /** Checks that the whole file went across, and removes a downloaded copy. */
    private static void verify(String op, Map<String, Object> r, Target server, Path big, Path target,
                               long crc) throws IOException {
        long size = Files.size(big);
        long bytes = (long) SmallCallThroughput.number(r.get("bytes"));
        if (bytes != size) {
            throw new BenchmarkFailure(op + " moved " + bytes + " bytes, expected " + size);
        }
        switch (op) {
            case "download-file":
                try {
                    if (Files.size(target) != size || crc32(target) != crc) {
                        throw new BenchmarkFailure(op + ": the downloaded file differs from the original");
                    }
                } finally {
                    Files.deleteIfExists(target);
                }
                break;
            case "upload-put":
                if (server.lastUploadBytes() != size) {
                    throw new BenchmarkFailure(op + ": the server received " + server.lastUploadBytes() + " of " + size);
                }
                break;
            case "upload-multipart":
                long got = server.lastUploadBytes();
                if (server.countsMultipartBody() ? got < size || got > size + 4096 : got != size) {
                    throw new BenchmarkFailure(op + ": the server received " + got + " bytes for a file of " + size);
                }
                break;
            default:
                break;
        }
    }

    /** Adds each client's median, the SDK/curl and SDK/OkHttp ratios and the SDK's largest peak heap to a row. */
    @SuppressWarnings("unchecked")
    private static void summarise(Map<String, Object> row, List<String> clients) {
        for (String client : clients) {
            List<Map<String, Object>> runs = (List<Map<String, Object>>) row.get(client + "Runs");
            row.put(client + "BytesPerSecond", runs.isEmpty() ? null : median(rates(runs)));
            List<Double> cold = rates(runs, "warmupBytesPerSecond");
            if (!cold.isEmpty()) {
                row.put(client + "ColdBytesPerSecond", median(cold));
            }
        }
        if (clients.contains("python")) {
            row.put("sdkOverPython", pairedRatio(row, "sdk", "python"));
            row.put("sdkOverPythonCold", pairedRatio(row, "sdk", "python", "warmupBytesPerSecond"));
        }
        // Ratios are paired within each repetition (measured minutes apart at most), then the median is kept.
        row.put("sdkOverCurl", pairedRatio(row, "sdk", "curl"));
        row.put("sdkOverOkhttp", pairedRatio(row, "sdk", "okhttp"));
        row.put("okhttpOverCurl", pairedRatio(row, "okhttp", "curl"));
        if (clients.contains("okhttp-no-timeouts")) {
            row.put("okhttp-no-timeoutsOverCurl", pairedRatio(row, "okhttp-no-timeouts", "curl"));
        }
        long peakUsed = 0;
        Long peakLive = null;
        long maxHeap = 0;
        List<Map<String, Object>> sdkRuns = (List<Map<String, Object>>) row.get("sdkRuns");
        for (Map<String, Object> r : sdkRuns) {
            Map<String, Object> heap = (Map<String, Object>) r.get("heap");
            peakUsed = Math.max(peakUsed, (long) SmallCallThroughput.number(heap.get("peakUsedBytes")));
            maxHeap = Math.max(maxHeap, (long) SmallCallThroughput.number(heap.get("maxHeapBytes")));
            if (heap.get("peakLiveBytes") != null) {
                long live = (long) SmallCallThroughput.number(heap.get("peakLiveBytes"));
                peakLive = peakLive == null ? live : Math.max(peakLive, live);
            }
        }
        row.put("sdkMaxHeapBytes", maxHeap);
        row.put("sdkPeakUsedHeapBytes", peakUsed);
        row.put("sdkPeakLiveHeapBytes", peakLive);
        row.put("sdkSucceededWithSmallHeap", !sdkRuns.isEmpty());
    }

    private static Double pairedRatio(Map<String, Object> row, String client, String peer) {
        return pairedRatio(row, client, peer, "bytesPerSecond");
    }

    @SuppressWarnings("unchecked")
    private static Double pairedRatio(Map<String, Object> row, String client, String peer, String key) {
        List<Double> a = rates((List<Map<String, Object>>) row.get(client + "Runs"), key);
        List<Double> b = rates((List<Map<String, Object>>) row.get(peer + "Runs"), key);
        if (a.isEmpty() || a.size() != b.size()) {
            return null;
        }
        if (!key.equals("bytesPerSecond")) {
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                ratios.add(a.get(i) / b.get(i));
            }
            return median(ratios);
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            ratios.add(a.get(i) / b.get(i));
        }
        row.put(client + "Over" + Character.toUpperCase(peer.charAt(0)) + peer.substring(1) + "PerRepetition", ratios);
        return median(ratios);
    }

    private static List<Double> rates(List<Map<String, Object>> runs) {
        return rates(runs, "bytesPerSecond");
    }

    private static List<Double> rates(List<Map<String, Object>> runs, String key) {
        List<Double> rates = new ArrayList<>();
        for (Map<String, Object> r : runs) {
            if (r.get(key) != null) {
                rates.add(SmallCallThroughput.number(r.get(key)));
            }
        }
        return rates;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Writes {@code size} pseudo-random bytes; returns their CRC-32. */
    static long writeRandom(Path file, long size, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] block = new byte[1 << 20];
        CRC32 crc = new CRC32();
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long done = 0; done < size; ) {
                random.nextBytes(block);
                int n = (int) Math.min(block.length, size - done);
                out.write(block, 0, n);
                crc.update(block, 0, n);
                done += n;
            }
        }
        return crc.getValue();
    }

    static long crc32(Path file) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
            }
        }
        return crc.getValue();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
