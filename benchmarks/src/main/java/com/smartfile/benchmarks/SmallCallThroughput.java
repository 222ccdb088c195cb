package com.smartfile.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import okhttp3.Request;

/**
 * Section "calls": small-call throughput with 1, 8 and 32 concurrent callers sharing one client,
 * the SDK beside a bare OkHttp client sending the same request (and the SDK on an OkHttp client
 * with a larger connection pool, to show what connection reuse is worth), each measurement in a
 * fresh JVM ({@link ConcurrentCallers}) against one {@link CannedPathInfoServer} in this JVM. The
 * server counts the connections each measurement opened.
 *
 * <p>The whole grid is measured in rounds (3; 1 in quick mode) with the clients' order rotating,
 * so that a change of load on a shared machine hits every client alike; a row keeps each client's
 * median, and the SDK/bare ratio is the median of the ratios within each round.
 */
public final class SmallCallThroughput {

    /** The clients, in the order of the first caller count (the order rotates). */
    static final List<String> CLIENTS = List.of("sdk", "bare", "sdk-pool64");

    /** The caller counts measured. */
    static final List<Integer> CALLERS = List.of(1, 8, 32);

    private SmallCallThroughput() {
    }

    /**
     * Runs the measurements.
     *
     * @param o the suite's options
     * @return {@code rows}: per caller count, each client's figures and the SDK/bare ratio
     * @throws Exception when the server cannot start or a measurement fails
     */
    public static Map<String, Object> run(SuiteOptions o) throws Exception {
        LocalCredentials credentials = LocalCredentials.random();
        int rounds = o.quick ? 1 : 3;
        // runs[callers index][client] = one result per round
        List<Map<String, List<Map<String, Object>>>> runs = new ArrayList<>();
        for (int c = 0; c < CALLERS.size(); c++) {
            Map<String, List<Map<String, Object>>> byClient = new LinkedHashMap<>();
            CLIENTS.forEach(client -> byClient.put(client, new ArrayList<>()));
            runs.add(byClient);
        }
        try (MiniHttpServer server = CannedPathInfoServer.start(credentials)) {
            Request same = Clients.sameRequestAsSdkInfo(server.baseUrl(), credentials, CannedPathInfoServer.PATH);
            List<String> bareArgs = new ArrayList<>(List.of("--url", same.url().toString()));
            for (int i = 0; i < same.headers().size(); i++) {
                if (!same.headers().name(i).equalsIgnoreCase("Authorization")) {
                    bareArgs.addAll(List.of("--header", same.headers().name(i) + ":" + same.headers().value(i)));
                }
            }
            for (int round = 0; round < rounds; round++) {
                for (int c = 0; c < CALLERS.size(); c++) {
                    int callers = CALLERS.get(c);
                    for (int turn = 0; turn < CLIENTS.size(); turn++) {
                        String client = CLIENTS.get((turn + c + round) % CLIENTS.size());
                        List<String> args = new ArrayList<>(List.of("--client", client, "--callers", String.valueOf(callers),
                                "--warmup-ms", String.valueOf(o.callsWarmupMillis()),
                                "--measure-ms", String.valueOf(o.callsMeasureMillis()), "--base", server.baseUrl()));
                        if (client.equals("bare")) {
                            args.addAll(bareArgs);
                        }
                        int connectionsBefore = server.connections();
                        Map<String, Object> r = ChildJvm.run(ConcurrentCallers.class, List.of(), args, credentials, 300);
                        r.put("connectionsOpened", server.connections() - connectionsBefore);
                        runs.get(c).get(client).add(r);
                        System.out.printf("calls: round %d, %-10s %2d callers: %,10.0f calls/s, %d errors, %d connections%n",
                                round + 1, client, callers, number(r.get("callsPerSecond")), (long) number(r.get("errors")),
                                (int) r.get("connectionsOpened"));
                    }
                }
            }
        }
        List<Object> rows = new ArrayList<>();
        for (int c = 0; c < CALLERS.size(); c++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("callers", CALLERS.get(c));
            for (String client : CLIENTS) {
                row.put(client, summary(runs.get(c).get(client)));
            }
            List<Double> ratios = new ArrayList<>();
            List<Map<String, Object>> sdk = runs.get(c).get("sdk");
            List<Map<String, Object>> bare = runs.get(c).get("bare");
            for (int round = 0; round < rounds; round++) {
                ratios.add(number(sdk.get(round).get("callsPerSecond")) / number(bare.get(round).get("callsPerSecond")));
            }
            row.put("sdkOverBare", TransferComparison.median(ratios));
            row.put("sdkOverBarePerRound", ratios);
            rows.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("server", "CannedPathInfoServer (harness, loopback, one thread per connection)");
        out.put("rounds", rounds);
        out.put("warmupMillis", o.callsWarmupMillis());
        out.put("measureMillis", o.callsMeasureMillis());
        out.put("rows", rows);
        return out;
    }

    /** A client's median calls/s and connections over the rounds, its total errors, and every run. */
    private static Map<String, Object> summary(List<Map<String, Object>> runs) {
        List<Double> rates = new ArrayList<>();
        List<Double> connections = new ArrayList<>();
        long errors = 0;
        String firstError = null;
        for (Map<String, Object> r : runs) {
            rates.add(number(r.get("callsPerSecond")));
            connections.add(number(r.get("connectionsOpened")));
            errors += (long) number(r.get("errors"));
            if (firstError == null && r.get("firstError") != null) {
                firstError = r.get("firstError").toString();
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("callsPerSecond", TransferComparison.median(rates));
        m.put("connectionsOpened", TransferComparison.median(connections));
        m.put("errors", errors);
        m.put("firstError", firstError);
        m.put("runs", runs);
        return m;
    }

    static double number(Object o) {
        return ((Number) o).doubleValue();
    }
}
