package com.smartfile.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one measurement in a fresh JVM (same {@code java}, same class path) with the JVM options
 * under test, e.g. {@code -Xmx64m}. The child prints its result as one line
 * {@code RESULT <json>} ({@link #emit}); anything else it prints is kept for error reports.
 */
public final class ChildJvm {

    /** The prefix of the result line. */
    static final String RESULT_PREFIX = "RESULT ";

    private ChildJvm() {
    }

    /**
     * Runs a main class in a new JVM and returns its result.
     *
     * @param mainClass the class whose {@code main} runs
     * @param jvmOptions options such as {@code -Xmx64m}
     * @param args the program arguments
     * @param credentials put in the child's environment (never on its command line)
     * @param timeoutSeconds how long it may run
     * @return the child's result
     * @throws BenchmarkFailure when the child fails, times out or prints no result
     */
    public static Map<String, Object> run(Class<?> mainClass, List<String> jvmOptions, List<String> args,
                                          LocalCredentials credentials, long timeoutSeconds) {
        return run(Path.of(System.getProperty("java.home")), mainClass, jvmOptions, args, credentials, timeoutSeconds);
    }

    /**
     * Runs a main class in a new JVM of a given JDK (same class path) and returns its result.
     *
     * @param javaHome the JDK (or JRE) whose {@code bin/java} runs it
     * @param mainClass the class whose {@code main} runs
     * @param jvmOptions options such as {@code -Xmx64m}
     * @param args the program arguments
     * @param credentials put in the child's environment (never on its command line)
     * @param timeoutSeconds how long it may run
     * @return the child's result
     * @throws BenchmarkFailure when the child fails, times out or prints no result
     */
    public static Map<String, Object> run(Path javaHome, Class<?> mainClass, List<String> jvmOptions, List<String> args,
                                          LocalCredentials credentials, long timeoutSeconds) {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(args);
        return runProcess(command, mainClass.getSimpleName() + " " + String.join(" ", jvmOptions) + " " + args, credentials,
                timeoutSeconds);
    }

    /**
     * Runs a command that prints its result as a {@code RESULT <json>} line (a child JVM, or the
     * Python peer) and returns that result.
     *
     * @param command the command
     * @param label how failures name it
     * @param credentials put in its environment (never on its command line), or null
     * @param timeoutSeconds how long it may run
     * @return its result, plus {@code wallMillis}: from starting the process to its exit, as seen from here
     * @throws BenchmarkFailure when it fails, times out or prints no result
     */
    static Map<String, Object> runProcess(List<String> command, String label, LocalCredentials credentials,
                                          long timeoutSeconds) {
        Path out = null;
        try {
            out = Files.createTempFile("bench-child-", ".log");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            if (credentials != null) {
                pb.environment().put(LocalCredentials.ENV_KEY, credentials.key());
                pb.environment().put(LocalCredentials.ENV_PASSWORD, credentials.password());
            }
            long start = System.nanoTime();
            Process process = pb.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new BenchmarkFailure(label + " did not finish in " + timeoutSeconds + " s" + tail(out));
            }
            double wallMillis = (System.nanoTime() - start) / 1e6;
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            String result = null;
            for (String line : lines) {
                if (line.startsWith(RESULT_PREFIX)) {
                    result = line.substring(RESULT_PREFIX.length());
                }
            }
            if (process.exitValue() != 0 || result == null) {
                throw new BenchmarkFailure(label + " failed (exit " + process.exitValue() + ")" + tail(out));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> parsed = (Map<String, Object>) Json.read(result);
            parsed.put("wallMillis", wallMillis);
            return parsed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkFailure("interrupted");
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a temp file
                }
            }
        }
    }

    /**
     * Prints a child's result line; the last thing a child's {@code main} does.
     *
     * @param result maps, lists and scalars
     */
    public static void emit(Map<String, Object> result) {
        System.out.println(RESULT_PREFIX + Json.write(result));
        System.out.flush();
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        List<String> last = lines.subList(Math.max(0, lines.size() - 25), lines.size());
        return last.isEmpty() ? "" : ":\n  " + String.join("\n  ", last);
    }
}
