package com.smartfile.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns one run's results into the Markdown tables of {@code benchmarks/README.md}. */
public final class ResultsSummary {

    private static final double MIB = 1 << 20;

    private ResultsSummary() {
    }

    /**
     * The summary.
     *
     * @param r the run's results
     * @return Markdown
     */
    @SuppressWarnings("unchecked")
    public static String markdown(Map<String, Object> r) {
        StringBuilder sb = new StringBuilder();
        Map<String, Object> machine = (Map<String, Object>) r.get("machine");
        sb.append("Run of ").append(r.get("date")).append(" (").append(r.get("mode")).append(" mode) on ")
                .append(machine.get("nproc")).append(" CPUs (").append(machine.get("cpu")).append("), ")
                .append(machine.get("memory")).append(", ").append(machine.get("os")).append("; JDK ")
                .append(machine.get("jdk")).append("; ").append(machine.get("curl")).append("; load average at start ")
                .append(f2(machine.get("loadAverageAtStart"))).append(".\n\n");

        Map<String, Object> perCall = (Map<String, Object>) r.get("perCall");
        if (perCall != null) {
            Map<String, Object> sdk = (Map<String, Object>) perCall.get("InfoCallBenchmark.sdk");
            Map<String, Object> bare = (Map<String, Object>) perCall.get("InfoCallBenchmark.bareOkHttp");
            Map<String, Object> moshi = (Map<String, Object>) perCall.get("InfoCallBenchmark.bareOkHttpMoshi");
            Map<String, Object> build = (Map<String, Object>) perCall.get("ClientBuildBenchmark.sdkBuildAndClose");
            Map<String, Object> shared = (Map<String, Object>) perCall.get("ClientBuildBenchmark.sdkBuildOnSharedOkHttp");
            Map<String, Object> okBuild = (Map<String, Object>) perCall.get("ClientBuildBenchmark.bareOkHttpBuildAndClose");
            sb.append("| per call (JMH) | SDK | bare OkHttp | SDK/bare | bare OkHttp + Moshi parse |\n")
                    .append("|---|---:|---:|---:|---:|\n");
            if (sdk != null && bare != null && moshi != null) {
                for (String p : List.of("median", "p90", "p99")) {
                    // The median's ratio is paired within each JMH pass (the goal's figure).
                    Object ratio = p.equals("median") && perCall.get("sdkOverBareMedianRatio") != null
                            ? perCall.get("sdkOverBareMedianRatio") : num(sdk.get(p)) / num(bare.get(p));
                    sb.append("| `paths().info()` ").append(p).append(" latency | ").append(f1(sdk.get(p))).append(" µs | ")
                            .append(f1(bare.get(p))).append(" µs | ").append(f2(ratio))
                            .append(" | ").append(f1(moshi.get(p))).append(" µs |\n");
                }
                sb.append("| allocated per call | ").append(bytes(sdk.get("allocBytesPerOp"))).append(" | ")
                        .append(bytes(bare.get("allocBytesPerOp"))).append(" | ")
                        .append(f2(num(sdk.get("allocBytesPerOp")) / num(bare.get("allocBytesPerOp")))).append(" | ")
                        .append(bytes(moshi.get("allocBytesPerOp"))).append(" |\n");
            }
            if (build != null && okBuild != null && shared != null) {
                sb.append("| build + close a client (mean) | ").append(f1(build.get("mean"))).append(" µs (on a shared OkHttp: ")
                        .append(f1(shared.get("mean"))).append(" µs) | ").append(f1(okBuild.get("mean")))
                        .append(" µs (`new OkHttpClient()`) | ").append(f2(num(build.get("mean")) / num(okBuild.get("mean"))))
                        .append(" | |\n");
                sb.append("| allocated per client built | ").append(bytes(build.get("allocBytesPerOp"))).append(" (shared: ")
                        .append(bytes(shared.get("allocBytesPerOp"))).append(") | ").append(bytes(okBuild.get("allocBytesPerOp")))
                        .append(" | | |\n");
            }
            sb.append('\n');
        }

        Map<String, Object> throughput = (Map<String, Object>) r.get("throughput");
        if (throughput != null) {
            Map<String, Object> lat = (Map<String, Object>) throughput.get("latency");
            if (lat != null) {
                Map<String, Object> s = (Map<String, Object>) lat.get("sdk");
                Map<String, Object> b = (Map<String, Object>) lat.get("bareOkHttp");
                Map<String, Object> m = (Map<String, Object>) lat.get("bareOkHttpMoshi");
                sb.append("| per call, taking turns in one JVM | SDK | bare OkHttp | SDK/bare | bare OkHttp + Moshi parse |\n")
                        .append("|---|---:|---:|---:|---:|\n");
                for (String p : List.of("median", "p90", "p99")) {
                    Object ratio = p.equals("median") ? lat.get("sdkOverBareMedianRatio") : num(s.get(p)) / num(b.get(p));
                    sb.append("| `paths().info()` ").append(p).append(" latency | ").append(f1(s.get(p))).append(" µs | ")
                            .append(f1(b.get(p))).append(" µs | ").append(f2(ratio)).append(" | ").append(f1(m.get(p)))
                            .append(" µs |\n");
                }
                sb.append('\n');
            }
            sb.append("| concurrent callers, one client | SDK calls/s | bare OkHttp calls/s | SDK/bare | SDK errors "
                    + "| connections opened SDK / bare | SDK with a 64-connection pool: calls/s, connections |\n")
                    .append("|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Object o : (List<Object>) throughput.get("rows")) {
                Map<String, Object> row = (Map<String, Object>) o;
                Map<String, Object> s = (Map<String, Object>) row.get("sdk");
                Map<String, Object> b = (Map<String, Object>) row.get("bare");
                Map<String, Object> p = (Map<String, Object>) row.get("sdk-pool64");
                sb.append("| ").append(row.get("callers") instanceof Number ? f0(row.get("callers")) : row.get("callers"))
                        .append(" | ").append(f0(s.get("callsPerSecond"))).append(" | ")
                        .append(f0(b.get("callsPerSecond"))).append(" | ").append(f2(row.get("sdkOverBare"))).append(" | ")
                        .append(f0(s.get("errors"))).append(" | ").append(f0(s.get("connectionsOpened"))).append(" / ")
                        .append(f0(b.get("connectionsOpened"))).append(" | ")
                        .append(f0(p.get("callsPerSecond"))).append(", ").append(f0(p.get("connectionsOpened"))).append(" |\n");
            }
            sb.append('\n');
        }

        Map<String, Object> transfers = (Map<String, Object>) r.get("transfers");
        if (transfers != null) {
            sb.append("Transfers of ").append(size(transfers.get("sizeBytes"))).append(", median of ")
                    .append(transfers.get("repetitions")).append(", SDK in a fresh JVM with ")
                    .append(transfers.get("sdkJvmOptions")).append(".");
            Map<String, Object> alone = (Map<String, Object>) transfers.get("serverAloneWithCurl");
            Map<String, Object> emulator = (Map<String, Object>) transfers.get("emulatorWithCurl");
            if (alone != null) {
                sb.append(" Server alone with curl: download ").append(mib(alone.get("download-discardBytesPerSecond")))
                        .append(", upload (PUT) ").append(mib(alone.get("upload-putBytesPerSecond"))).append('.');
            }
            if (emulator != null) {
                sb.append(" The emulator with curl, for reference: download ")
                        .append(mib(emulator.get("download-discardBytesPerSecond"))).append(", upload (PUT, written to disk) ")
                        .append(mib(emulator.get("upload-putBytesPerSecond"))).append('.');
            }
            if (transfers.get("curl") != null) {
                sb.append(" curl ").append(transfers.get("curl")).append('.');
            }
            sb.append("\n\n| transfer | curl | SDK | SDK/curl | bare OkHttp | SDK/OkHttp | OkHttp, timeouts off "
                    + "| SDK peak heap used / live after GC |\n")
                    .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
            Map<String, Object> rows = (Map<String, Object>) transfers.get("rows");
            for (Map.Entry<String, Object> e : rows.entrySet()) {
                Map<String, Object> row = (Map<String, Object>) e.getValue();
                sb.append("| ").append(describe(e.getKey())).append(" | ").append(mib(row.get("curlBytesPerSecond")))
                        .append(" | ").append(mib(row.get("sdkBytesPerSecond"))).append(" | ").append(f2(row.get("sdkOverCurl")))
                        .append(" | ").append(mib(row.get("okhttpBytesPerSecond"))).append(" | ")
                        .append(f2(row.get("sdkOverOkhttp"))).append(" | ").append(mib(row.get("okhttp-no-timeoutsBytesPerSecond")))
                        .append(" | ").append(size(row.get("sdkPeakUsedHeapBytes"))).append(" / ")
                        .append(size(row.get("sdkPeakLiveHeapBytes"))).append(" |\n");
            }
            sb.append('\n');
        }

        Map<String, Object> listing = (Map<String, Object>) r.get("listing");
        if (listing != null) {
            sb.append("| listing (").append(listing.get("jvmOptions"))
                    .append(", median of rounds) | SDK time | SDK µs/entry | bare OkHttp, no parsing: time | µs/entry |\n")
                    .append("|---|---:|---:|---:|---:|\n");
            for (int pageSize : List.of(ListingScaling.DEFAULT_PAGE_SIZE, ListingScaling.LARGE_PAGE_SIZE)) {
                Map<String, Object> s = ListingScaling.find(listing, "sdk", pageSize);
                Map<String, Object> b = ListingScaling.find(listing, "bare", pageSize);
                if (s == null || b == null) {
                    continue;
                }
                List<Object> sRows = (List<Object>) s.get("sizes");
                List<Object> bRows = (List<Object>) b.get("sizes");
                for (int i = 0; i < sRows.size(); i++) {
                    Map<String, Object> sr = (Map<String, Object>) sRows.get(i);
                    Map<String, Object> br = (Map<String, Object>) bRows.get(i);
                    sb.append("| ").append(f0(sr.get("entries"))).append(" entries, pages of ").append(pageSize).append(" | ")
                            .append(f3(sr.get("seconds"))).append(" s | ").append(f2(sr.get("microsPerEntry"))).append(" | ")
                            .append(f3(br.get("seconds"))).append(" s | ").append(f2(br.get("microsPerEntry"))).append(" |\n");
                }
            }
            Map<String, Object> s = ListingScaling.find(listing, "sdk", ListingScaling.DEFAULT_PAGE_SIZE);
            if (s != null) {
                List<Object> cps = (List<Object>) s.get("liveHeapCheckpoints");
                List<Object> sizes = (List<Object>) s.get("sizes");
                sb.append("\nSDK listing heap (pages of ").append(ListingScaling.DEFAULT_PAGE_SIZE).append(", ")
                        .append(listing.get("jvmOptions")).append("): peak used ")
                        .append(size(((Map<String, Object>) s.get("heap")).get("peakUsedBytes")))
                        .append(" (young garbage, collected as the heap fills); live after a full GC at 0%, 10%, …, 100% of ")
                        .append(f0(((Map<String, Object>) sizes.get(sizes.size() - 1)).get("entries"))).append(" entries: ");
                for (int i = 0; i < cps.size(); i++) {
                    sb.append(i == 0 ? "" : ", ").append(kib(((List<Object>) cps.get(i)).get(1)));
                }
                sb.append(".\n");
            }
            sb.append('\n');
        }

        List<Object> goals = (List<Object>) r.get("goals");
        if (goals != null && !goals.isEmpty()) {
            sb.append("| goal | target | SDK | peer, same run | met |\n|---|---|---:|---|---|\n");
            for (Object o : goals) {
                Map<String, Object> g = (Map<String, Object>) o;
                Object measured = g.get("measured");
                String name = g.get("goal").toString();
                String m = measured == null ? "–" : !(measured instanceof Number) ? String.valueOf(measured)
                        : name.contains("bytes") ? size(measured) : name.contains("errors") ? f0(measured) : f2(measured);
                Object met = g.get("met");
                sb.append("| ").append(g.get("goal")).append(" | ").append(g.get("target")).append(" | ").append(m)
                        .append(" | ").append(g.get("peer") == null ? "" : g.get("peer")).append(" | ")
                        .append(met == null ? "not measured" : (Boolean) met ? "yes" : "**no**").append(" |\n");
            }
            sb.append('\n');
        }
        List<Object> failures = (List<Object>) r.get("failures");
        if (failures != null && !failures.isEmpty()) {
            sb.append("Failed measurements:\n");
            failures.forEach(f -> sb.append("- ").append(f).append('\n'));
        }
        return sb.toString();
    }

    private static String describe(String op) {
        switch (op) {
            case "download-discard":
                return "download, bytes discarded (curl `-o /dev/null`, SDK `download(path, OutputStream.nullOutputStream())`)";
            case "download-file":
                return "download to a file, fsync'd (curl `-o` + fsync, SDK `download(path, Path)`)";
            case "upload-put":
                return "upload from a file, v3 PUT (curl `-T`, SDK `uploadAs`)";
            case "upload-multipart":
                return "upload from a file, v2 multipart (curl `-F`, SDK `upload`)";
            default:
                return op;
        }
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    private static String f0(Object o) {
        return o == null ? "–" : String.format(Locale.ROOT, "%,.0f", num(o));
    }

    private static String f1(Object o) {
        return o == null ? "–" : String.format(Locale.ROOT, "%,.1f", num(o));
    }

    private static String f2(Object o) {
        return o == null ? "–" : String.format(Locale.ROOT, "%.2f", num(o));
    }

    private static String kib(Object o) {
        return o == null ? "–" : String.format(Locale.ROOT, "%,.0f KiB", num(o) / 1024);
    }

    private static String f3(Object o) {
        return o == null ? "–" : String.format(Locale.ROOT, "%.3f", num(o));
    }

    private static String mib(Object bytesPerSecond) {
        return bytesPerSecond == null ? "–" : String.format(Locale.ROOT, "%,.0f MiB/s", num(bytesPerSecond) / MIB);
    }

    private static String bytes(Object o) {
        return o == null ? "–" : String.format(Locale.ROOT, "%,.0f B", num(o));
    }

    private static String size(Object o) {
        if (o == null) {
            return "–";
        }
        double b = num(o);
        if (b >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", b / (1L << 30));
        }
        if (Math.abs(b) >= MIB) {
            return String.format(Locale.ROOT, "%.1f MiB", b / MIB);
        }
        return String.format(Locale.ROOT, "%.0f KiB", b / 1024);
    }
}
