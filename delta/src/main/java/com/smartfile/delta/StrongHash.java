package com.smartfile.delta;

/** A one-shot strong hash over a block: MD4 or BLAKE2b-256, as librsync's signature magics imply. */
interface StrongHash {

    /** The digest length in bytes (the longest strong sum a signature of this kind may carry). */
    int length();

    /** Hashes {@code len} bytes of {@code data} from {@code off} and writes {@link #length()} bytes to {@code out}. */
    void digest(byte[] data, int off, int len, byte[] out);

    /** Two blocks of the same length, from {@code off} and {@code off2}: what two {@link #digest} calls write. */
    default void digest2(byte[] data, int off, int off2, int len, byte[] out, byte[] out2) {
        digest(data, off, len, out);
        digest(data, off2, len, out2);
    }
}
