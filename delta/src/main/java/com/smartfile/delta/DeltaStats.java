package com.smartfile.delta;

/** What a delta holds: bytes of the new file sent literally, bytes copied from the basis, and its own length. */
public final class DeltaStats {
    private final long literalBytes;
    private final long copiedBytes;
    private final long deltaBytes;

    DeltaStats(long literalBytes, long copiedBytes, long deltaBytes) {
        this.literalBytes = literalBytes;
        this.copiedBytes = copiedBytes;
        this.deltaBytes = deltaBytes;
    }

    /**
     * Bytes of the new file carried in the delta.
     *
     * @return literal bytes
     */
    public long literalBytes() {
        return literalBytes;
    }

    /**
     * Bytes of the new file the delta takes from the basis.
     *
     * @return copied bytes
     */
    public long copiedBytes() {
        return copiedBytes;
    }

    /**
     * Length of the delta itself: magic, commands and literals.
     *
     * @return delta length in bytes
     */
    public long deltaBytes() {
        return deltaBytes;
    }

    @Override
    public String toString() {
        return "DeltaStats[literal=" + literalBytes + ", copied=" + copiedBytes + ", delta=" + deltaBytes + "]";
    }
}
