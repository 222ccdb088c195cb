package com.smartfile.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code smartfile download} process, stopped by SIGTERM or killed by SIGKILL half-way,
 * against a server that sends the file slowly: SIGTERM leaves no temporary file; SIGKILL leaves one,
 * under the target's fixed part name, and the next download resumes from it.
 */
class InterruptedDownloadTest {

    private static final int SIZE = 4 * 1024 * 1024;
    private static final String KEY = "k".repeat(30);
    private static final String PASSWORD = "p".repeat(30);

    private final byte[] data = new byte[SIZE];
    private final List<String> ranges = new CopyOnWriteArrayList<>();
    private volatile boolean slow = true;
    /** When set, the server sends this many bytes at once, then stalls (until the test ends) without closing. */
    private volatile int stallAfter = -1;
    private final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);
    private HttpServer server;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        new Random(7).nextBytes(data);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String range = exchange.getRequestHeaders().getFirst("Range");
            ranges.add(String.valueOf(range));
            int from = range == null ? 0 : Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1"));
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.getResponseHeaders().set("ETag", "\"v1\"");
            if (from > 0) {
                exchange.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (SIZE - 1) + "/" + SIZE);
            }
            exchange.sendResponseHeaders(from > 0 ? 206 : 200, SIZE - from);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int at = from; at < SIZE; at += 64 * 1024) {
                    out.write(data, at, Math.min(64 * 1024, SIZE - at));
                    out.flush();
                    if (stallAfter >= 0 && at + 64 * 1024 >= stallAfter) {
                        released.await();
                    }
                    if (slow && stallAfter < 0) {
                        Thread.sleep(100); // about 40 seconds for the file: time to stop the process half-way
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the client went away
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        released.countDown();
        server.stop(0);
    }

    private Process download(Path target) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--url", "http://127.0.0.1:" + server.getAddress().getPort() + "/",
                "--key", KEY, "--password", PASSWORD, "download", "/big.bin", target.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("cli.log").toFile()).start();
    }

    private List<Path> parts() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".smartfile-part")).collect(Collectors.toList());
        }
    }

    /** Waits until the part file holds some bytes, then returns it. */
    private Path partWithBytes() throws Exception {
        for (int i = 0; i < 600; i++) {
            List<Path> parts = parts();
            if (parts.size() == 1 && Files.size(parts.get(0)) > 256 * 1024) {
                return parts.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no part file grew: " + parts() + "\n" + Files.readString(dir.resolve("cli.log")));
    }

    @Test
    void sigtermStopsTheDownloadAndLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("big.bin");
        Process p = download(target);
        partWithBytes();

        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the process ended");

        String log = Files.readString(dir.resolve("cli.log"));
        assertEquals(143, p.exitValue(), log);
        assertTrue(log.contains("smartfile: stopped by a signal"), log);
        assertEquals(List.of(), parts(), "the shutdown hook let the download delete its part file");
        assertTrue(Files.notExists(target));
    }

    @Test
    void sigkillLeavesOnePartFileThatTheNextDownloadResumes() throws Exception {
        Path target = dir.resolve("big.bin");
        Process p = download(target);
        Path part = partWithBytes();

        p.destroyForcibly(); // SIGKILL: nothing can clean up
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        long left = Files.size(part);
        assertTrue(left > 0 && left < SIZE, "part of the file: " + left);

        slow = false;
        Process again = download(target);
        assertTrue(again.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, again.exitValue(), Files.readString(dir.resolve("cli.log")));

        assertArrayEquals(data, Files.readAllBytes(target));
        assertEquals(List.of(), parts(), "the part file became the target");
        String resumed = ranges.get(ranges.size() - 1);
        assertTrue(resumed.matches("bytes=\\d+-") && Long.parseLong(resumed.replaceAll("\\D", "")) > 0,
                "the second run asked only for the rest: " + ranges);
    }

    /**
     * The server sends 512 KB and then nothing, keeping the connection open: the command is
     * blocked in a socket read, which an interrupt does not end. The signal's hook closes the
     * client, which cancels the call: the read ends at once, the download deletes its part file,
     * and the hook's fallback (giving up after 5 s, which leaves the part) is never reached.
     * Before, the read stayed blocked and the part file was left.
     */
    @Test
    void sigtermEndsADownloadBlockedOnAStalledServerAndLeavesNoTemporaryFile() throws Exception {
        stallAfter = 512 * 1024;
        Path target = dir.resolve("big.bin");
        Process p = download(target);
        Path part = partWithBytes();
        for (int i = 0; i < 600 && Files.size(part) < stallAfter; i++) {
            Thread.sleep(50); // every byte sent is written: the command now waits in a read
        }
        assertEquals(stallAfter, Files.size(part));

        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the process ended");

        String log = Files.readString(dir.resolve("cli.log"));
        assertEquals(143, p.exitValue(), log);
        assertTrue(log.contains("smartfile: stopped by a signal"), "the command itself reported the signal: " + log);
        assertFalse(log.contains("did not stop within"), "the hook's fallback was not needed: " + log);
        assertEquals(List.of(), parts(), "the canceled download deleted its part file");
        assertTrue(Files.notExists(target));
        assertEquals(1, ranges.size(), "one request: the download was not resumed after the cancel");
    }
}
