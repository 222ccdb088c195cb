package com.smartfile.sdk;

import static com.smartfile.sdk.TransferTestSupport.randomBytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.smartfile.sdk.model.PathInfo;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Uploads against MockWebServer: wire formats, v3 replies, retries of replayable bodies only, progress, folders. */
class UploadTest extends MockServerTest {

    private void reply(int code, String json) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(json).build());
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertTrue(r != null, "no request reached the server");
        return r;
    }

    private List<String> targets() throws InterruptedException {
        List<String> out = new ArrayList<>();
        for (RecordedRequest r; (r = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null; ) {
            out.add(r.getMethod() + " " + r.getTarget());
        }
        return out;
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void aFileThatCannotBeReadIsALocalErrorNotRetriedNorBlamedOnTheNetwork() throws Exception {
        Path file = Files.write(dir.resolve("gone.bin"), new byte[50_000]);
        server.enqueue(new MockResponse.Builder().code(503).addHeader("X-Throttle", "throttled; next=0.01 sec").build());
        reply(200, "[]");
        reply(200, "[]");
        java.util.concurrent.atomic.AtomicBoolean deleted = new java.util.concurrent.atomic.AtomicBoolean();
        UploadOptions deleteWhileSending = UploadOptions.builder().progress((sent, total) -> {
            if (deleted.compareAndSet(false, true)) {
                try {
                    Files.delete(file); // gone before the throttled request is sent again
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }).build();

        LocalFileException e = assertThrows(LocalFileException.class,
                () -> client.paths().upload("/in", UploadSource.of(file), deleteWhileSending));

        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("not retried"), e.getMessage());
        assertEquals(1, server.getRequestCount(), "the throttled attempt; the next found the file gone before sending a byte");
    }

    @Test
    void severalFilesGoInOneMultipartRequestWithFieldFileAndTheirNames() throws Exception {
        reply(200, "[{\"path\":\"/in box/a.txt\",\"name\":\"a.txt\",\"size\":5},"
                + "{\"path\":\"/in box/naïve résumé \\\"q\\\".txt\",\"size\":3}]");
        Path a = file("a.txt", "alpha".getBytes(StandardCharsets.UTF_8));
        String unicode = "naïve résumé \"q\".txt";
        TransferTestSupport.Recorder progress = new TransferTestSupport.Recorder();

        List<PathInfo> stored = client.paths().upload("/in box", List.of(UploadSource.of(a),
                UploadSource.of("xyz".getBytes(StandardCharsets.UTF_8)).named(unicode)),
                UploadOptions.builder().progress(progress).build());

        assertEquals(2, stored.size());
        assertEquals("/in box/a.txt", stored.get(0).getPath());
        RecordedRequest r = take();
        assertEquals("POST", r.getMethod());
        assertEquals("/api/2/path/data/in%20box/", r.getTarget());
        assertTrue(r.getHeaders().get("Content-Type").startsWith("multipart/form-data; boundary="));
        String body = utf8(r.getBody().toByteArray());
        assertTrue(body.contains("Content-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\nalpha\r\n"), body);
        // Non-ASCII stays UTF-8, as browsers send it; a quote cannot end the value.
        assertTrue(body.contains("Content-Disposition: form-data; name=\"file\"; filename=\"naïve résumé %22q%22.txt\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\nxyz\r\n"), body);
        assertEquals(8, progress.last(), "the file bytes of both parts, once");
        assertEquals(8, progress.lastTotal());
    }

    @Test
    void oneFileMayBeAnsweredWithASingleObject() throws Exception {
        reply(200, "{\"path\":\"/a.txt\",\"name\":\"a.txt\",\"size\":5}");
        PathInfo stored = client.paths().upload("/", UploadSource.of(file("a.txt", "alpha".getBytes(StandardCharsets.UTF_8))));
        assertEquals("/a.txt", stored.getPath());
        assertEquals(5L, stored.getSize());
        assertEquals("/api/2/path/data/", take().getTarget(), "the root folder");
    }

    @Test
    void uploadAsPutsTheRawBytesAtTheFullPathThroughV3() throws Exception {
        reply(200, "{\"path\":\"/dir/fü #1.bin\",\"name\":\"fü #1.bin\",\"size\":4,\"isfile\":true}");
        PathInfo stored = client.paths().uploadAs("/dir/fü #1.bin", UploadSource.of(new byte[] {1, 2, 3, 4}));
        assertEquals("/dir/fü #1.bin", stored.getPath());
        assertTrue(stored.isFile());
        RecordedRequest r = take();
        assertEquals("PUT", r.getMethod());
        assertEquals("/api/3/path/data/dir/f%C3%BC%20%231.bin", r.getTarget());
        assertEquals("application/octet-stream", r.getHeaders().get("Content-Type"));
        assertEquals("4", r.getHeaders().get("Content-Length"));
        assertArrayEquals(new byte[] {1, 2, 3, 4}, r.getBody().toByteArray());
    }

    @Test
    void writeAtPatchesFromAnOffsetWithAnRfc7231Date() throws Exception {
        reply(200, "{\"path\":\"/log.txt\",\"size\":8}");
        Instant since = Instant.parse("2013-02-03T03:49:30Z");
        client.paths().writeAt("/log.txt", 5, UploadSource.of("abc".getBytes(StandardCharsets.UTF_8)), since);
        RecordedRequest r = take();
        assertEquals("PATCH", r.getMethod());
        assertEquals("/api/3/path/data/log.txt", r.getTarget());
        assertEquals("bytes=5-", r.getHeaders().get("Range"));
        assertEquals("Sun, 03 Feb 2013 03:49:30 GMT", r.getHeaders().get("If-Unmodified-Since"));
        assertEquals("abc", utf8(r.getBody().toByteArray()));

        reply(200, "{\"path\":\"/log.txt\",\"size\":11}");
        client.paths().writeAt("/log.txt", 0, UploadSource.of(new byte[1]), null);
        assertNull(take().getHeaders().get("If-Unmodified-Since"), "no condition when none is given");
    }

    @Test
    void aV3ReplyOf200WithStatusAndDetailIsTheTypedError() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .addHeader("X-Unique-Id", "req-77").body("{\"status\":404,\"detail\":\"Parent does not exist.\"}").build());
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> client.paths().uploadAs("/x/y.txt", UploadSource.of(new byte[3])));
        assertEquals(404, e.getStatusCode());
        assertEquals("Parent does not exist.", e.getDetail());
        assertEquals("req-77", e.getRequestId());
        assertTrue(e.getMessage().contains("Parent does not exist."), e.getMessage());

        reply(200, "{\"status\":412,\"detail\":\"File modified.\"}");
        ApiException p = assertThrows(ApiException.class, () -> client.paths().writeAt("/x/y.txt", 3,
                UploadSource.of(new byte[3]), Instant.now()));
        assertEquals(412, p.getStatusCode());

        reply(200, "{\"status\":409,\"detail\":\"Conflict.\"}");
        ConflictException c = assertThrows(ConflictException.class,
                () -> client.paths().uploadAs("/x/y.txt", UploadSource.of(new byte[3])));
        assertTrue(c.getMessage().contains("createFolders(true)"), c.getMessage());
    }

    @Test
    void aStreamOfUnknownLengthIsSentChunked() throws Exception {
        byte[] data = randomBytes(200_000, 1);
        reply(200, "{\"path\":\"/s.bin\"}");
        TransferTestSupport.Recorder progress = new TransferTestSupport.Recorder();
        client.paths().uploadAs("/s.bin", UploadSource.of(new ByteArrayInputStream(data)),
                UploadOptions.builder().progress(progress).build());
        RecordedRequest r = take();
        assertEquals("chunked", r.getHeaders().get("Transfer-Encoding"));
        assertArrayEquals(data, r.getBody().toByteArray());
        assertEquals(data.length, progress.last());
        assertEquals(-1, progress.lastTotal(), "the total is unknown");
    }

    @Test
    void aStreamIsNeverSentTwiceAndTheErrorSaysWhy() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build());
        reply(200, "{\"path\":\"/s.bin\"}");
        InputStream stream = new ByteArrayInputStream("only once".getBytes(StandardCharsets.UTF_8));
        UploadSource once = UploadSource.of(stream, 9);

        ThrottledException e = assertThrows(ThrottledException.class, () -> client.paths().uploadAs("/s.bin", once));

        assertEquals(1, server.getRequestCount(), "exactly one request");
        assertTrue(e.getMessage().contains("can be read only once"), e.getMessage());
        assertEquals(429, e.getStatusCode());
        InvalidInputException reuse = assertThrows(InvalidInputException.class, () -> client.paths().uploadAs("/s.bin", once));
        assertTrue(reuse.getMessage().contains("already used"), reuse.getMessage());
        assertEquals(1, server.getRequestCount(), "a used stream is refused before any request");
    }

    @Test
    void aMultipartUploadWithAStreamIsNeverSentTwice() {
        server.enqueue(new MockResponse.Builder().code(503).addHeader("X-Throttle", "throttled; next=0.001 sec").build());
        reply(200, "[{\"path\":\"/in/x.txt\"}]");
        InputStream stream = new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8));
        ThrottledException e = assertThrows(ThrottledException.class,
                () -> client.paths().upload("/in", UploadSource.of(stream).named("x.txt")));
        assertTrue(e.getMessage().contains("can be read only once"), e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aFileBodyIsSentAgainOnAThrottleAndCountedOnce() throws Exception {
        byte[] data = randomBytes(150_000, 2);
        Path f = file("f.bin", data);
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build());
        reply(200, "{\"path\":\"/in/f.bin\"}");
        TransferTestSupport.Recorder progress = new TransferTestSupport.Recorder();

        client.paths().upload("/in", UploadSource.of(f), UploadOptions.builder().progress(progress).build());

        assertEquals(2, server.getRequestCount());
        String first = utf8(take().getBody().toByteArray());
        String second = utf8(take().getBody().toByteArray());
        assertEquals(first, second, "the same multipart body both times");
        assertEquals(data.length, progress.last(), "the retry did not count the file twice");
        assertEquals(data.length, progress.lastTotal());

        server.enqueue(new MockResponse.Builder().code(503).build());
        reply(200, "{\"path\":\"/b.bin\"}");
        client.paths().uploadAs("/b.bin", UploadSource.of(data));
        take();
        assertArrayEquals(data, take().getBody().toByteArray(), "v3 PUT of bytes is idempotent: re-sent after a 503");
    }

    @Test
    void progressIsCountedOnceWithBodyLoggingOn() throws Exception {
        byte[] data = randomBytes(100_000, 3);
        List<String> lines = new ArrayList<>();
        try (LogCapture log = LogCapture.of("com.smartfile.sdk.wire");
             SmartFile logging = TransferTestSupport.builder(server, home).logLevel(LogLevel.BODY).build()) {
            reply(200, "{\"path\":\"/in/f.bin\"}");
            reply(200, "{\"path\":\"/g.bin\"}");
            TransferTestSupport.Recorder multipart = new TransferTestSupport.Recorder();
            TransferTestSupport.Recorder put = new TransferTestSupport.Recorder();
            logging.paths().upload("/in", UploadSource.of(file("f.bin", data)), UploadOptions.builder().progress(multipart).build());
            logging.paths().uploadAs("/g.bin", UploadSource.of(data), UploadOptions.builder().progress(put).build());
            assertEquals(data.length, multipart.last());
            assertEquals(data.length, put.last());
            lines.addAll(0, log.messages());
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("body not shown")), "the wire log ran: " + lines);
        assertTrue(take().getBodySize() > data.length);
        assertEquals(data.length, take().getBodySize());
    }

    @Test
    void anUploadIntoAMissingFolderIsAClearConflict() throws Exception {
        reply(409, "{\"detail\":\"Destination does not exist.\"}");
        ConflictException e = assertThrows(ConflictException.class,
                () -> client.paths().upload("/no/such", UploadSource.of(new byte[1]).named("a.txt")));
        assertEquals(409, e.getStatusCode());
        assertTrue(e.getMessage().contains("Destination does not exist.")
                && e.getMessage().contains("paths().mkdir(\"/no/such\")")
                && e.getMessage().contains("createFolders(true)"), e.getMessage());
        assertEquals(1, e.getMessage().split("state", -1).length - 1, "the conflict is explained once: " + e.getMessage());
        assertTrue(e.getMessage().endsWith("."), e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void createFoldersMakesTheMissingFoldersThenUploads() throws Exception {
        reply(404, "{\"detail\":\"Not found.\"}");
        reply(404, "{\"detail\":\"Not found.\"}");
        reply(200, "{\"path\":\"/a\",\"isdir\":true}");
        reply(200, "{\"path\":\"/a/b\",\"isdir\":true}");
        reply(200, "{\"path\":\"/a/b/c\",\"isdir\":true}");
        reply(200, "{\"path\":\"/a/b/c/f.txt\"}");

        client.paths().upload("/a/b/c", UploadSource.of(new byte[2]).named("f.txt"),
                UploadOptions.builder().createFolders(true).build());

        List<RecordedRequest> all = new ArrayList<>();
        for (RecordedRequest r; (r = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null; ) {
            all.add(r);
        }
        List<String> seen = new ArrayList<>();
        for (RecordedRequest r : all) {
            seen.add(r.getMethod() + " " + r.getTarget() + (r.getMethod().equals("POST") && r.getTarget().contains("mkdir")
                    ? " " + utf8(r.getBody().toByteArray()) : ""));
        }
        assertEquals(List.of("GET /api/2/path/info/a/b/c/", "GET /api/2/path/info/a/b/", "GET /api/2/path/info/a/",
                "POST /api/2/path/oper/mkdir/ path=%2Fa%2Fb", "POST /api/2/path/oper/mkdir/ path=%2Fa%2Fb%2Fc",
                "POST /api/2/path/data/a/b/c/"), seen);
    }

    @Test
    void createFoldersLooksOnceWhenTheFolderExists() throws Exception {
        reply(200, "{\"path\":\"/in\",\"isdir\":true}");
        reply(200, "{\"path\":\"/in/f.txt\"}");
        client.paths().uploadAs("/in/f.txt", UploadSource.of(new byte[2]), UploadOptions.builder().createFolders(true).build());
        assertEquals(List.of("GET /api/2/path/info/in/", "PUT /api/3/path/data/in/f.txt"), targets());

        reply(200, "{\"path\":\"/in\",\"isdir\":false,\"isfile\":true}");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> client.paths().upload("/in",
                UploadSource.of(new byte[2]).named("f.txt"), UploadOptions.builder().createFolders(true).build()));
        assertTrue(e.getMessage().contains("/in is a file"), e.getMessage());
        assertEquals(List.of("GET /api/2/path/info/in/"), targets());
    }

    @Test
    void badInputIsRejectedBeforeAnyRequest() throws Exception {
        Path real = file("real.txt", new byte[3]);
        PathsService paths = client.paths();
        List<Executable> bad = List.of(
                () -> UploadSource.of(dir.resolve("missing.txt")),
                () -> UploadSource.of(dir),
                () -> UploadSource.of((Path) null),
                () -> UploadSource.of((byte[]) null),
                () -> UploadSource.of((InputStream) null),
                () -> UploadSource.of(new ByteArrayInputStream(new byte[0]), -1),
                () -> UploadSource.of(real).named(null),
                () -> UploadSource.of(real).named(" "),
                () -> UploadSource.of(real).named("a/b.txt"),
                () -> UploadSource.of(real).named(".."),
                () -> UploadSource.of(real).named("a\nb"),
                () -> paths.upload("/in", (UploadSource) null),
                () -> paths.upload("/in", UploadSource.of(new byte[1])),
                () -> paths.upload("/in", List.of(), UploadOptions.defaults()),
                () -> paths.upload("/in/../etc", UploadSource.of(real)),
                () -> paths.uploadAs("/", UploadSource.of(real)),
                () -> paths.uploadAs("/a.txt", null),
                () -> paths.writeAt("/a.txt", -1, UploadSource.of(real), null),
                () -> {
                    UploadSource twice = UploadSource.of(new ByteArrayInputStream(new byte[1])).named("a");
                    paths.upload("/in", List.of(twice, twice.named("b")), UploadOptions.defaults());
                });
        for (Executable e : bad) {
            assertThrows(InvalidInputException.class, e);
        }
        Files.delete(real);
        UploadSource vanished = UploadSource.of(file("gone.txt", new byte[1]));
        Files.delete(dir.resolve("gone.txt"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> paths.upload("/in", vanished));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aStreamShorterThanItsDeclaredLengthFailsWithoutARetry() {
        reply(200, "{}");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> client.paths().uploadAs("/s.bin",
                UploadSource.of(new ByteArrayInputStream(new byte[5]), 10)));
        assertTrue(e.getMessage().contains("5 of 10 bytes"), e.getMessage());
        assertTrue(server.getRequestCount() <= 1);
    }

    @Test
    void progressIsReportedOnlyForBytesAlreadyInTheConnectionsSink() throws Exception {
        byte[] data = randomBytes(300_000, 4);
        okio.Buffer sink = new okio.Buffer();
        List<Long> seen = new ArrayList<>();
        Progress progress = new Progress((bytes, total) -> {
            assertTrue(sink.size() >= bytes, "reported " + bytes + " with only " + sink.size() + " in the sink");
            seen.add(bytes);
        }, data.length);
        okhttp3.RequestBody body = Bodies.upload(UploadSource.of(file("p.bin", data)), progress, true);
        body.writeTo(sink);
        assertEquals(data.length, seen.get(seen.size() - 1));
        assertTrue(seen.size() >= data.length / Bodies.CHUNK, "reported chunk by chunk: " + seen);
        body.writeTo(new okio.Buffer());
        assertEquals(data.length, progress.reported(), "writing it again (a retry) reports nothing new");
        assertFalse(body.isOneShot());
        assertInstanceOf(Long.class, body.contentLength());
    }

    @Test
    void aConnectionLostBeforeTheReplyDoesNotResendAStreamButResendsAFile() throws Exception {
        byte[] data = randomBytes(200_000, 5);
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        reply(200, "{\"path\":\"/s.bin\"}");
        TransportException e = assertThrows(TransportException.class,
                () -> client.paths().uploadAs("/s.bin", UploadSource.of(new ByteArrayInputStream(data), data.length)));
        assertTrue(e.getMessage().contains("can be read only once"), e.getMessage());
        assertEquals(1, server.getRequestCount(), "not sent again");
        assertArrayEquals(data, take().getBody().toByteArray());

    }

    @Test
    void aConnectionLostBeforeTheReplyResendsAFile() throws Exception {
        byte[] data = randomBytes(200_000, 6);
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        reply(200, "{\"path\":\"/f.bin\"}");
        PathInfo stored = client.paths().uploadAs("/f.bin", UploadSource.of(file("f.bin", data)));
        assertEquals("/f.bin", stored.getPath());
        assertEquals(2, server.getRequestCount());
        assertArrayEquals(data, take().getBody().toByteArray());
        assertArrayEquals(data, take().getBody().toByteArray());
    }

    @Test
    void aThrowingListenerStopsTheUploadWithItsExceptionAsTheCause() {
        reply(200, "{}");
        IllegalStateException boom = new IllegalStateException("boom");
        SmartFileException e = assertThrows(SmartFileException.class, () -> client.paths().uploadAs("/a.bin",
                UploadSource.of(new byte[10]), UploadOptions.builder().progress((n, t) -> {
                    throw boom;
                }).build()));
        assertEquals(boom, e.getCause());
        assertTrue(e.getMessage().contains("progress listener"), e.getMessage());
    }
}
