package com.smartfile.delta;

/**
 * MD4 (RFC 1320), written from the RFC: the strong sum of librsync's oldest signature format. MD4 is broken as a
 * cryptographic hash; it is here only to speak to servers that still use that format. Not thread-safe.
 */
final class Md4 implements StrongHash {

    private final int[] x = new int[16];
    private final byte[] tail = new byte[128];

    @Override
    public int length() {
        return 16;
    }

    @Override
    public void digest(byte[] data, int off, int len, byte[] out) {
        int[] h = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
        int full = len & ~63;
        for (int i = 0; i < full; i += 64) {
            block(h, data, off + i);
        }
        int rest = len - full;
        System.arraycopy(data, off + full, tail, 0, rest);
        tail[rest] = (byte) 0x80;
        int padded = rest < 56 ? 64 : 128;
        java.util.Arrays.fill(tail, rest + 1, padded, (byte) 0);
        long bits = (long) len << 3;
        for (int i = 0; i < 8; i++) {
            tail[padded - 8 + i] = (byte) (bits >>> (8 * i));
        }
        for (int i = 0; i < padded; i += 64) {
            block(h, tail, i);
        }
        for (int i = 0; i < 4; i++) {
            out[4 * i] = (byte) h[i];
            out[4 * i + 1] = (byte) (h[i] >>> 8);
            out[4 * i + 2] = (byte) (h[i] >>> 16);
            out[4 * i + 3] = (byte) (h[i] >>> 24);
        }
    }

    private void block(int[] h, byte[] b, int p) {
        for (int i = 0; i < 16; i++, p += 4) {
            x[i] = (b[p] & 0xff) | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff) << 16 | (b[p + 3] & 0xff) << 24;
        }
        int a = h[0], bb = h[1], c = h[2], d = h[3];
        // Round 1: F(x,y,z) = xy | ~x z, shifts 3 7 11 19.
        for (int i = 0; i < 16; i += 4) {
            a = Integer.rotateLeft(a + ((bb & c) | (~bb & d)) + x[i], 3);
            d = Integer.rotateLeft(d + ((a & bb) | (~a & c)) + x[i + 1], 7);
            c = Integer.rotateLeft(c + ((d & a) | (~d & bb)) + x[i + 2], 11);
            bb = Integer.rotateLeft(bb + ((c & d) | (~c & a)) + x[i + 3], 19);
        }
        // Round 2: G(x,y,z) = xy | xz | yz, constant 0x5A827999, shifts 3 5 9 13, words by column.
        for (int i = 0; i < 4; i++) {
            a = Integer.rotateLeft(a + ((bb & c) | (bb & d) | (c & d)) + x[i] + 0x5a827999, 3);
            d = Integer.rotateLeft(d + ((a & bb) | (a & c) | (bb & c)) + x[i + 4] + 0x5a827999, 5);
            c = Integer.rotateLeft(c + ((d & a) | (d & bb) | (a & bb)) + x[i + 8] + 0x5a827999, 9);
            bb = Integer.rotateLeft(bb + ((c & d) | (c & a) | (d & a)) + x[i + 12] + 0x5a827999, 13);
        }
        // Round 3: H(x,y,z) = x ^ y ^ z, constant 0x6ED9EBA1, shifts 3 9 11 15, words 0 8 4 12, 2 10 6 14, ...
        int[] order = {0, 2, 1, 3};
        for (int k : order) {
            a = Integer.rotateLeft(a + (bb ^ c ^ d) + x[k] + 0x6ed9eba1, 3);
            d = Integer.rotateLeft(d + (a ^ bb ^ c) + x[k + 8] + 0x6ed9eba1, 9);
            c = Integer.rotateLeft(c + (d ^ a ^ bb) + x[k + 4] + 0x6ed9eba1, 11);
            bb = Integer.rotateLeft(bb + (c ^ d ^ a) + x[k + 12] + 0x6ed9eba1, 15);
        }
        h[0] += a;
        h[1] += bb;
        h[2] += c;
        h[3] += d;
    }
}
