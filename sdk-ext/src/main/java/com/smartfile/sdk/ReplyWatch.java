package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
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

    /** A plain socket that counts the bytes read from it. */
    private final class CountingSocket extends Socket {
        final AtomicLong read = new AtomicLong();
        private @Nullable InputStream in;
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
                in = new FilterInputStream(super.getInputStream()) {
                    @Override
                    public int read() throws IOException {
                        int b = super.read();
                        if (b >= 0) {
                            read.incrementAndGet();
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = super.read(b, off, len);
                        if (n > 0) {
                            read.addAndGet(n);
                        }
                        return n;
                    }
                };
            }
            return in;
        }

        @Override
        public synchronized void close() throws IOException {
            sockets.remove(localPort, this);
            super.close();
        }
    }
}
