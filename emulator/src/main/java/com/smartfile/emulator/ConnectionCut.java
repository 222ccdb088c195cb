package com.smartfile.emulator;

import java.io.IOException;

/**
 * Thrown on purpose (by the {@link Faults} download and upload cuts) to make the HTTP server drop
 * the connection: in the middle of a reply body, or before any reply while a request body is
 * still arriving. The {@link Dispatcher} lets it through so the server closes the connection.
 */
final class ConnectionCut extends IOException {

    private static final long serialVersionUID = 1L;

    /** Whether bytes of the request are left unread, so the connection is reset, not closed. */
    final boolean requestUnread;

    ConnectionCut(String message) {
        this(message, false);
    }

    private ConnectionCut(String message, boolean requestUnread) {
        super(message, null);
        this.requestUnread = requestUnread;
    }

    /**
     * A request body that reads up to a number of bytes, then fails with {@link ConnectionCut}
     * as if the connection had dropped there.
     */
    static final class CutBody extends java.io.FilterInputStream {
        private long left;

        CutBody(java.io.InputStream in, long afterBytes) {
            super(in);
            this.left = afterBytes;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                throw cut();
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (left <= 0) {
                throw cut();
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] sink = new byte[8192];
            long skipped = 0;
            while (skipped < n) {
                int r = read(sink, 0, (int) Math.min(sink.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }

        @Override
        public void close() throws IOException {
            // The exchange owns the stream; closing it here would drain the rest of the body.
        }

        private static ConnectionCut cut() {
            return new ConnectionCut("upload cut by the emulator's fault injection", true);
        }
    }
}
