package com.smartfile.benchmarks;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

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
 * profiler, in forked JVMs, and keeps per benchmark the median (and 90th/99th percentiles) or
 * the mean, with the bytes allocated per operation ({@code gc.alloc.rate.norm}).
 */
public final class PerCallCosts {

    private PerCallCosts() {
    }

    /**
     * Runs the benchmarks.
     *
     * @param o the suite's options
     * @return per benchmark method name: its figures
     * @throws RunnerException when JMH fails
     */
    public static Map<String, Object> run(SuiteOptions o) throws RunnerException {
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include(InfoCallBenchmark.class.getName() + "\\.")
                .include(ClientBuildBenchmark.class.getName() + "\\.")
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true);
        if (o.quick) {
            b.forks(1).warmupIterations(1).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(2).measurementTime(TimeValue.seconds(1));
        } else {
            b.forks(2).warmupIterations(5).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(2));
        }
        Collection<RunResult> results = new Runner(b.build()).run();
        Map<String, Object> out = new LinkedHashMap<>();
        for (RunResult r : results) {
            String full = r.getParams().getBenchmark();
            String name = full.substring(full.lastIndexOf('.', full.lastIndexOf('.') - 1) + 1);
            Result<?> primary = r.getPrimaryResult();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mode", r.getParams().getMode().shortLabel());
            m.put("unit", primary.getScoreUnit());
            if (r.getParams().getMode() == org.openjdk.jmh.annotations.Mode.SampleTime) {
                m.put("median", primary.getStatistics().getPercentile(50));
                m.put("p90", primary.getStatistics().getPercentile(90));
                m.put("p99", primary.getStatistics().getPercentile(99));
                m.put("samples", primary.getStatistics().getN());
            }
            m.put("mean", primary.getScore());
            m.put("meanError", Double.isNaN(primary.getScoreError()) ? null : primary.getScoreError());
            Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            m.put("allocBytesPerOp", alloc == null ? null : alloc.getScore());
            out.put(name, m);
        }
        return out;
    }
}
