package com.smartfile.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The Python peer: {@code benchmarks/python/requests_peer.py}, SmartFile calls made with
 * {@code requests} the way SmartFile's official Python client makes them (a new connection per
 * call, {@code files=} multipart uploads, {@code shutil.copyfileobj} from {@code response.raw}),
 * run by the first Python 3 that can import {@code requests}: {@code python3} on the PATH, then
 * {@code /usr/bin/python3} (Debian's, which has it only with the {@code python3-requests}
 * package), started through its own executable ({@code sys.executable}), so that a launcher shim
 * (pyenv's is a bash script: about 70 ms of start here) is not counted as Python's. When none can,
 * the suite says so and skips this peer.
 */
public final class PythonPeer {

    private final String python;
    private final String version;
    private final Path script;

    private PythonPeer(String python, String version, Path script) {
        this.python = python;
        this.version = version;
        this.script = script;
    }

    /**
     * Finds a Python that has {@code requests}, and the script.
     *
     * @return the peer, or null (see {@link #whyMissing()})
     */
    public static PythonPeer find() {
        Path script = script();
        if (script == null) {
            return null;
        }
        for (String candidate : candidates()) {
            String[] found = probe(candidate);
            if (found != null) {
                return new PythonPeer(found[0], found[1], script);
            }
        }
        return null;
    }

    /**
     * Why {@link #find()} found nothing.
     *
     * @return a sentence for the results
     */
    public static String whyMissing() {
        if (script() == null) {
            return "missing: benchmarks/python/requests_peer.py not found (run from the repository root); Python figures absent";
        }
        return "missing: no Python 3 with the requests package among " + candidates()
                + " (on Debian: apt-get install python3-requests); Python figures and ratios are absent";
    }

    /**
     * The interpreter's own executable, for commands of other sections that a Python user would run.
     *
     * @return e.g. {@code /root/.pyenv/versions/3.11.7/bin/python3}
     */
    public String executable() {
        return python;
    }

    /**
     * The interpreter and versions, for the results.
     *
     * @return e.g. {@code /usr/bin/python3: Python 3.11.2, requests 2.28.1}
     */
    public String describe() {
        return python + ": " + version;
    }

    /**
     * Runs one measurement of the script.
     *
     * @param mode {@code cold}, {@code latency}, {@code throughput} or {@code transfer}
     * @param args the script's options
     * @param credentials put in its environment
     * @param timeoutSeconds how long it may run
     * @return its result, plus {@code wallMillis} (process start to exit, as seen from here)
     */
    public Map<String, Object> run(String mode, List<String> args, LocalCredentials credentials, long timeoutSeconds) {
        List<String> command = new ArrayList<>(List.of(python, script.toString(), mode));
        command.addAll(args);
        return ChildJvm.runProcess(command, "python " + mode + " " + args, credentials, timeoutSeconds);
    }

    private static Set<String> candidates() {
        Set<String> c = new LinkedHashSet<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "python3"))) {
                c.add(Path.of(dir, "python3").toString());
            }
        }
        c.add("/usr/bin/python3");
        return c;
    }

    /**
     * The interpreter's own executable ({@code sys.executable}: not a launcher shim such as pyenv's,
     * a bash script whose start would be counted in Python's whole-process figures) and its versions,
     * or null when it cannot import {@code requests}.
     */
    private static String[] probe(String python) {
        if (!Files.isExecutable(Path.of(python))) {
            return null;
        }
        try {
            Process p = new ProcessBuilder(python, "-c", "import sys, requests; print(sys.executable);"
                    + " print('Python ' + sys.version.split()[0] + ', requests ' + requests.__version__)")
                    .redirectErrorStream(true).start();
            String[] out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().split("\\R");
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0 || out.length != 2) {
                return null;
            }
            return Files.isExecutable(Path.of(out[0])) ? out : new String[] {python, out[1]};
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static Path script() {
        List<Path> places = new ArrayList<>(List.of(Path.of("benchmarks/python/requests_peer.py"),
                Path.of("python/requests_peer.py")));
        try {
            // Beside the runnable jar: benchmarks/target/smartfile-benchmarks.jar -> benchmarks/python/.
            Path jar = Path.of(PythonPeer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            places.add(jar.getParent().resolveSibling("python").resolve("requests_peer.py"));
        } catch (Exception ignored) {
            // no code source: the relative places only
        }
        for (Path p : places) {
            if (Files.isRegularFile(p)) {
                return p.toAbsolutePath();
            }
        }
        return null;
    }
}
