package com.smartfile.sdk;

import static com.smartfile.sdk.TransferTestSupport.randomBytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** Downloads against MockWebServer: resume, restart, atomic files, checksums, progress, errors. */
class DownloadTest extends MockServerTest {

    private static final int SIZE = 300_000;

    private final byte[] data = randomBytes(SIZE, 42);

    private FileServer serve(FileServer files) {
        server.setDispatcher(files);
        return files;
    }

    private List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return DownloadSession.hex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static long resumedFrom(String range) {
        assertTrue(range != null && range.matches("bytes=\\d+-"), "a resume asks for the rest: " + range);
        return Long.parseLong(range.substring(6, range.length() - 1));
    }

    @Test
    void aConnectionCutMidwayIsResumedToAByteIdenticalFile() throws Exception {
        FileServer files = serve(new FileServer(data).cuts(1));
        Path target = dir.resolve("copy.bin");
        TransferTestSupport.Recorder progress = new TransferTestSupport.Recorder();

        long n = client.paths().download("/data/big file.bin", target, DownloadOptions.builder().progress(progress).build());

        assertEquals(SIZE, n);
        assertArrayEquals(data, Files.readAllBytes(target));
        List<String> ranges = files.ranges();
        assertEquals(2, ranges.size(), "one request, then one resume");
        assertNull(ranges.get(0), "the first request asks for the whole file");
        long from = resumedFrom(ranges.get(1));
        assertTrue(from > 0 && from < SIZE, "resumed from the bytes already received: " + from);
        assertEquals("/api/2/path/data/data/big%20file.bin/", files.requests.get(0).getTarget());
        assertEquals("identity", files.requests.get(1).getHeaders().get("Accept-Encoding"), "offsets must mean raw bytes");
        assertEquals(SIZE, progress.last());
        assertEquals(SIZE, progress.lastTotal());
        assertEquals(List.of("copy.bin"), filesIn(dir), "no temporary file is left");
    }

    @Test
    void aDownloadIsForcedToDiskOnlyWhenDurableIsAsked() throws Exception {
        serve(new FileServer(data));
        long before = Downloads.FORCED.get();

        client.paths().download("/f.bin", dir.resolve("fast.bin"));
        assertEquals(before, Downloads.FORCED.get(), "the default does not fsync");

        client.paths().download("/f.bin", dir.resolve("durable.bin"), DownloadOptions.builder().durable(true).build());
        assertEquals(before + 1, Downloads.FORCED.get(), "durable(true) forces the file to disk once, before the move");
        assertArrayEquals(data, Files.readAllBytes(dir.resolve("fast.bin")));
        assertArrayEquals(data, Files.readAllBytes(dir.resolve("durable.bin")));
        assertEquals(List.of("durable.bin", "fast.bin"), filesIn(dir), "both went through a temporary file and a move");
        assertTrue(DownloadOptions.builder().durable(true).build().toString().contains("durable=true"));
    }

    @Test
    void aServerThatIgnoresRangeMakesTheDownloadStartAgainFromZero() throws Exception {
        FileServer files = serve(new FileServer(data).cuts(1).ignoreRange());
        Path target = dir.resolve("copy.bin");
        TransferTestSupport.Recorder progress = new TransferTestSupport.Recorder();

        client.paths().download("/f.bin", target, DownloadOptions.builder().progress(progress).build());

        assertArrayEquals(data, Files.readAllBytes(target), "the partial copy was truncated, not appended to");
        assertEquals(2, files.requests.size());
        assertTrue(resumedFrom(files.ranges().get(1)) > 0);
        assertEquals(SIZE, progress.last(), "progress never goes back and ends at the size");
        assertEquals(List.of("copy.bin"), filesIn(dir));
    }

    @Test
    void aMismatchedContentRangeIsNotTrustedAndTheFileIsFetchedAgainWhole() throws Exception {
        FileServer files = serve(new FileServer(data).cuts(1).wrongContentRange());
        Path target = dir.resolve("copy.bin");

        client.paths().download("/f.bin", target);

        assertArrayEquals(data, Files.readAllBytes(target));
        List<String> ranges = files.ranges();
        assertEquals(3, ranges.size(), "cut, a 206 from the wrong offset, then the whole file");
        assertTrue(resumedFrom(ranges.get(1)) > 0);
        assertNull(ranges.get(2));
    }

    @Test
    void aDownloadInterruptedForGoodLeavesNoFileAndNoTemporaryFile() throws Exception {
        FileServer files = serve(new FileServer(data).cuts(Integer.MAX_VALUE));
        Path target = dir.resolve("copy.bin");

        IncompleteDownloadException e = assertThrows(IncompleteDownloadException.class,
                () -> client.paths().download("/f.bin", target, DownloadOptions.builder().maxResumes(2).build()));

        assertEquals(3, files.requests.size(), "the first request and two resumes");
        assertEquals(SIZE, e.getTotalBytes());
        assertTrue(e.getBytesReceived() > 0 && e.getBytesReceived() < SIZE, "got part of it: " + e.getBytesReceived());
        assertTrue(e.getMessage().contains("/f.bin") && e.getMessage().contains("2 resumes"), e.getMessage());
        assertEquals(List.of(), filesIn(dir), "nothing under the final name, no temporary file");
    }

    @Test
    void aFailedDownloadLeavesAnExistingFileAsItWas() throws Exception {
        server.enqueue(new MockResponse.Builder().code(404).addHeader("Content-Type", "application/json")
                .body("{\"detail\":\"Not found.\"}").build());
        Path target = dir.resolve("keep.txt");
        Files.write(target, "old".getBytes(StandardCharsets.UTF_8));

        assertThrows(NotFoundException.class, () -> client.paths().download("/gone.txt", target));

        assertEquals("old", Files.readString(target));
        assertEquals(List.of("keep.txt"), filesIn(dir));
    }

    @Test
    void aMatchingChecksumPassesAndAMismatchLeavesNothingUnderTheFinalName() throws Exception {
        serve(new FileServer(data).cuts(1));
        Path target = dir.resolve("copy.bin");
        client.paths().download("/f.bin", target, DownloadOptions.builder().checksum("sha256", sha256(data).toUpperCase()).build());
        assertArrayEquals(data, Files.readAllBytes(target), "a resumed download digests every byte once");

        Files.write(target, "old".getBytes(StandardCharsets.UTF_8));
        String wrong = sha256("something else".getBytes(StandardCharsets.UTF_8));
        ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class, () -> client.paths().download("/f.bin",
                target, DownloadOptions.builder().checksum("SHA-256", wrong).build()));
        assertEquals(wrong, e.getExpected());
        assertEquals(sha256(data), e.getActual());
        assertEquals("SHA-256", e.getAlgorithm());
        assertEquals("old", Files.readString(target), "the old file is untouched");
        assertEquals(List.of("copy.bin"), filesIn(dir), "the temporary file is gone");
    }

    @Test
    void toAnOutputStreamAServerIgnoringRangeHasItsFirstBytesSkipped() throws Exception {
        FileServer files = serve(new FileServer(data).cuts(1).ignoreRange());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransferTestSupport.Recorder progress = new TransferTestSupport.Recorder();

        long n = client.paths().download("/f.bin", out, DownloadOptions.builder().progress(progress)
                .checksum("SHA-256", sha256(data)).build());

        assertEquals(SIZE, n);
        assertArrayEquals(data, out.toByteArray());
        assertEquals(2, files.requests.size());
        assertEquals(SIZE, progress.last());
    }

    @Test
    void toAnOutputStreamAFileChangedBeforeTheResumeFailsClearly() {
        FileServer files = serve(new FileServer(data).cuts(1).ignoreRange().changesAfterFirstReply(randomBytes(SIZE + 10, 7)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        IncompleteDownloadException e = assertThrows(IncompleteDownloadException.class,
                () -> client.paths().download("/f.bin", out));

        assertTrue(e.getMessage().contains("cannot be completed") && e.getMessage().contains("download again"), e.getMessage());
        assertEquals(out.size(), e.getBytesReceived(), "it says how much was written");
        assertEquals(2, files.requests.size());
    }

    @Test
    void anInputStreamResumesAndChecksTheDigestAtTheEnd() throws Exception {
        serve(new FileServer(data).cuts(1));
        try (InputStream in = client.paths().openDownload("/f.bin")) {
            assertArrayEquals(data, in.readAllBytes());
        }

        serve(new FileServer(data).cuts(1));
        String wrong = sha256(new byte[0]);
        try (InputStream in = client.paths().openDownload("/f.bin", DownloadOptions.builder().checksum("sha256", wrong).build())) {
            ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class, in::readAllBytes);
            assertTrue(e.getMessage().contains("/f.bin"), e.getMessage());
        }
    }

    @Test
    void foldersAndBadTargetsAreRefusedBeforeAnyRequest() throws Exception {
        assertThrows(InvalidInputException.class, () -> client.paths().download("/", dir.resolve("x")));
        assertThrows(InvalidInputException.class, () -> client.paths().download("/a.txt", dir),
                "a local folder is not a file");
        assertThrows(InvalidInputException.class, () -> client.paths().download("/a.txt", dir.resolve("no/such/x.txt")));
        assertThrows(InvalidInputException.class, () -> client.paths().download("/a.txt", (Path) null));
        assertThrows(InvalidInputException.class, () -> client.paths().download("/a/../b", dir.resolve("x")));
        assertThrows(InvalidInputException.class, () -> client.paths().download("/a.txt", (java.io.OutputStream) null));
        assertThrows(InvalidInputException.class, () -> client.paths().openDownload("/"));
        assertThrows(InvalidInputException.class, () -> DownloadOptions.builder().maxResumes(-1));
        assertThrows(InvalidInputException.class, () -> DownloadOptions.builder().checksum("sha256", "abc"));
        assertThrows(InvalidInputException.class, () -> DownloadOptions.builder().checksum("crc99", "abcd"));
        assertEquals(0, server.getRequestCount());
        assertEquals(List.of(), filesIn(dir));
    }

    @Test
    void aFolderAnsweredAsJsonInformationIsAClearError() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"path\":\"/docs\",\"name\":\"docs\",\"isdir\":true,\"isfile\":false}").build());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> client.paths().download("/docs", dir.resolve("docs")));
        assertTrue(e.getMessage().contains("/docs is a folder"), e.getMessage());
        assertEquals(List.of(), filesIn(dir));

        byte[] json = "{\"isdir\":false,\"a\":1}".getBytes(StandardCharsets.UTF_8);
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(new okio.Buffer().write(json)).build());
        client.paths().download("/data.json", dir.resolve("data.json"));
        assertArrayEquals(json, Files.readAllBytes(dir.resolve("data.json")), "a JSON file is still a file");
    }

    @Test
    void progressCountsEachByteOnceWithBodyLoggingOn() throws Exception {
        List<String> lines = new ArrayList<>();
        try (LogCapture log = LogCapture.of("com.smartfile.sdk.wire");
             SmartFile logging = TransferTestSupport.builder(server, home).logLevel(LogLevel.BODY).build()) {
            serve(new FileServer(data));
            TransferTestSupport.Recorder progress = new TransferTestSupport.Recorder();
            logging.paths().download("/f.bin", dir.resolve("f.bin"), DownloadOptions.builder().progress(progress).build());
            assertEquals(SIZE, progress.last());
            assertArrayEquals(data, Files.readAllBytes(dir.resolve("f.bin")));
            lines.addAll(0, log.messages());
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("body not shown")), "the wire log ran: " + lines);
    }

    @Test
    void aThrowingListenerStopsTheDownloadAndLeavesNothing() throws Exception {
        serve(new FileServer(data));
        IllegalStateException boom = new IllegalStateException("boom");
        SmartFileException e = assertThrows(SmartFileException.class, () -> client.paths().download("/f.bin",
                dir.resolve("f.bin"), DownloadOptions.builder().progress((n, t) -> {
                    throw boom;
                }).build()));
        assertEquals(boom, e.getCause());
        assertEquals(List.of(), filesIn(dir));
    }

    @Test
    void aFailedStreamStaysFailed() throws Exception {
        serve(new FileServer(data).cuts(Integer.MAX_VALUE));
        InputStream in = client.paths().openDownload("/f.bin", DownloadOptions.builder().maxResumes(0).build());
        IncompleteDownloadException e = assertThrows(IncompleteDownloadException.class, in::readAllBytes);
        assertTrue(e.getMessage().contains("resuming is off"), e.getMessage());
        assertThrows(IOException.class, in::read);
        assertEquals(1, server.getRequestCount());
    }

    /**
     * Closing the client ends a download blocked in a read on a stalled server (headers and 64 KB,
     * then nothing): the call is canceled, the download fails rather than resume on the closed
     * client, and its temporary file is deleted. Counted: one connection (before, the read timed
     * out and the download resumed on a second).
     */
    @Test
    void closingTheClientEndsADownloadBlockedOnAStalledServerWithoutAResume() throws Exception {
        try (RawServer stalled = new RawServer((socket, srv) -> {
            srv.read(socket.getInputStream());
            socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nETag: \"v1\"\r\n"
                    + "Content-Length: " + SIZE + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(data, 0, 64 * 1024);
            socket.getOutputStream().flush();
            socket.getInputStream().read(); // stalls until the client goes
        })) {
            SmartFile stalling = SmartFile.builder().baseUrl(stalled.url("/")).environment(name -> null, home)
                    .basicAuth(SmartFileClientTest.KEY, SmartFileClientTest.PASSWORD)
                    .readTimeout(java.time.Duration.ofSeconds(3)).build();
            java.util.concurrent.CountDownLatch bytes = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CompletableFuture<Long> download = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> stalling.paths().download("/f.bin", dir.resolve("f.bin"),
                            DownloadOptions.builder().progress((n, t) -> bytes.countDown()).build()));
            assertTrue(bytes.await(30, java.util.concurrent.TimeUnit.SECONDS), "the first bytes arrived");

            stalling.close();

            java.util.concurrent.ExecutionException failed = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> download.get(60, java.util.concurrent.TimeUnit.SECONDS));
            assertTrue(failed.getCause() instanceof TransportException, failed.getCause().toString());
            assertEquals(1, stalled.connections(), "no resume after the client was closed");
            assertEquals(List.of(), filesIn(dir), "the temporary file was deleted");
        }
    }
}
