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
            m.put("hashing", hashing(oldFile, newFile, size, block, work));
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

    /**
     * Runs this benchmark alone and prints its table: {@code java -cp smartfile-benchmarks.jar
     * com.smartfile.benchmarks.DeltaSyncBenchmark [--size 1GiB] [--reps N] [--work-dir DIR] [--out FILE.json]}.
     *
     * @param args the suite's options, plus {@code --out FILE.json} for the figures
     * @throws IOException when the files cannot be made or written
     */
    public static void main(String[] args) throws IOException {
        java.util.List<String> rest = new java.util.ArrayList<>(java.util.List.of(args));
        int out = rest.indexOf("--out");
        Path json = null;
        if (out >= 0 && out + 1 < rest.size()) {
            json = Path.of(rest.get(out + 1));
            rest.subList(out, out + 2).clear();
        }
        Map<String, Object> m = run(SuiteOptions.parse(rest.toArray(new String[0])));
        if (json != null) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("machine", Machine.describe(null));
            all.put("date", java.time.Instant.now().toString());
            all.put("deltaSync", m);
            Files.writeString(json, Json.writePretty(all));
        }
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

    /**
     * Signature and delta of the same files by us and by {@code rdiff} (librsync's own tool, Debian's build), in the
     * same run, each timed here: our code on this thread (wall and thread CPU), rdiff as a child process (wall, and
     * its user + system CPU from {@code /usr/bin/time} when there is one). Both sides write the same format with
     * the same parameters; whether rdiff's signatures equal ours byte for byte is recorded too.
     */
    static Map<String, Object> hashing(Path oldFile, Path newFile, long size, int block, Path work) throws IOException {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("load", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Path rdiff = Path.of("/usr/bin/rdiff");
        boolean haveRdiff = Files.isExecutable(rdiff);
        h.put("rdiff", haveRdiff ? version(rdiff) : "not installed");
        String[][] kinds = {
            {"signature BLAKE2b + Rabin-Karp, " + block + "-byte blocks", "blake2", "rabinkarp", String.valueOf(block), "32"},
            {"signature MD4 + rollsum, 2048-byte blocks", "md4", "rollsum", "2048", "8"},
        };
        java.util.List<Object> rows = new java.util.ArrayList<>();
        for (String[] k : kinds) {
            SignatureFormat f = k[1].equals("md4") ? SignatureFormat.MD4_ROLLSUM : SignatureFormat.BLAKE2_RABINKARP;
            Path ours = work.resolve("ours-" + k[1] + ".sig");
            long w = System.nanoTime();
            long c = bean.getCurrentThreadCpuTime();
            try (InputStream in = Files.newInputStream(oldFile); OutputStream out = buffered(ours)) {
                Librsync.signature(in, out, f, Integer.parseInt(k[3]), Integer.parseInt(k[4]));
            }
            Map<String, Object> sig = timing(k[0], size, System.nanoTime() - w, bean.getCurrentThreadCpuTime() - c);
            Path ourDelta = work.resolve("ours-" + k[1] + ".delta");
            Signature parsed;
            try (InputStream in = Files.newInputStream(ours)) {
                parsed = Signature.read(in);
            }
            w = System.nanoTime();
            c = bean.getCurrentThreadCpuTime();
            try (InputStream in = Files.newInputStream(newFile); OutputStream out = buffered(ourDelta)) {
                Librsync.delta(parsed, in, out);
            }
            Map<String, Object> delta = timing("delta against the " + k[1] + " signature", size,
                    System.nanoTime() - w, bean.getCurrentThreadCpuTime() - c);
            delta.put("deltaBytes", Files.size(ourDelta));
            if (haveRdiff) {
                Path theirs = work.resolve("rdiff-" + k[1] + ".sig");
                sig.put("rdiff", rdiff(size, "-H", k[1], "-R", k[2], "-b", k[3], "-S", k[4], "signature",
                        oldFile.toString(), theirs.toString()));
                sig.put("sameBytesAsRdiff", Files.mismatch(ours, theirs) == -1);
                Path theirDelta = work.resolve("rdiff-" + k[1] + ".delta");
                Map<String, Object> rd = rdiff(size, "delta", theirs.toString(), newFile.toString(), theirDelta.toString());
                rd.put("deltaBytes", Files.size(theirDelta));
                delta.put("rdiff", rd);
                Files.delete(theirs);
                Files.delete(theirDelta);
            }
            rows.add(sig);
            rows.add(delta);
            Files.delete(ours);
            Files.delete(ourDelta);
        }
        h.put("rows", rows);
        return h;
    }

    /** The first line of {@code rdiff --version}, e.g. "rdiff (librsync 2.3.2)". */
    private static String version(Path rdiff) throws IOException {
        Process p = new ProcessBuilder(rdiff.toString(), "--version").redirectErrorStream(true).start();
        String first = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .lines().findFirst().orElse("rdiff");
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return first;
    }

    private static Map<String, Object> timing(String what, long size, long wallNanos, long cpuNanos) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("what", what);
        t.put("wallSeconds", wallNanos / 1e9);
        t.put("cpuSeconds", cpuNanos / 1e9);
        if (cpuNanos > 0) {
            t.put("cpuMBps", size / 1e6 / (cpuNanos / 1e9));
        }
        return t;
    }

    /** Runs rdiff under {@code /usr/bin/time} (when present) and times it: wall here, user + system CPU there. */
    private static Map<String, Object> rdiff(long size, String... args) throws IOException {
        Path time = Path.of("/usr/bin/time");
        java.util.List<String> cmd = new java.util.ArrayList<>();
        boolean timed = Files.isExecutable(time);
        if (timed) {
            cmd.addAll(java.util.List.of(time.toString(), "-f", "cpu %U %S"));
        }
        cmd.add("/usr/bin/rdiff");
        cmd.addAll(java.util.List.of(args));
        long w = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err;
        try {
            err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new BenchmarkFailure("rdiff " + String.join(" ", args) + " failed: " + err);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkFailure("interrupted while rdiff ran");
        }
        long wall = System.nanoTime() - w;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("wallSeconds", wall / 1e9);
        String last = err.strip().isEmpty() ? "" : err.strip().substring(err.strip().lastIndexOf('\n') + 1);
        if (timed && last.startsWith("cpu ")) {
            String[] f = last.split(" ");
            double cpu = Double.parseDouble(f[1]) + Double.parseDouble(f[2]);
            r.put("cpuSeconds", cpu);
            if (cpu > 0) {   // /usr/bin/time counts in hundredths: a tiny file may take "0.00"
                r.put("cpuMBps", size / 1e6 / cpu);
            }
        }
        return r;
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
        Map<String, Object> hashing = (Map<String, Object>) m.get("hashing");
        if (hashing != null) {
            sb.append(String.format("%nSignature and delta of the same files, ours (this thread) beside %s (a child "
                    + "process), load average %.1f:%n%n", hashing.get("rdiff"), hashing.get("load")));
            sb.append("| step | ours: CPU s | ours: wall s | ours: MB/s of CPU | rdiff: CPU s | rdiff: wall s | rdiff: MB/s of CPU | same bytes |\n");
            sb.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
            for (Object o : (java.util.List<Object>) hashing.get("rows")) {
                Map<String, Object> r = (Map<String, Object>) o;
                Map<String, Object> rd = (Map<String, Object>) r.get("rdiff");
                sb.append(String.format("| %s | %.2f | %.2f | %s | %s | %s | %s | %s |%n", r.get("what"),
                        r.get("cpuSeconds"), r.get("wallSeconds"),
                        r.get("cpuMBps") == null ? "–" : String.format("%.0f", r.get("cpuMBps")),
                        rd == null || rd.get("cpuSeconds") == null ? "–" : String.format("%.2f", rd.get("cpuSeconds")),
                        rd == null ? "–" : String.format("%.2f", rd.get("wallSeconds")),
                        rd == null || rd.get("cpuMBps") == null ? "–" : String.format("%.0f", rd.get("cpuMBps")),
                        r.containsKey("sameBytesAsRdiff") ? (Boolean.TRUE.equals(r.get("sameBytesAsRdiff")) ? "yes" : "**no**")
                                : rd == null ? "–" : r.get("deltaBytes") + " vs " + rd.get("deltaBytes") + " bytes"));
            }
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
