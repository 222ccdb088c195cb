package com.smartfile.delta;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * BLAKE2b (RFC 7693), unkeyed, written from the RFC. librsync's BLAKE2 signatures use a 32-byte digest (the
 * digest length is part of BLAKE2b's parameter block, so this is not a truncated BLAKE2b-512). Not thread-safe.
 */
final class Blake2b implements StrongHash {

    /** Little-endian 64-bit loads from a byte array: one load a message word instead of eight and seven shifts. */
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long[] IV = {
        0x6a09e667f3bcc908L, 0xbb67ae8584caa73bL, 0x3c6ef372fe94f82bL, 0xa54ff53a5f1d36f1L,
        0x510e527fade682d1L, 0x9b05688c2b3e6c1fL, 0x1f83d9abfb41bd6bL, 0x5be0cd19137e2179L,
    };

    private static final byte[][] SIGMA = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
        {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
        {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
        {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
        {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
        {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
        {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
        {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
        {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
        {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
    };

    private final int outLength;
    private final long[] h = new long[8];
    private final long[] m = new long[16];
    private final byte[] last = new byte[128];

    Blake2b(int outLength) {
        if (outLength < 1 || outLength > 64) {
            throw new IllegalArgumentException("BLAKE2b digest length must be 1..64, not " + outLength);
        }
        this.outLength = outLength;
    }

    @Override
    public int length() {
        return outLength;
    }

    @Override
    public void digest(byte[] data, int off, int len, byte[] out) {
        System.arraycopy(IV, 0, h, 0, 8);
        h[0] ^= 0x01010000L ^ outLength;
        long counter = 0;
        int pos = 0;
        // Every block but the last is compressed as it is; the last one (possibly full, possibly empty) is final.
        while (len - pos > 128) {
            counter += 128;
            compress(data, off + pos, counter, false);
            pos += 128;
        }
        int rest = len - pos;
        System.arraycopy(data, off + pos, last, 0, rest);
        java.util.Arrays.fill(last, rest, 128, (byte) 0);
        counter += rest;
        compress(last, 0, counter, true);
        for (int i = 0; i < outLength; i++) {
            out[i] = (byte) (h[i >>> 3] >>> (8 * (i & 7)));
        }
    }

    private void compress(byte[] b, int p, long counter, boolean isLast) {
        long[] m = this.m;
        for (int i = 0; i < 16; i++, p += 8) {
            m[i] = (long) LONG_LE.get(b, p);
        }
        long v0 = h[0], v1 = h[1], v2 = h[2], v3 = h[3], v4 = h[4], v5 = h[5], v6 = h[6], v7 = h[7];
        long v8 = IV[0], v9 = IV[1], v10 = IV[2], v11 = IV[3];
        long v12 = IV[4] ^ counter; // the high 64 bits of the counter stay zero: a block is at most 2 GiB here
        long v13 = IV[5];
        long v14 = isLast ? ~IV[6] : IV[6];
        long v15 = IV[7];
        // 12 rounds of G over the columns then the diagonals, message words permuted by SIGMA (RFC 7693 3.1,
        // 3.2); the state stays in locals.
        for (int r = 0; r < 12; r++) {
            byte[] s = SIGMA[r % 10];
            v0 += v4 + m[s[0]]; v12 = Long.rotateRight(v12 ^ v0, 32);
            v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
            v0 += v4 + m[s[1]]; v12 = Long.rotateRight(v12 ^ v0, 16);
            v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
            v1 += v5 + m[s[2]]; v13 = Long.rotateRight(v13 ^ v1, 32);
            v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
            v1 += v5 + m[s[3]]; v13 = Long.rotateRight(v13 ^ v1, 16);
            v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
            v2 += v6 + m[s[4]]; v14 = Long.rotateRight(v14 ^ v2, 32);
            v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
            v2 += v6 + m[s[5]]; v14 = Long.rotateRight(v14 ^ v2, 16);
            v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
            v3 += v7 + m[s[6]]; v15 = Long.rotateRight(v15 ^ v3, 32);
            v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
            v3 += v7 + m[s[7]]; v15 = Long.rotateRight(v15 ^ v3, 16);
            v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
            v0 += v5 + m[s[8]]; v15 = Long.rotateRight(v15 ^ v0, 32);
            v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
            v0 += v5 + m[s[9]]; v15 = Long.rotateRight(v15 ^ v0, 16);
            v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
            v1 += v6 + m[s[10]]; v12 = Long.rotateRight(v12 ^ v1, 32);
            v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
            v1 += v6 + m[s[11]]; v12 = Long.rotateRight(v12 ^ v1, 16);
            v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
            v2 += v7 + m[s[12]]; v13 = Long.rotateRight(v13 ^ v2, 32);
            v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
            v2 += v7 + m[s[13]]; v13 = Long.rotateRight(v13 ^ v2, 16);
            v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
            v3 += v4 + m[s[14]]; v14 = Long.rotateRight(v14 ^ v3, 32);
            v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
            v3 += v4 + m[s[15]]; v14 = Long.rotateRight(v14 ^ v3, 16);
            v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
        }
        h[0] ^= v0 ^ v8;
        h[1] ^= v1 ^ v9;
        h[2] ^= v2 ^ v10;
        h[3] ^= v3 ^ v11;
        h[4] ^= v4 ^ v12;
        h[5] ^= v5 ^ v13;
        h[6] ^= v6 ^ v14;
        h[7] ^= v7 ^ v15;
    }
}
