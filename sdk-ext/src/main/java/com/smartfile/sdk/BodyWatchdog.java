package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSink;
import okio.ForwardingSink;
import okio.Okio;

/**
 * Sends large request bodies (uploads) under one write-timeout watchdog per body instead of
 * Okio's timeout per write. Okio enters its timeout for every 8 KiB segment written to a socket,
 * and each entry wakes its watchdog thread (a futex wake and a context switch: two system calls
 * per 8 KiB, more CPU than the copying). Here the socket's Okio write timeout is cleared while
 * the body is written, and a shared timer checks every quarter of the write timeout that bytes
 * still leave; when none have for the whole write timeout it closes the socket, as Okio's
 * watchdog does, and the write fails with a {@link SocketTimeoutException}, as it did with Okio.
 * OkHttp sets the socket's timeouts again for the next exchange on the connection. As with Okio's
 * own sink timeout (which times writes of up to 64 KiB), progress is seen once per write of the
 * body, at most {@link Bodies#CHUNK} bytes. HTTP/1 only.
 */
final class BodyWatchdog implements Interceptor {

    /** Bodies at least this long (or of unknown length) are watched; smaller ones leave in a few writes. */
    static final long WATCHED = 1024 * 1024;

    private static final Object LOCK = new Object();
    private static @Nullable ScheduledExecutorService timer;

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        RequestBody body = request.body();
        Connection connection = chain.connection();
        if (body == null || body.isDuplex() || connection == null || chain.writeTimeoutMillis() <= 0
                || connection.protocol() != Protocol.HTTP_1_1 && connection.protocol() != Protocol.HTTP_1_0) {
            // Over HTTP/2 the socket carries other streams: Okio's timeout, which resets one stream, stays.
            return chain.proceed(request);
        }
        long length = body.contentLength();
        if (length >= 0 && length < WATCHED) {
            return chain.proceed(request);
        }
        Watched watched = new Watched(body, connection.socket(), chain.writeTimeoutMillis());
        return chain.proceed(request.newBuilder().method(request.method(), watched).build());
    }

    private static ScheduledExecutorService timer() {
        synchronized (LOCK) {
            ScheduledExecutorService running = timer;
            if (running == null) {
                ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
                    Thread thread = new Thread(r, "SmartFile upload watchdog");
                    thread.setDaemon(true);
                    return thread;
                });
                t.setRemoveOnCancelPolicy(true);
                timer = t;
                running = t;
            }
            return running;
        }
    }

    /** A body written under the watchdog. */
    private static final class Watched extends ForwardingRequestBody {
        private final Socket socket;
        private final long timeoutNanos;
        private volatile long sent;
        private volatile boolean cut;
        private long seen = -1;
        private long since;

        Watched(RequestBody delegate, Socket socket, int timeoutMillis) {
            super(delegate);
            this.socket = socket;
            this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.timeout().clearTimeout();
            BufferedSink counted = Okio.buffer(new ForwardingSink(sink) {
                @Override
                public void write(Buffer source, long byteCount) throws IOException {
                    super.write(source, byteCount);
                    sent += byteCount;
                }
            });
            since = System.nanoTime();
            long period = Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeoutNanos) / 4);
            ScheduledFuture<?> check = timer().scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
            try {
                delegate.writeTo(counted);
                counted.emit();
                sink.flush(); // the last bytes leave while watched; OkHttp's own flush then has nothing to send
            } catch (IOException e) {
                if (cut) {
                    SocketTimeoutException timeout = new SocketTimeoutException("timeout");
                    timeout.initCause(e);
                    throw timeout;
                }
                throw e;
            } finally {
                check.cancel(false);
            }
        }

        /** Runs on the timer: closes the socket once no byte has left for the whole write timeout. */
        private void check() {
            long now = System.nanoTime();
            long s = sent;
            if (s != seen) {
                seen = s;
                since = now;
                return;
            }
            if (now - since >= timeoutNanos && !cut) {
                cut = true;
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closed already
                }
            }
        }
    }
}
