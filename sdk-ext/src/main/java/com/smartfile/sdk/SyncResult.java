package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;

/**
 * What a delta transfer ({@link PathsService#syncUpload}, {@link PathsService#syncDownload}) did: whether it moved
 * a librsync delta or fell back to a plain transfer (and why), and the bytes that crossed the connection against
 * the file's size.
 */
public final class SyncResult {

    /** Why a delta transfer moved the whole file instead, in kinds a program can act on. */
    public enum Fallback {
        /** No fallback: the file moved as a delta. */
        NONE,
        /**
         * A {@code path/sync} route answered 404, 405, 501 or 400: the server has no delta routes or does not take
         * this transfer (for an upload, a 404 may also mean there is no remote file yet).
         */
        SERVER_DECLINED,
        /** A download found no local copy to patch. */
        NO_LOCAL_COPY,
        /** The delta would not have been smaller than the file. */
        DELTA_NOT_SMALLER,
        /** The server's patched copy did not match the local file (its size), so the whole file replaced it. */
        PATCH_NOT_VERIFIED
    }

    private final boolean delta;
    private final Fallback fallback;
    private final @Nullable String fallbackReason;
    private final long fileBytes;
    private final long bytesSent;
    private final long bytesReceived;

    SyncResult(boolean delta, Fallback fallback, @Nullable String fallbackReason, long fileBytes, long bytesSent,
            long bytesReceived) {
        this.delta = delta;
        this.fallback = fallback;
        this.fallbackReason = fallbackReason;
        this.fileBytes = fileBytes;
        this.bytesSent = bytesSent;
        this.bytesReceived = bytesReceived;
    }

    /**
     * Whether the file moved as a librsync delta.
     *
     * @return true for a delta transfer, false when it fell back to a plain upload or download
     */
    public boolean isDeltaUsed() {
        return delta;
    }

    /**
     * Why a plain transfer was made instead of a delta, e.g. the remote file does not exist, the server does not
     * offer the {@code path/sync} routes (404/405), or the delta would not have been smaller.
     *
     * @return the reason, or null when a delta was used
     */
    public @Nullable String getFallbackReason() {
        return fallbackReason;
    }

    /**
     * Which kind of fallback was made, if any.
     *
     * @return {@link Fallback#NONE} for a delta transfer, else the kind of reason {@link #getFallbackReason()} words
     */
    public Fallback getFallback() {
        return fallback;
    }

    /**
     * Size of the file transferred: the local file uploaded, or the file written by a download.
     *
     * @return bytes
     */
    public long getFileBytes() {
        return fileBytes;
    }

    /**
     * Bytes of request bodies sent: the delta (upload) or the local signature(s) (download); the whole file for a
     * plain upload, plus what a delta attempt sent before it fell back.
     *
     * @return bytes sent
     */
    public long getBytesSent() {
        return bytesSent;
    }

    /**
     * Bytes of reply bodies received: the server's signature (upload) or the delta (download); the whole file for
     * a plain download, plus what a delta attempt received before it fell back.
     *
     * @return bytes received
     */
    public long getBytesReceived() {
        return bytesReceived;
    }

    /**
     * Bytes a plain transfer would have moved that this one did not: {@code fileBytes - bytesSent - bytesReceived}
     * (negative when the delta's overhead exceeded its gain).
     *
     * @return bytes saved
     */
    public long getBytesSaved() {
        return fileBytes - bytesSent - bytesReceived;
    }

    @Override
    public String toString() {
        return "SyncResult{" + (delta ? "delta" : "plain: " + fallbackReason) + ", file=" + fileBytes + ", sent="
                + bytesSent + ", received=" + bytesReceived + "}";
    }
}
