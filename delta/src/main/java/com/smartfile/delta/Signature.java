package com.smartfile.delta;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A parsed librsync signature: the block length, the strong-sum length and, per block of the basis, its weak
 * checksum and truncated strong sum, indexed by weak checksum for {@link Librsync#delta}. Immutable once read;
 * memory is about {@code 14 + strongLength} bytes a block.
 */
public final class Signature {

    /** Longest block accepted from a signature: bounds the delta generator's buffer (rdiff's default is far less). */
    public static final int MAX_BLOCK_LENGTH = 16 << 20;

    /** Signature entries read at a time. */
    private static final int READ_ENTRIES = 4096;

    private final SignatureFormat format;
    private final int blockLength;
    private final int strongLength;
    private final int count;
    private final int[] weak;
    private final byte[] strong;
    private final int[] heads;
    private final int[] next;
    /**
     * One bit per weak-sum hash, 8 or more bits a block: most windows of a new file match no block, and this
     * answers them from a table an eighth the size of {@link #heads} (which, at 2048-byte blocks of a large file,
     * no longer fits a CPU cache).
     */
    private final long[] filter;
    private final int filterShift;

    private Signature(SignatureFormat format, int blockLength, int strongLength, int count, int[] weak,
            byte[] strong) {
        this.format = format;
        this.blockLength = blockLength;
        this.strongLength = strongLength;
        this.count = count;
        this.weak = weak;
        this.strong = strong;
        int size = Integer.highestOneBit(Math.max(16, count) * 2 - 1) << 1;
        this.heads = new int[size];
        Arrays.fill(heads, -1);
        this.next = new int[count];
        long filterBits = Math.min(1L << 31, Math.max(64, Long.highestOneBit(Math.max(1L, count) * 8 - 1) << 1));
        this.filter = new long[(int) (filterBits >>> 6)];
        this.filterShift = 32 - Long.numberOfTrailingZeros(filterBits);
        for (int i = count - 1; i >= 0; i--) { // inserted backwards, so that each chain runs in block order
            int b = bucket(weak[i]);
            next[i] = heads[b];
            heads[b] = i;
            int f = filterIndex(weak[i]);
            filter[f >>> 6] |= 1L << f;
        }
    }

    /**
     * Reads a whole signature from a stream (to its end).
     *
     * @param in the signature, as {@code rdiff signature} or {@link Librsync#signature} writes it
     * @return the parsed signature
     * @throws DeltaFormatException when the data is not a librsync signature (magic, block length, strong-sum
     *     length, or a truncated last block entry)
     * @throws IOException when reading fails
     */
    public static Signature read(InputStream in) throws IOException {
        byte[] header = new byte[12];
        int got = in.readNBytes(header, 0, 12);
        if (got < 12) {
            throw new DeltaFormatException("not a librsync signature: " + got + " bytes, the header alone is 12");
        }
        SignatureFormat format = SignatureFormat.ofMagic(Librsync.getInt(header, 0));
        int blockLength = Librsync.getInt(header, 4);
        int strongLength = Librsync.getInt(header, 8);
        if (blockLength < 1 || blockLength > MAX_BLOCK_LENGTH) {
            throw new DeltaFormatException("signature block length " + Integer.toUnsignedString(blockLength)
                    + " is outside 1.." + MAX_BLOCK_LENGTH);
        }
        if (strongLength < 1 || strongLength > format.maxStrongLength()) {
            throw new DeltaFormatException("signature strong-sum length " + Integer.toUnsignedString(strongLength)
                    + " is outside 1.." + format.maxStrongLength() + " for " + format);
        }
        int entry = 4 + strongLength;
        int[] weak = new int[64];
        byte[] strong = new byte[64 * strongLength];
        byte[] chunk = new byte[READ_ENTRIES * entry];   // many entries a read: one call each, not per entry
        int count = 0;
        while (true) {
            int n = in.readNBytes(chunk, 0, chunk.length);
            if (n == 0) {
                break;
            }
            int whole = n / entry;
            for (int k = 0; k < whole; k++) {
                if (count == weak.length) {
                    if (count == Integer.MAX_VALUE / entry) {
                        throw new DeltaFormatException("signature has too many blocks");
                    }
                    weak = Arrays.copyOf(weak, count * 2);
                    strong = Arrays.copyOf(strong, count * 2 * strongLength);
                }
                weak[count] = Librsync.getInt(chunk, k * entry);
                System.arraycopy(chunk, k * entry + 4, strong, count * strongLength, strongLength);
                count++;
            }
            if (whole * entry < n) {
                throw new DeltaFormatException("signature truncated: block " + count + " has " + (n - whole * entry)
                        + " of its " + entry + " bytes");
            }
            if (n < chunk.length) {
                break;
            }
        }
        return new Signature(format, blockLength, strongLength, count, weak, strong);
    }

    /**
     * The kind of signature (its magic number).
     *
     * @return the format
     */
    public SignatureFormat format() {
        return format;
    }

    /**
     * Bytes per block of the basis.
     *
     * @return the block length
     */
    public int blockLength() {
        return blockLength;
    }

    /**
     * Bytes of strong sum kept per block.
     *
     * @return the strong-sum length
     */
    public int strongLength() {
        return strongLength;
    }

    /**
     * Number of blocks of the basis, {@code ceil(basisLength / blockLength)}.
     *
     * @return the block count
     */
    public int blockCount() {
        return count;
    }

    int bucket(int weakSum) {
        int h = weakSum * 0x9e3779b1;
        return (h ^ (h >>> 15)) & (heads.length - 1);
    }

    private int filterIndex(int weakSum) {
        return (weakSum * 0x85ebca6b) >>> filterShift;
    }

    /** The first block whose weak sum may be {@code weakSum} (in block order), or -1 when none has it. */
    int head(int weakSum) {
        int f = filterIndex(weakSum);
        if ((filter[f >>> 6] & (1L << f)) == 0) {
            return -1;
        }
        return heads[bucket(weakSum)];
    }

    int next(int block) {
        return next[block];
    }

    int weak(int block) {
        return weak[block];
    }

    boolean strongEquals(int block, byte[] digest) {
        return Arrays.equals(strong, block * strongLength, (block + 1) * strongLength, digest, 0, strongLength);
    }

    @Override
    public String toString() {
        return "Signature[" + format + ", blockLength=" + blockLength + ", strongLength=" + strongLength
                + ", blocks=" + count + "]";
    }

}
