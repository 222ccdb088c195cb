package com.smartfile.delta;

/**
 * The kinds of librsync signature, each named by its magic number: which weak (rolling) checksum and which strong
 * hash the blocks carry. {@link #BLAKE2_RABINKARP} is what librsync 2.2+ writes by default ({@code rdiff signature}
 * without options); {@link #MD4_ROLLSUM} is the format of librsync before 1.0, which older servers used.
 */
public enum SignatureFormat {
    /** {@code RS_MD4_SIG_MAGIC} 0x72730136 ("rs\x016"): rollsum and MD4 (deprecated by librsync: MD4 is broken). */
    MD4_ROLLSUM(0x72730136, false, false),
    /** {@code RS_BLAKE2_SIG_MAGIC} 0x72730137 ("rs\x017"): rollsum and BLAKE2b-256, librsync 1.0 to 2.1's default. */
    BLAKE2_ROLLSUM(0x72730137, true, false),
    /** {@code RS_RK_MD4_SIG_MAGIC} 0x72730146: Rabin-Karp and MD4. */
    MD4_RABINKARP(0x72730146, false, true),
    /** {@code RS_RK_BLAKE2_SIG_MAGIC} 0x72730147: Rabin-Karp and BLAKE2b-256, librsync 2.2+'s default. */
    BLAKE2_RABINKARP(0x72730147, true, true);

    private final int magic;
    private final boolean blake2;
    private final boolean rabinKarp;

    SignatureFormat(int magic, boolean blake2, boolean rabinKarp) {
        this.magic = magic;
        this.blake2 = blake2;
        this.rabinKarp = rabinKarp;
    }

    /**
     * The magic number a signature of this kind starts with (big-endian).
     *
     * @return the magic number
     */
    public int magic() {
        return magic;
    }

    /**
     * The longest strong sum this kind carries, in bytes: 32 for BLAKE2b-256, 16 for MD4.
     *
     * @return the full strong-sum length
     */
    public int maxStrongLength() {
        return blake2 ? 32 : 16;
    }

    /**
     * The kind a magic number names.
     *
     * @param magic the first four bytes of a signature, big-endian
     * @return the kind
     * @throws DeltaFormatException when the number names no librsync signature kind
     */
    public static SignatureFormat ofMagic(int magic) throws DeltaFormatException {
        for (SignatureFormat f : values()) {
            if (f.magic == magic) {
                return f;
            }
        }
        throw new DeltaFormatException(String.format(
                "not a librsync signature: magic 0x%08x is none of 0x72730136, 0x72730137, 0x72730146, 0x72730147",
                magic));
    }

    StrongHash newStrongHash() {
        return blake2 ? new Blake2b(32) : new Md4();
    }

    WeakSum newWeakSum() {
        return rabinKarp ? new WeakSum.RabinKarp() : new WeakSum.RollSum();
    }
}
