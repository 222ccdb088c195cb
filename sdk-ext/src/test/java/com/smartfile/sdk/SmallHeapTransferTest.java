package com.smartfile.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files much larger than the heap stream through: run by the {@code small-heap} surefire
 * execution in a JVM with {@code -Xmx64m}. The size is the system property
 * {@code smartfile.smallheap.bytes} (256 MiB by default; the benchmark uses 2 GiB). The data is
 * generated as it is sent and is never held in memory; it is on disk once, as the downloaded file.
 */
@Tag("small-heap")
class SmallHeapTransferTest {

    private static final long SIZE = Long.getLong("smartfile.smallheap.bytes", 256L << 20);
    private static final int BLOCK = 64 * 1024;

    private final MockWebServer server = new MockWebServer();
    private SmartFile client;

    @TempDir
    Path home;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server.setBodyLimit(0); // the server counts request bytes without keeping them
        server.start();
        client = TransferTestSupport.builder(server, home).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    /** A random 64 KiB block, stamped with its index so that every block of the file differs. */
    private static final class Generator {
        private final byte[] block = new byte[BLOCK];
        private long position;

        Generator() {
            new Random(7).nextBytes(block);
        }

        /** Fills b[off, off+len) with the next bytes; returns how many (-1 at the end). */
        int next(byte[] b, int off, int len) {
            if (position >= SIZE) {
                return -1;
            }
            int n = (int) Math.min(len, Math.min(SIZE - position, BLOCK - position % BLOCK));
            long index = position / BLOCK;
            int inBlock = (int) (position % BLOCK);
            for (int i = 0; i < n; i++) {
                int at = inBlock + i;
                b[off + i] = at < 8 ? (byte) (index >>> (8 * at)) : block[at];
            }
            position += n;
            return n;
        }
    }

    private static final class GeneratedStream extends InputStream {
        private final Generator generator = new Generator();

        @Override
        public int read() {
            byte[] one = new byte[1];
            return generator.next(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return len == 0 ? 0 : generator.next(b, off, len);
        }
    }

    private static final class GeneratedBody implements MockResponseBody {
        @Override
        public long getContentLength() {
            return SIZE;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            Generator g = new Generator();
            byte[] chunk = new byte[BLOCK];
            for (int n; (n = g.next(chunk, 0, chunk.length)) > 0; ) {
                sink.write(chunk, 0, n);
            }
        }
    }

    private static String expectedSha256() throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        Generator g = new Generator();
        byte[] chunk = new byte[BLOCK];
        for (int n; (n = g.next(chunk, 0, chunk.length)) > 0; ) {
            md.update(chunk, 0, n);
        }
        return DownloadSession.hex(md.digest());
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(30, TimeUnit.SECONDS);
        assertTrue(r != null, "no request reached the server");
        return r;
    }

    @Test
    void aFileLargerThanTheHeapDownloadsAndUploadsByStreaming() throws Exception {
        assertTrue(Runtime.getRuntime().maxMemory() < SIZE,
                "the heap (" + Runtime.getRuntime().maxMemory() + " bytes) must be smaller than the file for this test to mean anything");
        long started = System.nanoTime();

        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/octet-stream")
                .body(new GeneratedBody()).build());
        Path file = dir.resolve("big.bin");
        TransferTestSupport.Recorder down = new TransferTestSupport.Recorder();
        long received = client.paths().download("/big.bin", file, DownloadOptions.builder().progress(down)
                .checksum("SHA-256", expectedSha256()).build());
        assertEquals(SIZE, received);
        assertEquals(SIZE, Files.size(file));
        assertEquals(SIZE, down.last());
        take();

        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"path\":\"/copy.bin\"}").build());
        TransferTestSupport.Recorder up = new TransferTestSupport.Recorder();
        client.paths().uploadAs("/copy.bin", UploadSource.of(file), UploadOptions.builder().progress(up).build());
        assertEquals(SIZE, take().getBodySize());
        assertEquals(SIZE, up.last());
        Files.delete(file);

        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("[{\"path\":\"/in/stream.bin\"}]").build());
        client.paths().upload("/in", UploadSource.of(new GeneratedStream()).named("stream.bin"));
        RecordedRequest multipart = take();
        assertEquals("chunked", multipart.getHeaders().get("Transfer-Encoding"));
        assertTrue(multipart.getBodySize() > SIZE && multipart.getBodySize() < SIZE + 1024, "size " + multipart.getBodySize());

        System.out.printf("small-heap: %d MiB down (SHA-256 checked), up from the file, up from a stream, heap %d MiB: %d ms%n",
                SIZE >> 20, Runtime.getRuntime().maxMemory() >> 20, (System.nanoTime() - started) / 1_000_000);
    }
}
