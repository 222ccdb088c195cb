package com.smartfile.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.smartfile.sdk.ApiJson;
import com.smartfile.sdk.SmartFile;
import com.smartfile.sdk.model.PathInfo;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Child JVM: the latency of one {@code paths().info(path)} call through the SDK, a bare OkHttp
 * client (same request) and a bare OkHttp client that also parses the reply with Moshi, measured
 * in one JVM in alternating blocks of about 100 ms each. On a shared machine whose load changes
 * from second to second, JMH's one-benchmark-after-the-other runs give ratios that move with the
 * load; here every block of SDK calls has blocks of the peers right beside it, so the ratio of
 * their medians is what the SDK costs, not what the neighbours did. Every call's latency is kept.
 *
 * <pre>
 * InterleavedCallLatency --base URL --warmup-ms W --cycles N --block-ms B --url URL --header Name:Value ...
 * </pre>
 */
public final class InterleavedCallLatency {

    /** The clients, in the order of each cycle. */
    static final List<String> CLIENTS = List.of("sdk", "bareOkHttp", "bareOkHttpMoshi");

    private InterleavedCallLatency() {
    }

    /**
     * Runs the measurement and prints its result line.
     *
     * @param args see the class comment
     * @throws Exception when a call fails
     */
    public static void main(String[] args) throws Exception {
        Args a = new Args(args);
        ChildJvm.emit(run(a.require("base"), a.getLong("warmup-ms"), a.getInt("cycles"), a.getLong("block-ms"),
                a.require("url"), a.getAll("header"), LocalCredentials.fromEnvironment()));
    }

    /**
     * Runs the measurement in this JVM.
     *
     * @param baseUrl the server's root URL
     * @param warmupMillis time spent calling (all clients alternating) before measuring
     * @param cycles the measured cycles (one block per client each)
     * @param blockMillis the length of a block
     * @param bareUrl the bare clients' URL
     * @param bareHeaders the bare clients' headers ({@code Name:Value}), without Authorization
     * @param credentials the credentials
     * @return per client {@code median}, {@code p90}, {@code p99} (µs) and {@code calls}; the
     *     {@code sdkOverBareMedianRatio} (median over cycles of the ratio of the blocks' medians)
     */
    public static Map<String, Object> run(String baseUrl, long warmupMillis, int cycles, long blockMillis, String bareUrl,
                                          List<String> bareHeaders, LocalCredentials credentials) throws Exception {
        Request.Builder rb = new Request.Builder().url(bareUrl).header("Authorization", credentials.basicHeader());
        for (String h : bareHeaders) {
            int colon = h.indexOf(':');
            rb.addHeader(h.substring(0, colon), h.substring(colon + 1));
        }
        Request request = rb.build();
        OkHttpClient bare = Clients.bare();
        try (SmartFile sdk = Clients.sdk(baseUrl, credentials)) {
            List<Supplier<Object>> calls = List.of(
                    () -> sdk.paths().info(CannedPathInfoServer.PATH),
                    () -> Clients.fetch(bare, request),
                    () -> {
                        try (Response response = bare.newCall(request).execute()) {
                            return ApiJson.read(response.body().byteStream(), PathInfo.class);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
            long warmupEnd = System.nanoTime() + warmupMillis * 1_000_000L;
            while (System.nanoTime() < warmupEnd) {
                for (Supplier<Object> call : calls) {
                    block(call, blockMillis, null);
                }
            }
            List<LongList> all = new ArrayList<>();
            for (int i = 0; i < calls.size(); i++) {
                all.add(new LongList());
            }
            List<Double> ratios = new ArrayList<>();
            List<Double> moshiRatios = new ArrayList<>();
            for (int cycle = 0; cycle < cycles; cycle++) {
                double[] medians = new double[calls.size()];
                for (int i = 0; i < calls.size(); i++) {
                    // Rotate which client goes first, so none always follows the same one.
                    int c = (i + cycle) % calls.size();
                    LongList blockTimes = new LongList();
                    block(calls.get(c), blockMillis, blockTimes);
                    medians[c] = blockTimes.percentile(50);
                    all.get(c).addAll(blockTimes);
                }
                ratios.add(medians[0] / medians[1]);
                moshiRatios.add(medians[0] / medians[2]);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("warmupMillis", warmupMillis);
            m.put("cycles", cycles);
            m.put("blockMillis", blockMillis);
            for (int i = 0; i < calls.size(); i++) {
                LongList l = all.get(i);
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("calls", l.size());
                c.put("median", l.percentile(50) / 1e3);
                c.put("p90", l.percentile(90) / 1e3);
                c.put("p99", l.percentile(99) / 1e3);
                c.put("unit", "us");
                m.put(CLIENTS.get(i), c);
            }
            m.put("sdkOverBareMedianRatio", TransferComparison.median(ratios));
            m.put("sdkOverBareMoshiMedianRatio", TransferComparison.median(moshiRatios));
            m.put("sdkOverBareRatioPerCycle", ratios);
            return m;
        } finally {
            bare.dispatcher().executorService().shutdown();
            bare.connectionPool().evictAll();
        }
    }

    /** Calls for {@code millis}, recording each call's nanoseconds when {@code times} is given. */
    private static void block(Supplier<Object> call, long millis, LongList times) {
        long end = System.nanoTime() + millis * 1_000_000L;
        long sink = 0;
        for (long t = System.nanoTime(); t < end; ) {
            Object result = call.get();
            long after = System.nanoTime();
            if (times != null) {
                times.add(after - t);
            }
            sink += result.hashCode();
            t = after;
        }
        if (sink == 42) {
            System.out.print(""); // keeps the results alive
        }
    }

    /** A growable array of longs with percentiles. */
    static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        void addAll(LongList other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }

        int size() {
            return size;
        }

        /** The nearest-rank percentile, or 0 when empty. */
        double percentile(double p) {
            if (size == 0) {
                return 0;
            }
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * size);
            return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
        }
    }
}
