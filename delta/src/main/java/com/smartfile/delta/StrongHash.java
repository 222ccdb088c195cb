package com.smartfile.delta;

/** A one-shot strong hash over a block: MD4 or BLAKE2b-256, as librsync's signature magics imply. */
interface StrongHash {

    /** The digest length in bytes (the longest strong sum a signature of this kind may carry). */
    int length();

    /** Hashes {@code len} bytes of {@code data} from {@code off} and writes {@link #length()} bytes to {@code out}. */
    void digest(byte[] data, int off, int len, byte[] out);
}
