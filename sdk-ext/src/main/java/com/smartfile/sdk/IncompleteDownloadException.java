package com.smartfile.sdk;

/**
 * A download could not be completed: its connection kept dropping and the allowed resumes ran
 * out, or the server would not resume it when the bytes already delivered to a stream could not
 * be taken back. A download to a file leaves nothing under the file's name (and no temporary
 * file). Try again later, or raise {@link DownloadOptions.Builder#maxResumes(int)}.
 */
public class IncompleteDownloadException extends TransportException {

    private static final long serialVersionUID = 1L;

    private final long bytesReceived;
    private final long totalBytes;

    IncompleteDownloadException(String message, long bytesReceived, long totalBytes, Throwable cause) {
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
