package com.smartfile.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the whole benchmark suite (see {@code benchmarks/README.md}): the JMH per-call benchmarks,
 * small-call throughput, transfers against curl, and listings; then writes
 * {@code <out>/<date>-results.json} and {@code <out>/<date>-summary.md} and prints the summary.
 * Exits with 1 when a measurement could not be made (a broken harness or SDK), never because of
 * a figure: goals are reported, not asserted.
 *
 * <pre>
 * java -jar benchmarks/target/smartfile-benchmarks.jar [--quick] [--size 1GiB] [--reps N]
 *      [--only jmh,latency,calls,transfers,listing,startup,trees] [--out DIR] [--name NAME] [--work-dir DIR]
 * java -jar benchmarks/target/smartfile-benchmarks.jar --render benchmarks/results/DATE-results.json
 * </pre>
 */
public final class Suite {

    private Suite() {
    }

    /**
     * Runs the suite.
     *
     * @param args see {@link SuiteOptions}
     */
    public static void main(String[] args) {
        if (args.length == 2 && args[0].equals("--render")) {
            System.exit(render(Path.of(args[1])));
            return;
        }
        SuiteOptions o;
        try {
            o = SuiteOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("smartfile-benchmarks: " + e.getMessage());
            System.exit(2);
            return;
        }
        int status = run(o);
        System.exit(status);
    }

    /**
     * Runs the sections chosen and writes the results.
     *
     * @param o the options
     * @return 0 when every measurement was made, 1 otherwise
     */
    public static int run(SuiteOptions o) {
        long started = System.nanoTime();
        Map<String, Object> results = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        results.put("date", LocalDate.now().toString());
        results.put("startedAt", ZonedDateTime.now().withNano(0).toString());
        results.put("mode", o.quick ? "quick" : "full");
        results.put("machine", Machine.describe(Curl.find()));
        section(results, failures, o, "jmh", "perCall", () -> PerCallCosts.run(o));
        section(results, failures, o, "latency", "latency", () -> CallLatency.run(o));
        section(results, failures, o, "calls", "throughput", () -> SmallCallThroughput.run(o));
        section(results, failures, o, "transfers", "transfers", () -> TransferComparison.run(o));
        section(results, failures, o, "transfers", "deltaSync", () -> DeltaSyncBenchmark.run(o));
        section(results, failures, o, "listing", "listing", () -> ListingScaling.run(o));
        section(results, failures, o, "startup", "startup", () -> StartupComparison.run(o));
        section(results, failures, o, "trees", "trees", () -> TreeBenchmark.run(o));
        results.put("goals", Goals.evaluate(results));
        results.put("failures", failures);
        results.put("durationSeconds", (System.nanoTime() - started) / 1e9);
        String summary = ResultsSummary.markdown(results);
        try {
            Files.createDirectories(o.out);
            String prefix = results.get("date") + (o.name == null ? "" : "-" + o.name);
            Path json = o.out.resolve(prefix + "-results.json");
            Path md = o.out.resolve(prefix + "-summary.md");
            Files.writeString(json, Json.writePretty(results) + "\n", StandardCharsets.UTF_8);
            Files.writeString(md, summary, StandardCharsets.UTF_8);
            System.out.println();
            System.out.println(summary);
            System.out.println("Results: " + json.toAbsolutePath() + " and " + md.getFileName());
        } catch (IOException e) {
            failures.add("writing results: " + e);
        }
        if (!failures.isEmpty()) {
            System.err.println("FAILED measurements:");
            failures.forEach(f -> System.err.println("  " + f));
            return 1;
        }
        System.out.printf("Benchmarks done in %.0f s.%n", (System.nanoTime() - started) / 1e9);
        return 0;
    }

    /**
     * Prints the summary of an earlier run's results file again (goals re-checked, nothing measured).
     *
     * @param json a {@code <date>-results.json}
     * @return 0, or 2 when the file cannot be read
     */
    @SuppressWarnings("unchecked")
    static int render(Path json) {
        try {
            Map<String, Object> results = (Map<String, Object>) Json.read(Files.readString(json, StandardCharsets.UTF_8));
            results.put("goals", Goals.evaluate(results));
            System.out.println(ResultsSummary.markdown(results));
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("smartfile-benchmarks: cannot render " + json + ": " + e);
            return 2;
        }
    }

    /** A section of the suite, run and recorded; its failure is kept, and the next section runs. */
    @FunctionalInterface
    interface Section {
        Map<String, Object> run() throws Exception;
    }

    private static void section(Map<String, Object> results, List<String> failures, SuiteOptions o, String name, String key,
                                Section section) {
        if (!o.only.contains(name)) {
            return;
        }
        long start = System.nanoTime();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.println("== " + name);
        try {
            Map<String, Object> r = section.run();
            r.put("sectionSeconds", (System.nanoTime() - start) / 1e9);
            // The machine's 1-minute load average before and after: other work on a shared machine shows here.
            r.put("loadAverageBefore", loadBefore);
            r.put("loadAverageAfter", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            results.put(key, r);
        } catch (Exception e) {
            String message = name + ": " + e;
            failures.add(message);
            System.err.println("FAILED " + message);
            e.printStackTrace();
        }
    }
}
