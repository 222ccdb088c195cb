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
            // one byte a step: HotSpot unrolls this plain loop itself, and it measured faster (2.6 GB/s of CPU on
            // 32 KiB blocks) than four (1.6) or eight (2.2) bytes a step written out
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
        private static final int MULT5 = MULT4 * MULT;
        private static final int MULT6 = MULT5 * MULT;
        private static final int MULT7 = MULT6 * MULT;
        private static final int MULT8 = MULT7 * MULT;
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
            // eight bytes a step (h·M^8 + b0·M^7 + … + b6·M + b7): the bytes' terms do not wait for h, so only one
            // multiplication and one addition a step are on the chain from one step to the next
            for (; i + 8 <= end; i += 8) {
                int t = (b[i] & 0xff) * MULT7 + (b[i + 1] & 0xff) * MULT6 + (b[i + 2] & 0xff) * MULT5
                        + (b[i + 3] & 0xff) * MULT4 + (b[i + 4] & 0xff) * MULT3 + (b[i + 5] & 0xff) * MULT2
                        + (b[i + 6] & 0xff) * MULT + (b[i + 7] & 0xff);
                h = h * MULT8 + t;
                m *= MULT8;
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
