package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;

/**
 * One transfer's progress, as its {@link ProgressListener} sees it. It keeps the position in the
 * current attempt apart from the furthest position reported, so bytes sent or received again
 * after a restart are not reported twice and the reported count never goes backwards. Used by
 * one thread at a time (the one doing the transfer).
 */
final class Progress {

    private final @Nullable ProgressListener listener;
    private long total;
    private long position;
    private long reported;

    Progress(@Nullable ProgressListener listener, long total) {
        this.listener = listener;
        this.total = total;
    }

    /** The transfer's size, once known (downloads learn it from the first reply). */
    void total(long total) {
        this.total = total;
    }

    /** A new attempt starts from byte 0 (an upload body written again). */
    void restart() {
        position = 0;
    }

    /** The transfer goes on from this byte (a download restarted or resumed). */
    void seek(long position) {
        this.position = position;
    }

    /** The furthest position reported so far. */
    long reported() {
        return reported;
    }

    /**
     * {@code bytes} more were transferred; the listener hears of it when that takes the
     * transfer past the furthest point reported.
     *
     * @throws SmartFileException when the listener throws
     */
    void advance(long bytes) {
        position += bytes;
        if (position > reported) {
            reported = position;
            if (listener != null) {
                try {
                    listener.onProgress(reported, total);
                } catch (RuntimeException e) {
                    throw new SmartFileException("The progress listener threw " + e + "; the transfer was stopped.", e);
                }
            }
        }
    }
}
