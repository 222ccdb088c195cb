package com.smartfile.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.smartfile.emulator.EmulatorCredentials;
import com.smartfile.emulator.SmartFileEmulator;

/**
 * Whole-process start-up of the installed CLI against its peers, in the same run: the
 * {@code smartfile} launcher from the distribution archive ({@code cli/target/smartfile-*.tar.gz},
 * unpacked into an empty folder; its class-data-sharing archive made by the warm-up rounds) running
 * {@code ping} against an emulator and {@code --version}, beside {@code curl} and a Python
 * {@code requests} one-liner calling the same {@code /ping/}, and the one-jar CLI with the JVM's
 * defaults (before this launcher). Each round runs every command once,
 * interleaved, so that the machine's load touches them alike; the figure is the median wall time
 * from process start to exit. Credentials go through the environment, never argv. Goals (issue 16):
 * ping ≤ 0.25 s, --version ≤ 0.15 s; reported, not asserted.
 */
public final class StartupComparison {

    static final double PING_GOAL_SECONDS = 0.25;
    static final double VERSION_GOAL_SECONDS = 0.15;

    private StartupComparison() {
    }

    /**
     * Runs the comparison alone (a JDK for the CLI may be given with JAVA_HOME).
     *
     * @param args suite options ({@code --quick}, {@code --work-dir DIR})
     * @throws Exception when a measurement cannot be made
     */
    public static void main(String[] args) throws Exception {
        System.out.println(Json.writePretty(run(SuiteOptions.parse(args))));
    }

    /**
     * Measures.
     *
     * @param o the suite's options (quick: 5 rounds, else 20; 2 warm-up rounds either way)
     * @return medians in seconds per command, with the goals and the rounds
     * @throws Exception when the archive is missing or a command fails
     */
    public static Map<String, Object> run(SuiteOptions o) throws Exception {
        Path archive = archive();
        Path dir = Files.createTempDirectory(o.workDir, "startup-");
        run(List.of("tar", "xzf", archive.toString(), "-C", dir.toString()), Map.of(), dir);
        Path bin;
        try (DirectoryStream<Path> unpacked = Files.newDirectoryStream(dir, "smartfile-*")) {
            bin = unpacked.iterator().next().resolve("bin");
        }
        int rounds = o.quick ? 5 : 20;
        try (SmartFileEmulator emulator = SmartFileEmulator.builder().build().start()) {
            EmulatorCredentials c = emulator.credentials();
            String ping = emulator.baseUrl() + "api/2/ping/";
            Map<String, String> env = new LinkedHashMap<>();
            env.put("SMARTFILE_API_URL", emulator.baseUrl());
            env.put("SMARTFILE_API_KEY", c.key());
            env.put("SMARTFILE_API_PASSWORD", c.password());
            env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
            Path netrc = dir.resolve("netrc");
            Files.writeString(netrc, "machine 127.0.0.1 login " + c.key() + " password " + c.password() + "\n");
            env.put("NETRC", netrc.toString());  // Python requests reads it

            Map<String, List<String>> commands = new LinkedHashMap<>();
            commands.put("smartfile ping", List.of(bin.resolve("smartfile").toString(), "ping"));
            commands.put("smartfile --version", List.of(bin.resolve("smartfile").toString(), "--version"));
            // Before: the one-jar CLI with the JVM's defaults (what ./smartfile runs), same command.
            Path shaded = Path.of("cli", "target", "smartfile-cli.jar").toAbsolutePath();
            if (Files.isRegularFile(shaded)) {
                commands.put("java -jar smartfile-cli.jar ping (defaults)", List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", shaded.toString(), "ping"));
            }
            Curl curl = Curl.find();
            if (curl != null) {
                commands.put("curl", List.of(curl.executable(), "-s", "-f", "-o", "/dev/null", "--netrc-file", netrc.toString(), ping));
            }
            PythonPeer python = PythonPeer.find(); // its own executable: a launcher shim's start is not Python's
            if (python != null) {
                commands.put("python requests", List.of(python.executable(), "-c",
                        "import requests,sys; sys.exit(requests.get('" + ping + "').status_code != 200)"));
            }

            Map<String, List<Double>> times = new LinkedHashMap<>();
            for (int round = -2; round < rounds; round++) {
                for (Map.Entry<String, List<String>> command : commands.entrySet()) {
                    double seconds = run(command.getValue(), env, dir);
                    if (round >= 0) {
                        times.computeIfAbsent(command.getKey(), k -> new ArrayList<>()).add(seconds);
                    }
                }
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("rounds", rounds);
            r.put("loadAverage", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            r.put("cliJava", System.getenv().getOrDefault("JAVA_HOME", "java on PATH"));
            Map<String, Object> medians = new LinkedHashMap<>();
            times.forEach((name, t) -> medians.put(name, median(t)));
            r.put("medianSeconds", medians);
            r.put("pingGoalMet", (double) medians.get("smartfile ping") <= PING_GOAL_SECONDS);
            r.put("versionGoalMet", (double) medians.get("smartfile --version") <= VERSION_GOAL_SECONDS);
            r.put("archive", archive.getFileName().toString());
            System.out.println("  start-up, median of " + rounds + " (s): " + medians);
            return r;
        }
    }

    private static Path archive() throws IOException {
        Path target = Path.of("cli", "target");
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> found = Files.newDirectoryStream(target, "smartfile-*.tar.gz")) {
                for (Path p : found) {
                    return p.toAbsolutePath();
                }
            }
        }
        throw new BenchmarkFailure("no CLI archive in " + target.toAbsolutePath()
                + ": build it first (mvn -B -pl cli -am package -DskipTests), from the repository's root");
    }

    /** Runs a command to its end and returns its wall time in seconds; fails unless it exits with 0. */
    private static double run(List<String> command, Map<String, String> env, Path dir) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("stderr.txt").toFile());
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new BenchmarkFailure(String.join(" ", command) + " did not end within 60 s");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (p.exitValue() != 0) {
            throw new BenchmarkFailure(command.get(0).substring(command.get(0).lastIndexOf(File.separatorChar) + 1) + " "
                    + command.subList(1, Math.min(2, command.size())) + " exited with " + p.exitValue() + ": "
                    + Files.readString(dir.resolve("stderr.txt")).trim());
        }
        return seconds;
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
