package com.smartfile.sdk;

/**
 * What a delta transfer ({@link PathsService#syncUpload}, {@link PathsService#syncDownload}) did: whether it moved
 * a librsync delta or fell back to a plain transfer (and why), and the bytes that crossed the connection against
 * the file's size.
 */
public final class SyncResult {

    private final boolean delta;
    private final String fallbackReason;
    private final long fileBytes;
    private final long bytesSent;
    private final long bytesReceived;

    SyncResult(boolean delta, String fallbackReason, long fileBytes, long bytesSent, long bytesReceived) {
        this.delta = delta;
        this.fallbackReason = fallbackReason;
        this.fileBytes = fileBytes;
        this.bytesSent = bytesSent;
        this.bytesReceived = bytesReceived;
    }

    static SyncResult plain(String reason, long fileBytes, boolean upload) {
        return new SyncResult(false, reason, fileBytes, upload ? fileBytes : 0, upload ? 0 : fileBytes);
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
    public String getFallbackReason() {
        return fallbackReason;
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
     * Bytes of request bodies sent: the delta (upload) or the local signature (download); the whole file for a
     * plain upload.
     *
     * @return bytes sent
     */
    public long getBytesSent() {
        return bytesSent;
    }

    /**
     * Bytes of reply bodies received: the server's signature (upload) or the delta (download); the whole file for
     * a plain download.
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
