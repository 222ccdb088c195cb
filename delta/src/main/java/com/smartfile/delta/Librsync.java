package com.smartfile.delta;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * librsync's three steps, in the formats {@code rdiff} reads and writes (all integers big-endian):
 * <ol>
 *   <li>{@link #signature}: summarise the basis (the old file) block by block;</li>
 *   <li>{@link #delta}: from that signature and the new file, the commands that rebuild the new file;</li>
 *   <li>{@link #patch}: apply those commands to the basis.</li>
 * </ol>
 * Each step streams: memory is a buffer of a few blocks, plus the signature's table in {@link #delta}.
 * Signatures are byte-for-byte those of {@code rdiff signature} with the same options; deltas are not
 * necessarily byte-identical to rdiff's but patch to the same file, with rdiff as with {@link #patch}.
 */
public final class Librsync {

    /** {@code RS_DELTA_MAGIC}, "rs\x026": the first four bytes of every delta. */
    public static final int DELTA_MAGIC = 0x72730236;

    /** librsync's block length when the basis size is unknown ({@code RS_DEFAULT_BLOCK_LEN}). */
    public static final int DEFAULT_BLOCK_LENGTH = 2048;

    /** Bytes of basis a signature reads at a time (whole blocks; at least one). */
    static final int SIGNATURE_READ = 1 << 20;

    private static final int OP_END = 0x00;
    private static final int OP_LITERAL_N1 = 0x41;
    private static final int OP_COPY_N1_N1 = 0x45;
    private static final int OP_LAST = 0x54;

    private Librsync() {
    }

    /**
     * The block length librsync 2.x recommends for a basis of this size ({@code rs_sig_args}, what
     * {@code rdiff signature} uses without {@code -b}): 256 up to 64 KiB, else the square root of the size
     * rounded down to a multiple of 128; {@link #DEFAULT_BLOCK_LENGTH} when the size is unknown (negative).
     *
     * @param basisLength size of the basis in bytes, or a negative number when unknown
     * @return the block length
     */
    public static int recommendedBlockLength(long basisLength) {
        if (basisLength < 0) {
            return DEFAULT_BLOCK_LENGTH;
        }
        if (basisLength <= 256 * 256) {
            return 256;
        }
        long root = (long) Math.sqrt((double) basisLength);
        while (root * root > basisLength) {
            root--;
        }
        while ((root + 1) * (root + 1) <= basisLength) {
            root++;
        }
        return (int) Math.min(Signature.MAX_BLOCK_LENGTH, root & ~127L);
    }

    /**
     * Writes the signature of a basis file with librsync's defaults: {@link SignatureFormat#BLAKE2_RABINKARP},
     * the recommended block length for its size and the full strong sum (what {@code rdiff signature FILE}
     * writes).
     *
     * @param basis the basis file
     * @param out where the signature goes (not closed)
     * @throws IOException when reading or writing fails
     */
    public static void signature(Path basis, OutputStream out) throws IOException {
        SignatureFormat f = SignatureFormat.BLAKE2_RABINKARP;
        try (InputStream in = java.nio.file.Files.newInputStream(basis)) {
            signature(in, out, f, recommendedBlockLength(java.nio.file.Files.size(basis)), f.maxStrongLength());
        }
    }

    /**
     * Writes the signature of a basis: a 12-byte header (magic, block length, strong-sum length), then per
     * block of {@code blockLength} bytes (the last one may be shorter) its weak checksum and its strong sum
     * truncated to {@code strongLength} bytes.
     *
     * @param basis the basis, read to its end (not closed)
     * @param out where the signature goes (not closed)
     * @param format weak checksum and strong hash
     * @param blockLength bytes per block, 1 to {@link Signature#MAX_BLOCK_LENGTH}
     * @param strongLength bytes of strong sum per block, 1 to {@link SignatureFormat#maxStrongLength()}
     * @throws IOException when reading or writing fails
     * @throws IllegalArgumentException when a length is out of range
     */
    public static void signature(InputStream basis, OutputStream out, SignatureFormat format, int blockLength,
            int strongLength) throws IOException {
        if (blockLength < 1 || blockLength > Signature.MAX_BLOCK_LENGTH) {
            throw new IllegalArgumentException("block length must be 1.." + Signature.MAX_BLOCK_LENGTH
                    + ", not " + blockLength);
        }
        if (strongLength < 1 || strongLength > format.maxStrongLength()) {
            throw new IllegalArgumentException("strong-sum length must be 1.." + format.maxStrongLength()
                    + " for " + format + ", not " + strongLength);
        }
        WeakSum weak = format.newWeakSum();
        StrongHash strong = format.newStrongHash();
        byte[] digest = new byte[strong.length()];
        // whole blocks read SIGNATURE_READ bytes at a time (one read call, not one per block: 2048-byte blocks
        // from an unbuffered file stream were a system call each); only the last fill, at the end, is short
        int perRead = Math.max(1, SIGNATURE_READ / blockLength);
        byte[] blocks = new byte[perRead * blockLength];
        int entryLength = 4 + strongLength;
        byte[] entries = new byte[Math.max(12, perRead * entryLength)];
        putInt(entries, 0, format.magic());
        putInt(entries, 4, blockLength);
        putInt(entries, 8, strongLength);
        out.write(entries, 0, 12);
        int n;
        byte[] digest2 = new byte[strong.length()];
        while ((n = basis.readNBytes(blocks, 0, blocks.length)) > 0) {
            int e = 0;
            int off = 0;
            for (; off + 2 * blockLength <= n; off += 2 * blockLength) {   // two whole blocks: hashed together
                strong.digest2(blocks, off, off + blockLength, blockLength, digest, digest2);
                e = entry(weak, blocks, off, blockLength, digest, entries, e, strongLength);
                e = entry(weak, blocks, off + blockLength, blockLength, digest2, entries, e, strongLength);
            }
            for (; off < n; off += blockLength) {
                int len = Math.min(blockLength, n - off);
                strong.digest(blocks, off, len, digest);
                e = entry(weak, blocks, off, len, digest, entries, e, strongLength);
            }
            out.write(entries, 0, e);
        }
        out.flush();
    }

    /** Appends a block's signature entry (weak sum, truncated strong sum) at {@code e}; returns the next offset. */
    private static int entry(WeakSum weak, byte[] blocks, int off, int len, byte[] digest, byte[] entries, int e,
            int strongLength) {
        weak.reset();
        weak.update(blocks, off, len);
        putInt(entries, e, weak.digest());
        System.arraycopy(digest, 0, entries, e + 4, strongLength);
        return e + 4 + strongLength;
    }

    /**
     * Writes the delta that turns the basis described by {@code signature} into {@code newFile}: the delta
     * magic, then literal and copy commands, then an end command. Blocks of the new file found in the basis at
     * any offset become copies (adjacent ones merged); the rest is sent literally.
     *
     * @param signature the basis's signature
     * @param newFile the new file, read to its end (not closed)
     * @param out where the delta goes (not closed)
     * @return what the delta holds
     * @throws IOException when reading or writing fails
     */
    public static DeltaStats delta(Signature signature, InputStream newFile, OutputStream out) throws IOException {
        return new DeltaGenerator(signature, out).run(newFile);
    }

    /**
     * Applies a delta to a basis file, writing the new file.
     *
     * @param basis the file the delta's signature was made from
     * @param delta the delta, read up to its end command (not closed)
     * @param out where the new file goes (not closed)
     * @return bytes written to {@code out}
     * @throws DeltaFormatException when the delta does not parse or copies from beyond the basis
     * @throws IOException when reading or writing fails
     */
    public static long patch(Path basis, InputStream delta, OutputStream out) throws IOException {
        try (FileChannel ch = FileChannel.open(basis, StandardOpenOption.READ)) {
            return patch(ch, delta, out);
        }
    }

    /**
     * Applies a delta to a basis read at random positions, writing the new file.
     *
     * @param basis the basis the delta's signature was made from (its position is changed)
     * @param delta the delta, read up to its end command (not closed)
     * @param out where the new file goes (not closed)
     * @return bytes written to {@code out}
     * @throws DeltaFormatException when the delta does not parse or copies from beyond the basis
     * @throws IOException when reading or writing fails
     */
    public static long patch(SeekableByteChannel basis, InputStream delta, OutputStream out) throws IOException {
        byte[] magic = new byte[4];
        int got = delta.readNBytes(magic, 0, 4);
        if (got < 4 || getInt(magic, 0) != DELTA_MAGIC) {
            throw new DeltaFormatException(got < 4 ? "not a librsync delta: " + got + " bytes"
                    : String.format("not a librsync delta: magic 0x%08x, expected 0x%08x", getInt(magic, 0),
                            DELTA_MAGIC));
        }
        long basisSize = basis.size();
        byte[] buf = new byte[64 * 1024];
        ByteBuffer bb = ByteBuffer.wrap(buf);
        long written = 0;
        while (true) {
            int op = delta.read();
            if (op < 0) {
                throw new DeltaFormatException("delta truncated: it ends without an end command after "
                        + written + " bytes of output");
            }
            if (op == OP_END) {
                break;
            }
            if (op > OP_LAST) {
                throw new DeltaFormatException(String.format("delta has unknown command byte 0x%02x", op));
            }
            if (op < OP_LITERAL_N1) {
                written += literal(delta, op, buf, out);
            } else if (op < OP_COPY_N1_N1) {
                written += literal(delta, readInt(delta, 1 << (op - OP_LITERAL_N1)), buf, out);
            } else {
                int k = op - OP_COPY_N1_N1;
                long where = readInt(delta, 1 << (k >> 2));
                long len = readInt(delta, 1 << (k & 3));
                if (where + len > basisSize || where + len < 0) {
                    throw new DeltaFormatException("delta copies bytes " + where + ".." + (where + len)
                            + " from a basis of " + basisSize + " bytes: it was made for another file");
                }
                long pos = where;
                long left = len;
                while (left > 0) {
                    bb.clear().limit((int) Math.min(buf.length, left));
                    basis.position(pos);
                    int n = basis.read(bb);
                    if (n <= 0) {
                        throw new DeltaFormatException("basis ended while copying at " + pos);
                    }
                    out.write(buf, 0, n);
                    pos += n;
                    left -= n;
                }
                written += len;
            }
        }
        out.flush();
        return written;
    }

    private static long literal(InputStream delta, long len, byte[] buf, OutputStream out) throws IOException {
        long left = len;
        while (left > 0) {
            int n = delta.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new DeltaFormatException("delta truncated inside a literal of " + len + " bytes");
            }
            out.write(buf, 0, n);
            left -= n;
        }
        return len;
    }

    private static long readInt(InputStream in, int width) throws IOException {
        long v = 0;
        for (int i = 0; i < width; i++) {
            int b = in.read();
            if (b < 0) {
                throw new DeltaFormatException("delta truncated inside a command's argument");
            }
            v = v << 8 | b;
        }
        if (v < 0) {
            throw new DeltaFormatException("delta has a command argument beyond 2^63");
        }
        return v;
    }

    /** Bytes needed for {@code v} in librsync's command arguments: 1, 2, 4 or 8. */
    static int intLength(long v) {
        if ((v & ~0xffL) == 0) {
            return 1;
        }
        if ((v & ~0xffffL) == 0) {
            return 2;
        }
        return (v & ~0xffffffffL) == 0 ? 4 : 8;
    }

    static int getInt(byte[] b, int off) {
        return (b[off] & 0xff) << 24 | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8 | (b[off + 3] & 0xff);
    }

    static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    /** The rsync search over the new file, emitting commands as it goes. */
    private static final class DeltaGenerator {
        private final Signature sig;
        private final int blockLength;
        private final WeakSum weak;
        private final StrongHash strong;
        private final byte[] digest;
        private final OutputStream out;
        private final byte[] cmd = new byte[17];
        private long literalBytes;
        private long copiedBytes;
        private long deltaBytes;
        private long copyOffset = -1;
        private long copyLength;
        /** File offset of {@code buf[0]}, and the end of the bytes in it (for the look-ahead below). */
        private long base;
        private int end;
        /**
         * MD4 is hashed two blocks at once ({@link StrongHash#digest2}) while a run of copies goes on: the window
         * after a matched block is almost always the next block, so its strong sum is computed beside this one's
         * and kept here for the next look-up at that file offset (the same bytes, so the same sum).
         */
        private final boolean lookAhead;
        private final byte[] ahead;
        private long aheadAt = -1;

        DeltaGenerator(Signature sig, OutputStream out) {
            this.sig = sig;
            this.blockLength = sig.blockLength();
            this.weak = sig.format().newWeakSum();
            this.strong = sig.format().newStrongHash();
            this.digest = new byte[strong.length()];
            this.out = out;
            this.lookAhead = strong instanceof Md4;
            this.ahead = new byte[strong.length()];
        }

        DeltaStats run(InputStream in) throws IOException {
            putInt(cmd, 0, DELTA_MAGIC);
            write(cmd, 0, 4);
            byte[] buf = new byte[Math.max(2 * blockLength + 1, 256 * 1024)];
            boolean matching = sig.blockCount() > 0;
            int start = 0; // window start
            int lit = 0; // start of bytes not yet emitted
            end = 0;
            boolean eof = false;
            boolean valid = false;
            while (true) {
                if (!eof && end - start <= blockLength) {
                    emitLiteral(buf, lit, start - lit);
                    System.arraycopy(buf, start, buf, 0, end - start);
                    end -= start;
                    base += start;
                    start = 0;
                    lit = 0;
                    while (end < buf.length) {
                        int n = in.read(buf, end, buf.length - end);
                        if (n < 0) {
                            eof = true;
                            break;
                        }
                        end += n;
                    }
                }
                int avail = end - start;
                if (avail == 0) {
                    break;
                }
                if (!matching) {
                    start = end;
                    continue;
                }
                int window = Math.min(blockLength, avail);
                if (!valid) {
                    weak.reset();
                    weak.update(buf, start, window);
                    valid = true;
                }
                int block = find(buf, start, window);
                if (block >= 0) {
                    emitLiteral(buf, lit, start - lit);
                    emitCopy((long) block * blockLength, window);
                    start += window;
                    lit = start;
                    valid = false;
                } else if (window == blockLength && start + blockLength < end) {
                    weak.rotate(buf[start] & 0xff, buf[start + blockLength] & 0xff);
                    start++;
                } else { // the end of the file: the window shrinks, as the basis's last block may be short
                    weak.rollout(buf[start] & 0xff);
                    start++;
                }
            }
            emitLiteral(buf, lit, start - lit);
            flushCopy();
            cmd[0] = OP_END;
            write(cmd, 0, 1);
            out.flush();
            return new DeltaStats(literalBytes, copiedBytes, deltaBytes);
        }

        /** The block whose weak and strong sums match the window, preferring the one that extends the last copy. */
        private int find(byte[] buf, int start, int window) {
            int sum = weak.digest();
            int i = sig.head(sum);
            if (i < 0) {
                return -1;
            }
            boolean hashed = false;
            if (copyOffset >= 0 && (copyOffset + copyLength) % blockLength == 0) {
                long preferred = (copyOffset + copyLength) / blockLength;
                if (preferred < sig.blockCount() && sig.weak((int) preferred) == sum) {
                    if (lookAhead && window == blockLength && start + 2 * blockLength <= end
                            && base + start != aheadAt) {
                        strong.digest2(buf, start, start + blockLength, blockLength, digest, ahead);
                        aheadAt = base + start + blockLength;
                    } else {
                        hash(buf, start, window);
                    }
                    hashed = true;
                    if (sig.strongEquals((int) preferred, digest)) {
                        return (int) preferred;
                    }
                }
            }
            for (; i >= 0; i = sig.next(i)) {
                if (sig.weak(i) != sum) {
                    continue;
                }
                if (!hashed) {
                    hash(buf, start, window);
                    hashed = true;
                }
                if (sig.strongEquals(i, digest)) {
                    return i;
                }
            }
            return -1;
        }

        /** The window's strong sum into {@link #digest}: the one computed ahead when it is of this very window. */
        private void hash(byte[] buf, int start, int window) {
            if (window == blockLength && base + start == aheadAt) {
                System.arraycopy(ahead, 0, digest, 0, digest.length);
                return;
            }
            strong.digest(buf, start, window, digest);
        }

        private void emitLiteral(byte[] buf, int off, int len) throws IOException {
            if (len == 0) {
                return;
            }
            flushCopy();
            if (len <= 64) {
                cmd[0] = (byte) len;
                write(cmd, 0, 1);
            } else {
                int w = intLength(len);
                cmd[0] = (byte) (OP_LITERAL_N1 + Integer.numberOfTrailingZeros(w));
                putN(1, len, w);
                write(cmd, 0, 1 + w);
            }
            write(buf, off, len);
            literalBytes += len;
        }

        private void emitCopy(long offset, int len) throws IOException {
            if (copyOffset >= 0 && copyOffset + copyLength == offset) {
                copyLength += len;
                return;
            }
            flushCopy();
            copyOffset = offset;
            copyLength = len;
        }

        private void flushCopy() throws IOException {
            if (copyOffset < 0) {
                return;
            }
            int w1 = intLength(copyOffset);
            int w2 = intLength(copyLength);
            cmd[0] = (byte) (OP_COPY_N1_N1 + 4 * Integer.numberOfTrailingZeros(w1)
                    + Integer.numberOfTrailingZeros(w2));
            putN(1, copyOffset, w1);
            putN(1 + w1, copyLength, w2);
            write(cmd, 0, 1 + w1 + w2);
            copiedBytes += copyLength;
            copyOffset = -1;
            copyLength = 0;
        }

        private void putN(int off, long v, int width) {
            for (int i = width - 1; i >= 0; i--) {
                cmd[off + i] = (byte) v;
                v >>>= 8;
            }
        }

        private void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            deltaBytes += len;
        }
    }
}
