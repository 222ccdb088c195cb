package com.smartfile.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Section "jmh": runs {@link InfoCallBenchmark} and {@link ClientBuildBenchmark} with JMH's gc
 * profiler, in forked JVMs, and keeps per benchmark the median (and 90th/99th percentiles) or the
 * mean, with the bytes allocated per operation ({@code gc.alloc.rate.norm}).
 *
 * <p>On a shared machine the load changes from minute to minute, and JMH runs one benchmark after
 * the other. So the suite runs JMH in passes of one fork per benchmark (3 passes; 1 short pass in
 * quick mode, whose figures are smoke, not claims): the SDK and its peer are measured minutes
 * apart at most, each pass gives a ratio, and the figures kept are the medians over the passes.
 */
public final class PerCallCosts {

    /** The paired benchmarks whose ratio is a goal: SDK over bare OkHttp. */
    static final String SDK = "InfoCallBenchmark.sdk";
    static final String BARE = "InfoCallBenchmark.bareOkHttp";
    /** The suffix of the same benchmarks against the emulator. */
    static final String EMULATOR = "@emulator";

    private PerCallCosts() {
    }

    /**
     * Runs the benchmarks.
     *
     * @param o the suite's options
     * @return per benchmark method name its figures (medians over passes, and each pass's), and
     *     {@code sdkOverBareMedianRatio}
     * @throws RunnerException when JMH fails
     */
    public static Map<String, Object> run(SuiteOptions o) throws RunnerException {
        int passes = o.quick ? 1 : 3;
        Map<String, List<Map<String, Object>>> byName = new LinkedHashMap<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> emulatorRatios = new ArrayList<>();
        for (int pass = 0; pass < passes; pass++) {
            System.out.println("== jmh pass " + (pass + 1) + " of " + passes);
            ChainedOptionsBuilder b = new OptionsBuilder()
                    .include(InfoCallBenchmark.class.getName() + "\\.")
                    .include(ClientBuildBenchmark.class.getName() + "\\.")
                    .addProfiler(GCProfiler.class)
                    .shouldFailOnError(true)
                    .forks(1);
            if (o.quick) {
                b.warmupIterations(1).warmupTime(TimeValue.seconds(1))
                        .measurementIterations(1).measurementTime(TimeValue.milliseconds(500));
            }
            // Otherwise the iterations annotated on each benchmark class apply.
            Map<String, Map<String, Object>> thisPass = new LinkedHashMap<>();
            for (RunResult r : new Runner(b.build()).run()) {
                String full = r.getParams().getBenchmark();
                String name = full.substring(full.lastIndexOf('.', full.lastIndexOf('.') - 1) + 1);
                String server = r.getParams().getParam("server");
                if (server != null && !server.equals("minimal")) {
                    name += "@" + server; // e.g. InfoCallBenchmark.sdk@emulator
                }
                thisPass.put(name, figures(r));
            }
            thisPass.forEach((name, m) -> byName.computeIfAbsent(name, k -> new ArrayList<>()).add(m));
            if (thisPass.containsKey(SDK) && thisPass.containsKey(BARE)) {
                ratios.add(Goals.num(thisPass.get(SDK).get("median")) / Goals.num(thisPass.get(BARE).get("median")));
            }
            if (thisPass.containsKey(SDK + EMULATOR) && thisPass.containsKey(BARE + EMULATOR)) {
                emulatorRatios.add(Goals.num(thisPass.get(SDK + EMULATOR).get("median"))
                        / Goals.num(thisPass.get(BARE + EMULATOR).get("median")));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("passes", passes);
        out.put("sdkOverBareMedianRatio", ratios.isEmpty() ? null : TransferComparison.median(ratios));
        out.put("sdkOverBareMedianRatioPerPass", ratios);
        out.put("emulatorSdkOverBareMedianRatio", emulatorRatios.isEmpty() ? null : TransferComparison.median(emulatorRatios));
        byName.forEach((name, runs) -> {
            Map<String, Object> m = new LinkedHashMap<>(runs.get(0));
            for (String key : List.of("median", "p90", "p99", "mean", "allocBytesPerOp")) {
                List<Double> values = new ArrayList<>();
                for (Map<String, Object> run : runs) {
                    if (run.get(key) != null) {
                        values.add(Goals.num(run.get(key)));
                    }
                }
                m.put(key, values.isEmpty() ? null : TransferComparison.median(values));
            }
            m.remove("meanError");
            m.put("passes", runs);
            out.put(name, m);
        });
        return out;
    }

    private static Map<String, Object> figures(RunResult r) {
        Result<?> primary = r.getPrimaryResult();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", r.getParams().getMode().shortLabel());
        m.put("unit", primary.getScoreUnit());
        if (r.getParams().getMode() == Mode.SampleTime) {
            m.put("median", primary.getStatistics().getPercentile(50));
            m.put("p90", primary.getStatistics().getPercentile(90));
            m.put("p99", primary.getStatistics().getPercentile(99));
            m.put("samples", primary.getStatistics().getN());
        }
        m.put("mean", primary.getScore());
        m.put("meanError", Double.isNaN(primary.getScoreError()) ? null : primary.getScoreError());
        Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
        m.put("allocBytesPerOp", alloc == null ? null : alloc.getScore());
        return m;
    }
}
