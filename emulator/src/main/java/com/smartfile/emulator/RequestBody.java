package com.smartfile.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.Blocker;

/**
 * A request body read as a blocking stream from Jetty's {@link Content.Source}, which remembers
 * whether it was read to its end: a reply to a request whose body was not read must drain it or
 * close the connection, or the client's next request on that connection is lost (see
 * {@link ApiRequest#send}).
 *
 * <p>Closing this stream does nothing: the exchange owns the body.
 */
final class RequestBody extends InputStream {

    private final Content.Source source;
    private Content.Chunk chunk;
    private boolean lastSeen;
    private boolean failed;

    RequestBody(Content.Source source) {
        this.source = source;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        while (chunk == null) {
            if (lastSeen) {
                return -1;
            }
            next(true);
        }
        int n = Math.min(len, chunk.getByteBuffer().remaining());
        chunk.getByteBuffer().get(b, off, n);
        if (!chunk.hasRemaining()) {
            releaseChunk();
        }
        return n;
    }

    @Override
    public int available() {
        return chunk == null ? 0 : chunk.getByteBuffer().remaining();
    }

    @Override
    public void close() {
        // The exchange owns the body; ApiRequest decides at reply time whether it can be drained.
    }

    /**
     * Tells whether the whole body has been read.
     *
     * @return true at the end of the body
     */
    boolean atEnd() {
        return lastSeen && chunk == null;
    }

    /**
     * Tells whether reading the body failed (a timeout or a broken connection): the connection
     * must not carry another request.
     *
     * @return true after a failed read
     */
    boolean failed() {
        return failed;
    }

    /**
     * Reads and discards what is left of the body, waiting for it as a read would (so the idle
     * timeout applies), up to a number of bytes.
     *
     * @param maxBytes the most bytes to discard
     * @return true when the body's end was reached
     */
    boolean drain(long maxBytes) {
        long discarded = 0;
        try {
            while (!atEnd() && discarded <= maxBytes) {
                if (chunk != null) {
                    discarded += chunk.getByteBuffer().remaining();
                    releaseChunk();
                } else {
                    next(true);
                }
            }
        } catch (IOException e) {
            failed = true;
        }
        return atEnd();
    }

    /** Gives back a chunk still held (at the end of the exchange). */
    void release() {
        if (chunk != null) {
            releaseChunk();
        }
    }

    /** Reads the next chunk with bytes, or the end; returns false when none has arrived and not blocking. */
    private boolean next(boolean block) throws IOException {
        while (true) {
            Content.Chunk c = source.read();
            if (c == null) {
                if (!block) {
                    return false;
                }
                try (Blocker.Runnable wake = Blocker.runnable()) {
                    source.demand(wake);
                    wake.block();
                }
                continue;
            }
            if (Content.Chunk.isFailure(c)) {
                failed = true;
                Throwable cause = c.getFailure();
                if (cause instanceof TimeoutException) {
                    throw new Timeout();
                }
                throw new Broken(cause);
            }
            lastSeen = c.isLast();
            if (c.hasRemaining()) {
                chunk = c;
                return true;
            }
            c.release();
            if (lastSeen) {
                return true;
            }
        }
    }

    private void releaseChunk() {
        chunk.release();
        chunk = null;
    }

    /** The body could not be read: the client closed the connection, or sent a malformed body. */
    static class Broken extends IOException {
        private static final long serialVersionUID = 1L;

        Broken(Throwable cause) {
            super("the request body could not be read: " + cause, cause);
        }

        Broken(String message) {
            super(message, null);
        }
    }

    /** The client stopped sending the body for longer than the idle timeout. */
    static final class Timeout extends Broken {
        private static final long serialVersionUID = 1L;

        Timeout() {
            super("the request body stopped arriving (idle timeout)");
        }
    }
}
