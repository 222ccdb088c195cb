package com.smartfile.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 *   <li>cold: the first call of a fresh JVM ({@link ColdCall}) in each set-up of {@link ColdJvms}
 *       (every JDK found, with its defaults and with an AppCDS archive) beside the first call of a
 *       fresh Python process, taking turns, against the emulator.</li>
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

    /**
     * The first call of fresh processes, taking turns in every round: the SDK in each JVM set-up of
     * {@link ColdJvms} (defaults and AppCDS per JDK), then Python. The top-level figures are the
     * suite's own JDK with the JVM's defaults; {@code setups} holds every set-up's.
     */
    private static Map<String, Object> cold(SuiteOptions o, String baseUrl, LocalCredentials credentials, PythonPeer python)
            throws IOException {
        int reps = o.quick ? 1 : 5;
        Path dir = Files.createTempDirectory(o.workDir, "cold-");
        List<String> args = List.of("--base", baseUrl);
        List<ColdJvms.Setup> setups = new ArrayList<>();
        Map<String, Object> skipped = new LinkedHashMap<>();
        for (ColdJvms.Setup s : ColdJvms.setups(dir)) {
            try {
                ColdJvms.train(s, args, credentials);
                setups.add(s);
            } catch (BenchmarkFailure e) {
                // An archive this JVM cannot make leaves its row out (said in the results), not the section.
                skipped.put(s.name, e.getMessage());
                System.out.println("latency (cold): " + s.name + " left out: " + e.getMessage());
            }
        }
        Map<String, List<Map<String, Object>>> sdkRuns = new LinkedHashMap<>();
        List<Map<String, Object>> pythonRuns = new ArrayList<>();
        String url = infoUrl(baseUrl, credentials);
        for (int i = 0; i < reps; i++) {
            for (ColdJvms.Setup s : setups) {
                sdkRuns.computeIfAbsent(s.name, k -> new ArrayList<>())
                        .add(ChildJvm.run(s.javaHome, ColdCall.class, s.options, args, credentials, 120));
            }
            if (python != null) {
                pythonRuns.add(python.run("cold", List.of("--url", url), credentials, 120));
            }
        }
        Map<String, Object> py = python == null ? null : medians(pythonRuns, List.of("firstCallMillis", "wallMillis", "processCpuMillis"));
        List<Object> rows = new ArrayList<>();
        for (ColdJvms.Setup s : setups) {
            Map<String, Object> row = s.describe();
            row.putAll(medians(sdkRuns.get(s.name), List.of("firstCallMillis", "buildMillis", "callMillis", "wallMillis",
                    "processCpuMillis", "mainThreadCpuMillis")));
            row.put("classes", ColdJvms.countClasses(s, args, credentials, dir));
            if (py != null) {
                row.put("speedOverPythonFirstCall", number(py.get("firstCallMillis")) / number(row.get("firstCallMillis")));
                row.put("speedOverPythonWall", number(py.get("wallMillis")) / number(row.get("wallMillis")));
                row.put("pythonCpuOverSdkCpu", number(py.get("processCpuMillis")) / number(row.get("processCpuMillis")));
            }
            row.put("runs", sdkRuns.get(s.name));
            rows.add(row);
            System.out.printf("latency (cold, %s): first call %.0f ms (build %.0f + call %.0f), process %.0f ms, CPU %.0f ms%n",
                    s.name, number(row.get("firstCallMillis")), number(row.get("buildMillis")), number(row.get("callMillis")),
                    number(row.get("wallMillis")), number(row.get("processCpuMillis")));
        }
        TransferComparison.deleteTree(dir);
        @SuppressWarnings("unchecked")
        Map<String, Object> own = (Map<String, Object>) rows.get(0);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("repetitions", reps);
        m.put("sdkFirstCallMillis", own.get("firstCallMillis"));
        m.put("sdkWallMillis", own.get("wallMillis"));
        m.put("sdkProcessCpuMillis", own.get("processCpuMillis"));
        if (py != null) {
            m.put("pythonFirstCallMillis", py.get("firstCallMillis"));
            m.put("pythonWallMillis", py.get("wallMillis"));
            m.put("pythonProcessCpuMillis", py.get("processCpuMillis"));
            m.put("sdkSpeedOverPythonFirstCall", own.get("speedOverPythonFirstCall"));
            m.put("sdkSpeedOverPythonWall", own.get("speedOverPythonWall"));
            System.out.printf("latency (cold, Python): first call %.0f ms, process %.0f ms, CPU %.0f ms%n",
                    number(py.get("firstCallMillis")), number(py.get("wallMillis")), number(py.get("processCpuMillis")));
        } else {
            System.out.println("latency (cold): Python skipped");
        }
        m.put("loadAverage", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        m.put("setups", rows);
        m.put("setupsLeftOut", skipped);
        m.put("pythonRuns", pythonRuns);
        return m;
    }

    /** Per key, the median over runs (runs lacking the key are left out of that key's median). */
    private static Map<String, Object> medians(List<Map<String, Object>> runs, List<String> keys) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String key : keys) {
            List<Double> values = new ArrayList<>();
            for (Map<String, Object> r : runs) {
                if (r.get(key) != null) {
                    values.add(number(r.get(key)));
                }
            }
            if (!values.isEmpty()) {
                m.put(key, TransferComparison.median(values));
            }
        }
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
