package com.smartfile.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import com.smartfile.emulator.SmartFileEmulator;
import com.smartfile.sdk.SmartFile;
import com.smartfile.sdk.tree.Comparison;
import com.smartfile.sdk.tree.SyncOptions;
import com.smartfile.sdk.tree.SyncPlan;
import com.smartfile.sdk.tree.TreeResult;
import com.smartfile.sdk.tree.TreeLocation;

/**
 * Section "trees": a tree of many small files and a few large ones uploaded and downloaded through
 * the emulator by {@code client.trees()} at 1, 4 and 8 transfers (each run in a fresh JVM), beside a
 * sequential Python {@code requests} loop doing what SmartFile's official client does (one request
 * per file, one mkdir per folder); then the planning time and peak heap of a no-op sync of 10,000
 * files (everything already in step), in a JVM limited to 128 MiB.
 */
public final class TreeBenchmark {

    static final List<Integer> TRANSFERS = List.of(1, 4, 8);
    static final String NO_OP_HEAP = "-Xmx128m";

    private TreeBenchmark() {
    }

    /**
     * Runs the measurements.
     *
     * @param o the suite's options
     * @return per direction and client, seconds and MiB/s; the no-op sync's figures
     * @throws Exception when the emulator cannot start or a run fails
     */
    public static Map<String, Object> run(SuiteOptions o) throws Exception {
        int small = o.quick ? 200 : 2000;
        int large = o.quick ? 2 : 20;
        int noOpFiles = o.quick ? 2000 : 10_000;
        LocalCredentials credentials = LocalCredentials.random();
        Path work = Files.createTempDirectory(o.workDir, "smartfile-trees-");
        Path tree = work.resolve("tree");
        long bytes = makeTree(tree, small, large);
        Path script = work.resolve("official_loop.py");
        Files.writeString(script, PYTHON, StandardCharsets.UTF_8);
        List<Object> runs = new ArrayList<>();
        Map<String, Object> out = new LinkedHashMap<>();
        try (SmartFileEmulator emulator = SmartFileEmulator.builder().root(Files.createDirectories(work.resolve("server")))
                .basicCredentials(credentials.key(), credentials.password()).taskDuration(Duration.ZERO).build().start()) {
            String base = emulator.baseUrl();
            for (String direction : List.of("upload", "download")) {
                for (int n : TRANSFERS) {
                    String remote = "/up-" + (direction.equals("upload") ? n : 1);
                    Path local = direction.equals("upload") ? tree : work.resolve("down-sdk-" + n);
                    Map<String, Object> r = ChildJvm.run(Child.class, List.of(),
                            List.of("--base", base, "--mode", direction, "--local", local.toString(), "--remote", remote,
                                    "--transfers", String.valueOf(n)), credentials, 1800);
                    r.put("client", "sdk");
                    r.put("transfers", n);
                    r.put("direction", direction);
                    r.put("mibPerSecond", bytes / 1048576.0 / ((Number) r.get("seconds")).doubleValue());
                    runs.add(r);
                    System.out.printf("trees: sdk    %-8s %d transfers: %7.2f s%n", direction, n, ((Number) r.get("seconds")).doubleValue());
                }
                String remote = direction.equals("upload") ? "/up-python" : "/up-1";
                Path local = direction.equals("upload") ? tree : work.resolve("down-python");
                double seconds = python(script, base, credentials, direction, local, remote);
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("client", "python-requests-loop");
                r.put("transfers", 1);
                r.put("direction", direction);
                r.put("seconds", seconds);
                r.put("mibPerSecond", bytes / 1048576.0 / seconds);
                runs.add(r);
                System.out.printf("trees: python %-8s sequential: %7.2f s%n", direction, seconds);
            }
            Path noOpLocal = work.resolve("noop");
            Path noOpRemote = emulator.root().resolve("noop");
            for (int i = 0; i < noOpFiles; i++) {
                byte[] content = ("file " + i + "\n").getBytes(StandardCharsets.UTF_8);
                String rel = "d" + (i % 10) + "/f" + i + ".txt";
                Files.write(Files.createDirectories(noOpLocal.resolve(rel).getParent()).resolve("f" + i + ".txt"), content);
                Files.write(Files.createDirectories(noOpRemote.resolve(rel).getParent()).resolve("f" + i + ".txt"), content);
            }
            List<Object> noOp = new ArrayList<>();
            for (String mode : List.of("CHECKSUM", "SIZE_ONLY")) {
                Map<String, Object> r = ChildJvm.run(Child.class, List.of(NO_OP_HEAP),
                        List.of("--base", base, "--mode", "plan", "--local", noOpLocal.toString(), "--remote", "/noop",
                                "--transfers", "4", "--comparison", mode), credentials, 1800);
                r.put("comparison", mode);
                r.put("files", noOpFiles);
                noOp.add(r);
                System.out.printf("trees: no-op sync of %,d files (%s): planned in %.2f s, peak heap %.1f MiB%n", noOpFiles, mode,
                        ((Number) r.get("seconds")).doubleValue(), ((Number) ((Map<?, ?>) r.get("heap")).get("peakUsedBytes")).doubleValue() / 1048576);
            }
            out.put("noOpSync", noOp);
        }
        out.put("server", "SmartFileEmulator in this JVM; clients in their own processes");
        out.put("tree", Map.of("smallFiles", small, "smallBytes", 4096, "largeFiles", large, "largeBytes", 8 << 20, "totalBytes", bytes));
        out.put("runs", runs);
        return out;
    }

    private static long makeTree(Path root, int small, int large) throws IOException {
        Random random = new Random(14);
        long total = 0;
        byte[] four = new byte[4096];
        for (int i = 0; i < small; i++) {
            random.nextBytes(four);
            Path f = Files.createDirectories(root.resolve("small/s" + (i % 20))).resolve("f" + i + ".bin");
            Files.write(f, four);
            total += four.length;
        }
        byte[] eight = new byte[8 << 20];
        for (int i = 0; i < large; i++) {
            random.nextBytes(eight);
            Files.write(Files.createDirectories(root.resolve("large")).resolve("big" + i + ".bin"), eight);
            total += eight.length;
        }
        return total;
    }

    private static double python(Path script, String base, LocalCredentials c, String mode, Path local, String remote)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("python3", script.toString(), base, mode, local.toString(), remote)
                .redirectErrorStream(true);
        pb.environment().put(LocalCredentials.ENV_KEY, c.key());
        pb.environment().put(LocalCredentials.ENV_PASSWORD, c.password());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(1800, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new BenchmarkFailure("python loop failed: " + output);
        }
        return Double.parseDouble(output.trim().substring(output.trim().lastIndexOf('\n') + 1));
    }

    /** The sequential loop of SmartFile's official Python client: one mkdir per folder, one request per file. */
    static final String PYTHON = String.join("\n",
            "import os, sys, time, requests",
            "from urllib.parse import quote",
            "base, mode, local, remote = sys.argv[1:5]",
            "s = requests.Session()",
            "s.auth = (os.environ['SMARTFILE_API_KEY'], os.environ['SMARTFILE_API_PASSWORD'])",
            "api = base.rstrip('/') + '/api/2/'",
            "start = time.time()",
            "if mode == 'upload':",
            "    for d, dirs, files in os.walk(local):",
            "        rel = os.path.relpath(d, local)",
            "        folder = remote if rel == '.' else remote + '/' + rel.replace(os.sep, '/')",
            "        s.post(api + 'path/oper/mkdir/', data={'path': folder}).raise_for_status()",
            "        for f in files:",
            "            with open(os.path.join(d, f), 'rb') as fh:",
            "                s.post(api + 'path/data' + quote(folder) + '/', files={'file': (f, fh)}).raise_for_status()",
            "else:",
            "    def walk(folder, into):",
            "        os.makedirs(into, exist_ok=True)",
            "        page = 1",
            "        while True:",
            "            r = s.get(api + 'path/info' + quote(folder) + '/', params={'children': 'true', 'page': page, 'limit': 100})",
            "            r.raise_for_status()",
            "            info = r.json()",
            "            for c in info.get('children', []):",
            "                if c.get('isdir'):",
            "                    walk(c['path'], os.path.join(into, c['name']))",
            "                else:",
            "                    with s.get(api + 'path/data' + quote(c['path']), stream=True) as g:",
            "                        g.raise_for_status()",
            "                        with open(os.path.join(into, c['name']), 'wb') as out:",
            "                            for chunk in g.iter_content(65536):",
            "                                out.write(chunk)",
            "            if page >= info.get('pages', 1):",
            "                break",
            "            page += 1",
            "    walk(remote, local)",
            "print(time.time() - start)",
            "");

    /** One SDK run in a fresh JVM: a tree upload, a tree download, or the planning of a no-op sync. */
    public static final class Child {
        private Child() {
        }

        /**
         * Runs one measurement and prints its result line.
         *
         * @param args {@code --base URL --mode upload|download|plan --local DIR --remote PATH --transfers N [--comparison C]}
         */
        public static void main(String[] args) {
            Args a = new Args(args);
            LocalCredentials c = LocalCredentials.fromEnvironment();
            TreeLocation local = TreeLocation.local(Path.of(a.require("local")));
            TreeLocation remote = TreeLocation.remote(a.require("remote"));
            String mode = a.require("mode");
            SyncOptions.Builder options = SyncOptions.builder().transfers(a.getInt("transfers"));
            if (mode.equals("plan")) {
                options.comparison(Comparison.valueOf(a.require("comparison")));
            }
            Map<String, Object> r = new LinkedHashMap<>();
            try (SmartFile client = SmartFile.builder().baseUrl(a.require("base")).basicAuth(c.key(), c.password()).build();
                 HeapWatcher heap = new HeapWatcher()) {
                long start = System.nanoTime();
                if (mode.equals("plan")) {
                    SyncPlan plan = client.trees().plan(local, remote, options.build());
                    if (!plan.isInSync()) {
                        throw new BenchmarkFailure("the no-op sync is not a no-op: " + plan.getSummary());
                    }
                    r.put("skipped", plan.getSkipped().size());
                } else {
                    TreeResult done = mode.equals("upload")
                            ? client.trees().copyTree(local, remote, options.build(), null)
                            : client.trees().copyTree(remote, local, options.build(), null);
                    r.put("files", done.getTransferred().size());
                    r.put("bytes", done.getBytesTransferred());
                }
                r.put("seconds", (System.nanoTime() - start) / 1e9);
                r.put("heap", heap.report());
            }
            ChildJvm.emit(r);
        }
    }
}
