package com.smartfile.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import com.smartfile.sdk.SmartFile;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Child JVM: N threads calling {@code paths().info(path)} as fast as they can on one shared
 * client, for three clients taking turns in slices of time (about half a second each): the SDK
 * ({@code sdk}), a bare OkHttp client sending the same request ({@code bare}), and the SDK on an
 * OkHttp client whose pool keeps up to 64 idle connections instead of OkHttp's 5
 * ({@code sdk-pool64}). Taking turns in one JVM means a change of load on a shared machine hits
 * all three alike. A warm-up of the same kind comes first. Connections opened are counted per
 * client with an OkHttp event listener (the SDK clients are built on an OkHttp client that adds
 * only that listener, so their pool and threads are OkHttp's defaults, as without it).
 *
 * <pre>
 * ConcurrentCallers --callers N --warmup-ms W --slice-ms S --cycles K --base URL --url URL --header Name:Value ...
 * </pre>
 * Credentials come from the environment.
 */
public final class ConcurrentCallers {

    /** The clients, in the order of each cycle. */
    static final List<String> CLIENTS = List.of("sdk", "bare", "sdk-pool64");

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
        ChildJvm.emit(run(a.getInt("callers"), a.getLong("warmup-ms"), a.getLong("slice-ms"), a.getInt("cycles"),
                a.require("base"), a.require("url"), a.getAll("header"), LocalCredentials.fromEnvironment()));
    }

    /** A client under test with its connection counter. */
    private static final class Client {
        final Runnable call;
        final AutoCloseable closer;
        final AtomicLong connections;

        Client(Runnable call, AutoCloseable closer, AtomicLong connections) {
            this.call = call;
            this.closer = closer;
            this.connections = connections;
        }
    }

    private static OkHttpClient counting(OkHttpClient.Builder builder, AtomicLong connections) {
        return builder.eventListener(new EventListener() {
            @Override
            public void connectStart(Call call, java.net.InetSocketAddress address, java.net.Proxy proxy) {
                connections.incrementAndGet();
            }
        }).build();
    }

    private static Client client(String name, String baseUrl, Request bareRequest, LocalCredentials credentials) {
        AtomicLong connections = new AtomicLong();
        OkHttpClient.Builder ok = new OkHttpClient.Builder();
        if (name.equals("sdk-pool64")) {
            ok.connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES));
        }
        OkHttpClient http = counting(ok, connections);
        AutoCloseable closeHttp = () -> {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        };
        if (name.equals("bare")) {
            return new Client(() -> Clients.fetch(http, bareRequest), closeHttp, connections);
        }
        SmartFile sdk = SmartFile.builder().baseUrl(baseUrl).basicAuth(credentials.key(), credentials.password())
                .httpClient(http).build();
        return new Client(() -> sdk.paths().info(CannedPathInfoServer.PATH), () -> {
            sdk.close();
            closeHttp.close();
        }, connections);
    }

    /**
     * Runs the measurement in this JVM.
     *
     * @param callers the number of calling threads
     * @param warmupMillis the warm-up (clients taking turns as measured), not counted
     * @param sliceMillis the length of one client's turn
     * @param cycles the measured cycles (one turn per client each)
     * @param baseUrl the server's root URL
     * @param bareUrl the bare client's URL
     * @param bareHeaders the bare client's headers ({@code Name:Value}), without Authorization
     * @param credentials the credentials
     * @return per client {@code callsPerSecond} (median over its turns), {@code errors},
     *     {@code connectionsOpened} (while measured); {@code sdkOverBare} (median over cycles)
     * @throws InterruptedException when interrupted
     */
    public static Map<String, Object> run(int callers, long warmupMillis, long sliceMillis, int cycles, String baseUrl,
                                          String bareUrl, List<String> bareHeaders, LocalCredentials credentials)
            throws InterruptedException {
        Request.Builder rb = new Request.Builder().url(bareUrl).header("Authorization", credentials.basicHeader());
        for (String h : bareHeaders) {
            int colon = h.indexOf(':');
            rb.addHeader(h.substring(0, colon), h.substring(colon + 1));
        }
        Request bareRequest = rb.build();
        List<Client> clients = new ArrayList<>();
        for (String name : CLIENTS) {
            clients.add(client(name, baseUrl, bareRequest, credentials));
        }
        int n = CLIENTS.size();
        int warmupSlices = (int) Math.max(n, (warmupMillis / sliceMillis + n - 1) / n * n);
        int totalSlices = warmupSlices + cycles * n;
        LongAdder[] callsPerSlice = new LongAdder[totalSlices];
        long[] connectionsAtStart = new long[totalSlices];
        long[] connectionsAtEnd = new long[totalSlices];
        for (int s = 0; s < totalSlices; s++) {
            callsPerSlice[s] = new LongAdder();
        }
        LongAdder[] errors = new LongAdder[n];
        for (int c = 0; c < n; c++) {
            errors[c] = new LongAdder();
        }
        AtomicReference<String> firstError = new AtomicReference<>();
        AtomicInteger slice = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(callers);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            Thread t = new Thread(() -> {
                ready.countDown();
                while (true) {
                    int s = slice.get();
                    if (s >= totalSlices) {
                        return;
                    }
                    int c = clientOf(s, n);
                    try {
                        clients.get(c).call.run();
                        callsPerSlice[s].increment();
                    } catch (RuntimeException e) {
                        if (s >= warmupSlices) {
                            errors[c].increment();
                        }
                        firstError.compareAndSet(null, CLIENTS.get(c) + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                }
            }, "caller-" + i);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        ready.await();
        long start = System.nanoTime();
        for (int s = 0; s < totalSlices; s++) {
            int c = clientOf(s, n);
            connectionsAtStart[s] = clients.get(c).connections.get();
            long sliceEnd = start + (s + 1) * sliceMillis * 1_000_000L;
            for (long now; (now = System.nanoTime()) < sliceEnd; ) {
                Thread.sleep(Math.max(1, (sliceEnd - now) / 1_000_000L));
            }
            slice.set(s + 1);
            connectionsAtEnd[s] = clients.get(c).connections.get();
        }
        for (Thread t : threads) {
            t.join();
        }
        for (Client client : clients) {
            try {
                client.closer.close();
            } catch (Exception ignored) {
                // measurement done
            }
        }

        // A call that starts in a turn counts for that turn, even if it ends just after it.
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("callers", callers);
        m.put("sliceMillis", sliceMillis);
        m.put("cycles", cycles);
        m.put("warmupSlices", warmupSlices);
        List<List<Double>> rates = new ArrayList<>();
        long[] connections = new long[n];
        for (int c = 0; c < n; c++) {
            rates.add(new ArrayList<>());
        }
        for (int s = warmupSlices; s < totalSlices; s++) {
            int c = clientOf(s, n);
            rates.get(c).add(callsPerSlice[s].sum() / (sliceMillis / 1000.0));
            connections[c] += connectionsAtEnd[s] - connectionsAtStart[s];
        }
        for (int c = 0; c < n; c++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("callsPerSecond", TransferComparison.median(rates.get(c)));
            r.put("errors", errors[c].sum());
            r.put("connectionsOpened", connections[c]);
            r.put("callsPerSecondPerTurn", rates.get(c));
            m.put(CLIENTS.get(c), r);
        }
        List<Double> ratios = new ArrayList<>();
        for (int cycle = 0; cycle < cycles; cycle++) {
            ratios.add(rates.get(0).get(cycle) / rates.get(1).get(cycle));
        }
        m.put("sdkOverBare", TransferComparison.median(ratios));
        m.put("sdkOverBarePerCycle", ratios);
        m.put("firstError", firstError.get());
        return m;
    }

    /** Which client has slice {@code s}: turns rotate, and the first client of a cycle rotates too. */
    private static int clientOf(int s, int n) {
        int cycle = s / n;
        return (s % n + cycle) % n;
    }
}
