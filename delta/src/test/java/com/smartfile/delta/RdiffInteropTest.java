package com.smartfile.delta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Our signatures, deltas and patches against Debian's rdiff (librsync 2.3), the real peer. */
class RdiffInteropTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void needsRdiff() {
        Rdiff.require();
    }

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Text that repeats, so that many blocks share sums: the hard case for matching. */
    static byte[] structured(int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int line = 0;
        while (out.size() < n) {
            out.writeBytes(("line " + (line++ % 50) + ": the quick brown fox\n").getBytes(StandardCharsets.US_ASCII));
        }
        return Arrays.copyOf(out.toByteArray(), n);
    }

    static Stream<Arguments> files() {
        int mib = 1 << 20;
        return Stream.of(
                Arguments.of("empty", new byte[0]),
                Arguments.of("one byte", new byte[] {42}),
                Arguments.of("under a block", random(200, 1)),
                Arguments.of("exactly 256", random(256, 2)),
                Arguments.of("exactly 2048", random(2048, 3)),
                Arguments.of("64 KiB + 1", random(65537, 4)),
                Arguments.of("zeros", new byte[100_000]),
                Arguments.of("structured", structured(300_001)),
                Arguments.of("3 MiB random", random(3 * mib + 17, 5)));
    }

    static Stream<Arguments> signatureCases() {
        List<Arguments> cases = new ArrayList<>();
        files().forEach(f -> {
            for (String hash : new String[] {"blake2", "md4"}) {
                for (String roll : new String[] {"rabinkarp", "rollsum"}) {
                    cases.add(Arguments.of(f.get()[0], f.get()[1], hash, roll, 0, 0));
                }
            }
            cases.add(Arguments.of(f.get()[0], f.get()[1], "blake2", "rabinkarp", 1000, 8));
            cases.add(Arguments.of(f.get()[0], f.get()[1], "md4", "rollsum", 2048, 4));
            cases.add(Arguments.of(f.get()[0], f.get()[1], "md4", "rabinkarp", 7, 16));
        });
        return cases.stream().filter(a -> ((byte[]) a.get()[1]).length < 1 << 20 || (int) a.get()[4] != 7);
    }

    static SignatureFormat format(String hash, String roll) {
        boolean md4 = hash.equals("md4");
        boolean rk = roll.equals("rabinkarp");
        return md4 ? (rk ? SignatureFormat.MD4_RABINKARP : SignatureFormat.MD4_ROLLSUM)
                : (rk ? SignatureFormat.BLAKE2_RABINKARP : SignatureFormat.BLAKE2_ROLLSUM);
    }

    @ParameterizedTest(name = "{0}, -H {2} -R {3} -b {4} -S {5}")
    @MethodSource("signatureCases")
    void ourSignatureEqualsRdiffsByteForByte(String name, byte[] data, String hash, String roll, int block,
            int strong) throws Exception {
        Path basis = dir.resolve("basis");
        Files.write(basis, data);
        Path theirs = dir.resolve("theirs.sig");
        Rdiff.run("-H", hash, "-R", roll, "-b", String.valueOf(block), "-S", String.valueOf(strong),
                "signature", basis.toString(), theirs.toString());
        SignatureFormat f = format(hash, roll);
        int blockLength = block == 0 ? Librsync.recommendedBlockLength(data.length) : block;
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        Librsync.signature(new ByteArrayInputStream(data), ours, f, blockLength,
                strong == 0 ? f.maxStrongLength() : strong);
        assertArrayEquals(Files.readAllBytes(theirs), ours.toByteArray());
        if (block == 0 && strong == 0 && f == SignatureFormat.BLAKE2_RABINKARP) {
            ByteArrayOutputStream defaults = new ByteArrayOutputStream();
            Librsync.signature(basis, defaults);
            assertArrayEquals(Files.readAllBytes(theirs), defaults.toByteArray(), "rdiff's defaults");
        }
    }

    /** A new version of {@code base}: bytes changed, inserted and removed in scattered places, and a tail. */
    static byte[] edit(byte[] base, long seed) {
        Random r = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < base.length) {
            int run = Math.min(base.length - pos, 1 + r.nextInt(Math.max(1, base.length / 5)));
            out.write(base, pos, run);
            pos += run;
            switch (r.nextInt(3)) {
                case 0:
                    out.writeBytes(random(1 + r.nextInt(300), r.nextLong()));
                    break;
                case 1:
                    pos += r.nextInt(200);
                    break;
                default:
                    if (pos < base.length) {
                        out.write(base[pos] ^ 0x55);
                        pos++;
                    }
            }
        }
        out.writeBytes("appended tail".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static Stream<Arguments> pairs() {
        List<Arguments> cases = new ArrayList<>();
        files().forEach(f -> {
            byte[] base = (byte[]) f.get()[1];
            cases.add(Arguments.of(f.get()[0] + " edited", base, edit(base, base.length)));
            cases.add(Arguments.of(f.get()[0] + " unchanged", base, base));
            cases.add(Arguments.of(f.get()[0] + " to empty", base, new byte[0]));
            cases.add(Arguments.of(f.get()[0] + " to random", base, random(5000, 9)));
        });
        byte[] big = random(3 << 20, 11);
        cases.add(Arguments.of("3 MiB, head cut", big, Arrays.copyOfRange(big, 777, big.length)));
        byte[] moved = big.clone();
        System.arraycopy(big, 0, moved, 1 << 20, 1 << 20);
        System.arraycopy(big, 1 << 20, moved, 0, 1 << 20);
        cases.add(Arguments.of("3 MiB, first two MiB swapped", big, moved));
        return cases.stream();
    }

    /** Signatures of many thousand blocks are read in chunks of entries: rdiff's, parsed by us, drive a delta. */
    @Test
    void aSignatureOfManyBlocksFromRdiffIsReadWholeAndItsDeltaPatchedByRdiff() throws Exception {
        byte[] basis = random(3 << 20, 12);
        byte[] target = edit(basis, 12);
        Path basisFile = dir.resolve("basis");
        Files.write(basisFile, basis);
        Path sigFile = dir.resolve("many.sig");
        Rdiff.run("-H", "md4", "-R", "rollsum", "-b", "64", "-S", "8", "signature", basisFile.toString(),
                sigFile.toString());
        Signature signature;
        try (InputStream in = Files.newInputStream(sigFile)) {   // unbuffered: the reader does its own chunking
            signature = Signature.read(in);
        }
        assertEquals((basis.length + 63) / 64, signature.blockCount());
        Path delta = dir.resolve("many.delta");
        try (OutputStream out = Files.newOutputStream(delta)) {
            Librsync.delta(signature, new ByteArrayInputStream(target), out);
        }
        Path rebuilt = dir.resolve("many.rebuilt");
        Rdiff.run("patch", basisFile.toString(), delta.toString(), rebuilt.toString());
        assertArrayEquals(target, Files.readAllBytes(rebuilt));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void rdiffPatchAcceptsOurDeltaAndWeAcceptRdiffs(String name, byte[] basis, byte[] target) throws Exception {
        Path basisFile = dir.resolve("basis");
        Path newFile = dir.resolve("new");
        Files.write(basisFile, basis);
        Files.write(newFile, target);
        for (SignatureFormat f : SignatureFormat.values()) {
            int blockLength = Librsync.recommendedBlockLength(basis.length);
            ByteArrayOutputStream sig = new ByteArrayOutputStream();
            Librsync.signature(new ByteArrayInputStream(basis), sig, f, blockLength, f.maxStrongLength());
            Signature signature = Signature.read(new ByteArrayInputStream(sig.toByteArray()));
            assertEquals((basis.length + blockLength - 1) / blockLength, signature.blockCount());

            // our delta, rdiff's patch
            Path ourDelta = dir.resolve("ours-" + f + ".delta");
            DeltaStats stats;
            try (OutputStream out = Files.newOutputStream(ourDelta)) {
                stats = Librsync.delta(signature, new ByteArrayInputStream(target), out);
            }
            assertEquals(target.length, stats.literalBytes() + stats.copiedBytes(), f.toString());
            assertEquals(Files.size(ourDelta), stats.deltaBytes());
            Path rebuilt = dir.resolve("rebuilt-by-rdiff-" + f);
            Rdiff.run("patch", basisFile.toString(), ourDelta.toString(), rebuilt.toString());
            assertArrayEquals(target, Files.readAllBytes(rebuilt), "rdiff patch of our delta, " + f);

            // rdiff's delta (from our signature, which is rdiff's), our patch
            Path sigFile = dir.resolve("sig-" + f);
            Files.write(sigFile, sig.toByteArray());
            Path theirDelta = dir.resolve("theirs-" + f + ".delta");
            Rdiff.run("delta", sigFile.toString(), newFile.toString(), theirDelta.toString());
            ByteArrayOutputStream patched = new ByteArrayOutputStream();
            try (InputStream in = Files.newInputStream(theirDelta)) {
                assertEquals(target.length, Librsync.patch(basisFile, in, patched));
            }
            assertArrayEquals(target, patched.toByteArray(), "our patch of rdiff's delta, " + f);

            // and our own round trip, with a delta no longer than rdiff's by more than its command overhead
            ByteArrayOutputStream again = new ByteArrayOutputStream();
            try (InputStream in = Files.newInputStream(ourDelta)) {
                Librsync.patch(basisFile, in, again);
            }
            assertArrayEquals(target, again.toByteArray());
            assertTrue(stats.deltaBytes() <= Files.size(theirDelta) + 64 + Files.size(theirDelta) / 100,
                    "our delta " + stats.deltaBytes() + " vs rdiff's " + Files.size(theirDelta) + ", " + f);
        }
    }
}
