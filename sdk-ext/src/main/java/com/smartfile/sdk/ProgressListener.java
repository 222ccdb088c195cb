package com.smartfile.sdk;

/**
 * Hears how far an upload or download has got. Give one in {@link UploadOptions.Builder#progress}
 * or {@link DownloadOptions.Builder#progress}.
 *
 * <p>Uploads count file bytes as they are written to the connection (not when they are read from
 * the file or stream); downloads count file bytes as they arrive from the network. Each byte is
 * counted once: wire logging does not double it, and when a transfer has to start part of the
 * way over (a retried upload, a download the server would not resume), the count holds still
 * until the transfer gets past the furthest point it had reached, so it never goes backwards.
 *
 * <p>Called on the thread doing the transfer, after each chunk of at most 64 KiB: keep it quick.
 * An exception it throws stops the transfer; the caller then gets a {@link SmartFileException}
 * whose cause is that exception.
 */
@FunctionalInterface
public interface ProgressListener {

    /**
     * Reports progress.
     *
     * @param bytesTransferred file bytes sent or received so far; grows with each call
     * @param totalBytes the size of the file (for several files in one upload, their sum), or
     *     -1 when it is not known
     */
    void onProgress(long bytesTransferred, long totalBytes);
}
