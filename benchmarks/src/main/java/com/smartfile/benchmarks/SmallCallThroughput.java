package com.smartfile.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import okhttp3.Request;

/**
 * Section "calls", against one {@link CannedPathInfoServer} in this JVM:
 * <ol>
 *   <li>The latency of one call, the SDK beside bare OkHttp (with and without Moshi parsing),
 *       taking turns in one fresh JVM ({@link InterleavedCallLatency}): the load-robust
 *       counterpart of the JMH figures.</li>
 *   <li>Small-call throughput with 1, 8 and 32 concurrent callers sharing one client, the SDK
 *       beside bare OkHttp and the SDK on an OkHttp client with a larger connection pool, taking
 *       turns in one fresh JVM per caller count ({@link ConcurrentCallers}); connections opened
 *       are counted per client.</li>
 * </ol>
 */
public final class SmallCallThroughput {

    /** The caller counts measured. */
    static final List<Integer> CALLERS = List.of(1, 8, 32);

    private SmallCallThroughput() {
    }

    /**
     * Runs the measurements.
     *
     * @param o the suite's options
     * @return {@code latency} and {@code rows} (per caller count)
     * @throws Exception when the server cannot start or a measurement fails
     */
    public static Map<String, Object> run(SuiteOptions o) throws Exception {
        LocalCredentials credentials = LocalCredentials.random();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("server", "CannedPathInfoServer (harness, loopback, one thread per connection)");
        try (MiniHttpServer server = CannedPathInfoServer.start(credentials)) {
            Request same = Clients.sameRequestAsSdkInfo(server.baseUrl(), credentials, CannedPathInfoServer.PATH);
            List<String> bareArgs = new ArrayList<>(List.of("--url", same.url().toString()));
            for (int i = 0; i < same.headers().size(); i++) {
                if (!same.headers().name(i).equalsIgnoreCase("Authorization")) {
                    bareArgs.addAll(List.of("--header", same.headers().name(i) + ":" + same.headers().value(i)));
                }
            }

            List<String> latencyArgs = new ArrayList<>(List.of("--base", server.baseUrl(),
                    "--warmup-ms", String.valueOf(o.quick ? 1500 : 15_000), "--cycles", String.valueOf(o.quick ? 5 : 40),
                    "--block-ms", String.valueOf(o.quick ? 100 : 150)));
            latencyArgs.addAll(bareArgs);
            Map<String, Object> latency = ChildJvm.run(InterleavedCallLatency.class, List.of(), latencyArgs, credentials, 300);
            System.out.printf("calls: latency, taking turns: SDK %.1f us, bare %.1f us, bare+Moshi %.1f us (medians); "
                            + "SDK/bare %.2f%n", median(latency, "sdk"), median(latency, "bareOkHttp"),
                    median(latency, "bareOkHttpMoshi"), number(latency.get("sdkOverBareMedianRatio")));
            out.put("latency", latency);

            List<Object> rows = new ArrayList<>();
            for (int callers : CALLERS) {
                List<String> args = new ArrayList<>(List.of("--callers", String.valueOf(callers),
                        // 15 s: with 32 callers (and 32 server threads) on 2 cores the JIT's compiler threads
                        // get little CPU, and a shorter warm-up left the first measured turns still climbing.
                        "--warmup-ms", String.valueOf(o.quick ? 900 : 15_000), "--slice-ms", String.valueOf(o.quick ? 200 : 500),
                        "--cycles", String.valueOf(o.quick ? 3 : 16), "--base", server.baseUrl()));
                args.addAll(bareArgs);
                Map<String, Object> r = ChildJvm.run(ConcurrentCallers.class, List.of(), args, credentials, 300);
                for (String client : ConcurrentCallers.CLIENTS) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> c = (Map<String, Object>) r.get(client);
                    System.out.printf("calls: %2d callers, %-10s %,10.0f calls/s, %d errors, %d connections%n", callers, client,
                            number(c.get("callsPerSecond")), (long) number(c.get("errors")),
                            (long) number(c.get("connectionsOpened")));
                }
                rows.add(r);
            }
            out.put("rows", rows);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static double median(Map<String, Object> latency, String client) {
        return number(((Map<String, Object>) latency.get(client)).get("median"));
    }

    static double number(Object o) {
        return ((Number) o).doubleValue();
    }
}
