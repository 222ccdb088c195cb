package com.smartfile.emulator;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;

import com.smartfile.emulator.internal.Slf4jToSystemLogger;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The emulator's HTTP layer: a Jetty server (core API, no servlets) with an HTTP listener and,
 * optionally, an HTTPS one. Why Jetty and not the JDK's server: see the module README.
 *
 * <ul>
 *   <li>Every accepted socket gets {@code TCP_NODELAY} (counted: {@link #noDelaySockets()}), and a
 *       small reply leaves in one write with its headers, so no reply waits for a delayed ACK.</li>
 *   <li>Slow or stalled clients cannot hold the server: headers are read without a thread, and a
 *       connection whose request headers take longer than the header timeout is closed (a
 *       watchdog); a request is handed to a worker thread only once its first body bytes have
 *       arrived; a body, or a keep-alive connection, that stays silent longer than the idle timeout
 *       ends (408 for a body); at most {@code maxConnections} connections are open at once (further
 *       clients wait in the accept queue).</li>
 *   <li>Request URIs are passed on unchanged ({@link UriCompliance#UNSAFE}): the emulator's own
 *       {@link PathGuard} decides about {@code ..}, encoded slashes and the like, with the API's
 *       answers. What Jetty itself refuses before the emulator sees it (a NUL byte in the path, a
 *       malformed request line or header) is answered in the API's style:
 *       {@code {"detail": "Bad Request."}} as JSON.</li>
 * </ul>
 */
final class EmulatorServer {

    private static final System.Logger LOG = System.getLogger(EmulatorServer.class.getName());

    /** Size of one read of request bytes (a larger buffer means fewer reads for uploads). */
    private static final int INPUT_BUFFER = 128 * 1024;

    static {
        Slf4jToSystemLogger.route();
    }

    private final Server server;
    private final ScheduledExecutorScheduler scheduler;
    private final Duration headerTimeout;
    private final CountingConnector http;
    private final CountingConnector https;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong noDelay = new AtomicLong();
    private final Map<Connection, HeaderClock> open = new ConcurrentHashMap<>();
    /** Tracks the HTTP/1.1 connections (added to the HTTP connection factories, so not the TLS layer). */
    private final Connection.Listener tracker = new Connection.Listener() {
        @Override
        public void onOpened(Connection connection) {
            open.put(connection, new HeaderClock());
        }

        @Override
        public void onClosed(Connection connection) {
            open.remove(connection);
        }
    };
    private Scheduler.Task watchdog;

    /**
     * Creates the server (nothing bound yet).
     *
     * @param bind the address to listen on
     * @param port the HTTP port, 0 for a free one
     * @param httpsPort the HTTPS port, 0 for a free one, -1 for no HTTPS listener
     * @param tls the server's TLS context (with its key), or null without HTTPS
     * @param threads the most worker threads serving requests
     * @param headerTimeout the longest time a request's headers may take to arrive
     * @param idleTimeout the longest silence of a connection (between requests, or within a body)
     * @param maxConnections the most connections open at once
     */
    EmulatorServer(InetAddress bind, int port, int httpsPort, SSLContext tls, int threads, Duration headerTimeout,
            Duration idleTimeout, int maxConnections) {
        this.headerTimeout = headerTimeout;
        // Two threads beyond the workers: the acceptor and the selector of each listener.
        QueuedThreadPool pool = new QueuedThreadPool(threads + (httpsPort < 0 ? 2 : 4), 2);
        pool.setName("smartfile-emulator-http");
        pool.setDaemon(true);
        pool.setReservedThreads(0);
        scheduler = new ScheduledExecutorScheduler("smartfile-emulator-timer", true);
        // Pools buffers up to the size of a file body's reads (ApiRequest.FILE_BUFFER).
        server = new Server(pool, scheduler, new ArrayByteBufferPool.Quadratic(0, ApiRequest.FILE_BUFFER, 64));
        server.setStopTimeout(0);
        server.setErrorHandler(EmulatorServer::jsonError);

        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setUriCompliance(UriCompliance.UNSAFE);
        config.setDelayDispatchUntilContent(true);
        config.setIdleTimeout(idleTimeout.toMillis());
        HttpConnectionFactory h1 = new HttpConnectionFactory(config);
        h1.setInputBufferSize(INPUT_BUFFER);
        h1.addEventListener(tracker);

        http = connector(bind, port, idleTimeout, h1);
        if (httpsPort >= 0) {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setSslContext(tls);
            ssl.setSniRequired(false);
            HttpConfiguration secure = new HttpConfiguration(config);
            HttpConnectionFactory h1s = new HttpConnectionFactory(secure);
            h1s.setInputBufferSize(INPUT_BUFFER);
            h1s.addEventListener(tracker);
            https = connector(bind, httpsPort, idleTimeout, new SslConnectionFactory(ssl, h1s.getProtocol()), h1s);
        } else {
            https = null;
        }
        server.addBean(new NetworkConnectionLimit(maxConnections, server));
    }

    private CountingConnector connector(InetAddress bind, int port, Duration idleTimeout,
            ConnectionFactory... factories) {
        CountingConnector c = new CountingConnector(server, factories);
        c.setHost(bind.getHostAddress());
        c.setPort(port);
        c.setIdleTimeout(idleTimeout.toMillis());
        c.setAcceptQueueSize(64);
        server.addConnector(c);
        return c;
    }

    /**
     * Binds the listeners (so that their ports are known before the handler is built).
     *
     * @throws IOException when a port cannot be bound
     */
    void open() throws IOException {
        http.open();
        if (https != null) {
            https.open();
        }
    }

    int port() {
        return http.getLocalPort();
    }

    /**
     * The HTTPS port.
     *
     * @return the port, or -1 without an HTTPS listener
     */
    int httpsPort() {
        return https == null ? -1 : https.getLocalPort();
    }

    /**
     * Starts serving.
     *
     * @param handler the handler of every request
     * @throws IOException when the server cannot start
     */
    void start(Handler handler) throws IOException {
        server.setHandler(new Handling(handler));
        try {
            server.start();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
        long tick = Math.max(50, Math.min(1000, headerTimeout.toMillis() / 4));
        watchdog = scheduler.schedule(() -> checkHeaders(tick), tick, TimeUnit.MILLISECONDS);
    }

    /** Stops serving and closes every connection. */
    void stop() {
        if (watchdog != null) {
            watchdog.cancel();
        }
        try {
            server.stop();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "could not stop the HTTP server cleanly: " + e.getMessage());
        }
    }

    /** Answers the requests Jetty refuses before they reach the emulator as the API would: JSON {@code detail}. */
    private static boolean jsonError(Request request, org.eclipse.jetty.server.Response response,
            org.eclipse.jetty.util.Callback callback) {
        int status = response.getStatus();
        if (status >= 500) {
            response.getHeaders().put("x-unique-id", UUID.randomUUID().toString());
        }
        byte[] body = JsonReplies.toJson(Map.of("detail", HttpStatus.getMessage(status) + "."));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JsonReplies.CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        // What follows a malformed request on its connection cannot be trusted.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    /** How many connections were accepted since the start (both listeners). */
    long acceptedSockets() {
        return accepted.get();
    }

    /** How many accepted sockets had {@code TCP_NODELAY} on when their first request could arrive. */
    long noDelaySockets() {
        return noDelay.get();
    }

    /** Closes the connections whose request headers have been arriving for longer than the header timeout. */
    private void checkHeaders(long tick) {
        try {
            long now = System.nanoTime();
            open.forEach((connection, clock) -> {
                if (clock.overdue(connection, now, headerTimeout.toNanos())) {
                    LOG.log(Level.DEBUG, "closing a connection whose request headers took longer than "
                            + headerTimeout.toMillis() + " ms");
                    connection.getEndPoint().close(new IOException("request headers timed out"));
                }
            });
        } finally {
            if (server.isRunning()) {
                watchdog = scheduler.schedule(() -> checkHeaders(tick), tick, TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * When the request headers now arriving on one HTTP/1.1 connection were first seen unfinished.
     * From public counters only: bytes read since the connection was last at rest (its last request
     * handled, or a request's headers just parsed) and no new request parsed, while no request is
     * being handled, are the next request's unfinished headers.
     */
    private static final class HeaderClock {
        private final java.util.concurrent.atomic.AtomicInteger busy = new java.util.concurrent.atomic.AtomicInteger();
        private volatile long requests;
        private volatile long bytesAtRest;
        private long since;

        /** A request on this connection was handled: what it read is not the next request's headers. */
        void rested(Connection connection) {
            requests = connection.getMessagesIn();
            bytesAtRest = connection.getBytesIn();
        }

        /** Only the watchdog's thread calls this; a counter read a little late only delays the verdict. */
        boolean overdue(Connection connection, long now, long limit) {
            long in = connection.getMessagesIn();
            long bytes = connection.getBytesIn();
            if (busy.get() > 0) {
                since = 0;
                return false;
            }
            if (in != requests) {
                requests = in;
                bytesAtRest = bytes;
                since = 0;
                return false;
            }
            if (bytes == bytesAtRest) {
                since = 0; // idle between requests: the idle timeout's job
                return false;
            }
            if (since == 0) {
                since = now;
                return false;
            }
            return now - since > limit;
        }
    }

    /** Marks a connection busy while one of its requests is handled (the handler blocks until done). */
    private final class Handling extends Handler.Wrapper {
        Handling(Handler handler) {
            super(handler);
        }

        @Override
        public boolean handle(Request request, org.eclipse.jetty.server.Response response,
                org.eclipse.jetty.util.Callback callback) throws Exception {
            Connection connection = request.getConnectionMetaData().getConnection();
            HeaderClock clock = open.get(connection);
            if (clock == null) {
                return super.handle(request, response, callback);
            }
            clock.busy.incrementAndGet();
            try {
                return super.handle(request, response, callback);
            } finally {
                clock.rested(connection);
                clock.busy.decrementAndGet();
            }
        }
    }

    /** A connector that counts accepted sockets and those with {@code TCP_NODELAY} on. */
    private final class CountingConnector extends ServerConnector {
        CountingConnector(Server server, ConnectionFactory... factories) {
            super(server, 1, 1, factories);
            setAcceptedTcpNoDelay(true);
        }

        @Override
        protected void configure(Socket socket) {
            super.configure(socket);
            accepted.incrementAndGet();
            try {
                if (socket.getTcpNoDelay()) {
                    noDelay.incrementAndGet();
                }
            } catch (SocketException e) {
                // a socket already closed by its client: not counted
            }
        }
    }
}
