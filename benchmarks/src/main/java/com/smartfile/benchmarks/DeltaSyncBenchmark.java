package com.smartfile.benchmarks;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import com.smartfile.delta.DeltaStats;
import com.smartfile.delta.Librsync;
import com.smartfile.delta.Signature;
import com.smartfile.delta.SignatureFormat;
import com.smartfile.emulator.SmartFileEmulator;
import com.smartfile.sdk.DownloadOptions;
import com.smartfile.sdk.SmartFile;
import com.smartfile.sdk.SyncResult;
import com.smartfile.sdk.UploadSource;

/**
 * Delta transfers (issue 15), run with the "transfers" section: a file of {@code --size} bytes (1 GiB by default)
 * with 1 % of its blocks rewritten in scattered places, synced up and down through the emulator on loopback,
 * beside a plain upload ({@code uploadAs}) and download of the whole new file in the same run.
 * "Blocks" are the SDK's recommended block length for the size (32 KiB at 1 GiB: what {@code syncDownload}'s
 * signature uses); the emulator's signatures use librsync 0.9.7's 2048 bytes. Wire bytes are the request and
 * reply bodies ({@link SyncResult}); wall times are medians over the repetitions, measured in this JVM (client and
 * emulator share the machine's two cores). Also the CPU time per GiB of a signature (both formats) and of a delta,
 * on this thread.
 */
public final class DeltaSyncBenchmark {

    private DeltaSyncBenchmark() {
    }

    /**
     * Runs the measurements.
     *
     * @param o the suite's options
     * @return the figures
     * @throws IOException when the files cannot be made
     */
    public static Map<String, Object> run(SuiteOptions o) throws IOException {
        long size = o.sizeBytes;
        int block = Librsync.recommendedBlockLength(size);
        Path work = Files.createTempDirectory(o.workDir, "delta-bench-");
        Path root = Files.createDirectories(work.resolve("root"));
        Path local = Files.createDirectories(work.resolve("local"));
        Path oldFile = work.resolve("old.bin");
        Path newFile = work.resolve("new.bin");
        long changed = write(oldFile, newFile, size, block);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sizeBytes", size);
        m.put("blockLength", block);
        m.put("blocksChanged", changed);
        m.put("repetitions", o.reps);
        try {
            m.put("cpu", cpu(oldFile, newFile, size));
            LocalCredentials credentials = LocalCredentials.random();
            try (SmartFileEmulator emulator = SmartFileEmulator.builder().root(root)
                    .basicCredentials(credentials.key(), credentials.password()).build().start();
                 SmartFile client = Clients.sdk(emulator.baseUrl(), credentials)) {
                long[][] times = new long[4][o.reps];
                SyncResult up = null;
                SyncResult down = null;
                Path remote = root.resolve("big.bin");
                Path copy = local.resolve("big.bin");
                for (int rep = 0; rep < o.reps; rep++) {
                    Files.copy(oldFile, remote, StandardCopyOption.REPLACE_EXISTING);
                    long t = System.nanoTime();
                    client.paths().uploadAs("/big.bin", UploadSource.of(newFile));
                    times[0][rep] = System.nanoTime() - t;
                    check(newFile, remote, "plain upload");

                    Files.copy(oldFile, remote, StandardCopyOption.REPLACE_EXISTING);
                    t = System.nanoTime();
                    up = client.paths().syncUpload(newFile, "/big.bin");
                    times[1][rep] = System.nanoTime() - t;
                    check(newFile, remote, "delta upload");

                    Files.deleteIfExists(copy);
                    t = System.nanoTime();
                    client.paths().download("/big.bin", copy, DownloadOptions.defaults());
                    times[2][rep] = System.nanoTime() - t;
                    check(newFile, copy, "plain download");

                    Files.copy(oldFile, copy, StandardCopyOption.REPLACE_EXISTING);
                    t = System.nanoTime();
                    down = client.paths().syncDownload("/big.bin", copy);
                    times[3][rep] = System.nanoTime() - t;
                    check(newFile, copy, "delta download");
                }
                if (!up.isDeltaUsed() || !down.isDeltaUsed()) {
                    throw new BenchmarkFailure("a delta transfer fell back to a plain one: " + up + " / " + down);
                }
                m.put("upload", row(size, times[0], times[1], up));
                m.put("download", row(size, times[2], times[3], down));
            }
        } finally {
            deleteTree(work);
        }
        System.out.println(markdown(m));
        m.put("markdown", markdown(m));
        return m;
    }

    private static Map<String, Object> row(long size, long[] plain, long[] delta, SyncResult r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("plainWireBytes", size);
        row.put("deltaWireBytes", r.getBytesSent() + r.getBytesReceived());
        row.put("deltaBytesSent", r.getBytesSent());
        row.put("deltaBytesReceived", r.getBytesReceived());
        row.put("wireFraction", (double) (r.getBytesSent() + r.getBytesReceived()) / size);
        row.put("plainSeconds", median(plain) / 1e9);
        row.put("deltaSeconds", median(delta) / 1e9);
        return row;
    }

    /** CPU seconds per GiB on this thread: signatures in both formats the routes use, and a delta. */
    private static Map<String, Object> cpu(Path oldFile, Path newFile, long size) throws IOException {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        double gib = size / (double) (1L << 30);
        Map<String, Object> c = new LinkedHashMap<>();
        Path sig = Files.createTempFile(oldFile.getParent(), "sig", ".bin");
        long t = bean.getCurrentThreadCpuTime();
        try (InputStream in = Files.newInputStream(oldFile); OutputStream out = buffered(sig)) {
            SignatureFormat f = SignatureFormat.BLAKE2_RABINKARP;
            Librsync.signature(in, out, f, Librsync.recommendedBlockLength(size), f.maxStrongLength());
        }
        c.put("signatureBlake2RabinKarpCpuSecondsPerGiB", (bean.getCurrentThreadCpuTime() - t) / 1e9 / gib);
        Signature parsed;
        try (InputStream in = Files.newInputStream(sig)) {
            parsed = Signature.read(in);
        }
        t = bean.getCurrentThreadCpuTime();
        try (InputStream in = Files.newInputStream(oldFile); OutputStream out = OutputStream.nullOutputStream()) {
            Librsync.signature(in, out, SignatureFormat.MD4_ROLLSUM, 2048, 8);
        }
        c.put("signatureMd4Rollsum2048CpuSecondsPerGiB", (bean.getCurrentThreadCpuTime() - t) / 1e9 / gib);
        t = bean.getCurrentThreadCpuTime();
        DeltaStats stats;
        try (InputStream in = Files.newInputStream(newFile); OutputStream out = OutputStream.nullOutputStream()) {
            stats = Librsync.delta(parsed, in, out);
        }
        c.put("deltaBlake2RabinKarpCpuSecondsPerGiB", (bean.getCurrentThreadCpuTime() - t) / 1e9 / gib);
        c.put("deltaBytes", stats.deltaBytes());
        Files.delete(sig);
        return c;
    }

    /** Writes a random file and a copy with 1 % of its blocks (at least one) rewritten; returns how many. */
    private static long write(Path oldFile, Path newFile, long size, int block) throws IOException {
        SplittableRandom random = new SplittableRandom(15);
        long blocks = (size + block - 1) / block;
        long changed = Math.max(1, blocks / 100);
        boolean[] pick = new boolean[(int) blocks];
        for (long n = 0; n < changed; ) {
            int i = random.nextInt((int) blocks);
            if (!pick[i]) {
                pick[i] = true;
                n++;
            }
        }
        byte[] buf = new byte[block];
        try (OutputStream a = buffered(oldFile); OutputStream b = buffered(newFile)) {
            for (int i = 0; i < blocks; i++) {
                int len = (int) Math.min(block, size - (long) i * block);
                random.nextBytes(buf);
                a.write(buf, 0, len);
                if (pick[i]) {
                    random.nextBytes(buf);
                }
                b.write(buf, 0, len);
            }
        }
        return changed;
    }

    private static OutputStream buffered(Path p) throws IOException {
        return new BufferedOutputStream(Files.newOutputStream(p), 1 << 16);
    }

    private static void check(Path expected, Path actual, String what) throws IOException {
        if (Files.mismatch(expected, actual) != -1) {
            throw new BenchmarkFailure(what + " left " + actual + " different from " + expected);
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> m) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("Delta sync of %d bytes, %s of %s-byte blocks rewritten (median of %s):%n%n",
                m.get("sizeBytes"), m.get("blocksChanged"), m.get("blockLength"), m.get("repetitions")));
        sb.append("| direction | plain: wire bytes | plain: s | delta: wire bytes (sent + received) | % of plain | delta: s |\n");
        sb.append("|---|---|---|---|---|---|\n");
        for (String dir : new String[] {"upload", "download"}) {
            Map<String, Object> r = (Map<String, Object>) m.get(dir);
            if (r == null) {
                continue;
            }
            sb.append(String.format("| %s | %d | %.2f | %d (%d + %d) | %.2f %% | %.2f |%n", dir, r.get("plainWireBytes"),
                    r.get("plainSeconds"), r.get("deltaWireBytes"), r.get("deltaBytesSent"), r.get("deltaBytesReceived"),
                    100 * (double) r.get("wireFraction"), r.get("deltaSeconds")));
        }
        Map<String, Object> c = (Map<String, Object>) m.get("cpu");
        if (c != null) {
            sb.append(String.format("%nCPU per GiB: signature %.2f s (BLAKE2b + Rabin-Karp, recommended blocks), %.2f s "
                    + "(MD4 + rollsum, 2048-byte blocks); delta %.2f s.%n", c.get("signatureBlake2RabinKarpCpuSecondsPerGiB"),
                    c.get("signatureMd4Rollsum2048CpuSecondsPerGiB"), c.get("deltaBlake2RabinKarpCpuSecondsPerGiB")));
        }
        return sb.toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a temporary folder
                }
            });
        }
    }
}
