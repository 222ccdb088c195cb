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
        if (calls != null && calls.get("latency") != null) {
            Map<String, Object> latency = (Map<String, Object>) calls.get("latency");
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

    private static String f2(Object n) {
        return n == null ? "–" : String.format(java.util.Locale.ROOT, "%.2f", num(n));
    }

    static double num(Object o) {
        return ((Number) o).doubleValue();
    }
}
