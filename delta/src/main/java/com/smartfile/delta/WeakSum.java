package com.smartfile.delta;

/**
 * librsync's rolling (weak) checksums over a window of bytes, kept as 32-bit arithmetic exactly as librsync does:
 * the original rollsum (an Adler-like pair of 16-bit sums with a character offset of 31) and, for the newer
 * magics, a Rabin-Karp polynomial hash. Not thread-safe.
 */
abstract class WeakSum {

    /** Bytes in the window. */
    int count;

    /** Empties the window. */
    abstract void reset();

    /** Appends {@code len} bytes to the window. */
    abstract void update(byte[] b, int off, int len);

    /** Slides the window by one byte: {@code out} leaves at the front, {@code in} enters at the back. */
    abstract void rotate(int out, int in);

    /** Removes the first byte {@code out} from the window (the window shrinks at the end of the data). */
    abstract void rollout(int out);

    /** The checksum of the window. */
    abstract int digest();

    /** librsync's rollsum ({@code rollsum.h}): s1 = sum of (b + 31), s2 = sum of the running s1, both mod 2^16. */
    static final class RollSum extends WeakSum {
        private static final int OFFSET = 31;
        private int s1;
        private int s2;

        @Override
        void reset() {
            count = 0;
            s1 = 0;
            s2 = 0;
        }

        @Override
        void update(byte[] b, int off, int len) {
            int a = s1, c = s2;
            int i = off;
            int end = off + len;
            // four bytes a step (s2 gains 4·s1 + 4·c0 + 3·c1 + 2·c2 + c3), then one at a time
            for (; i + 4 <= end; i += 4) {
                int c0 = (b[i] & 0xff) + OFFSET;
                int c1 = (b[i + 1] & 0xff) + OFFSET;
                int c2 = (b[i + 2] & 0xff) + OFFSET;
                int c3 = (b[i + 3] & 0xff) + OFFSET;
                c += 4 * a + 4 * c0 + 3 * c1 + 2 * c2 + c3;
                a += c0 + c1 + c2 + c3;
            }
            for (; i < end; i++) {
                a += (b[i] & 0xff) + OFFSET;
                c += a;
            }
            s1 = a;
            s2 = c;
            count += len;
        }

        @Override
        void rotate(int out, int in) {
            s1 += in - out;
            s2 += s1 - count * (out + OFFSET);
        }

        @Override
        void rollout(int out) {
            s1 -= out + OFFSET;
            s2 -= count * (out + OFFSET);
            count--;
        }

        @Override
        int digest() {
            return (s2 << 16) | (s1 & 0xffff);
        }
    }

    /**
     * librsync's Rabin-Karp rolling hash ({@code rabinkarp.h}): hash = 1·M^n + Σ b_i·M^(n-1-i) mod 2^32 with
     * M = 0x08104225; removing a byte uses M^n (kept as {@code mult}) and the adjustment M - 1 for the seed.
     */
    static final class RabinKarp extends WeakSum {
        private static final int MULT = 0x08104225;
        private static final int INVERSE = 0x98f009ad; // MULT * INVERSE == 1 mod 2^32
        private static final int ADJUST = MULT - 1;
        private static final int MULT2 = MULT * MULT;
        private static final int MULT3 = MULT2 * MULT;
        private static final int MULT4 = MULT3 * MULT;
        private int hash;
        private int mult;

        @Override
        void reset() {
            count = 0;
            hash = 1;
            mult = 1;
        }

        @Override
        void update(byte[] b, int off, int len) {
            int h = hash, m = mult;
            int i = off;
            int end = off + len;
            // four bytes a step (h·M^4 + b0·M^3 + b1·M^2 + b2·M + b3), so the multiplications overlap
            for (; i + 4 <= end; i += 4) {
                h = h * MULT4 + (b[i] & 0xff) * MULT3 + (b[i + 1] & 0xff) * MULT2 + (b[i + 2] & 0xff) * MULT
                        + (b[i + 3] & 0xff);
                m *= MULT4;
            }
            for (; i < end; i++) {
                h = h * MULT + (b[i] & 0xff);
                m *= MULT;
            }
            hash = h;
            mult = m;
            count += len;
        }

        @Override
        void rotate(int out, int in) {
            hash = hash * MULT + in - mult * (out + ADJUST);
        }

        @Override
        void rollout(int out) {
            count--;
            mult *= INVERSE;
            hash -= mult * (out + ADJUST);
        }

        @Override
        int digest() {
            return hash;
        }
    }
}
