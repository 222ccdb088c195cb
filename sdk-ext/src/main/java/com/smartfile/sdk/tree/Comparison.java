package com.smartfile.sdk.tree;

/**
 * How a sync decides that a file present on both sides is already in step. A file whose sizes
 * differ is always transferred; the modes differ in what they do with files of equal size.
 */
public enum Comparison {
    /**
     * The default: equal sizes are compared by content, the local file's SHA-256 against the
     * server's (computed by checksum tasks, many files per task). Never skips a changed file; costs
     * reading every local file of equal size once and one task per batch of files on the server.
     * When the server cannot give a checksum, the file is transferred.
     */
    CHECKSUM,
    /**
     * Equal sizes mean equal files. Fast (the listings are enough); a file changed without
     * changing its size (a fixed-width record edited in place) is silently skipped.
     */
    SIZE_ONLY,
    /**
     * Equal sizes are transferred when the source is newer: the local file's modification time
     * against SmartFile's {@code time}, which is the server's upload time as a naive local
     * timestamp in whole seconds (read in {@link SyncOptions.Builder#serverTimeZone}), compared
     * at that resolution. Fast; skips a changed file
     * whose local modification time is older than its last upload (a restored backup, a clock
     * skewed between machines, a wrong server time zone).
     */
    NEWER_BY_UPLOAD_TIME
}
