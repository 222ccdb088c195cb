package com.smartfile.delta;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * MD4 (RFC 1320), written from the RFC: the strong sum of librsync's oldest signature format. MD4 is broken as a
 * cryptographic hash; it is here only to speak to servers that still use that format. Not thread-safe.
 */
final class Md4 implements StrongHash {

    /** Little-endian 32-bit loads from a byte array: one load a word instead of four and three shifts. */
    private static final VarHandle INT_LE =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

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
        finish(h, data, off + full, len, out);
    }

    /** Pads and hashes the last (partial) 64-byte block of {@code len} bytes, then writes the digest. */
    private void finish(int[] h, byte[] data, int from, int len, byte[] out) {
        int rest = len & 63;
        System.arraycopy(data, from, tail, 0, rest);
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
    /**
     * The digests of two blocks of the same length, {@code len} bytes from {@code off} and from {@code off2}: the
     * same bytes as two {@link #digest} calls, about twice as fast (see {@link #block2}).
     */
    @Override
    public void digest2(byte[] data, int off, int off2, int len, byte[] out, byte[] out2) {
        int[] h = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
        int[] h2 = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
        int full = len & ~63;
        for (int i = 0; i < full; i += 64) {
            block2(h, data, off + i, h2, off2 + i);
        }
        finish(h, data, off + full, len, out);
        finish(h2, data, off2 + full, len, out2);
    }

    /**
     * Two blocks at once, their rounds interleaved: MD4 is one long chain of dependent operations, so a single
     * block leaves the CPU's other execution units idle; a second, independent chain fills them.
     */
    private static void block2(int[] h, byte[] b, int p, int[] h2, int q) {
        int a = h[0], b0 = h[1], c = h[2], d = h[3];
        int e = h2[0], f = h2[1], g = h2[2], k = h2[3];
        a = Integer.rotateLeft(a + ((b0 & c) | (~b0 & d)) + word(b, p + 0), 3);
        e = Integer.rotateLeft(e + ((f & g) | (~f & k)) + word(b, q + 0), 3);
        d = Integer.rotateLeft(d + ((a & b0) | (~a & c)) + word(b, p + 4), 7);
        k = Integer.rotateLeft(k + ((e & f) | (~e & g)) + word(b, q + 4), 7);
        c = Integer.rotateLeft(c + ((d & a) | (~d & b0)) + word(b, p + 8), 11);
        g = Integer.rotateLeft(g + ((k & e) | (~k & f)) + word(b, q + 8), 11);
        b0 = Integer.rotateLeft(b0 + ((c & d) | (~c & a)) + word(b, p + 12), 19);
        f = Integer.rotateLeft(f + ((g & k) | (~g & e)) + word(b, q + 12), 19);
        a = Integer.rotateLeft(a + ((b0 & c) | (~b0 & d)) + word(b, p + 16), 3);
        e = Integer.rotateLeft(e + ((f & g) | (~f & k)) + word(b, q + 16), 3);
        d = Integer.rotateLeft(d + ((a & b0) | (~a & c)) + word(b, p + 20), 7);
        k = Integer.rotateLeft(k + ((e & f) | (~e & g)) + word(b, q + 20), 7);
        c = Integer.rotateLeft(c + ((d & a) | (~d & b0)) + word(b, p + 24), 11);
        g = Integer.rotateLeft(g + ((k & e) | (~k & f)) + word(b, q + 24), 11);
        b0 = Integer.rotateLeft(b0 + ((c & d) | (~c & a)) + word(b, p + 28), 19);
        f = Integer.rotateLeft(f + ((g & k) | (~g & e)) + word(b, q + 28), 19);
        a = Integer.rotateLeft(a + ((b0 & c) | (~b0 & d)) + word(b, p + 32), 3);
        e = Integer.rotateLeft(e + ((f & g) | (~f & k)) + word(b, q + 32), 3);
        d = Integer.rotateLeft(d + ((a & b0) | (~a & c)) + word(b, p + 36), 7);
        k = Integer.rotateLeft(k + ((e & f) | (~e & g)) + word(b, q + 36), 7);
        c = Integer.rotateLeft(c + ((d & a) | (~d & b0)) + word(b, p + 40), 11);
        g = Integer.rotateLeft(g + ((k & e) | (~k & f)) + word(b, q + 40), 11);
        b0 = Integer.rotateLeft(b0 + ((c & d) | (~c & a)) + word(b, p + 44), 19);
        f = Integer.rotateLeft(f + ((g & k) | (~g & e)) + word(b, q + 44), 19);
        a = Integer.rotateLeft(a + ((b0 & c) | (~b0 & d)) + word(b, p + 48), 3);
        e = Integer.rotateLeft(e + ((f & g) | (~f & k)) + word(b, q + 48), 3);
        d = Integer.rotateLeft(d + ((a & b0) | (~a & c)) + word(b, p + 52), 7);
        k = Integer.rotateLeft(k + ((e & f) | (~e & g)) + word(b, q + 52), 7);
        c = Integer.rotateLeft(c + ((d & a) | (~d & b0)) + word(b, p + 56), 11);
        g = Integer.rotateLeft(g + ((k & e) | (~k & f)) + word(b, q + 56), 11);
        b0 = Integer.rotateLeft(b0 + ((c & d) | (~c & a)) + word(b, p + 60), 19);
        f = Integer.rotateLeft(f + ((g & k) | (~g & e)) + word(b, q + 60), 19);
        a = Integer.rotateLeft(a + ((b0 & c) | (b0 & d) | (c & d)) + word(b, p + 0) + 0x5a827999, 3);
        e = Integer.rotateLeft(e + ((f & g) | (f & k) | (g & k)) + word(b, q + 0) + 0x5a827999, 3);
        d = Integer.rotateLeft(d + ((a & b0) | (a & c) | (b0 & c)) + word(b, p + 16) + 0x5a827999, 5);
        k = Integer.rotateLeft(k + ((e & f) | (e & g) | (f & g)) + word(b, q + 16) + 0x5a827999, 5);
        c = Integer.rotateLeft(c + ((d & a) | (d & b0) | (a & b0)) + word(b, p + 32) + 0x5a827999, 9);
        g = Integer.rotateLeft(g + ((k & e) | (k & f) | (e & f)) + word(b, q + 32) + 0x5a827999, 9);
        b0 = Integer.rotateLeft(b0 + ((c & d) | (c & a) | (d & a)) + word(b, p + 48) + 0x5a827999, 13);
        f = Integer.rotateLeft(f + ((g & k) | (g & e) | (k & e)) + word(b, q + 48) + 0x5a827999, 13);
        a = Integer.rotateLeft(a + ((b0 & c) | (b0 & d) | (c & d)) + word(b, p + 4) + 0x5a827999, 3);
        e = Integer.rotateLeft(e + ((f & g) | (f & k) | (g & k)) + word(b, q + 4) + 0x5a827999, 3);
        d = Integer.rotateLeft(d + ((a & b0) | (a & c) | (b0 & c)) + word(b, p + 20) + 0x5a827999, 5);
        k = Integer.rotateLeft(k + ((e & f) | (e & g) | (f & g)) + word(b, q + 20) + 0x5a827999, 5);
        c = Integer.rotateLeft(c + ((d & a) | (d & b0) | (a & b0)) + word(b, p + 36) + 0x5a827999, 9);
        g = Integer.rotateLeft(g + ((k & e) | (k & f) | (e & f)) + word(b, q + 36) + 0x5a827999, 9);
        b0 = Integer.rotateLeft(b0 + ((c & d) | (c & a) | (d & a)) + word(b, p + 52) + 0x5a827999, 13);
        f = Integer.rotateLeft(f + ((g & k) | (g & e) | (k & e)) + word(b, q + 52) + 0x5a827999, 13);
        a = Integer.rotateLeft(a + ((b0 & c) | (b0 & d) | (c & d)) + word(b, p + 8) + 0x5a827999, 3);
        e = Integer.rotateLeft(e + ((f & g) | (f & k) | (g & k)) + word(b, q + 8) + 0x5a827999, 3);
        d = Integer.rotateLeft(d + ((a & b0) | (a & c) | (b0 & c)) + word(b, p + 24) + 0x5a827999, 5);
        k = Integer.rotateLeft(k + ((e & f) | (e & g) | (f & g)) + word(b, q + 24) + 0x5a827999, 5);
        c = Integer.rotateLeft(c + ((d & a) | (d & b0) | (a & b0)) + word(b, p + 40) + 0x5a827999, 9);
        g = Integer.rotateLeft(g + ((k & e) | (k & f) | (e & f)) + word(b, q + 40) + 0x5a827999, 9);
        b0 = Integer.rotateLeft(b0 + ((c & d) | (c & a) | (d & a)) + word(b, p + 56) + 0x5a827999, 13);
        f = Integer.rotateLeft(f + ((g & k) | (g & e) | (k & e)) + word(b, q + 56) + 0x5a827999, 13);
        a = Integer.rotateLeft(a + ((b0 & c) | (b0 & d) | (c & d)) + word(b, p + 12) + 0x5a827999, 3);
        e = Integer.rotateLeft(e + ((f & g) | (f & k) | (g & k)) + word(b, q + 12) + 0x5a827999, 3);
        d = Integer.rotateLeft(d + ((a & b0) | (a & c) | (b0 & c)) + word(b, p + 28) + 0x5a827999, 5);
        k = Integer.rotateLeft(k + ((e & f) | (e & g) | (f & g)) + word(b, q + 28) + 0x5a827999, 5);
        c = Integer.rotateLeft(c + ((d & a) | (d & b0) | (a & b0)) + word(b, p + 44) + 0x5a827999, 9);
        g = Integer.rotateLeft(g + ((k & e) | (k & f) | (e & f)) + word(b, q + 44) + 0x5a827999, 9);
        b0 = Integer.rotateLeft(b0 + ((c & d) | (c & a) | (d & a)) + word(b, p + 60) + 0x5a827999, 13);
        f = Integer.rotateLeft(f + ((g & k) | (g & e) | (k & e)) + word(b, q + 60) + 0x5a827999, 13);
        a = Integer.rotateLeft(a + (b0 ^ c ^ d) + word(b, p + 0) + 0x6ed9eba1, 3);
        e = Integer.rotateLeft(e + (f ^ g ^ k) + word(b, q + 0) + 0x6ed9eba1, 3);
        d = Integer.rotateLeft(d + (a ^ b0 ^ c) + word(b, p + 32) + 0x6ed9eba1, 9);
        k = Integer.rotateLeft(k + (e ^ f ^ g) + word(b, q + 32) + 0x6ed9eba1, 9);
        c = Integer.rotateLeft(c + (d ^ a ^ b0) + word(b, p + 16) + 0x6ed9eba1, 11);
        g = Integer.rotateLeft(g + (k ^ e ^ f) + word(b, q + 16) + 0x6ed9eba1, 11);
        b0 = Integer.rotateLeft(b0 + (c ^ d ^ a) + word(b, p + 48) + 0x6ed9eba1, 15);
        f = Integer.rotateLeft(f + (g ^ k ^ e) + word(b, q + 48) + 0x6ed9eba1, 15);
        a = Integer.rotateLeft(a + (b0 ^ c ^ d) + word(b, p + 8) + 0x6ed9eba1, 3);
        e = Integer.rotateLeft(e + (f ^ g ^ k) + word(b, q + 8) + 0x6ed9eba1, 3);
        d = Integer.rotateLeft(d + (a ^ b0 ^ c) + word(b, p + 40) + 0x6ed9eba1, 9);
        k = Integer.rotateLeft(k + (e ^ f ^ g) + word(b, q + 40) + 0x6ed9eba1, 9);
        c = Integer.rotateLeft(c + (d ^ a ^ b0) + word(b, p + 24) + 0x6ed9eba1, 11);
        g = Integer.rotateLeft(g + (k ^ e ^ f) + word(b, q + 24) + 0x6ed9eba1, 11);
        b0 = Integer.rotateLeft(b0 + (c ^ d ^ a) + word(b, p + 56) + 0x6ed9eba1, 15);
        f = Integer.rotateLeft(f + (g ^ k ^ e) + word(b, q + 56) + 0x6ed9eba1, 15);
        a = Integer.rotateLeft(a + (b0 ^ c ^ d) + word(b, p + 4) + 0x6ed9eba1, 3);
        e = Integer.rotateLeft(e + (f ^ g ^ k) + word(b, q + 4) + 0x6ed9eba1, 3);
        d = Integer.rotateLeft(d + (a ^ b0 ^ c) + word(b, p + 36) + 0x6ed9eba1, 9);
        k = Integer.rotateLeft(k + (e ^ f ^ g) + word(b, q + 36) + 0x6ed9eba1, 9);
        c = Integer.rotateLeft(c + (d ^ a ^ b0) + word(b, p + 20) + 0x6ed9eba1, 11);
        g = Integer.rotateLeft(g + (k ^ e ^ f) + word(b, q + 20) + 0x6ed9eba1, 11);
        b0 = Integer.rotateLeft(b0 + (c ^ d ^ a) + word(b, p + 52) + 0x6ed9eba1, 15);
        f = Integer.rotateLeft(f + (g ^ k ^ e) + word(b, q + 52) + 0x6ed9eba1, 15);
        a = Integer.rotateLeft(a + (b0 ^ c ^ d) + word(b, p + 12) + 0x6ed9eba1, 3);
        e = Integer.rotateLeft(e + (f ^ g ^ k) + word(b, q + 12) + 0x6ed9eba1, 3);
        d = Integer.rotateLeft(d + (a ^ b0 ^ c) + word(b, p + 44) + 0x6ed9eba1, 9);
        k = Integer.rotateLeft(k + (e ^ f ^ g) + word(b, q + 44) + 0x6ed9eba1, 9);
        c = Integer.rotateLeft(c + (d ^ a ^ b0) + word(b, p + 28) + 0x6ed9eba1, 11);
        g = Integer.rotateLeft(g + (k ^ e ^ f) + word(b, q + 28) + 0x6ed9eba1, 11);
        b0 = Integer.rotateLeft(b0 + (c ^ d ^ a) + word(b, p + 60) + 0x6ed9eba1, 15);
        f = Integer.rotateLeft(f + (g ^ k ^ e) + word(b, q + 60) + 0x6ed9eba1, 15);
        h[0] += a;
        h[1] += b0;
        h[2] += c;
        h[3] += d;
        h2[0] += e;
        h2[1] += f;
        h2[2] += g;
        h2[3] += k;
    }


    private static void block(int[] h, byte[] b, int p) {
        final int x0 = word(b, p + 0);
        final int x1 = word(b, p + 4);
        final int x2 = word(b, p + 8);
        final int x3 = word(b, p + 12);
        final int x4 = word(b, p + 16);
        final int x5 = word(b, p + 20);
        final int x6 = word(b, p + 24);
        final int x7 = word(b, p + 28);
        final int x8 = word(b, p + 32);
        final int x9 = word(b, p + 36);
        final int x10 = word(b, p + 40);
        final int x11 = word(b, p + 44);
        final int x12 = word(b, p + 48);
        final int x13 = word(b, p + 52);
        final int x14 = word(b, p + 56);
        final int x15 = word(b, p + 60);
        int a = h[0], b0 = h[1], c = h[2], d = h[3];
        // RFC 1320 3.4: rounds 1 (F, shifts 3 7 11 19), 2 (G + 0x5A827999, 3 5 9 13) and 3 (H + 0x6ED9EBA1,
        // 3 9 11 15), unrolled.
        a = Integer.rotateLeft(a + ((b0 & c) | (~b0 & d)) + x0, 3);
        d = Integer.rotateLeft(d + ((a & b0) | (~a & c)) + x1, 7);
        c = Integer.rotateLeft(c + ((d & a) | (~d & b0)) + x2, 11);
        b0 = Integer.rotateLeft(b0 + ((c & d) | (~c & a)) + x3, 19);
        a = Integer.rotateLeft(a + ((b0 & c) | (~b0 & d)) + x4, 3);
        d = Integer.rotateLeft(d + ((a & b0) | (~a & c)) + x5, 7);
        c = Integer.rotateLeft(c + ((d & a) | (~d & b0)) + x6, 11);
        b0 = Integer.rotateLeft(b0 + ((c & d) | (~c & a)) + x7, 19);
        a = Integer.rotateLeft(a + ((b0 & c) | (~b0 & d)) + x8, 3);
        d = Integer.rotateLeft(d + ((a & b0) | (~a & c)) + x9, 7);
        c = Integer.rotateLeft(c + ((d & a) | (~d & b0)) + x10, 11);
        b0 = Integer.rotateLeft(b0 + ((c & d) | (~c & a)) + x11, 19);
        a = Integer.rotateLeft(a + ((b0 & c) | (~b0 & d)) + x12, 3);
        d = Integer.rotateLeft(d + ((a & b0) | (~a & c)) + x13, 7);
        c = Integer.rotateLeft(c + ((d & a) | (~d & b0)) + x14, 11);
        b0 = Integer.rotateLeft(b0 + ((c & d) | (~c & a)) + x15, 19);
        a = Integer.rotateLeft(a + ((b0 & c) | (b0 & d) | (c & d)) + x0 + 0x5a827999, 3);
        d = Integer.rotateLeft(d + ((a & b0) | (a & c) | (b0 & c)) + x4 + 0x5a827999, 5);
        c = Integer.rotateLeft(c + ((d & a) | (d & b0) | (a & b0)) + x8 + 0x5a827999, 9);
        b0 = Integer.rotateLeft(b0 + ((c & d) | (c & a) | (d & a)) + x12 + 0x5a827999, 13);
        a = Integer.rotateLeft(a + ((b0 & c) | (b0 & d) | (c & d)) + x1 + 0x5a827999, 3);
        d = Integer.rotateLeft(d + ((a & b0) | (a & c) | (b0 & c)) + x5 + 0x5a827999, 5);
        c = Integer.rotateLeft(c + ((d & a) | (d & b0) | (a & b0)) + x9 + 0x5a827999, 9);
        b0 = Integer.rotateLeft(b0 + ((c & d) | (c & a) | (d & a)) + x13 + 0x5a827999, 13);
        a = Integer.rotateLeft(a + ((b0 & c) | (b0 & d) | (c & d)) + x2 + 0x5a827999, 3);
        d = Integer.rotateLeft(d + ((a & b0) | (a & c) | (b0 & c)) + x6 + 0x5a827999, 5);
        c = Integer.rotateLeft(c + ((d & a) | (d & b0) | (a & b0)) + x10 + 0x5a827999, 9);
        b0 = Integer.rotateLeft(b0 + ((c & d) | (c & a) | (d & a)) + x14 + 0x5a827999, 13);
        a = Integer.rotateLeft(a + ((b0 & c) | (b0 & d) | (c & d)) + x3 + 0x5a827999, 3);
        d = Integer.rotateLeft(d + ((a & b0) | (a & c) | (b0 & c)) + x7 + 0x5a827999, 5);
        c = Integer.rotateLeft(c + ((d & a) | (d & b0) | (a & b0)) + x11 + 0x5a827999, 9);
        b0 = Integer.rotateLeft(b0 + ((c & d) | (c & a) | (d & a)) + x15 + 0x5a827999, 13);
        a = Integer.rotateLeft(a + (b0 ^ c ^ d) + x0 + 0x6ed9eba1, 3);
        d = Integer.rotateLeft(d + (a ^ b0 ^ c) + x8 + 0x6ed9eba1, 9);
        c = Integer.rotateLeft(c + (d ^ a ^ b0) + x4 + 0x6ed9eba1, 11);
        b0 = Integer.rotateLeft(b0 + (c ^ d ^ a) + x12 + 0x6ed9eba1, 15);
        a = Integer.rotateLeft(a + (b0 ^ c ^ d) + x2 + 0x6ed9eba1, 3);
        d = Integer.rotateLeft(d + (a ^ b0 ^ c) + x10 + 0x6ed9eba1, 9);
        c = Integer.rotateLeft(c + (d ^ a ^ b0) + x6 + 0x6ed9eba1, 11);
        b0 = Integer.rotateLeft(b0 + (c ^ d ^ a) + x14 + 0x6ed9eba1, 15);
        a = Integer.rotateLeft(a + (b0 ^ c ^ d) + x1 + 0x6ed9eba1, 3);
        d = Integer.rotateLeft(d + (a ^ b0 ^ c) + x9 + 0x6ed9eba1, 9);
        c = Integer.rotateLeft(c + (d ^ a ^ b0) + x5 + 0x6ed9eba1, 11);
        b0 = Integer.rotateLeft(b0 + (c ^ d ^ a) + x13 + 0x6ed9eba1, 15);
        a = Integer.rotateLeft(a + (b0 ^ c ^ d) + x3 + 0x6ed9eba1, 3);
        d = Integer.rotateLeft(d + (a ^ b0 ^ c) + x11 + 0x6ed9eba1, 9);
        c = Integer.rotateLeft(c + (d ^ a ^ b0) + x7 + 0x6ed9eba1, 11);
        b0 = Integer.rotateLeft(b0 + (c ^ d ^ a) + x15 + 0x6ed9eba1, 15);
        h[0] += a;
        h[1] += b0;
        h[2] += c;
        h[3] += d;
    }

    private static int word(byte[] b, int p) {
        return (int) INT_LE.get(b, p);
    }

}
