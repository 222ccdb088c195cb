package com.smartfile.benchmarks;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The suite's command line and what each mode means.
 *
 * <pre>
 * --quick            about a minute: 1 JMH fork with short iterations, short throughput windows,
 *                    one repetition of each transfer (128 MiB unless --size), smaller listings
 * --size BYTES       transfer size: a number with an optional KiB/MiB/GiB suffix (default 1GiB, quick 128MiB)
 * --reps N           repetitions of each transfer, each in a fresh JVM (default 3, quick 1)
 * --only LIST        comma-separated sections: jmh,latency,calls,transfers,listing,startup,trees (default all)
 * --name NAME        results are written as {@code <date>-NAME-results.json} (e.g. jdk25), default {@code <date>-results.json}
 * --out DIR          where results go (default benchmarks/results; quick: benchmarks/target/results)
 * --work-dir DIR     where the transfer files are made (default the system temp folder)
 * </pre>
 */
public final class SuiteOptions {

    /** All sections, in the order they run. */
    public static final List<String> SECTIONS = List.of("jmh", "latency", "calls", "transfers", "listing", "startup", "trees");

    boolean quick;
    long sizeBytes = -1;
    int reps = -1;
    Set<String> only = new LinkedHashSet<>(SECTIONS);
    Path out;
    String name;
    Path workDir = Path.of(System.getProperty("java.io.tmpdir"));

    /** The heap limit the transfer and listing children run with. */
    String smallHeap = "-Xmx64m";

    /**
     * Parses the command line.
     *
     * @param args the arguments
     * @return the options, with the mode's defaults filled in
     * @throws IllegalArgumentException for an unknown or malformed option
     */
    public static SuiteOptions parse(String... args) {
        SuiteOptions o = new SuiteOptions();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick":
                    o.quick = true;
                    break;
                case "--size":
                    o.sizeBytes = bytes(value(args, ++i));
                    break;
                case "--reps":
                    o.reps = Integer.parseInt(value(args, ++i));
                    break;
                case "--only":
                    o.only = new LinkedHashSet<>(List.of(value(args, ++i).split(",")));
                    if (!SECTIONS.containsAll(o.only)) {
                        throw new IllegalArgumentException("--only takes " + SECTIONS + ", got " + o.only);
                    }
                    break;
                case "--out":
                    o.out = Path.of(value(args, ++i));
                    break;
                case "--name":
                    o.name = value(args, ++i);
                    if (!o.name.matches("[A-Za-z0-9._-]+")) {
                        throw new IllegalArgumentException("--name takes letters, digits, '.', '_' and '-', got " + o.name);
                    }
                    break;
                case "--work-dir":
                    o.workDir = Path.of(value(args, ++i));
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + args[i]
                            + " (options: --quick --size BYTES --reps N --only jmh,latency,calls,transfers,listing,startup,trees --out DIR --name NAME --work-dir DIR)");
            }
        }
        if (o.sizeBytes < 0) {
            o.sizeBytes = o.quick ? 128L << 20 : 1L << 30;
        }
        if (o.reps < 0) {
            o.reps = o.quick ? 1 : 3;
        }
        if (o.out == null) {
            o.out = Path.of(o.quick ? "benchmarks/target/results" : "benchmarks/results");
        }
        return o;
    }

    /** Listing: how long each child lists a smaller folder before the timed listing. */
    long listingWarmupMillis() {
        return quick ? 1000 : 5000;
    }

    /** Listing sizes (entries) at the SDK's default page size. */
    List<Long> listingSizes() {
        return quick ? List.of(10_000L, 20_000L, 40_000L) : List.of(10_000L, 50_000L, 100_000L);
    }

    /**
     * Reads {@code 8MiB}, {@code 1GiB}, {@code 1048576}, {@code 512KiB}.
     *
     * @param text the size
     * @return bytes
     */
    static long bytes(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("kib") || t.endsWith("k")) {
            unit = 1L << 10;
        } else if (t.endsWith("mib") || t.endsWith("m")) {
            unit = 1L << 20;
        } else if (t.endsWith("gib") || t.endsWith("g")) {
            unit = 1L << 30;
        }
        String number = t.replaceAll("[a-z]+$", "");
        long n = Long.parseLong(number) * unit;
        if (n <= 0) {
            throw new IllegalArgumentException("size must be positive: " + text);
        }
        return n;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
