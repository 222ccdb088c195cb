package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.SocketFactory;

import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * Learns, when an exchange fails, two facts the retry rules need and OkHttp does not tell: whether
 * the connection had carried an exchange before (it came from the pool), and whether any byte of
 * the reply had arrived. It counts the bytes read from each socket the client opens (through its
 * socket factory) and watches each exchange from a network interceptor; a failure before the first
 * reply byte gets a suppressed {@link NoReply} that {@link RetryInterceptor} reads.
 *
 * <p>Only sockets made by the default socket factory are counted (a caller's own factory or a
 * SOCKS proxy makes sockets it cannot see into); for those no {@code NoReply} is ever attached,
 * which keeps the retry rules on their cautious side. Over TLS the count includes the TLS records,
 * so zero still means that nothing of the reply arrived.
 */
final class ReplyWatch implements Interceptor {

    /** Counting sockets by local port, to find the plain socket under a TLS one. */
    private final Map<Integer, CountingSocket> sockets = new ConcurrentHashMap<>();
    /** Connections that have begun an exchange; a connection seen again was reused from the pool. */
    private final Set<Connection> used = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    /** Installs the counting socket factory (unless the caller has one of their own) and the watching interceptor. */
    static void install(OkHttpClient.Builder builder, SocketFactory current) {
        ReplyWatch watch = new ReplyWatch();
        if (current == SocketFactory.getDefault()) {
            builder.socketFactory(watch.new Factory());
        }
        builder.addNetworkInterceptor(watch);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Connection connection = chain.connection();
        boolean reused = connection != null && !used.add(connection);
        CountingSocket socket = connection == null ? null : find(connection.socket());
        long before = socket == null ? -1 : socket.read.get();
        try {
            return chain.proceed(chain.request());
        } catch (IOException e) {
            if (socket != null && socket.read.get() == before) {
                e.addSuppressed(new NoReply(reused, isReset(e)));
            }
            throw e;
        }
    }

    private @Nullable CountingSocket find(@Nullable Socket socket) {
        if (socket instanceof CountingSocket) {
            return (CountingSocket) socket;
        }
        if (socket == null) {
            return null;
        }
        CountingSocket raw = sockets.get(socket.getLocalPort());
        return raw != null && raw.getPort() == socket.getPort() && raw.getInetAddress() != null
                && raw.getInetAddress().equals(socket.getInetAddress()) ? raw : null;
    }

    /**
     * A connection reset (or the broken pipe that follows one): what a TCP peer sends when it
     * closes with bytes of ours unread, or receives bytes after it closed.
     */
    static boolean isReset(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof SocketException && (m.contains("reset") || m.contains("broken pipe"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Attached to a failure that came before any byte of the reply: the server has not begun to
     * answer. {@code reused}: on a connection from the pool; {@code reset}: the peer reset it.
     */
    static final class NoReply extends IOException {

        private static final long serialVersionUID = 1L;

        final boolean reused;
        final boolean reset;

        NoReply(boolean reused, boolean reset) {
            super("no byte of the reply arrived" + (reused ? " on a reused connection" : "") + (reset ? "; the peer reset it" : ""));
            this.reused = reused;
            this.reset = reset;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // a note, not a failure of its own
        }

        static @Nullable NoReply of(Throwable failure) {
            return RetryInterceptor.suppressed(failure, NoReply.class);
        }
    }

    /** Makes {@link CountingSocket}s. */
    private final class Factory extends SocketFactory {
        @Override
        public Socket createSocket() {
            return new CountingSocket();
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return connected(null, new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return connected(new InetSocketAddress(localHost, localPort), new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return connected(null, new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return connected(new InetSocketAddress(localAddress, localPort), new InetSocketAddress(address, port));
        }

        private Socket connected(@Nullable SocketAddress local, SocketAddress remote) throws IOException {
            Socket s = createSocket();
            if (local != null) {
                s.bind(local);
            }
            s.connect(remote);
            return s;
        }
    }

    /**
     * A plain socket that counts the bytes read from it, and reads ahead: Okio asks the socket for
     * at most one 8 KiB segment at a time, so a large reply would cost one {@code read()} system
     * call (and one pass through the socket's locks) per 8 KiB; this stream asks the kernel for up
     * to {@link #READ_AHEAD} bytes at once and hands them out from its buffer. One read of the
     * socket returns what has arrived (it never waits for the buffer to fill), so nothing is
     * delayed; a socket timeout or failure loses nothing, as no bytes were taken. Writes are
     * gathered the same way ({@link WriteBehind}).
     */
    private final class CountingSocket extends Socket {
        final AtomicLong read = new AtomicLong();
        private @Nullable InputStream in;
        private @Nullable OutputStream out;
        private volatile int localPort = -1;

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            super.connect(endpoint, timeout);
            localPort = getLocalPort();
            sockets.put(localPort, this);
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new ReadAhead(super.getInputStream(), read);
            }
            return in;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (out == null) {
                out = new WriteBehind(super.getOutputStream());
            }
            return out;
        }

        @Override
        public synchronized void close() throws IOException {
            sockets.remove(localPort, this);
            super.close();
        }
    }

    /**
     * The output stream of a {@link CountingSocket}: Okio writes one 8 KiB segment per call, a
     * system call each; this stream gathers them into writes of up to {@link #READ_AHEAD} bytes.
     * Nothing waits in it: OkHttp flushes its sink after the request head and after the body (and
     * TLS after each record), and {@code flush()} sends what is held.
     */
    static final class WriteBehind extends FilterOutputStream {
        private byte @Nullable [] buffer;
        private int count;

        WriteBehind(OutputStream out) {
            super(out);
        }

        /** The buffer, allocated at the first write that is gathered. */
        private byte[] buffer() {
            return buffer = allocated(buffer);
        }

        @Override
        public void write(int b) throws IOException {
            byte[] buf = buffer();
            if (count == buf.length) {
                drain();
            }
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len >= READ_AHEAD) {
                drain();
                SOCKET_WRITES.incrementAndGet();
                out.write(b, off, len);
                return;
            }
            byte[] buf = buffer();
            if (len > buf.length - count) {
                drain();
            }
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            drain();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            try {
                drain();
            } finally {
                out.close();
            }
        }

        private void drain() throws IOException {
            if (count > 0) {
                SOCKET_WRITES.incrementAndGet();
                int n = count;
                count = 0; // dropped if the write fails: the connection is then unusable anyway
                out.write(buffer(), 0, n);
            }
        }
    }

    /** A read-ahead or write-behind buffer: the one given, or a new one the first time. */
    private static byte[] allocated(byte @Nullable [] buffer) {
        return buffer != null ? buffer : new byte[READ_AHEAD];
    }

    /** The most bytes one read of a counted socket asks the kernel for (curl asks for 100 KiB, Python's requests 64 KiB). */
    static final int READ_AHEAD = 64 * 1024;

    /** Reads of the kernel made by counted sockets, and the bytes they asked for: for the tests of the read-ahead. */
    static final AtomicLong SOCKET_READS = new AtomicLong();
    static final AtomicLong SOCKET_READ_ASKED = new AtomicLong();
    /** Writes to the kernel made by counted sockets: for the tests of the write-behind buffer. */
    static final AtomicLong SOCKET_WRITES = new AtomicLong();

    /**
     * The read-ahead stream of a {@link CountingSocket}; one reader at a time (OkHttp's connection
     * reads from one thread per exchange). Its buffer is allocated at the first read that has to
     * go to the kernel and kept for the socket's life.
     */
    static final class ReadAhead extends FilterInputStream {
        private final AtomicLong counted;
        private byte @Nullable [] buffer;
        private int pos;
        private int limit;

        ReadAhead(InputStream in, AtomicLong counted) {
            super(in);
            this.counted = counted;
        }

        /** The buffer, allocated at the first read that goes to the kernel through it. */
        private byte[] buffer() {
            return buffer = allocated(buffer);
        }

        @Override
        public int read() throws IOException {
            if (pos == limit && fill() <= 0) {
                return -1;
            }
            return buffer()[pos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (pos == limit) {
                if (len >= READ_AHEAD) {
                    return counted(in.read(b, off, len), len); // as large as the buffer: no copy
                }
                if (fill() <= 0) {
                    return -1;
                }
            }
            int n = Math.min(len, limit - pos);
            System.arraycopy(buffer(), pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            if (pos < limit) {
                int k = (int) Math.min(n, limit - pos);
                pos += k;
                return k;
            }
            return super.skip(n);
        }

        @Override
        public int available() throws IOException {
            return (limit - pos) + in.available();
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private int fill() throws IOException {
            byte[] b = buffer();
            pos = 0;
            limit = 0;
            int n = counted(in.read(b, 0, b.length), b.length);
            if (n > 0) {
                limit = n;
            }
            return n;
        }

        private int counted(int n, int asked) {
            SOCKET_READS.incrementAndGet();
            SOCKET_READ_ASKED.addAndGet(asked);
            if (n > 0) {
                counted.addAndGet(n);
            }
            return n;
        }
    }
}
