package com.smartfile.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The peer of the SDK's transfers: {@code /usr/bin/curl} (or {@code curl} on the PATH) doing the
 * same transfer against the same server. Times are curl's own {@code time_total} (from before
 * connecting to the last byte, without the process start). Credentials go to curl on its standard
 * input ({@code -K -}), never on its command line; {@code Expect: 100-continue} is turned off
 * because the SDK does not send it.
 */
public final class Curl {

    private final String executable;

    private Curl(String executable) {
        this.executable = executable;
    }

    /**
     * Finds curl.
     *
     * @return curl, or null when it is not installed
     */
    public static Curl find() {
        if (Files.isExecutable(Path.of("/usr/bin/curl"))) {
            return new Curl("/usr/bin/curl");
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "curl"))) {
                return new Curl(Path.of(dir, "curl").toString());
            }
        }
        return null;
    }

    /**
     * The executable's path.
     *
     * @return the path
     */
    public String executable() {
        return executable;
    }

    /**
     * curl's version line.
     *
     * @return e.g. {@code curl 7.88.1 (x86_64-pc-linux-gnu) …}
     */
    public String version() {
        try {
            Process p = new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            return out.lines().findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /**
     * One transfer of the same kind as {@link TransferClient}'s.
     *
     * @param op {@code download-discard} (to /dev/null), {@code download-file} (then fsync when the
     *     SDK's download does), {@code upload-put} ({@code -T}, v3) or {@code upload-multipart} ({@code -F}, v2)
     * @param baseUrl the server's root URL
     * @param remote the remote file name in {@link TransferClient#FOLDER}
     * @param local the local file
     * @param credentials the Basic credentials
     * @return {@code op}, {@code bytes}, {@code seconds}, {@code bytesPerSecond}
     */
    public Map<String, Object> transfer(String op, String baseUrl, String remote, Path local, LocalCredentials credentials) {
        String folder = TransferClient.FOLDER.substring(1);
        List<String> cmd = new ArrayList<>(List.of(executable, "-sS", "-f", "-K", "-", "-H", "Expect:", "-w",
                "%{http_code} %{size_download} %{size_upload} %{time_total}"));
        switch (op) {
            case "download-discard":
                cmd.addAll(List.of("-o", "/dev/null", baseUrl + "api/2/path/data/" + folder + "/" + remote + "/"));
                break;
            case "download-file":
                cmd.addAll(List.of("-o", local.toString(), baseUrl + "api/2/path/data/" + folder + "/" + remote + "/"));
                break;
            case "upload-put":
                cmd.addAll(List.of("-o", "/dev/null", "-T", local.toString(), baseUrl + "api/3/path/data/" + folder + "/" + remote));
                break;
            case "upload-multipart":
                cmd.addAll(List.of("-o", "/dev/null", "-F", "file=@" + local, baseUrl + "api/2/path/data/" + folder + "/"));
                break;
            default:
                throw new IllegalArgumentException("unknown op " + op);
        }
        String out = run(cmd, credentials);
        String[] f = out.trim().split(" ");
        if (f.length != 4 || !f[0].equals("200")) {
            throw new BenchmarkFailure("curl " + op + " answered: " + out.trim());
        }
        long bytes = op.startsWith("download") ? (long) Double.parseDouble(f[1]) : size(local);
        double seconds = Double.parseDouble(f[3]);
        if (op.equals("download-file") && TransferClient.sdkFsyncsFileDownloads()) {
            seconds += fsync(local);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("op", op);
        m.put("bytes", bytes);
        m.put("seconds", seconds);
        m.put("bytesPerSecond", bytes / seconds);
        return m;
    }

    private String run(List<String> cmd, LocalCredentials credentials) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            try (OutputStream stdin = p.getOutputStream()) {
                stdin.write(("user = \"" + credentials.key() + ":" + credentials.password() + "\"\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new BenchmarkFailure("curl failed (" + cmd.get(cmd.size() - 1) + "): " + out.trim());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkFailure("interrupted");
        }
    }

    /** Flushes a downloaded file to disk, as the SDK's download to a file does; returns the seconds taken. */
    private static double fsync(Path file) {
        long start = System.nanoTime();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
