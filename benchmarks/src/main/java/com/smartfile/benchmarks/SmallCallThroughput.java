package com.smartfile.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import okhttp3.Request;

/**
 * Section "calls": small-call throughput with 1, 8 and 32 concurrent callers sharing one client,
 * the SDK beside bare OkHttp and the SDK on an OkHttp client with a larger connection pool,
 * taking turns in one fresh JVM per caller count ({@link ConcurrentCallers}); connections opened
 * are counted per client. Against each server in this JVM: the minimal
 * {@link CannedPathInfoServer} ({@code rows}), then the emulator ({@code emulatorRows}), where
 * the Python peer ({@link PythonPeer}) runs the same number of callers right after, and the
 * emulator's CPU per request is measured ({@link ServerCost}; profiled at the largest count).
 */
public final class SmallCallThroughput {

    /** The caller counts measured. */
    static final List<Integer> CALLERS = List.of(1, 8, 32);

    private SmallCallThroughput() {
    }

    /** A server for small calls in this JVM: the minimal one or the emulator. */
    static final class Server implements AutoCloseable {
        private final MiniHttpServer minimal;
        private final BenchEmulator emulator;

        private Server(MiniHttpServer minimal, BenchEmulator emulator) {
            this.minimal = minimal;
            this.emulator = emulator;
        }

        static Server start(String kind, LocalCredentials credentials) throws IOException {
            return kind.equals("emulator") ? new Server(null, BenchEmulator.start(credentials))
                    : new Server(CannedPathInfoServer.start(credentials), null);
        }

        String baseUrl() {
            return minimal != null ? minimal.baseUrl() : emulator.baseUrl();
        }

        long requests() {
            return minimal != null ? minimal.requests() : emulator.requestCount();
        }

        String describe() {
            return minimal != null ? "CannedPathInfoServer (harness, loopback, one thread per connection)"
                    : "SmartFileEmulator (its defaults, in the suite's JVM; clients in other processes)";
        }

        @Override
        public void close() {
            if (minimal != null) {
                minimal.close();
            } else {
                emulator.close();
            }
        }
    }

    /** The bare clients' URL and headers (without Authorization) for a server's info call. */
    static List<String> bareArgs(String baseUrl, LocalCredentials credentials) {
        Request same = Clients.sameRequestAsSdkInfo(baseUrl, credentials, CannedPathInfoServer.PATH);
        List<String> bareArgs = new ArrayList<>(List.of("--url", same.url().toString()));
        for (int i = 0; i < same.headers().size(); i++) {
            if (!same.headers().name(i).equalsIgnoreCase("Authorization")) {
                bareArgs.addAll(List.of("--header", same.headers().name(i) + ":" + same.headers().value(i)));
            }
        }
        return bareArgs;
    }

    /**
     * Runs the measurements.
     *
     * @param o the suite's options
     * @return {@code rows} and {@code emulatorRows} (per caller count)
     * @throws Exception when a server cannot start or a measurement fails
     */
    public static Map<String, Object> run(SuiteOptions o) throws Exception {
        LocalCredentials credentials = LocalCredentials.random();
        PythonPeer python = PythonPeer.find();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("python", python == null ? PythonPeer.whyMissing() : python.describe());
        for (String kind : CallLatency.SERVERS) {
            boolean emulator = kind.equals("emulator");
            try (Server server = Server.start(kind, credentials)) {
                out.put(emulator ? "emulatorServer" : "server", server.describe());
                List<String> bareArgs = bareArgs(server.baseUrl(), credentials);
                List<Object> rows = new ArrayList<>();
                for (int callers : CALLERS) {
                    List<String> args = new ArrayList<>(List.of("--callers", String.valueOf(callers),
                            // 15 s: with 32 callers (and 32 server threads) on 2 cores the JIT's compiler threads
                            // get little CPU, and a shorter warm-up left the first measured turns still climbing.
                            "--warmup-ms", String.valueOf(o.quick ? 900 : 15_000), "--slice-ms", String.valueOf(o.quick ? 200 : 500),
                            "--cycles", String.valueOf(o.quick ? 3 : 16), "--base", server.baseUrl()));
                    args.addAll(bareArgs);
                    boolean profile = emulator && callers == CALLERS.get(CALLERS.size() - 1);
                    ServerCost cost = ServerCost.start(server::requests, profile);
                    Map<String, Object> r = ChildJvm.run(ConcurrentCallers.class, List.of(), args, credentials, 300);
                    r.put("serverCpu", cost.stop());
                    for (String client : ConcurrentCallers.CLIENTS) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> c = (Map<String, Object>) r.get(client);
                        System.out.printf("calls (%s): %2d callers, %-10s %,10.0f calls/s, %d errors, %d connections%n", kind,
                                callers, client, number(c.get("callsPerSecond")), (long) number(c.get("errors")),
                                (long) number(c.get("connectionsOpened")));
                    }
                    System.out.printf("calls (%s): %2d callers, server CPU %.1f us/request%n", kind, callers,
                            number(((Map<?, ?>) r.get("serverCpu")).get("cpuMicrosPerRequest")));
                    if (emulator && python != null) {
                        cost = ServerCost.start(server::requests, false);
                        Map<String, Object> p = python.run("throughput", List.of("--url", CallLatency.infoUrl(server.baseUrl(),
                                        credentials), "--callers", String.valueOf(callers), "--warmup-s", o.quick ? "0.5" : "3",
                                "--seconds", o.quick ? "1" : "6"), credentials, 300);
                        p.put("serverCpu", cost.stop());
                        r.put("python", p);
                        @SuppressWarnings("unchecked")
                        Map<String, Object> sdk = (Map<String, Object>) r.get("sdk");
                        r.put("sdkSpeedOverPython", number(sdk.get("callsPerSecond")) / number(p.get("callsPerSecond")));
                        System.out.printf("calls (%s): %2d callers, python     %,10.0f calls/s, %d errors, %d connections%n",
                                kind, callers, number(p.get("callsPerSecond")), (long) number(p.get("errors")),
                                (long) number(p.get("connectionsOpened")));
                    }
                    rows.add(r);
                }
                out.put(emulator ? "emulatorRows" : "rows", rows);
            }
        }
        return out;
    }

    static double number(Object o) {
        return ((Number) o).doubleValue();
    }
}
