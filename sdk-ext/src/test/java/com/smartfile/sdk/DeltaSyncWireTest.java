package com.smartfile.sdk;

import static com.smartfile.sdk.TransferTestSupport.randomBytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.smartfile.delta.Librsync;
import com.smartfile.delta.Signature;
import com.smartfile.delta.SignatureFormat;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import okio.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** syncDownload's wire rules against MockWebServer: the MD4 signature after a 400, durable writes. */
class DeltaSyncWireTest {

    private static final ByteString BLAKE2_RK_MAGIC = ByteString.of((byte) 0x72, (byte) 0x73, (byte) 0x01, (byte) 0x47);
    /** MD4 + rollsum magic, then block length 2048 and strong-sum length 8: librsync 0.9.7's signature header. */
    private static final ByteString MD4_HEADER = ByteString.of((byte) 0x72, (byte) 0x73, (byte) 0x01, (byte) 0x36,
            (byte) 0, (byte) 0, (byte) 0x08, (byte) 0, (byte) 0, (byte) 0, (byte) 0, (byte) 8);

    private final MockWebServer server = new MockWebServer();
    private SmartFile client;

    @TempDir
    Path home;

    @TempDir
    Path dir;

    private final byte[] old = randomBytes(300_000, 5);
    private final byte[] updated = edited(old);

    static byte[] edited(byte[] data) {
        byte[] out = data.clone();
        for (int i = 333; i < out.length; i += 70_000) {
            out[i] ^= 0x11;
        }
        return out;
    }

    @BeforeEach
    void start() throws IOException {
        server.start();
        client = TransferTestSupport.builder(server, home).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    /** The delta a server sends for a signature of the old file (made as {@code syncDownload} makes it). */
    private byte[] serverDelta(SignatureFormat f, int blockLength, int strongLength) throws IOException {
        ByteArrayOutputStream sig = new ByteArrayOutputStream();
        Librsync.signature(new ByteArrayInputStream(old), sig, f, blockLength, strongLength);
        ByteArrayOutputStream delta = new ByteArrayOutputStream();
        Librsync.delta(Signature.read(new ByteArrayInputStream(sig.toByteArray())), new ByteArrayInputStream(updated),
                delta);
        return delta.toByteArray();
    }

    private static MockResponse refuse400() {
        return new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
                .body("{\"signature\": [\"Invalid signature magic.\"]}").build();
    }

    private MockResponse delta(byte[] body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/librsync-delta")
                .body(new Buffer().write(body)).build();
    }

    @Test
    void aServerThatRefusesTheBlake2SignatureWith400GetsAnMd4One() throws Exception {
        Path copy = Files.write(dir.resolve("f.bin"), old);
        server.enqueue(refuse400());
        server.enqueue(delta(serverDelta(SignatureFormat.MD4_ROLLSUM, 2048, 8)));   // as librsync 0.9.7 would

        SyncResult r = client.paths().syncDownload("/f.bin", copy);

        assertTrue(r.isDeltaUsed(), r.toString());
        assertEquals(SyncResult.Fallback.NONE, r.getFallback());
        assertArrayEquals(updated, Files.readAllBytes(copy));
        RecordedRequest first = server.takeRequest();
        RecordedRequest second = server.takeRequest();
        assertEquals("/api/2/path/sync/delta/f.bin/", first.getTarget());
        assertEquals("/api/2/path/sync/delta/f.bin/", second.getTarget());
        assertTrue(first.getBody().indexOf(BLAKE2_RK_MAGIC) > 0, "first librsync 2.2+'s default signature");
        assertTrue(second.getBody().indexOf(MD4_HEADER) > 0, "then MD4, 2048-byte blocks, 8-byte strong sums");
        long md4Signature = 12 + (old.length + 2047) / 2048 * 12L;
        assertTrue(r.getBytesSent() > md4Signature, "both signatures are counted: " + r);
        assertEquals(2, server.getRequestCount());

        // the client remembers: the next download offers MD4 at once, one request
        Files.write(copy, old);
        server.enqueue(delta(serverDelta(SignatureFormat.MD4_ROLLSUM, 2048, 8)));
        assertTrue(client.paths().syncDownload("/f.bin", copy).isDeltaUsed());
        assertEquals(3, server.getRequestCount());
        assertTrue(server.takeRequest().getBody().indexOf(MD4_HEADER) > 0);
        assertArrayEquals(updated, Files.readAllBytes(copy));
    }

    @Test
    void twoRefusalsEndInAWholeDownloadThatSaysWhy() throws Exception {
        Path copy = Files.write(dir.resolve("f.bin"), old);
        server.enqueue(refuse400());
        server.enqueue(refuse400());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/octet-stream")
                .body(new Buffer().write(updated)).build());

        SyncResult r = client.paths().syncDownload("/f.bin", copy);

        assertFalse(r.isDeltaUsed());
        assertEquals(SyncResult.Fallback.SERVER_DECLINED, r.getFallback());
        assertTrue(r.getFallbackReason().contains("400"), r.getFallbackReason());
        assertEquals(updated.length, r.getBytesReceived());
        assertArrayEquals(updated, Files.readAllBytes(copy));
        server.takeRequest();
        server.takeRequest();
        assertEquals("GET", server.takeRequest().getMethod());
    }

    @Test
    void aPatchedCopyIsForcedToDiskOnlyWhenDurableIsAsked() throws Exception {
        Path copy = Files.write(dir.resolve("f.bin"), old);
        byte[] d = serverDelta(SignatureFormat.BLAKE2_RABINKARP, Librsync.recommendedBlockLength(old.length), 32);
        server.enqueue(delta(d));
        long before = Downloads.FORCED.get();

        assertTrue(client.paths().syncDownload("/f.bin", copy).isDeltaUsed());
        assertEquals(before, Downloads.FORCED.get(), "the default does not fsync");
        assertArrayEquals(updated, Files.readAllBytes(copy));

        Files.write(copy, old);
        server.enqueue(delta(d));
        assertTrue(client.paths().syncDownload("/f.bin", copy, DownloadOptions.builder().durable(true).build()).isDeltaUsed());
        assertEquals(before + 1, Downloads.FORCED.get(), "durable(true) forces the patched file to disk once");
        assertArrayEquals(updated, Files.readAllBytes(copy));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("f.bin"), s.map(p -> p.getFileName().toString()).collect(Collectors.toList()));
        }
    }
}
