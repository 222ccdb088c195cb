package com.smartfile.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bodies are streamed, never held in memory: files bigger than this JVM's whole heap (surefire runs
 * the tests with -Xmx160m) go up by multipart and by v3 PUT and come back down, client and server in
 * the same JVM.
 */
@ExtendWith(SmartFileEmulatorExtension.class)
class StreamingTest {

    private static final long SIZE = 256L * 1024 * 1024;

    @TempDir
    Path tmp;

    @Test
    void uploadsAndDownloadsLargerThanTheHeap(EmulatorCredentials c, SmartFileEmulator e) throws Exception {
        assertTrue(Runtime.getRuntime().maxMemory() < SIZE, "the test needs a heap smaller than the file");
        Path big = tmp.resolve("big.bin");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(SIZE); // sparse: instant, no disk use
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String auth = TestClient.basicHeader(c.key(), c.password());

        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(c.baseUrl() + "api/3/path/data/put.bin"))
                .header("Authorization", auth).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofFile(big)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), put::body);
        assertEquals(SIZE, Files.size(e.root().resolve("put.bin")));

        String boundary = "streaming-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"up.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(c.baseUrl() + "api/2/path/data/"))
                .header("Authorization", auth).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() ->
                        new SequenceInputStream(java.util.Collections.enumeration(List.of(
                                new ByteArrayInputStream(head), open(big), new ByteArrayInputStream(tail))))),
                        head.length + SIZE + tail.length)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, posted.statusCode(), posted::body);
        assertEquals(SIZE, Files.size(e.root().resolve("up.bin")));

        HttpResponse<InputStream> got = http.send(HttpRequest.newBuilder(
                URI.create(c.baseUrl() + "api/2/path/data/up.bin/")).header("Authorization", auth).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, got.statusCode());
        assertEquals(String.valueOf(SIZE), got.headers().firstValue("Content-Length").orElse(null));
        long total = 0;
        try (InputStream in = got.body()) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0;) {
                total += n;
            }
        }
        assertEquals(SIZE, total);
    }

    private static InputStream open(Path p) {
        try {
            return Files.newInputStream(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
