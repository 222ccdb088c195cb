package com.smartfile.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import com.smartfile.sdk.SmartFile;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Child JVM: N threads calling {@code paths().info(path)} on one shared client as fast as they
 * can, first for a warm-up, then for a measured window; prints calls per second and errors. The
 * client is the SDK with its defaults ({@code sdk}), the SDK on an OkHttp client whose pool keeps
 * up to 64 idle connections instead of OkHttp's 5 ({@code sdk-pool64}), or a bare OkHttp client
 * ({@code bare}).
 *
 * <pre>
 * ConcurrentCallers --client sdk|sdk-pool64|bare --callers N --warmup-ms W --measure-ms M --base URL
 *                   [--url URL --header Name:Value ...]   (bare: the request to send, minus Authorization)
 * </pre>
 * Credentials come from the environment ({@link LocalCredentials#fromEnvironment()}).
 */
public final class ConcurrentCallers {

    private ConcurrentCallers() {
    }

    /**
     * Runs the measurement and prints its result line.
     *
     * @param args see the class comment
     * @throws Exception when the measurement cannot run
     */
    public static void main(String[] args) throws Exception {
        Args a = new Args(args);
        ChildJvm.emit(run(a.get("client"), a.getInt("callers"), a.getLong("warmup-ms"), a.getLong("measure-ms"),
                a.get("base"), a.get("url"), a.getAll("header"), LocalCredentials.fromEnvironment()));
    }

    /**
     * Runs the measurement in this JVM.
     *
     * @param client {@code sdk}, {@code sdk-pool64} or {@code bare}
     * @param callers the number of calling threads
     * @param warmupMillis the warm-up, not counted
     * @param measureMillis the measured window
     * @param baseUrl the server's root URL
     * @param bareUrl the bare client's URL
     * @param bareHeaders the bare client's headers ({@code Name:Value}), without Authorization
     * @param credentials the credentials
     * @return {@code callsPerSecond}, {@code calls}, {@code errors}, {@code firstError}, …
     * @throws InterruptedException when interrupted
     */
    public static Map<String, Object> run(String client, int callers, long warmupMillis, long measureMillis, String baseUrl,
                                          String bareUrl, List<String> bareHeaders, LocalCredentials credentials)
            throws InterruptedException {
        Runnable call;
        AutoCloseable closer;
        if (client.equals("sdk")) {
            SmartFile sdk = Clients.sdk(baseUrl, credentials);
            call = () -> sdk.paths().info(CannedPathInfoServer.PATH);
            closer = sdk;
        } else if (client.equals("sdk-pool64")) {
            OkHttpClient pooled = new OkHttpClient.Builder().connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES)).build();
            SmartFile sdk = SmartFile.builder().baseUrl(baseUrl).basicAuth(credentials.key(), credentials.password())
                    .httpClient(pooled).build();
            call = () -> sdk.paths().info(CannedPathInfoServer.PATH);
            closer = () -> {
                sdk.close();
                pooled.dispatcher().executorService().shutdown();
                pooled.connectionPool().evictAll();
            };
        } else if (client.equals("bare")) {
            OkHttpClient bare = Clients.bare();
            Request.Builder rb = new Request.Builder().url(bareUrl).header("Authorization", credentials.basicHeader());
            for (String h : bareHeaders) {
                int colon = h.indexOf(':');
                rb.addHeader(h.substring(0, colon), h.substring(colon + 1));
            }
            Request request = rb.build();
            call = () -> Clients.fetch(bare, request);
            closer = () -> {
                bare.dispatcher().executorService().shutdown();
                bare.connectionPool().evictAll();
            };
        } else {
            throw new IllegalArgumentException("--client sdk|sdk-pool64|bare, got " + client);
        }
        LongAdder calls = new LongAdder();
        LongAdder errors = new LongAdder();
        AtomicReference<String> firstError = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(callers);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            Thread t = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                long start = window[0];
                long end = window[1];
                while (true) {
                    long now = System.nanoTime();
                    if (now >= end) {
                        return;
                    }
                    boolean counted = now >= start;
                    try {
                        call.run();
                        if (counted) {
                            calls.increment();
                        }
                    } catch (RuntimeException e) {
                        errors.increment();
                        firstError.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                }
            }, "caller-" + i);
            threads.add(t);
            t.start();
        }
        ready.await();
        long t0 = System.nanoTime();
        window[0] = t0 + warmupMillis * 1_000_000L;
        window[1] = window[0] + measureMillis * 1_000_000L;
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        try {
            closer.close();
        } catch (Exception ignored) {
            // measurement done
        }
        // A call that started inside the window and ended after it is still counted: the window
        // is measured up to the last thread's end.
        double seconds = Math.max(measureMillis / 1000.0, (System.nanoTime() - window[0]) / 1e9);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("client", client);
        m.put("callers", callers);
        m.put("calls", calls.sum());
        m.put("seconds", seconds);
        m.put("callsPerSecond", calls.sum() / seconds);
        m.put("errors", errors.sum());
        m.put("firstError", firstError.get());
        return m;
    }
}
