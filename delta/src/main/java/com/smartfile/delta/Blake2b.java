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
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long[] IV = {
        0x6a09e667f3bcc908L, 0xbb67ae8584caa73bL, 0x3c6ef372fe94f82bL, 0xa54ff53a5f1d36f1L,
        0x510e527fade682d1L, 0x9b05688c2b3e6c1fL, 0x1f83d9abfb41bd6bL, 0x5be0cd19137e2179L,
    };

    // The message schedule (RFC 7693 2.7, SIGMA) is written out in rounds0..rounds2: round r reads the message
    // words in the order of SIGMA[r mod 10]; constant indices let the words stay in locals.


    private final int outLength;
    private final long[] h = new long[8];
    private final long[] m = new long[16];
    private final byte[] last = new byte[128];
    private final long[] v = new long[16];

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
        long[] v = this.v;
        System.arraycopy(h, 0, v, 0, 8);
        System.arraycopy(IV, 0, v, 8, 8);
        v[12] ^= counter; // the high 64 bits of the counter stay zero: a block is at most 2 GiB here
        if (isLast) {
            v[14] = ~v[14];
        }
        rounds0(v, m);
        rounds1(v, m);
        rounds2(v, m);
        for (int i = 0; i < 8; i++) {
            h[i] ^= v[i] ^ v[i + 8];
        }
    }

    /** Rounds 0 to 3 of G (RFC 7693 3.2), columns then diagonals, the message schedule written out. */
    private static void rounds0(long[] v, long[] m) {
        long m0 = m[0], m1 = m[1], m2 = m[2], m3 = m[3];
        long m4 = m[4], m5 = m[5], m6 = m[6], m7 = m[7];
        long m8 = m[8], m9 = m[9], m10 = m[10], m11 = m[11];
        long m12 = m[12], m13 = m[13], m14 = m[14], m15 = m[15];
        long v0 = v[0], v1 = v[1], v2 = v[2], v3 = v[3];
        long v4 = v[4], v5 = v[5], v6 = v[6], v7 = v[7];
        long v8 = v[8], v9 = v[9], v10 = v[10], v11 = v[11];
        long v12 = v[12], v13 = v[13], v14 = v[14], v15 = v[15];
        v0 += v4 + m0; v12 = Long.rotateRight(v12 ^ v0, 32);
        v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 += v4 + m1; v12 = Long.rotateRight(v12 ^ v0, 16);
        v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 += v5 + m2; v13 = Long.rotateRight(v13 ^ v1, 32);
        v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 += v5 + m3; v13 = Long.rotateRight(v13 ^ v1, 16);
        v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 += v6 + m4; v14 = Long.rotateRight(v14 ^ v2, 32);
        v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 += v6 + m5; v14 = Long.rotateRight(v14 ^ v2, 16);
        v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 += v7 + m6; v15 = Long.rotateRight(v15 ^ v3, 32);
        v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 += v7 + m7; v15 = Long.rotateRight(v15 ^ v3, 16);
        v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 += v5 + m8; v15 = Long.rotateRight(v15 ^ v0, 32);
        v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 += v5 + m9; v15 = Long.rotateRight(v15 ^ v0, 16);
        v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 += v6 + m10; v12 = Long.rotateRight(v12 ^ v1, 32);
        v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 += v6 + m11; v12 = Long.rotateRight(v12 ^ v1, 16);
        v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 += v7 + m12; v13 = Long.rotateRight(v13 ^ v2, 32);
        v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 += v7 + m13; v13 = Long.rotateRight(v13 ^ v2, 16);
        v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 += v4 + m14; v14 = Long.rotateRight(v14 ^ v3, 32);
        v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 += v4 + m15; v14 = Long.rotateRight(v14 ^ v3, 16);
        v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
        v0 += v4 + m14; v12 = Long.rotateRight(v12 ^ v0, 32);
        v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 += v4 + m10; v12 = Long.rotateRight(v12 ^ v0, 16);
        v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 += v5 + m4; v13 = Long.rotateRight(v13 ^ v1, 32);
        v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 += v5 + m8; v13 = Long.rotateRight(v13 ^ v1, 16);
        v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 += v6 + m9; v14 = Long.rotateRight(v14 ^ v2, 32);
        v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 += v6 + m15; v14 = Long.rotateRight(v14 ^ v2, 16);
        v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 += v7 + m13; v15 = Long.rotateRight(v15 ^ v3, 32);
        v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 += v7 + m6; v15 = Long.rotateRight(v15 ^ v3, 16);
        v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 += v5 + m1; v15 = Long.rotateRight(v15 ^ v0, 32);
        v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 += v5 + m12; v15 = Long.rotateRight(v15 ^ v0, 16);
        v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 += v6 + m0; v12 = Long.rotateRight(v12 ^ v1, 32);
        v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 += v6 + m2; v12 = Long.rotateRight(v12 ^ v1, 16);
        v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 += v7 + m11; v13 = Long.rotateRight(v13 ^ v2, 32);
        v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 += v7 + m7; v13 = Long.rotateRight(v13 ^ v2, 16);
        v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 += v4 + m5; v14 = Long.rotateRight(v14 ^ v3, 32);
        v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 += v4 + m3; v14 = Long.rotateRight(v14 ^ v3, 16);
        v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
        v0 += v4 + m11; v12 = Long.rotateRight(v12 ^ v0, 32);
        v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 += v4 + m8; v12 = Long.rotateRight(v12 ^ v0, 16);
        v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 += v5 + m12; v13 = Long.rotateRight(v13 ^ v1, 32);
        v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 += v5 + m0; v13 = Long.rotateRight(v13 ^ v1, 16);
        v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 += v6 + m5; v14 = Long.rotateRight(v14 ^ v2, 32);
        v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 += v6 + m2; v14 = Long.rotateRight(v14 ^ v2, 16);
        v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 += v7 + m15; v15 = Long.rotateRight(v15 ^ v3, 32);
        v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 += v7 + m13; v15 = Long.rotateRight(v15 ^ v3, 16);
        v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 += v5 + m10; v15 = Long.rotateRight(v15 ^ v0, 32);
        v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 += v5 + m14; v15 = Long.rotateRight(v15 ^ v0, 16);
        v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 += v6 + m3; v12 = Long.rotateRight(v12 ^ v1, 32);
        v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 += v6 + m6; v12 = Long.rotateRight(v12 ^ v1, 16);
        v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 += v7 + m7; v13 = Long.rotateRight(v13 ^ v2, 32);
        v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 += v7 + m1; v13 = Long.rotateRight(v13 ^ v2, 16);
        v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 += v4 + m9; v14 = Long.rotateRight(v14 ^ v3, 32);
        v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 += v4 + m4; v14 = Long.rotateRight(v14 ^ v3, 16);
        v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
        v0 += v4 + m7; v12 = Long.rotateRight(v12 ^ v0, 32);
        v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 += v4 + m9; v12 = Long.rotateRight(v12 ^ v0, 16);
        v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 += v5 + m3; v13 = Long.rotateRight(v13 ^ v1, 32);
        v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 += v5 + m1; v13 = Long.rotateRight(v13 ^ v1, 16);
        v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 += v6 + m13; v14 = Long.rotateRight(v14 ^ v2, 32);
        v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 += v6 + m12; v14 = Long.rotateRight(v14 ^ v2, 16);
        v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 += v7 + m11; v15 = Long.rotateRight(v15 ^ v3, 32);
        v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 += v7 + m14; v15 = Long.rotateRight(v15 ^ v3, 16);
        v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 += v5 + m2; v15 = Long.rotateRight(v15 ^ v0, 32);
        v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 += v5 + m6; v15 = Long.rotateRight(v15 ^ v0, 16);
        v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 += v6 + m5; v12 = Long.rotateRight(v12 ^ v1, 32);
        v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 += v6 + m10; v12 = Long.rotateRight(v12 ^ v1, 16);
        v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 += v7 + m4; v13 = Long.rotateRight(v13 ^ v2, 32);
        v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 += v7 + m0; v13 = Long.rotateRight(v13 ^ v2, 16);
        v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 += v4 + m15; v14 = Long.rotateRight(v14 ^ v3, 32);
        v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 += v4 + m8; v14 = Long.rotateRight(v14 ^ v3, 16);
        v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
        v[0] = v0;
        v[1] = v1;
        v[2] = v2;
        v[3] = v3;
        v[4] = v4;
        v[5] = v5;
        v[6] = v6;
        v[7] = v7;
        v[8] = v8;
        v[9] = v9;
        v[10] = v10;
        v[11] = v11;
        v[12] = v12;
        v[13] = v13;
        v[14] = v14;
        v[15] = v15;
    }

    /** Rounds 4 to 7 of G. Three methods, not one: one would pass HotSpot's 8000-byte limit and stay interpreted. */
    private static void rounds1(long[] v, long[] m) {
        long m0 = m[0], m1 = m[1], m2 = m[2], m3 = m[3];
        long m4 = m[4], m5 = m[5], m6 = m[6], m7 = m[7];
        long m8 = m[8], m9 = m[9], m10 = m[10], m11 = m[11];
        long m12 = m[12], m13 = m[13], m14 = m[14], m15 = m[15];
        long v0 = v[0], v1 = v[1], v2 = v[2], v3 = v[3];
        long v4 = v[4], v5 = v[5], v6 = v[6], v7 = v[7];
        long v8 = v[8], v9 = v[9], v10 = v[10], v11 = v[11];
        long v12 = v[12], v13 = v[13], v14 = v[14], v15 = v[15];
        v0 += v4 + m9; v12 = Long.rotateRight(v12 ^ v0, 32);
        v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 += v4 + m0; v12 = Long.rotateRight(v12 ^ v0, 16);
        v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 += v5 + m5; v13 = Long.rotateRight(v13 ^ v1, 32);
        v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 += v5 + m7; v13 = Long.rotateRight(v13 ^ v1, 16);
        v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 += v6 + m2; v14 = Long.rotateRight(v14 ^ v2, 32);
        v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 += v6 + m4; v14 = Long.rotateRight(v14 ^ v2, 16);
        v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 += v7 + m10; v15 = Long.rotateRight(v15 ^ v3, 32);
        v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 += v7 + m15; v15 = Long.rotateRight(v15 ^ v3, 16);
        v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 += v5 + m14; v15 = Long.rotateRight(v15 ^ v0, 32);
        v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 += v5 + m1; v15 = Long.rotateRight(v15 ^ v0, 16);
        v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 += v6 + m11; v12 = Long.rotateRight(v12 ^ v1, 32);
        v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 += v6 + m12; v12 = Long.rotateRight(v12 ^ v1, 16);
        v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 += v7 + m6; v13 = Long.rotateRight(v13 ^ v2, 32);
        v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 += v7 + m8; v13 = Long.rotateRight(v13 ^ v2, 16);
        v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 += v4 + m3; v14 = Long.rotateRight(v14 ^ v3, 32);
        v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 += v4 + m13; v14 = Long.rotateRight(v14 ^ v3, 16);
        v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
        v0 += v4 + m2; v12 = Long.rotateRight(v12 ^ v0, 32);
        v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 += v4 + m12; v12 = Long.rotateRight(v12 ^ v0, 16);
        v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 += v5 + m6; v13 = Long.rotateRight(v13 ^ v1, 32);
        v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 += v5 + m10; v13 = Long.rotateRight(v13 ^ v1, 16);
        v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 += v6 + m0; v14 = Long.rotateRight(v14 ^ v2, 32);
        v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 += v6 + m11; v14 = Long.rotateRight(v14 ^ v2, 16);
        v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 += v7 + m8; v15 = Long.rotateRight(v15 ^ v3, 32);
        v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 += v7 + m3; v15 = Long.rotateRight(v15 ^ v3, 16);
        v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 += v5 + m4; v15 = Long.rotateRight(v15 ^ v0, 32);
        v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 += v5 + m13; v15 = Long.rotateRight(v15 ^ v0, 16);
        v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 += v6 + m7; v12 = Long.rotateRight(v12 ^ v1, 32);
        v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 += v6 + m5; v12 = Long.rotateRight(v12 ^ v1, 16);
        v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 += v7 + m15; v13 = Long.rotateRight(v13 ^ v2, 32);
        v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 += v7 + m14; v13 = Long.rotateRight(v13 ^ v2, 16);
        v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 += v4 + m1; v14 = Long.rotateRight(v14 ^ v3, 32);
        v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 += v4 + m9; v14 = Long.rotateRight(v14 ^ v3, 16);
        v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
        v0 += v4 + m12; v12 = Long.rotateRight(v12 ^ v0, 32);
        v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 += v4 + m5; v12 = Long.rotateRight(v12 ^ v0, 16);
        v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 += v5 + m1; v13 = Long.rotateRight(v13 ^ v1, 32);
        v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 += v5 + m15; v13 = Long.rotateRight(v13 ^ v1, 16);
        v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 += v6 + m14; v14 = Long.rotateRight(v14 ^ v2, 32);
        v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 += v6 + m13; v14 = Long.rotateRight(v14 ^ v2, 16);
        v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 += v7 + m4; v15 = Long.rotateRight(v15 ^ v3, 32);
        v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 += v7 + m10; v15 = Long.rotateRight(v15 ^ v3, 16);
        v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 += v5 + m0; v15 = Long.rotateRight(v15 ^ v0, 32);
        v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 += v5 + m7; v15 = Long.rotateRight(v15 ^ v0, 16);
        v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 += v6 + m6; v12 = Long.rotateRight(v12 ^ v1, 32);
        v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 += v6 + m3; v12 = Long.rotateRight(v12 ^ v1, 16);
        v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 += v7 + m9; v13 = Long.rotateRight(v13 ^ v2, 32);
        v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 += v7 + m2; v13 = Long.rotateRight(v13 ^ v2, 16);
        v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 += v4 + m8; v14 = Long.rotateRight(v14 ^ v3, 32);
        v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 += v4 + m11; v14 = Long.rotateRight(v14 ^ v3, 16);
        v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
        v0 += v4 + m13; v12 = Long.rotateRight(v12 ^ v0, 32);
        v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 += v4 + m11; v12 = Long.rotateRight(v12 ^ v0, 16);
        v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 += v5 + m7; v13 = Long.rotateRight(v13 ^ v1, 32);
        v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 += v5 + m14; v13 = Long.rotateRight(v13 ^ v1, 16);
        v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 += v6 + m12; v14 = Long.rotateRight(v14 ^ v2, 32);
        v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 += v6 + m1; v14 = Long.rotateRight(v14 ^ v2, 16);
        v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 += v7 + m3; v15 = Long.rotateRight(v15 ^ v3, 32);
        v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 += v7 + m9; v15 = Long.rotateRight(v15 ^ v3, 16);
        v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 += v5 + m5; v15 = Long.rotateRight(v15 ^ v0, 32);
        v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 += v5 + m0; v15 = Long.rotateRight(v15 ^ v0, 16);
        v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 += v6 + m15; v12 = Long.rotateRight(v12 ^ v1, 32);
        v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 += v6 + m4; v12 = Long.rotateRight(v12 ^ v1, 16);
        v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 += v7 + m8; v13 = Long.rotateRight(v13 ^ v2, 32);
        v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 += v7 + m6; v13 = Long.rotateRight(v13 ^ v2, 16);
        v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 += v4 + m2; v14 = Long.rotateRight(v14 ^ v3, 32);
        v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 += v4 + m10; v14 = Long.rotateRight(v14 ^ v3, 16);
        v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
        v[0] = v0;
        v[1] = v1;
        v[2] = v2;
        v[3] = v3;
        v[4] = v4;
        v[5] = v5;
        v[6] = v6;
        v[7] = v7;
        v[8] = v8;
        v[9] = v9;
        v[10] = v10;
        v[11] = v11;
        v[12] = v12;
        v[13] = v13;
        v[14] = v14;
        v[15] = v15;
    }

    /** Rounds 8 to 11 of G (rounds 10 and 11 repeat the schedule of rounds 0 and 1). */
    private static void rounds2(long[] v, long[] m) {
        long m0 = m[0], m1 = m[1], m2 = m[2], m3 = m[3];
        long m4 = m[4], m5 = m[5], m6 = m[6], m7 = m[7];
        long m8 = m[8], m9 = m[9], m10 = m[10], m11 = m[11];
        long m12 = m[12], m13 = m[13], m14 = m[14], m15 = m[15];
        long v0 = v[0], v1 = v[1], v2 = v[2], v3 = v[3];
        long v4 = v[4], v5 = v[5], v6 = v[6], v7 = v[7];
        long v8 = v[8], v9 = v[9], v10 = v[10], v11 = v[11];
        long v12 = v[12], v13 = v[13], v14 = v[14], v15 = v[15];
        v0 += v4 + m6; v12 = Long.rotateRight(v12 ^ v0, 32);
        v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 += v4 + m15; v12 = Long.rotateRight(v12 ^ v0, 16);
        v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 += v5 + m14; v13 = Long.rotateRight(v13 ^ v1, 32);
        v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 += v5 + m9; v13 = Long.rotateRight(v13 ^ v1, 16);
        v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 += v6 + m11; v14 = Long.rotateRight(v14 ^ v2, 32);
        v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 += v6 + m3; v14 = Long.rotateRight(v14 ^ v2, 16);
        v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 += v7 + m0; v15 = Long.rotateRight(v15 ^ v3, 32);
        v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 += v7 + m8; v15 = Long.rotateRight(v15 ^ v3, 16);
        v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 += v5 + m12; v15 = Long.rotateRight(v15 ^ v0, 32);
        v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 += v5 + m2; v15 = Long.rotateRight(v15 ^ v0, 16);
        v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 += v6 + m13; v12 = Long.rotateRight(v12 ^ v1, 32);
        v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 += v6 + m7; v12 = Long.rotateRight(v12 ^ v1, 16);
        v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 += v7 + m1; v13 = Long.rotateRight(v13 ^ v2, 32);
        v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 += v7 + m4; v13 = Long.rotateRight(v13 ^ v2, 16);
        v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 += v4 + m10; v14 = Long.rotateRight(v14 ^ v3, 32);
        v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 += v4 + m5; v14 = Long.rotateRight(v14 ^ v3, 16);
        v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
        v0 += v4 + m10; v12 = Long.rotateRight(v12 ^ v0, 32);
        v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 += v4 + m2; v12 = Long.rotateRight(v12 ^ v0, 16);
        v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 += v5 + m8; v13 = Long.rotateRight(v13 ^ v1, 32);
        v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 += v5 + m4; v13 = Long.rotateRight(v13 ^ v1, 16);
        v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 += v6 + m7; v14 = Long.rotateRight(v14 ^ v2, 32);
        v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 += v6 + m6; v14 = Long.rotateRight(v14 ^ v2, 16);
        v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 += v7 + m1; v15 = Long.rotateRight(v15 ^ v3, 32);
        v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 += v7 + m5; v15 = Long.rotateRight(v15 ^ v3, 16);
        v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 += v5 + m15; v15 = Long.rotateRight(v15 ^ v0, 32);
        v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 += v5 + m11; v15 = Long.rotateRight(v15 ^ v0, 16);
        v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 += v6 + m9; v12 = Long.rotateRight(v12 ^ v1, 32);
        v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 += v6 + m14; v12 = Long.rotateRight(v12 ^ v1, 16);
        v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 += v7 + m3; v13 = Long.rotateRight(v13 ^ v2, 32);
        v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 += v7 + m12; v13 = Long.rotateRight(v13 ^ v2, 16);
        v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 += v4 + m13; v14 = Long.rotateRight(v14 ^ v3, 32);
        v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 += v4 + m0; v14 = Long.rotateRight(v14 ^ v3, 16);
        v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
        v0 += v4 + m0; v12 = Long.rotateRight(v12 ^ v0, 32);
        v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 += v4 + m1; v12 = Long.rotateRight(v12 ^ v0, 16);
        v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 += v5 + m2; v13 = Long.rotateRight(v13 ^ v1, 32);
        v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 += v5 + m3; v13 = Long.rotateRight(v13 ^ v1, 16);
        v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 += v6 + m4; v14 = Long.rotateRight(v14 ^ v2, 32);
        v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 += v6 + m5; v14 = Long.rotateRight(v14 ^ v2, 16);
        v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 += v7 + m6; v15 = Long.rotateRight(v15 ^ v3, 32);
        v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 += v7 + m7; v15 = Long.rotateRight(v15 ^ v3, 16);
        v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 += v5 + m8; v15 = Long.rotateRight(v15 ^ v0, 32);
        v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 += v5 + m9; v15 = Long.rotateRight(v15 ^ v0, 16);
        v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 += v6 + m10; v12 = Long.rotateRight(v12 ^ v1, 32);
        v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 += v6 + m11; v12 = Long.rotateRight(v12 ^ v1, 16);
        v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 += v7 + m12; v13 = Long.rotateRight(v13 ^ v2, 32);
        v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 += v7 + m13; v13 = Long.rotateRight(v13 ^ v2, 16);
        v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 += v4 + m14; v14 = Long.rotateRight(v14 ^ v3, 32);
        v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 += v4 + m15; v14 = Long.rotateRight(v14 ^ v3, 16);
        v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
        v0 += v4 + m14; v12 = Long.rotateRight(v12 ^ v0, 32);
        v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 += v4 + m10; v12 = Long.rotateRight(v12 ^ v0, 16);
        v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 += v5 + m4; v13 = Long.rotateRight(v13 ^ v1, 32);
        v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 += v5 + m8; v13 = Long.rotateRight(v13 ^ v1, 16);
        v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 += v6 + m9; v14 = Long.rotateRight(v14 ^ v2, 32);
        v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 += v6 + m15; v14 = Long.rotateRight(v14 ^ v2, 16);
        v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 += v7 + m13; v15 = Long.rotateRight(v15 ^ v3, 32);
        v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 += v7 + m6; v15 = Long.rotateRight(v15 ^ v3, 16);
        v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
        v0 += v5 + m1; v15 = Long.rotateRight(v15 ^ v0, 32);
        v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 += v5 + m12; v15 = Long.rotateRight(v15 ^ v0, 16);
        v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 += v6 + m0; v12 = Long.rotateRight(v12 ^ v1, 32);
        v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 += v6 + m2; v12 = Long.rotateRight(v12 ^ v1, 16);
        v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 += v7 + m11; v13 = Long.rotateRight(v13 ^ v2, 32);
        v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 += v7 + m7; v13 = Long.rotateRight(v13 ^ v2, 16);
        v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 += v4 + m5; v14 = Long.rotateRight(v14 ^ v3, 32);
        v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 += v4 + m3; v14 = Long.rotateRight(v14 ^ v3, 16);
        v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
        v[0] = v0;
        v[1] = v1;
        v[2] = v2;
        v[3] = v3;
        v[4] = v4;
        v[5] = v5;
        v[6] = v6;
        v[7] = v7;
        v[8] = v8;
        v[9] = v9;
        v[10] = v10;
        v[11] = v11;
        v[12] = v12;
        v[13] = v13;
        v[14] = v14;
        v[15] = v15;
    }
}
