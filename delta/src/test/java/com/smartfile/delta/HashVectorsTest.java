package com.smartfile.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The hashes against their RFCs' test vectors (the rdiff tests check them again, inside signatures). */
class HashVectorsTest {

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x & 0xff));
        }
        return sb.toString();
    }

    private static String md4(String s) {
        byte[] in = s.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[16];
        new Md4().digest(in, 0, in.length, out);
        return hex(out);
    }

    private static String blake2b(int length, byte[] in) {
        byte[] out = new byte[length];
        new Blake2b(length).digest(in, 0, in.length, out);
        return hex(out);
    }

    @Test
    void md4MatchesTheTestSuiteOfRfc1320() {
        assertEquals("31d6cfe0d16ae931b73c59d7e0c089c0", md4(""));
        assertEquals("bde52cb31de33e46245e05fbdbd6fb24", md4("a"));
        assertEquals("a448017aaf21d8525fc10ae87aa6729d", md4("abc"));
        assertEquals("d9130a8164549fe818874806e1c7014b", md4("message digest"));
        assertEquals("d79e1c308aa5bbcdeea8ed63df412da9", md4("abcdefghijklmnopqrstuvwxyz"));
        assertEquals("043f8582f241db351ce627e153e7f0e4",
                md4("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"));
        assertEquals("e33b4ddc9c38f2199c3e7b164fcc0536",
                md4("12345678901234567890123456789012345678901234567890123456789012345678901234567890"));
    }

    @Test
    void md4ReadsFromAnOffset() {
        byte[] in = "xxabcxx".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[16];
        new Md4().digest(in, 2, 3, out);
        assertEquals("a448017aaf21d8525fc10ae87aa6729d", hex(out));
    }

    @Test
    void md4OfTwoBlocksAtOnceEqualsTwoDigests() {
        byte[] data = new byte[5000];
        new java.util.Random(1320).nextBytes(data);
        for (int len : new int[] {0, 1, 55, 56, 63, 64, 65, 127, 128, 129, 1000, 2048}) {
            for (int off2 : new int[] {len, len + 3, 2500}) {
                byte[] one = new byte[16];
                byte[] two = new byte[16];
                new Md4().digest2(data, 1, 1 + off2, len, one, two);
                byte[] first = new byte[16];
                byte[] second = new byte[16];
                new Md4().digest(data, 1, len, first);
                new Md4().digest(data, 1 + off2, len, second);
                assertEquals(hex(first), hex(one), "first of two, " + len + " bytes");
                assertEquals(hex(second), hex(two), "second of two, " + len + " bytes at " + off2);
            }
        }
        byte[] in = "abcabc".getBytes(StandardCharsets.US_ASCII);
        byte[] one = new byte[16];
        byte[] two = new byte[16];
        new Md4().digest2(in, 0, 3, 3, one, two);
        assertEquals("a448017aaf21d8525fc10ae87aa6729d", hex(one));
        assertEquals("a448017aaf21d8525fc10ae87aa6729d", hex(two));
    }

    @Test
    void blake2bMatchesAppendixAOfRfc7693() {
        assertEquals("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
                + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923",
                blake2b(64, "abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void blake2b256MatchesPythonsHashlibAcrossBlockBoundaries() throws Exception {
        // Python's hashlib.blake2b(digest_size=32) is the peer: lengths around the 128-byte block size.
        int[] lengths = {0, 1, 127, 128, 129, 255, 256, 257, 1000};
        StringBuilder script = new StringBuilder("import hashlib\n");
        for (int n : lengths) {
            script.append("print(hashlib.blake2b(bytes((i * 7 + 3) % 256 for i in range(")
                    .append(n).append(")), digest_size=32).hexdigest())\n");
        }
        Process p = new ProcessBuilder("python3", "-c", script.toString()).redirectErrorStream(true).start();
        String[] expected = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).split("\n");
        assertEquals(0, p.waitFor());
        for (int k = 0; k < lengths.length; k++) {
            byte[] in = new byte[lengths[k]];
            for (int i = 0; i < in.length; i++) {
                in[i] = (byte) ((i * 7 + 3) % 256);
            }
            assertEquals(expected[k], blake2b(32, in), "length " + lengths[k]);
        }
    }
}
