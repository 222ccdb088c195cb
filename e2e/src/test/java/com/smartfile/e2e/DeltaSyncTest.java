package com.smartfile.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import com.smartfile.emulator.SmartFileEmulator;
import com.smartfile.emulator.SmartFileEmulatorExtension;
import com.smartfile.sdk.ChecksumMismatchException;
import com.smartfile.sdk.DownloadOptions;
import com.smartfile.sdk.InvalidInputException;
import com.smartfile.sdk.InvalidReplyException;
import com.smartfile.sdk.NotFoundException;
import com.smartfile.sdk.RetryPolicy;
import com.smartfile.sdk.SmartFile;
import com.smartfile.sdk.SyncResult;
import com.smartfile.sdk.UploadOptions;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Delta transfers (path/sync) end to end: the SDK against the emulator, and the fallbacks. */
@ExtendWith(SmartFileEmulatorExtension.class)
class DeltaSyncTest {

    @TempDir
    Path local;

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** A few bytes changed in scattered places, and a tail appended. */
    static byte[] edited(byte[] data) {
        byte[] out = java.util.Arrays.copyOf(data, data.length + 100);
        for (int i = 777; i < data.length; i += 400_000) {
            out[i] ^= 0x33;
        }
        return out;
    }

    /** Every (sent, total) pair the listener heard. */
    static final class Heard {
        final List<long[]> calls = new ArrayList<>();

        void on(long sent, long total) {
            calls.add(new long[] {sent, total});
        }

        long[] last() {
            return calls.get(calls.size() - 1);
        }
    }

    @Test
    void syncUploadSendsOnlyTheChangedBlocks(SmartFile client, SmartFileEmulator e) throws Exception {
        byte[] old = random(2 << 20, 1);
        byte[] updated = edited(old);
        Files.write(e.root().resolve("report.bin"), old);
        Path file = Files.write(local.resolve("report.bin"), updated);
        Heard heard = new Heard();

        SyncResult r = client.paths().syncUpload(file, "/report.bin",
                UploadOptions.builder().progress(heard::on).build());

        assertTrue(r.isDeltaUsed(), r.toString());
        assertNull(r.getFallbackReason());
        assertEquals(updated.length, r.getFileBytes());
        assertTrue(r.getBytesSent() < updated.length / 20, r.toString());
        assertTrue(r.getBytesReceived() > 0, "the server's signature: " + r);
        assertEquals(r.getFileBytes() - r.getBytesSent() - r.getBytesReceived(), r.getBytesSaved());
        assertArrayEquals(updated, Files.readAllBytes(e.root().resolve("report.bin")));
        assertArrayEquals(new long[] {r.getBytesSent(), r.getBytesSent()}, heard.last(), "progress counts the delta sent");
    }

    @Test
    void syncDownloadPatchesTheLocalCopyInPlace(SmartFile client, SmartFileEmulator e) throws Exception {
        byte[] old = random(3 << 20, 2);
        byte[] updated = edited(old);
        Files.write(e.root().resolve("data.bin"), updated);
        Path copy = Files.write(local.resolve("data.bin"), old);
        Heard heard = new Heard();

        SyncResult r = client.paths().syncDownload("/data.bin", copy,
                DownloadOptions.builder().progress(heard::on).build());

        assertTrue(r.isDeltaUsed(), r.toString());
        assertEquals(updated.length, r.getFileBytes());
        assertTrue(r.getBytesReceived() < updated.length / 20, r.toString());
        assertArrayEquals(updated, Files.readAllBytes(copy));
        assertEquals(r.getBytesReceived(), heard.last()[0], "progress counts the delta received");
        assertEquals(List.of("data.bin"), names(local));
    }

    @Test
    void withoutARemoteFileItUploadsPlainlyAndSaysSo(SmartFile client, SmartFileEmulator e) throws Exception {
        byte[] data = random(100_000, 3);
        Path file = Files.write(local.resolve("new.bin"), data);
        Files.createDirectories(e.root().resolve("inbox"));

        SyncResult r = client.paths().syncUpload(file, "/inbox/new.bin");

        assertFalse(r.isDeltaUsed());
        assertTrue(r.getFallbackReason().contains("404"), r.getFallbackReason());
        assertEquals(data.length, r.getBytesSent());
        assertEquals(0, r.getBytesSaved());
        assertArrayEquals(data, Files.readAllBytes(e.root().resolve("inbox/new.bin")));
    }

    @Test
    void withoutALocalCopyItDownloadsPlainly(SmartFile client, SmartFileEmulator e) throws Exception {
        byte[] data = random(50_000, 4);
        Files.write(e.root().resolve("only-remote.bin"), data);
        Path copy = local.resolve("only-remote.bin");

        SyncResult r = client.paths().syncDownload("/only-remote.bin", copy);

        assertFalse(r.isDeltaUsed());
        assertTrue(r.getFallbackReason().contains("no local copy"), r.getFallbackReason());
        assertEquals(data.length, r.getBytesReceived());
        assertArrayEquals(data, Files.readAllBytes(copy));
    }

    @Test
    void aMissingRemoteFileIsNotFoundAndTheLocalCopyStays(SmartFile client) throws Exception {
        byte[] data = random(20_000, 9);
        Path copy = Files.write(local.resolve("gone.bin"), data);

        assertThrows(NotFoundException.class, () -> client.paths().syncDownload("/gone.bin", copy));

        assertArrayEquals(data, Files.readAllBytes(copy));
        assertEquals(List.of("gone.bin"), names(local));
    }

    @Test
    void aDeltaNoSmallerThanTheFileIsNotSent(SmartFile client, SmartFileEmulator e) throws Exception {
        Files.write(e.root().resolve("other.bin"), random(200_000, 5));
        byte[] unrelated = random(200_000, 6);
        Path file = Files.write(local.resolve("other.bin"), unrelated);

        SyncResult r = client.paths().syncUpload(file, "/other.bin");

        assertFalse(r.isDeltaUsed());
        assertTrue(r.getFallbackReason().contains("would not be smaller"), r.getFallbackReason());
        assertArrayEquals(unrelated, Files.readAllBytes(e.root().resolve("other.bin")));
    }

    @Test
    void aWrongChecksumLeavesTheLocalCopyAsItWas(SmartFile client, SmartFileEmulator e) throws Exception {
        byte[] old = random(500_000, 7);
        Files.write(e.root().resolve("c.bin"), edited(old));
        Path copy = Files.write(local.resolve("c.bin"), old);

        assertThrows(ChecksumMismatchException.class, () -> client.paths().syncDownload("/c.bin", copy,
                DownloadOptions.builder().checksum("SHA-256", "00".repeat(32)).build()));

        assertArrayEquals(old, Files.readAllBytes(copy));
        assertEquals(List.of("c.bin"), names(local));
    }

    @Test
    void badLocalFilesAreRefusedBeforeAnyRequest(SmartFile client, SmartFileEmulator e) throws Exception {
        long before = e.requestCount();
        assertThrows(InvalidInputException.class, () -> client.paths().syncUpload(local.resolve("missing"), "/x"));
        assertThrows(InvalidInputException.class, () -> client.paths().syncUpload(local, "/x"));
        assertThrows(InvalidInputException.class, () -> client.paths().syncDownload("/", local.resolve("x")));
        Path existing = Files.write(local.resolve("exists.bin"), new byte[] {1});
        assertThrows(InvalidInputException.class, () -> client.paths().syncUpload(existing, "/"));
        assertEquals(before, e.requestCount());
    }

    @Test
    void aServerWithoutTheRoutesGetsAPlainTransfer() throws Exception {
        byte[] data = random(10_000, 8);
        Path file = Files.write(local.resolve("f.bin"), data);
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(405).addHeader("Content-Type", "application/json")
                    .body("{\"detail\": \"Method \\\"GET\\\" not allowed.\"}").build());
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body("{\"name\": \"f.bin\", \"path\": \"/f.bin\", \"size\": 10000}").build());
            try (SmartFile client = SmartFile.builder().baseUrl(server.url("/").toString())
                    .basicAuth("k".repeat(30), "p".repeat(30)).retryPolicy(RetryPolicy.none())
                    .readTimeout(Duration.ofSeconds(10)).build()) {
                SyncResult r = client.paths().syncUpload(file, "/f.bin");
                assertFalse(r.isDeltaUsed());
                assertTrue(r.getFallbackReason().contains("405"), r.getFallbackReason());
            }
            RecordedRequest sig = server.takeRequest();
            assertEquals("GET", sig.getMethod());
            assertEquals("/api/2/path/sync/signature/f.bin/", sig.getTarget());
            RecordedRequest put = server.takeRequest();
            assertEquals("PUT", put.getMethod());
            assertEquals("/api/3/path/data/f.bin", put.getTarget());
            assertEquals(data.length, put.getBody().size());

            // and a download: 405 to path/sync/delta, then the whole file from path/data
            server.enqueue(new MockResponse.Builder().code(405).addHeader("Content-Type", "application/json")
                    .body("{\"detail\": \"Method \\\"POST\\\" not allowed.\"}").build());
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/octet-stream")
                    .body(new okio.Buffer().write(data)).build());
            Path copy = Files.write(local.resolve("copy.bin"), new byte[] {1, 2, 3});
            try (SmartFile client = SmartFile.builder().baseUrl(server.url("/").toString())
                    .basicAuth("k".repeat(30), "p".repeat(30)).retryPolicy(RetryPolicy.none())
                    .readTimeout(Duration.ofSeconds(10)).build()) {
                SyncResult r = client.paths().syncDownload("/f.bin", copy);
                assertFalse(r.isDeltaUsed());
                assertTrue(r.getFallbackReason().contains("405"), r.getFallbackReason());
                assertEquals(data.length, r.getBytesReceived());
            }
            RecordedRequest delta = server.takeRequest();
            assertEquals("POST", delta.getMethod());
            assertEquals("/api/2/path/sync/delta/f.bin/", delta.getTarget());
            assertTrue(delta.getBody().utf8().contains("name=\"signature\""), "a multipart signature part");
            assertEquals("GET", server.takeRequest().getMethod());
            assertArrayEquals(data, Files.readAllBytes(copy));
        }
    }

    @Test
    void unreadableSignaturesAndDeltasAreTypedErrorsThatChangeNothing() throws Exception {
        byte[] data = random(10_000, 10);
        Path file = Files.write(local.resolve("f.bin"), data);
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            MockResponse garbage = new MockResponse.Builder().code(200)
                    .addHeader("Content-Type", "application/librsync-signature").body("<html>not rsync</html>").build();
            server.enqueue(garbage);
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/librsync-delta")
                    .body(new okio.Buffer().write(new byte[] {0x72, 0x73, 0x02, 0x36, 0x45, 0, (byte) 0xff})).build());
            try (SmartFile client = SmartFile.builder().baseUrl(server.url("/").toString())
                    .basicAuth("k".repeat(30), "p".repeat(30)).retryPolicy(RetryPolicy.none())
                    .readTimeout(Duration.ofSeconds(10)).build()) {
                InvalidReplyException up = assertThrows(InvalidReplyException.class,
                        () -> client.paths().syncUpload(file, "/f.bin"));
                assertTrue(up.getMessage().contains("not a librsync signature"), up.getMessage());
                assertEquals(1, server.getRequestCount(), "nothing is sent after an unreadable signature");

                // a delta that stops after one copy, without its end command (a cut reply)
                InvalidReplyException down = assertThrows(InvalidReplyException.class,
                        () -> client.paths().syncDownload("/f.bin", file));
                assertTrue(down.getMessage().contains("left as it was"), down.getMessage());
            }
        }
        assertArrayEquals(data, Files.readAllBytes(file));
        assertEquals(List.of("f.bin"), names(local));
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            List<String> names = new ArrayList<>();
            s.forEach(p -> names.add(p.getFileName().toString()));
            names.sort(null);
            return names;
        }
    }
}
