package com.smartfile.benchmarks;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal HTTP/1.1 server on 127.0.0.1 that the benchmarks measure clients against: one thread
 * per connection, keep-alive, request bodies with {@code Content-Length} only (no chunked
 * requests), {@code Expect: 100-continue} answered, small replies sent in one gathering write and
 * files with {@link FileChannel#transferTo} (sendfile). It is deliberately tiny so that it costs
 * little, and the same, for every client measured against it.
 *
 * <p>Requests must carry the expected {@code Authorization} header (when one is given), else they
 * get a 401. The server counts connections and requests, so a measurement can tell how many
 * connections a client opened.
 */
public final class MiniHttpServer implements AutoCloseable {

    /** Answers one request. A handler that does not reply gets a 500. */
    @FunctionalInterface
    public interface Handler {
        /**
         * Handles a request.
         *
         * @param exchange the request and its reply
         * @throws IOException when the connection fails
         */
        void handle(Exchange exchange) throws IOException;
    }

    private static final int BUFFER_BYTES = 256 * 1024;
    private static final int MAX_HEAD_BYTES = 32 * 1024;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocketChannel listener;
    private final Handler handler;
    private final String authorization;
    private final ExecutorService threads;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong requests = new AtomicLong();
    private volatile boolean recordHeaders;
    private volatile List<String[]> recordedHeaders;
    private volatile boolean closed;

    private MiniHttpServer(ServerSocketChannel listener, Handler handler, String authorization) {
        this.listener = listener;
        this.handler = handler;
        this.authorization = authorization;
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bench-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts a server on a free port of 127.0.0.1.
     *
     * @param handler answers the requests
     * @param authorization the {@code Authorization} header every request must carry, or null for none
     * @return the running server
     * @throws IOException when no port can be bound
     */
    public static MiniHttpServer start(Handler handler, String authorization) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        MiniHttpServer server = new MiniHttpServer(listener, handler, authorization);
        Thread acceptor = new Thread(server::acceptLoop, "bench-http-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    /**
     * The server's root URL, e.g. {@code http://127.0.0.1:40123/}.
     *
     * @return the base URL, ending in {@code /}
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/";
    }

    /**
     * The port the server listens on.
     *
     * @return the port
     */
    public int port() {
        try {
            return ((InetSocketAddress) listener.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new IllegalStateException("the server is closed", e);
        }
    }

    /**
     * Connections accepted since the start.
     *
     * @return the count
     */
    public int connections() {
        return connections.get();
    }

    /**
     * Requests read since the start.
     *
     * @return the count
     */
    public long requests() {
        return requests.get();
    }

    /** Records the headers of the next request, for {@link #recordedHeaders()}. */
    public void recordNextHeaders() {
        recordedHeaders = null;
        recordHeaders = true;
    }

    /**
     * The headers of the request that followed {@link #recordNextHeaders()}, in order, names in
     * lower case.
     *
     * @return name-value pairs, or null when no request came yet
     */
    public List<String[]> recordedHeaders() {
        return recordedHeaders;
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            connections.incrementAndGet();
            open.add(channel);
            threads.execute(() -> serve(channel));
        }
    }

    private void serve(SocketChannel channel) {
        try (channel) {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Connection connection = new Connection(channel);
            while (!closed) {
                Exchange exchange = connection.next();
                if (exchange == null) {
                    return;
                }
                requests.incrementAndGet();
                if (recordHeaders) {
                    recordHeaders = false;
                    recordedHeaders = List.copyOf(exchange.headers);
                }
                if (authorization != null && !authorization.equals(exchange.header("authorization"))) {
                    exchange.reply(401, "application/json",
                            "{\"detail\":\"Authentication credentials were not provided.\"}".getBytes(StandardCharsets.UTF_8));
                } else {
                    try {
                        handler.handle(exchange);
                    } catch (RuntimeException e) {
                        if (!exchange.replied) {
                            exchange.reply(500, "text/plain", String.valueOf(e).getBytes(StandardCharsets.UTF_8));
                        }
                        continue;
                    }
                }
                if (!exchange.replied) {
                    exchange.reply(500, "text/plain", "no reply".getBytes(StandardCharsets.UTF_8));
                }
                if (exchange.closeAfter) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away; nothing to do
        } finally {
            open.remove(channel);
        }
    }

    /** Stops accepting, closes every open connection and stops the threads. */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (SocketChannel c : open) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        threads.shutdownNow();
    }

    /** One connection's read buffer: bytes between position and limit are unread. */
    private static final class Connection {
        private final SocketChannel channel;
        private final ByteBuffer in = ByteBuffer.allocateDirect(BUFFER_BYTES).flip();

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        /** Reads more bytes after the unread ones; -1 at end of stream. */
        int fill() throws IOException {
            in.compact();
            try {
                return channel.read(in);
            } finally {
                in.flip();
            }
        }

        /** The next request's head, or null when the client closed the connection between requests. */
        Exchange next() throws IOException {
            while (true) {
                int end = find();
                if (end >= 0) {
                    return parse(end);
                }
                if (in.remaining() >= MAX_HEAD_BYTES) {
                    throw new IOException("request head too large");
                }
                if (fill() < 0) {
                    if (in.hasRemaining()) {
                        throw new EOFException("connection closed inside a request head");
                    }
                    return null;
                }
            }
        }

        /** Index (relative to position) just after CRLFCRLF, or -1. */
        private int find() {
            int base = in.position();
            for (int i = 0; i + 3 < in.remaining(); i++) {
                if (in.get(base + i) == '\r' && in.get(base + i + 1) == '\n' && in.get(base + i + 2) == '\r'
                        && in.get(base + i + 3) == '\n') {
                    return i + 4;
                }
            }
            return -1;
        }

        private Exchange parse(int headLength) throws IOException {
            byte[] head = new byte[headLength];
            in.get(head);
            // Split by hand: String.split with a two-character separator compiles a regex per call.
            String text = new String(head, StandardCharsets.ISO_8859_1);
            int eol = text.indexOf("\r\n");
            String requestLine = text.substring(0, eol);
            int sp1 = requestLine.indexOf(' ');
            int sp2 = requestLine.lastIndexOf(' ');
            if (sp1 <= 0 || sp2 <= sp1) {
                throw new IOException("bad request line");
            }
            List<String[]> headers = new ArrayList<>(12);
            for (int start = eol + 2, end; (end = text.indexOf("\r\n", start)) > start; start = end + 2) {
                int colon = text.indexOf(':', start);
                if (colon > start && colon < end) {
                    headers.add(new String[] {text.substring(start, colon).trim().toLowerCase(Locale.ROOT),
                            text.substring(colon + 1, end).trim()});
                }
            }
            Exchange exchange = new Exchange(this, requestLine.substring(0, sp1), requestLine.substring(sp1 + 1, sp2),
                    requestLine.substring(sp2 + 1), headers);
            if ("100-continue".equalsIgnoreCase(exchange.header("expect")) && exchange.bodyRemaining > 0) {
                writeFully(channel, ByteBuffer.wrap(CONTINUE));
            }
            return exchange;
        }
    }

    /** One request, read up to its body, and its reply. */
    public static final class Exchange {
        private final Connection connection;
        private final String method;
        private final String path;
        private final String query;
        private final List<String[]> headers;
        private long bodyRemaining;
        private boolean replied;
        private boolean closeAfter;

        Exchange(Connection connection, String method, String target, String version, List<String[]> headers)
                throws IOException {
            this.connection = connection;
            this.method = method;
            int q = target.indexOf('?');
            this.path = q < 0 ? target : target.substring(0, q);
            this.query = q < 0 ? null : target.substring(q + 1);
            this.headers = headers;
            String length = header("content-length");
            String encoding = header("transfer-encoding");
            if (encoding != null && !encoding.equalsIgnoreCase("identity")) {
                bodyRemaining = 0;
                closeAfter = true;
                reply(411, "text/plain", "chunked request bodies are not supported".getBytes(StandardCharsets.US_ASCII));
                throw new IOException("chunked request body");
            }
            this.bodyRemaining = length == null ? 0 : Long.parseLong(length);
            String connectionHeader = header("connection");
            this.closeAfter = "HTTP/1.0".equals(version) || "close".equalsIgnoreCase(connectionHeader);
        }

        /**
         * The request method, e.g. {@code GET}.
         *
         * @return the method
         */
        public String method() {
            return method;
        }

        /**
         * The request path, still percent-encoded, without the query.
         *
         * @return the path
         */
        public String path() {
            return path;
        }

        /**
         * The query string, still encoded.
         *
         * @return the query, or null
         */
        public String query() {
            return query;
        }

        /**
         * A query parameter (first value, not decoded: the benchmarks use plain values).
         *
         * @param name the parameter
         * @return the value, or null
         */
        public String queryParameter(String name) {
            if (query == null) {
                return null;
            }
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                if (key.equals(name)) {
                    return eq < 0 ? "" : pair.substring(eq + 1);
                }
            }
            return null;
        }

        /**
         * A request header.
         *
         * @param lowerCaseName the name in lower case
         * @return the first value, or null
         */
        public String header(String lowerCaseName) {
            for (String[] h : headers) {
                if (h[0].equals(lowerCaseName)) {
                    return h[1];
                }
            }
            return null;
        }

        /**
         * Reads the request body and throws it away.
         *
         * @return the number of body bytes
         * @throws IOException when the connection fails or ends early
         */
        public long discardBody() throws IOException {
            long total = 0;
            ByteBuffer in = connection.in;
            while (bodyRemaining > 0) {
                if (in.hasRemaining()) {
                    int n = (int) Math.min(in.remaining(), bodyRemaining);
                    in.position(in.position() + n);
                    bodyRemaining -= n;
                    total += n;
                } else if (connection.fill() < 0) {
                    throw new EOFException("request body ended early");
                }
            }
            return total;
        }

        /**
         * Sends a complete reply in one write (after discarding any unread request body).
         *
         * @param status the HTTP status
         * @param contentType the body's type
         * @param body the body
         * @throws IOException when the connection fails
         */
        public void reply(int status, String contentType, byte[] body) throws IOException {
            discardBody();
            ByteBuffer head = head(status, contentType, body.length);
            replied = true;
            writeFully(connection.channel, head, ByteBuffer.wrap(body));
        }

        /**
         * Sends a file as the reply body with {@link FileChannel#transferTo} (after discarding any
         * unread request body).
         *
         * @param contentType the body's type
         * @param file the open file, sent from byte 0 to its size
         * @throws IOException when the file or the connection fails
         */
        public void replyFile(String contentType, FileChannel file) throws IOException {
            discardBody();
            long size = file.size();
            replied = true;
            writeFully(connection.channel, head(200, contentType, size));
            for (long done = 0; done < size; ) {
                done += file.transferTo(done, size - done, connection.channel);
            }
        }

        private ByteBuffer head(int status, String contentType, long length) {
            String head = "HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + length + "\r\n" + (closeAfter ? "Connection: close\r\n" : "") + "\r\n";
            return ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII));
        }

        private static String reason(int status) {
            switch (status) {
                case 200:
                    return "OK";
                case 401:
                    return "Unauthorized";
                case 404:
                    return "Not Found";
                case 411:
                    return "Length Required";
                default:
                    return "Status";
            }
        }
    }

    private static void writeFully(SocketChannel channel, ByteBuffer... buffers) throws IOException {
        long left = 0;
        for (ByteBuffer b : buffers) {
            left += b.remaining();
        }
        while (left > 0) {
            left -= channel.write(buffers);
        }
    }
}
