package com.smartfile.delta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the deltas contain (countable: literal and copied bytes) and how bad input is refused. */
class LibrsyncTest {

    @TempDir
    Path dir;

    static byte[] signature(byte[] basis, SignatureFormat f, int blockLength) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Librsync.signature(new ByteArrayInputStream(basis), out, f, blockLength, f.maxStrongLength());
        return out.toByteArray();
    }

    static DeltaStats delta(byte[] sig, byte[] target, ByteArrayOutputStream out) throws IOException {
        return Librsync.delta(Signature.read(new ByteArrayInputStream(sig)), new ByteArrayInputStream(target), out);
    }

    @Test
    void anUnchangedFileIsOneCopyCommand() throws IOException {
        byte[] data = RdiffInteropTest.random(1 << 20, 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DeltaStats s = delta(signature(data, SignatureFormat.BLAKE2_RABINKARP, 1024), data, out);
        assertEquals(0, s.literalBytes());
        assertEquals(data.length, s.copiedBytes());
        // magic, COPY_N1_N4 (offset 0 in one byte, length 2^20 in four), END
        assertArrayEquals(new byte[] {0x72, 0x73, 0x02, 0x36, 0x47, 0, 0, 0x10, 0, 0, 0}, out.toByteArray());
    }

    @Test
    void oneChangedByteCostsOneBlockOfLiterals() throws IOException {
        for (SignatureFormat f : SignatureFormat.values()) {
            byte[] data = RdiffInteropTest.random(1 << 20, 2);
            byte[] changed = data.clone();
            changed[500_000] ^= 1;
            DeltaStats s = delta(signature(data, f, 1024), changed, new ByteArrayOutputStream());
            assertEquals(1024, s.literalBytes(), f.toString());
            assertEquals(data.length - 1024, s.copiedBytes(), f.toString());
        }
    }

    @Test
    void anInsertionIsFoundAtAnyOffset() throws IOException {
        byte[] data = RdiffInteropTest.random(1 << 20, 3);
        byte[] inserted = new byte[data.length + 3];
        System.arraycopy(data, 0, inserted, 0, 1000);
        System.arraycopy(data, 1000, inserted, 1003, data.length - 1000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DeltaStats s = delta(signature(data, SignatureFormat.BLAKE2_ROLLSUM, 512), inserted, out);
        // the block holding the insertion point is sent; everything after it is copied again
        assertTrue(s.literalBytes() <= 512 + 3, s.toString());
        ByteArrayOutputStream rebuilt = new ByteArrayOutputStream();
        Path basis = dir.resolve("basis");
        Files.write(basis, data);
        Librsync.patch(basis, new ByteArrayInputStream(out.toByteArray()), rebuilt);
        assertArrayEquals(inserted, rebuilt.toByteArray());
    }

    @Test
    void againstAnEmptyBasisEverythingIsLiteral() throws IOException {
        byte[] data = RdiffInteropTest.random(300_000, 4);
        DeltaStats s = delta(signature(new byte[0], SignatureFormat.MD4_ROLLSUM, 2048), data,
                new ByteArrayOutputStream());
        assertEquals(data.length, s.literalBytes());
        assertEquals(0, s.copiedBytes());
    }

    @Test
    void recommendedBlockLengthFollowsLibrsync() {
        assertEquals(2048, Librsync.recommendedBlockLength(-1));
        assertEquals(256, Librsync.recommendedBlockLength(0));
        assertEquals(256, Librsync.recommendedBlockLength(65536));
        assertEquals(896, Librsync.recommendedBlockLength(1_000_000));
        assertEquals(32768, Librsync.recommendedBlockLength(1L << 30));
    }

    @Test
    void signaturesThatDoNotParseAreRefusedWithTheReason() {
        byte[] good = new byte[] {0x72, 0x73, 0x01, 0x47, 0, 0, 0x08, 0, 0, 0, 0, 0x20};
        assertRefused("magic 0x00000000", new byte[12]);
        assertRefused("header alone is 12", Arrays.copyOf(good, 5));
        byte[] zeroBlock = good.clone();
        zeroBlock[6] = 0;
        assertRefused("block length 0", zeroBlock);
        byte[] longStrong = good.clone();
        longStrong[11] = 33;
        assertRefused("strong-sum length 33", longStrong);
        assertRefused("truncated", Arrays.copyOf(good, 12 + 36 + 10));
    }

    private static void assertRefused(String expected, byte[] sig) {
        DeltaFormatException e = assertThrows(DeltaFormatException.class,
                () -> Signature.read(new ByteArrayInputStream(sig)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void deltasThatDoNotParseAreRefusedWithTheReason() throws IOException {
        Path basis = dir.resolve("basis");
        Files.write(basis, new byte[100]);
        assertPatchRefused(basis, "magic 0x72730136", new byte[] {0x72, 0x73, 0x01, 0x36, 0});
        assertPatchRefused(basis, "without an end command", new byte[] {0x72, 0x73, 0x02, 0x36, 2, 'h', 'i'});
        assertPatchRefused(basis, "inside a literal", new byte[] {0x72, 0x73, 0x02, 0x36, 5, 'h'});
        assertPatchRefused(basis, "unknown command byte 0x55", new byte[] {0x72, 0x73, 0x02, 0x36, 0x55});
        assertPatchRefused(basis, "from a basis of 100 bytes", new byte[] {0x72, 0x73, 0x02, 0x36, 0x45, 90, 20, 0});
        assertPatchRefused(basis, "argument", new byte[] {0x72, 0x73, 0x02, 0x36, 0x46, 0, 1});
    }

    private static void assertPatchRefused(Path basis, String expected, byte[] delta) {
        DeltaFormatException e = assertThrows(DeltaFormatException.class,
                () -> Librsync.patch(basis, new ByteArrayInputStream(delta), new ByteArrayOutputStream()));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void badParametersAreRefusedBeforeAnythingIsWritten() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(IllegalArgumentException.class, () -> Librsync.signature(new ByteArrayInputStream(new byte[1]),
                out, SignatureFormat.MD4_ROLLSUM, 1024, 17));
        assertThrows(IllegalArgumentException.class, () -> Librsync.signature(new ByteArrayInputStream(new byte[1]),
                out, SignatureFormat.MD4_ROLLSUM, 0, 8));
        assertEquals(0, out.size());
    }
}
