package com.smartfile.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import okhttp3.Request;

/**
 * Section "calls": small-call throughput with 1, 8 and 32 concurrent callers sharing one client,
 * the SDK beside a bare OkHttp client sending the same request, each measurement in a fresh JVM
 * ({@link ConcurrentCallers}) against one {@link CannedPathInfoServer} in this JVM. The server
 * counts the connections each measurement opened (connection reuse).
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
     * @return {@code rows}: per caller count, the SDK's and the bare client's figures and their ratio
     */
    public static Map<String, Object> run(SuiteOptions o) throws Exception {
        LocalCredentials credentials = LocalCredentials.random();
        List<Object> rows = new ArrayList<>();
        try (MiniHttpServer server = CannedPathInfoServer.start(credentials)) {
            Request same = Clients.sameRequestAsSdkInfo(server.baseUrl(), credentials, CannedPathInfoServer.PATH);
            List<String> bareArgs = new ArrayList<>(List.of("--url", same.url().toString()));
            for (int i = 0; i < same.headers().size(); i++) {
                if (!same.headers().name(i).equalsIgnoreCase("Authorization")) {
                    bareArgs.addAll(List.of("--header", same.headers().name(i) + ":" + same.headers().value(i)));
                }
            }
            boolean sdkFirst = true;
            for (int callers : CALLERS) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("callers", callers);
                for (String client : sdkFirst ? List.of("sdk", "bare") : List.of("bare", "sdk")) {
                    List<String> args = new ArrayList<>(List.of("--client", client, "--callers", String.valueOf(callers),
                            "--warmup-ms", String.valueOf(o.callsWarmupMillis()),
                            "--measure-ms", String.valueOf(o.callsMeasureMillis()), "--base", server.baseUrl()));
                    if (client.equals("bare")) {
                        args.addAll(bareArgs);
                    }
                    int connectionsBefore = server.connections();
                    Map<String, Object> r = ChildJvm.run(ConcurrentCallers.class, List.of(), args, credentials, 300);
                    r.put("connectionsOpened", server.connections() - connectionsBefore);
                    row.put(client, r);
                    System.out.printf("calls: %-4s %2d callers: %,10.0f calls/s, %d errors, %d connections%n", client,
                            callers, number(r.get("callsPerSecond")), (long) number(r.get("errors")),
                            (int) r.get("connectionsOpened"));
                }
                sdkFirst = !sdkFirst;
                row.put("sdkOverBare", number(((Map<?, ?>) row.get("sdk")).get("callsPerSecond"))
                        / number(((Map<?, ?>) row.get("bare")).get("callsPerSecond")));
                rows.add(row);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("server", "CannedPathInfoServer (harness, loopback, one thread per connection)");
        out.put("warmupMillis", o.callsWarmupMillis());
        out.put("measureMillis", o.callsMeasureMillis());
        out.put("rows", rows);
        return out;
    }

    static double number(Object o) {
        return ((Number) o).doubleValue();
    }
}
