package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;

/**
 * A download could not be completed: its connection kept dropping and the allowed attempts
 * ({@link RetryPolicy#getMaxAttempts()}, shared by all requests of the download) or resumes
 * ({@link DownloadOptions.Builder#maxResumes(int)}) ran out, or the server would not resume it
 * when the bytes already delivered to a stream could not be taken back. A download to a file
 * leaves nothing under the file's name (and no temporary file). Try again later, or raise them.
 */
public class IncompleteDownloadException extends TransportException {

    private static final long serialVersionUID = 1L;

    /** Bytes received. */
    private final long bytesReceived;
    /** Bytes announced. */
    private final long totalBytes;

    IncompleteDownloadException(String message, long bytesReceived, long totalBytes, @Nullable Throwable cause) {
        super(message, cause);
        this.bytesReceived = bytesReceived;
        this.totalBytes = totalBytes;
    }

    /**
     * How many bytes of the file had arrived when the download gave up.
     *
     * @return the bytes received
     */
    public long getBytesReceived() {
        return bytesReceived;
    }

    /**
     * The file's size.
     *
     * @return the size, or -1 when the server did not say
     */
    public long getTotalBytes() {
        return totalBytes;
    }
}
