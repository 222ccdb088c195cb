package com.smartfile.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The goals, checked against one run's figures. Each goal is reported as met, missed, or
 * not measured, with the same figure for the SDK's peer where one helps to read it (e.g. how bare
 * OkHttp fares against the same target); nothing here fails the run.
 */
public final class Goals {

    /** Per-call overhead: SDK median / bare OkHttp median. */
    static final double PER_CALL_RATIO = 1.10;
    /** Transfers: SDK throughput / curl throughput. */
    static final double TRANSFER_RATIO = 0.90;
    /** Concurrency: past saturation, more callers keep at least this share of the throughput. */
    static final double THROUGHPUT_HOLDS = 0.90;
    /** Issue 11: warm {@code info()} median through the emulator, µs. */
    static final double EMULATOR_MEDIAN_MICROS = 250;
    /** Issue 11: SDK calls/s through the emulator with 32 callers. */
    static final double EMULATOR_CALLS_PER_SECOND = 20_000;
    /** Issue 11: transfers through the emulator, SDK throughput / curl throughput. */
    static final double EMULATOR_TRANSFER_RATIO = 0.80;
    /** Listing: time per entry of the largest folder / of the smallest (1.0 is perfectly linear). */
    static final double LINEAR_SLACK = 1.25;
    /** Listing: growth of the live heap from the first to the last tenth of the largest folder. */
    static final long FLAT_HEAP_BYTES = 2L << 20;

    private Goals() {
    }

    /**
     * Checks the goals.
     *
     * @param results the run's results
     * @return one entry per goal: {@code goal}, {@code target}, {@code measured}, {@code peer}
     *     (text, or null), {@code met} (null: not measured)
     */
    @SuppressWarnings("unchecked")
    public static List<Object> evaluate(Map<String, Object> results) {
        List<Object> goals = new ArrayList<>();
        Map<String, Object> perCall = (Map<String, Object>) results.get("perCall");
        if (perCall != null && perCall.get("sdkOverBareMedianRatio") != null) {
            double ratio = num(perCall.get("sdkOverBareMedianRatio"));
            goals.add(goal("1. info() SDK/bare OkHttp median latency (JMH, median of the passes' ratios)",
                    "<= " + PER_CALL_RATIO, ratio, "SDK / (bare OkHttp + Moshi): " + f2(pairedPasses(perCall,
                            PerCallCosts.SDK, "InfoCallBenchmark.bareOkHttpMoshi")), ratio <= PER_CALL_RATIO));
        }
        Map<String, Object> calls = (Map<String, Object>) results.get("throughput");
        Map<String, Object> latencySection = (Map<String, Object>) results.get("latency");
        // Results of 2026-11-27 and before kept the latency (minimal server only) in the "calls" section.
        Map<String, Object> minimalLatency = latencySection != null ? (Map<String, Object>) latencySection.get("minimal")
                : calls == null ? null : (Map<String, Object>) calls.get("latency");
        if (minimalLatency != null) {
            Map<String, Object> latency = minimalLatency;
            double ratio = num(latency.get("sdkOverBareMedianRatio"));
            goals.add(goal("1. info() SDK/bare OkHttp median latency (taking turns in one JVM)", "<= " + PER_CALL_RATIO,
                    ratio, "SDK / (bare OkHttp + Moshi): " + f2(latency.get("sdkOverBareMoshiMedianRatio")),
                    ratio <= PER_CALL_RATIO));
        }
        if (calls != null) {
            long errors = 0;
            Map<Integer, Double> sdk = new LinkedHashMap<>();
            Map<Integer, Double> bare = new LinkedHashMap<>();
            for (Object o : (List<Object>) calls.get("rows")) {
                Map<String, Object> row = (Map<String, Object>) o;
                errors += (long) num(((Map<String, Object>) row.get("sdk")).get("errors"));
                errors += (long) num(((Map<String, Object>) row.get("sdk-pool64")).get("errors"));
                int callers = (int) num(row.get("callers"));
                sdk.put(callers, num(((Map<String, Object>) row.get("sdk")).get("callsPerSecond")));
                bare.put(callers, num(((Map<String, Object>) row.get("bare")).get("callsPerSecond")));
            }
            goals.add(goal("2a. concurrent small calls: SDK errors", "0", errors, null, errors == 0));
            if (sdk.containsKey(1) && sdk.containsKey(8) && sdk.containsKey(32)) {
                double scales = sdk.get(8) / sdk.get(1);
                double holds = sdk.get(32) / sdk.get(8);
                goals.add(goal("2b. concurrent small calls: SDK calls/s with 8 callers / with 1 (scales)", "> 1", scales,
                        "bare OkHttp: " + f2(bare.get(8) / bare.get(1)), scales > 1));
                goals.add(goal("2c. concurrent small calls: SDK calls/s with 32 callers / with 8 (holds once the machine "
                        + "saturates)", ">= " + THROUGHPUT_HOLDS, holds, "bare OkHttp: " + f2(bare.get(32) / bare.get(8)),
                        holds >= THROUGHPUT_HOLDS));
            }
        }

        Map<String, Object> transfers = (Map<String, Object>) results.get("transfers");
        if (transfers != null) {
            Map<String, Object> rows = (Map<String, Object>) transfers.get("rows");
            boolean allSmallHeap = true;
            for (Map.Entry<String, Object> e : rows.entrySet()) {
                Map<String, Object> row = (Map<String, Object>) e.getValue();
                Object ratio = row.get("sdkOverCurl");
                goals.add(goal("3. " + e.getKey() + ": SDK/curl throughput", ">= " + TRANSFER_RATIO, ratio,
                        "bare OkHttp/curl: " + f2(row.get("okhttpOverCurl")) + "; timeouts off: "
                                + f2(row.get("okhttp-no-timeoutsOverCurl")),
                        ratio == null ? null : num(ratio) >= TRANSFER_RATIO));
                allSmallHeap &= Boolean.TRUE.equals(row.get("sdkSucceededWithSmallHeap"));
            }
            goals.add(goal("3. every SDK transfer succeeds with " + transfers.get("sdkJvmOptions"), "yes",
                    allSmallHeap ? "yes" : "no", null, allSmallHeap));
        }
        emulatorGoals(results, goals);

        Map<String, Object> listing = (Map<String, Object>) results.get("listing");
        Map<String, Object> sdkListing = listing == null ? null : ListingScaling.find(listing, "sdk", ListingScaling.DEFAULT_PAGE_SIZE);
        Map<String, Object> bareListing = listing == null ? null : ListingScaling.find(listing, "bare", ListingScaling.DEFAULT_PAGE_SIZE);
        if (sdkListing != null) {
            List<Object> sizes = (List<Object>) sdkListing.get("sizes");
            Map<String, Object> smallest = (Map<String, Object>) sizes.get(0);
            Map<String, Object> largest = (Map<String, Object>) sizes.get(sizes.size() - 1);
            if (sizes.size() > 1) {
                double growth = num(largest.get("microsPerEntry")) / num(smallest.get("microsPerEntry"));
                String peer = null;
                if (bareListing != null) {
                    List<Object> b = (List<Object>) bareListing.get("sizes");
                    peer = "bare OkHttp: " + f2(num(((Map<String, Object>) b.get(b.size() - 1)).get("microsPerEntry"))
                            / num(((Map<String, Object>) b.get(0)).get("microsPerEntry")));
                }
                goals.add(goal("4a. listing: time per entry, " + fmt(largest.get("entries")) + " vs "
                        + fmt(smallest.get("entries")) + " entries", "<= " + LINEAR_SLACK, growth, peer, growth <= LINEAR_SLACK));
            }
            List<Object> checkpoints = (List<Object>) sdkListing.get("liveHeapCheckpoints");
            double first = num(((List<Object>) checkpoints.get(1)).get(1));
            double max = 0;
            for (int i = 1; i < checkpoints.size(); i++) {
                max = Math.max(max, num(((List<Object>) checkpoints.get(i)).get(1)));
            }
            double grew = max - first;
            goals.add(goal("4b. listing: live heap growth from 10% to 100% of " + fmt(largest.get("entries"))
                    + " entries (bytes)", "<= " + (FLAT_HEAP_BYTES >> 20) + " MiB", grew, null, grew <= FLAT_HEAP_BYTES));
        }
        return goals;
    }

    /** Issue 11: through the emulator, and against the Python peer. */
    @SuppressWarnings("unchecked")
    private static void emulatorGoals(Map<String, Object> results, List<Object> goals) {
        Object feature = ((Map<String, Object>) results.get("machine")).get("jdkVersion");
        String jdk = feature == null ? "17" : feature.toString();
        Map<String, Object> perCall = (Map<String, Object>) results.get("perCall");
        Map<String, Object> jmhEmu = perCall == null ? null
                : (Map<String, Object>) perCall.get(PerCallCosts.SDK + PerCallCosts.EMULATOR);
        if (jmhEmu != null && jmhEmu.get("median") != null) {
            double us = num(jmhEmu.get("median"));
            goals.add(goal("E1. warm info() through the emulator, SDK median latency, JMH (µs), JDK " + jdk,
                    "<= " + EMULATOR_MEDIAN_MICROS, us, peerMedian(perCall.get(PerCallCosts.BARE + PerCallCosts.EMULATOR)),
                    us <= EMULATOR_MEDIAN_MICROS));
        }
        Map<String, Object> latency = (Map<String, Object>) results.get("latency");
        Map<String, Object> emu = latency == null ? null : (Map<String, Object>) latency.get("emulator");
        if (emu != null) {
            double us = num(((Map<String, Object>) emu.get("sdk")).get("median"));
            goals.add(goal("E1. warm info() through the emulator, SDK median latency, taking turns (µs), JDK " + jdk,
                    "<= " + EMULATOR_MEDIAN_MICROS, us, peerMedian(emu.get("bareOkHttp")), us <= EMULATOR_MEDIAN_MICROS));
            if (emu.get("sdkSpeedOverPython") != null) {
                double r = num(emu.get("sdkSpeedOverPython"));
                goals.add(goal("E4. info() warm latency through the emulator: Python median / SDK median", "> 1", r,
                        "Python requests: " + f1(((Map<String, Object>) emu.get("python")).get("median")) + " µs", r > 1));
            }
        }
        Map<String, Object> cold = latency == null ? null : (Map<String, Object>) latency.get("cold");
        if (cold != null && cold.get("sdkSpeedOverPythonFirstCall") != null) {
            double r = num(cold.get("sdkSpeedOverPythonFirstCall"));
            goals.add(goal("E4. cold first info() (client built, first answer parsed): Python time / SDK time", "> 1", r,
                    "SDK " + f1(cold.get("sdkFirstCallMillis")) + " ms, Python " + f1(cold.get("pythonFirstCallMillis")) + " ms",
                    r > 1));
            r = num(cold.get("sdkSpeedOverPythonWall"));
            goals.add(goal("E4. cold process making one info() (runtime start included): Python time / SDK time", "> 1", r,
                    "SDK JVM " + f1(cold.get("sdkWallMillis")) + " ms, Python " + f1(cold.get("pythonWallMillis")) + " ms",
                    r > 1));
            for (Object o : (List<Object>) cold.getOrDefault("setups", List.of())) {
                Map<String, Object> row = (Map<String, Object>) o;
                if (row.get("speedOverPythonFirstCall") == null || ColdJvms.DEFAULTS.equals(row.get("kind"))
                        && Runtime.version().feature() == (int) num(row.get("feature"))) {
                    continue; // the suite's own JDK with defaults is the two rows above
                }
                r = num(row.get("speedOverPythonFirstCall"));
                double w = num(row.get("speedOverPythonWall"));
                goals.add(goal("E4. cold first info() / whole process, " + row.get("name") + ": Python time / SDK time", "> 1",
                        r, "first call " + f1(row.get("firstCallMillis")) + " ms, process " + f1(row.get("wallMillis"))
                                + " ms (Python/SDK " + f2(w) + ")", r > 1 && w > 1));
            }
        }
        Map<String, Object> calls = (Map<String, Object>) results.get("throughput");
        if (calls != null && calls.get("emulatorRows") != null) {
            long errors = 0;
            for (Object o : (List<Object>) calls.get("emulatorRows")) {
                Map<String, Object> row = (Map<String, Object>) o;
                Map<String, Object> sdk = (Map<String, Object>) row.get("sdk");
                errors += (long) num(sdk.get("errors")) + (long) num(((Map<String, Object>) row.get("sdk-pool64")).get("errors"));
                int callers = (int) num(row.get("callers"));
                if (callers == 32) {
                    double cps = num(sdk.get("callsPerSecond"));
                    goals.add(goal("E2. calls/s through the emulator, 32 callers, one SDK client", ">= " + f0(EMULATOR_CALLS_PER_SECOND),
                            cps, "bare OkHttp: " + f0(((Map<String, Object>) row.get("bare")).get("callsPerSecond"))
                                    + "; connections opened by the SDK: " + f0(sdk.get("connectionsOpened")),
                            cps >= EMULATOR_CALLS_PER_SECOND));
                }
                if (row.get("sdkSpeedOverPython") != null) {
                    double r = num(row.get("sdkSpeedOverPython"));
                    goals.add(goal("E4. calls/s through the emulator, " + callers + " callers: SDK / Python", "> 1", r,
                            "Python requests: " + f0(((Map<String, Object>) row.get("python")).get("callsPerSecond")) + " calls/s",
                            r > 1));
                }
            }
            goals.add(goal("E2. errors through the emulator, 1, 8, 32 callers", "0", errors, null, errors == 0));
        }
        Map<String, Object> transfers = (Map<String, Object>) results.get("transfers");
        Map<String, Object> rows = transfers == null ? null : (Map<String, Object>) transfers.get("emulatorRows");
        if (rows != null) {
            for (Map.Entry<String, Object> e : rows.entrySet()) {
                Map<String, Object> row = (Map<String, Object>) e.getValue();
                Object ratio = row.get("sdkOverCurl");
                goals.add(goal("E3. " + e.getKey() + " through the emulator: SDK/curl throughput", ">= " + EMULATOR_TRANSFER_RATIO,
                        ratio, "bare OkHttp/curl: " + f2(row.get("okhttpOverCurl")),
                        ratio == null ? null : num(ratio) >= EMULATOR_TRANSFER_RATIO));
                for (String key : List.of("sdkOverPython", "sdkOverPythonCold")) {
                    if (row.get(key) != null) {
                        double r = num(row.get(key));
                        goals.add(goal("E4. " + e.getKey() + " through the emulator: SDK / Python throughput"
                                + (key.endsWith("Cold") ? ", cold (first 32 MiB of a fresh process)" : ""), "> 1", r, null, r > 1));
                    }
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static String peerMedian(Object peer) {
        return peer == null ? null : "bare OkHttp: " + f1(((Map<String, Object>) peer).get("median")) + " µs";
    }

    /** The median over JMH passes of the ratio of two benchmarks' medians within a pass. */
    @SuppressWarnings("unchecked")
    private static Double pairedPasses(Map<String, Object> perCall, String a, String b) {
        Map<String, Object> ma = (Map<String, Object>) perCall.get(a);
        Map<String, Object> mb = (Map<String, Object>) perCall.get(b);
        if (ma == null || mb == null) {
            return null;
        }
        List<Object> pa = (List<Object>) ma.get("passes");
        List<Object> pb = (List<Object>) mb.get("passes");
        if (pa == null || pb == null || pa.size() != pb.size()) {
            return null;
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < pa.size(); i++) {
            ratios.add(num(((Map<String, Object>) pa.get(i)).get("median")) / num(((Map<String, Object>) pb.get(i)).get("median")));
        }
        return TransferComparison.median(ratios);
    }

    private static Map<String, Object> goal(String name, String target, Object measured, String peer, Boolean met) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("goal", name);
        m.put("target", target);
        m.put("measured", measured);
        m.put("peer", peer);
        m.put("met", met);
        return m;
    }

    private static String fmt(Object n) {
        return String.format("%,d", (long) num(n));
    }

    private static String f0(Object n) {
        return n == null ? "–" : String.format(java.util.Locale.ROOT, "%,.0f", num(n));
    }

    private static String f1(Object n) {
        return n == null ? "–" : String.format(java.util.Locale.ROOT, "%.1f", num(n));
    }

    private static String f2(Object n) {
        return n == null ? "–" : String.format(java.util.Locale.ROOT, "%.2f", num(n));
    }

    static double num(Object o) {
        return ((Number) o).doubleValue();
    }
}
