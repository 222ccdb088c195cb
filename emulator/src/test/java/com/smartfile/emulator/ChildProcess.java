package com.smartfile.emulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real JVM started from this test's class path, whose output is read line by line: to check
 * what a process does when it receives a signal ({@link Process#destroy()} sends SIGTERM).
 */
final class ChildProcess implements AutoCloseable {

    final Process process;
    private final BufferedReader out;
    final List<String> lines = new ArrayList<>();

    private ChildProcess(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Starts {@code java -cp <this class path> mainClass args…}, stderr merged into stdout.
     *
     * @param mainClass the class to run
     * @param args its arguments
     * @return the process
     * @throws IOException when it cannot be started
     */
    static ChildProcess java(String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ChildProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /**
     * Reads lines until one matches (30 s at most).
     *
     * @param wanted the line looked for
     * @return that line
     * @throws Exception when the output ends or the time is up first
     */
    String awaitLine(Predicate<String> wanted) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.add(line);
                    if (wanted.test(line)) {
                        return line;
                    }
                }
                throw new AssertionError("the process ended without the line expected: " + lines);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).get(30, TimeUnit.SECONDS);
    }

    /**
     * Waits for the process to end (30 s at most) and reads what is left of its output.
     *
     * @return its exit code
     * @throws Exception when it does not end in time
     */
    int awaitExit() throws Exception {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the process did not end: " + lines);
        }
        try {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException closed) {
            // destroy() closes the process's streams
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
