package com.smartfile.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Section "latency": the latency of one {@code paths().info(path)} call, against each server in
 * this JVM (the minimal {@link CannedPathInfoServer}, then the emulator, {@link BenchEmulator}),
 * with the clients in another JVM:
 * <ol>
 *   <li>warm, the SDK beside bare OkHttp (with and without Moshi parsing), taking turns in one
 *       fresh JVM ({@link InterleavedCallLatency}), with the server's CPU per request
 *       ({@link ServerCost});</li>
 *   <li>against the emulator only, the Python peer ({@link PythonPeer}) warm, right after;</li>
 *   <li>cold: the first call of a fresh JVM ({@link ColdCall}) beside the first call of a fresh
 *       Python process, taking turns, against the emulator.</li>
 * </ol>
 */
public final class CallLatency {

    /** The servers measured, in order. */
    static final List<String> SERVERS = List.of("minimal", "emulator");

    private CallLatency() {
    }

    /**
     * Runs the measurements.
     *
     * @param o the suite's options
     * @return per server the figures, and {@code cold}
     * @throws Exception when a server cannot start or a measurement fails
     */
    public static Map<String, Object> run(SuiteOptions o) throws Exception {
        LocalCredentials credentials = LocalCredentials.random();
        PythonPeer python = PythonPeer.find();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("python", python == null ? PythonPeer.whyMissing() : python.describe());
        for (String server : SERVERS) {
            try (SmallCallThroughput.Server s = SmallCallThroughput.Server.start(server, credentials)) {
                List<String> args = new ArrayList<>(List.of("--base", s.baseUrl(),
                        "--warmup-ms", String.valueOf(o.quick ? 1500 : 15_000), "--cycles", String.valueOf(o.quick ? 5 : 40),
                        "--block-ms", String.valueOf(o.quick ? 100 : 150)));
                args.addAll(SmallCallThroughput.bareArgs(s.baseUrl(), credentials));
                ServerCost cost = ServerCost.start(s::requests, false);
                Map<String, Object> latency = ChildJvm.run(InterleavedCallLatency.class, List.of(), args, credentials, 300);
                latency.put("serverCpu", cost.stop());
                latency.put("server", s.describe());
                System.out.printf("latency (%s): SDK %.1f us, bare %.1f us, bare+Moshi %.1f us (medians); SDK/bare %.2f; "
                                + "server CPU %.1f us/request%n", server, median(latency, "sdk"), median(latency, "bareOkHttp"),
                        median(latency, "bareOkHttpMoshi"), number(latency.get("sdkOverBareMedianRatio")),
                        number(((Map<?, ?>) latency.get("serverCpu")).get("cpuMicrosPerRequest")));
                if (server.equals("emulator") && python != null) {
                    cost = ServerCost.start(s::requests, false);
                    Map<String, Object> p = python.run("latency", List.of("--url", infoUrl(s.baseUrl(), credentials),
                            "--warmup-s", o.quick ? "1" : "5", "--calls", o.quick ? "300" : "3000"), credentials, 600);
                    p.put("serverCpu", cost.stop());
                    latency.put("python", p);
                    latency.put("sdkSpeedOverPython", number(p.get("median")) / median(latency, "sdk"));
                    System.out.printf("latency (%s): Python requests %.1f us median; SDK %.2fx as fast%n", server,
                            number(p.get("median")), number(latency.get("sdkSpeedOverPython")));
                }
                if (server.equals("emulator")) {
                    out.put("cold", cold(o, s.baseUrl(), credentials, python));
                }
                out.put(server, latency);
            }
        }
        return out;
    }

    /** The first call of fresh processes, the SDK's and Python's taking turns. */
    private static Map<String, Object> cold(SuiteOptions o, String baseUrl, LocalCredentials credentials, PythonPeer python) {
        int reps = o.quick ? 1 : 5;
        List<Object> sdkRuns = new ArrayList<>();
        List<Object> pythonRuns = new ArrayList<>();
        List<Double> sdkFirst = new ArrayList<>();
        List<Double> sdkWall = new ArrayList<>();
        List<Double> pyFirst = new ArrayList<>();
        List<Double> pyWall = new ArrayList<>();
        String url = infoUrl(baseUrl, credentials);
        for (int i = 0; i < reps; i++) {
            Map<String, Object> r = ChildJvm.run(ColdCall.class, List.of(), List.of("--base", baseUrl), credentials, 120);
            sdkRuns.add(r);
            sdkFirst.add(number(r.get("firstCallMillis")));
            sdkWall.add(number(r.get("wallMillis")));
            if (python != null) {
                Map<String, Object> p = python.run("cold", List.of("--url", url), credentials, 120);
                pythonRuns.add(p);
                pyFirst.add(number(p.get("firstCallMillis")));
                pyWall.add(number(p.get("wallMillis")));
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("repetitions", reps);
        m.put("sdkFirstCallMillis", TransferComparison.median(sdkFirst));
        m.put("sdkWallMillis", TransferComparison.median(sdkWall));
        if (python != null) {
            m.put("pythonFirstCallMillis", TransferComparison.median(pyFirst));
            m.put("pythonWallMillis", TransferComparison.median(pyWall));
            m.put("sdkSpeedOverPythonFirstCall", TransferComparison.median(pyFirst) / TransferComparison.median(sdkFirst));
            m.put("sdkSpeedOverPythonWall", TransferComparison.median(pyWall) / TransferComparison.median(sdkWall));
            System.out.printf("latency (cold): first call SDK %.0f ms (process %.0f ms), Python %.0f ms (process %.0f ms)%n",
                    TransferComparison.median(sdkFirst), TransferComparison.median(sdkWall),
                    TransferComparison.median(pyFirst), TransferComparison.median(pyWall));
        } else {
            System.out.printf("latency (cold): first call SDK %.0f ms (process %.0f ms); Python skipped%n",
                    TransferComparison.median(sdkFirst), TransferComparison.median(sdkWall));
        }
        m.put("sdkRuns", sdkRuns);
        m.put("pythonRuns", pythonRuns);
        return m;
    }

    /** The URL the SDK's info call uses (the Python peer calls the same). */
    static String infoUrl(String baseUrl, LocalCredentials credentials) {
        return Clients.sameRequestAsSdkInfo(baseUrl, credentials, CannedPathInfoServer.PATH).url().toString();
    }

    @SuppressWarnings("unchecked")
    private static double median(Map<String, Object> latency, String client) {
        return number(((Map<String, Object>) latency.get(client)).get("median"));
    }

    static double number(Object o) {
        return ((Number) o).doubleValue();
    }
}
