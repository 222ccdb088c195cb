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
                .append(f2(machine.get("loadAverageAtStart"))).append(".");
        // A shared machine: the load each section ran under is part of its figures.
        StringBuilder load = new StringBuilder();
        for (String[] section : new String[][] {{"jmh", "perCall"}, {"latency", "latency"}, {"calls", "throughput"},
                {"transfers", "transfers"}, {"listing", "listing"}}) {
            Map<String, Object> m = (Map<String, Object>) r.get(section[1]);
            if (m != null && m.get("loadAverageBefore") != null) {
                load.append(load.length() == 0 ? "" : ", ").append(section[0]).append(' ')
                        .append(f2(m.get("loadAverageBefore"))).append(" → ").append(f2(m.get("loadAverageAfter")))
                        .append(" (").append(f0(m.get("sectionSeconds"))).append(" s)");
            }
        }
        if (load.length() > 0) {
            sb.append(" Load average (1 min) before → after each section: ").append(load).append('.');
        }
        sb.append("\n\n");

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
            Map<String, Object> sdkEmu = (Map<String, Object>) perCall.get(PerCallCosts.SDK + PerCallCosts.EMULATOR);
            Map<String, Object> bareEmu = (Map<String, Object>) perCall.get(PerCallCosts.BARE + PerCallCosts.EMULATOR);
            Map<String, Object> moshiEmu = (Map<String, Object>) perCall.get("InfoCallBenchmark.bareOkHttpMoshi" + PerCallCosts.EMULATOR);
            if (sdkEmu != null && bareEmu != null && moshiEmu != null) {
                for (String p : List.of("median", "p90", "p99")) {
                    Object ratio = p.equals("median") && perCall.get("emulatorSdkOverBareMedianRatio") != null
                            ? perCall.get("emulatorSdkOverBareMedianRatio") : num(sdkEmu.get(p)) / num(bareEmu.get(p));
                    sb.append("| **through the emulator** (same JVM), ").append(p).append(" latency | ").append(f1(sdkEmu.get(p)))
                            .append(" µs | ").append(f1(bareEmu.get(p))).append(" µs | ").append(f2(ratio)).append(" | ")
                            .append(f1(moshiEmu.get(p))).append(" µs |\n");
                }
                sb.append("| through the emulator, allocated per call | ").append(bytes(sdkEmu.get("allocBytesPerOp"))).append(" | ")
                        .append(bytes(bareEmu.get("allocBytesPerOp"))).append(" | | ")
                        .append(bytes(moshiEmu.get("allocBytesPerOp"))).append(" |\n");
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

        latency(sb, r);
        Map<String, Object> throughput = (Map<String, Object>) r.get("throughput");
        if (throughput != null) {
            if (throughput.get("latency") != null) {
                latencyTable(sb, "minimal server", (Map<String, Object>) throughput.get("latency"));
            }
            sb.append("| concurrent callers, one client, minimal server | SDK calls/s | bare OkHttp calls/s | SDK/bare | SDK errors "
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
            if (throughput.get("emulatorRows") != null) {
                emulatorThroughput(sb, throughput);
            }
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
            sb.append("| **minimal server** (uploads discarded) | | | | | | | |\n");
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
            if (transfers.get("emulatorRows") != null) {
                emulatorTransfers(sb, transfers);
            }
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

    @SuppressWarnings("unchecked")
    private static void latency(StringBuilder sb, Map<String, Object> r) {
        Map<String, Object> latency = (Map<String, Object>) r.get("latency");
        if (latency == null) {
            return;
        }
        for (String server : CallLatency.SERVERS) {
            if (latency.get(server) != null) {
                latencyTable(sb, server.equals("minimal") ? "minimal server" : "**the emulator**",
                        (Map<String, Object>) latency.get(server));
            }
        }
        Map<String, Object> cold = (Map<String, Object>) latency.get("cold");
        if (cold != null && cold.get("setups") != null) {
            coldTable(sb, cold);
        } else if (cold != null) {
            sb.append("| cold, fresh process, through the emulator (median of ").append(cold.get("repetitions"))
                    .append(") | SDK | Python `requests` | Python/SDK (> 1: SDK ahead) |\n|---|---:|---:|---:|\n");
            sb.append("| first `info()`: client built (Python: `import requests`), first answer parsed | ")
                    .append(f1(cold.get("sdkFirstCallMillis"))).append(" ms | ").append(f1(cold.get("pythonFirstCallMillis")))
                    .append(" ms | ").append(f2(cold.get("sdkSpeedOverPythonFirstCall"))).append(" |\n");
            sb.append("| whole process making one `info()` (JVM / interpreter start included) | ")
                    .append(f1(cold.get("sdkWallMillis"))).append(" ms | ").append(f1(cold.get("pythonWallMillis")))
                    .append(" ms | ").append(f2(cold.get("sdkSpeedOverPythonWall"))).append(" |\n\n");
        }
        sb.append("Python peer: ").append(latency.get("python")).append(".\n\n");
    }

    @SuppressWarnings("unchecked")
    private static void latencyTable(StringBuilder sb, String server, Map<String, Object> lat) {
        Map<String, Object> s = (Map<String, Object>) lat.get("sdk");
        Map<String, Object> b = (Map<String, Object>) lat.get("bareOkHttp");
        Map<String, Object> m = (Map<String, Object>) lat.get("bareOkHttpMoshi");
        Map<String, Object> py = (Map<String, Object>) lat.get("python");
        Map<String, Object> cpu = (Map<String, Object>) lat.get("serverCpu");
        sb.append("| per call, taking turns in one JVM, ").append(server)
                .append(" | SDK | bare OkHttp | SDK/bare | bare OkHttp + Moshi parse | Python `requests` (new connection per call) "
                        + "| Python/SDK (> 1: SDK ahead) |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (String p : List.of("median", "p90", "p99")) {
            Object ratio = p.equals("median") ? lat.get("sdkOverBareMedianRatio") : num(s.get(p)) / num(b.get(p));
            sb.append("| `paths().info()` ").append(p).append(" latency | ").append(f1(s.get(p))).append(" µs | ")
                    .append(f1(b.get(p))).append(" µs | ").append(f2(ratio)).append(" | ").append(f1(m.get(p))).append(" µs | ")
                    .append(py == null ? "–" : f1(py.get(p)) + " µs").append(" | ")
                    .append(py == null ? "–" : f2(num(py.get(p)) / num(s.get(p)))).append(" |\n");
        }
        if (cpu != null) {
            sb.append("\nServer CPU while the three clients took turns: ").append(f1(cpu.get("cpuMicrosPerRequest")))
                    .append(" µs per request (").append(f0(cpu.get("requests"))).append(" requests)");
            if (py != null && py.get("serverCpu") != null) {
                sb.append("; with Python's new connection per call: ")
                        .append(f1(((Map<String, Object>) py.get("serverCpu")).get("cpuMicrosPerRequest"))).append(" µs per request");
            }
            sb.append(".\n");
        }
        sb.append('\n');
    }

    @SuppressWarnings("unchecked")
    private static void emulatorThroughput(StringBuilder sb, Map<String, Object> throughput) {
        sb.append("| concurrent callers, one client, **the emulator** | SDK calls/s | bare OkHttp calls/s | SDK/bare | SDK errors "
                + "| connections opened SDK / bare | SDK, 64-connection pool: calls/s, connections | Python `requests`: calls/s, "
                + "errors, connections | SDK/Python | emulator CPU per request (SDK turns / Python) |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<String, Object> profile = null;
        for (Object o : (List<Object>) throughput.get("emulatorRows")) {
            Map<String, Object> row = (Map<String, Object>) o;
            Map<String, Object> s = (Map<String, Object>) row.get("sdk");
            Map<String, Object> b = (Map<String, Object>) row.get("bare");
            Map<String, Object> p = (Map<String, Object>) row.get("sdk-pool64");
            Map<String, Object> py = (Map<String, Object>) row.get("python");
            Map<String, Object> cpu = (Map<String, Object>) row.get("serverCpu");
            if (cpu != null && cpu.get("profile") != null) {
                profile = (Map<String, Object>) cpu.get("profile");
            }
            sb.append("| ").append(f0(row.get("callers"))).append(" | ").append(f0(s.get("callsPerSecond"))).append(" | ")
                    .append(f0(b.get("callsPerSecond"))).append(" | ").append(f2(row.get("sdkOverBare"))).append(" | ")
                    .append(f0(s.get("errors"))).append(" | ").append(f0(s.get("connectionsOpened"))).append(" / ")
                    .append(f0(b.get("connectionsOpened"))).append(" | ").append(f0(p.get("callsPerSecond"))).append(", ")
                    .append(f0(p.get("connectionsOpened"))).append(" | ")
                    .append(py == null ? "–" : f0(py.get("callsPerSecond")) + ", " + f0(py.get("errors")) + ", "
                            + f0(py.get("connectionsOpened")))
                    .append(" | ").append(f2(row.get("sdkSpeedOverPython"))).append(" | ")
                    .append(cpu == null ? "–" : f1(cpu.get("cpuMicrosPerRequest")) + " µs").append(" / ")
                    .append(py == null || py.get("serverCpu") == null ? "–"
                            : f1(((Map<String, Object>) py.get("serverCpu")).get("cpuMicrosPerRequest")) + " µs")
                    .append(" |\n");
        }
        sb.append('\n');
        if (profile != null && profile.get("byTopFrame") != null) {
            sb.append("Where the emulator's CPU goes (JFR execution samples in its JVM during the largest caller count, ")
                    .append(f0(profile.get("samples"))).append(" samples): by the code on top of the stack: ")
                    .append(shares((List<Object>) profile.get("byTopFrame"))).append("; hottest methods: ")
                    .append(shares((List<Object>) profile.get("topMethods"))).append("; by the nearest emulator frame: ")
                    .append(shares((List<Object>) profile.get("nearestEmulatorFrame"))).append(".\n\n");
        }
    }

    /** The cold rows: one per JVM set-up, each beside the Python figures of the same rounds. */
    @SuppressWarnings("unchecked")
    private static void coldTable(StringBuilder sb, Map<String, Object> cold) {
        sb.append("| cold, fresh process, through the emulator, taking turns (median of ").append(cold.get("repetitions"))
                .append(") | first `info()` (client built + call) | Python/SDK | whole process | Python/SDK | process CPU | Python/SDK"
                        + " | classes loaded (from an archive) |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Object o : (List<Object>) cold.get("setups")) {
            Map<String, Object> row = (Map<String, Object>) o;
            Map<String, Object> classes = (Map<String, Object>) row.get("classes");
            sb.append("| SDK, ").append(row.get("name")).append(" | ").append(f1(row.get("firstCallMillis"))).append(" ms (")
                    .append(f1(row.get("buildMillis"))).append(" + ").append(f1(row.get("callMillis"))).append(") | ")
                    .append(row.get("speedOverPythonFirstCall") == null ? "–" : f2(row.get("speedOverPythonFirstCall"))).append(" | ")
                    .append(f1(row.get("wallMillis"))).append(" ms | ")
                    .append(row.get("speedOverPythonWall") == null ? "–" : f2(row.get("speedOverPythonWall"))).append(" | ")
                    .append(f1(row.get("processCpuMillis"))).append(" ms | ")
                    .append(row.get("pythonCpuOverSdkCpu") == null ? "–" : f2(row.get("pythonCpuOverSdkCpu"))).append(" | ")
                    .append(classes == null ? "–" : f0(classes.get("classesLoaded")) + " (" + f0(classes.get("fromArchive")) + ")")
                    .append(" |\n");
        }
        if (cold.get("pythonFirstCallMillis") != null) {
            sb.append("| Python `requests` (`import requests` + call) | ").append(f1(cold.get("pythonFirstCallMillis")))
                    .append(" ms | | ").append(f1(cold.get("pythonWallMillis"))).append(" ms | | ")
                    .append(f1(cold.get("pythonProcessCpuMillis"))).append(" ms | | |\n");
        }
        sb.append("\nLoad average when the cold rounds ended: ").append(f2(cold.get("loadAverage"))).append(".\n");
        Map<String, Object> leftOut = (Map<String, Object>) cold.getOrDefault("setupsLeftOut", Map.of());
        leftOut.forEach((name, why) -> sb.append("Left out: ").append(name).append(" (").append(why).append(").\n"));
        sb.append('\n');
    }

    private static String shares(List<Object> entries) {
        StringBuilder sb = new StringBuilder();
        for (Object o : entries) {
            List<?> e = (List<?>) o;
            sb.append(sb.length() == 0 ? "" : ", ").append(e.get(0)).append(' ')
                    .append(String.format(Locale.ROOT, "%.0f%%", num(e.get(1))));
        }
        return sb.length() == 0 ? "none" : sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static void emulatorTransfers(StringBuilder sb, Map<String, Object> transfers) {
        sb.append("| transfer, **the emulator** (uploads written to disk) | curl | SDK | SDK/curl | bare OkHttp | Python `requests` "
                + "| SDK/Python | cold (first 32 MiB of a fresh process): SDK, Python, SDK/Python | Python peak RSS |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<String, Object> rows = (Map<String, Object>) transfers.get("emulatorRows");
        for (Map.Entry<String, Object> e : rows.entrySet()) {
            Map<String, Object> row = (Map<String, Object>) e.getValue();
            long rss = 0;
            for (Object o : (List<Object>) row.getOrDefault("pythonRuns", List.of())) {
                Object v = ((Map<String, Object>) o).get("peakRssBytes");
                rss = Math.max(rss, v == null ? 0 : (long) num(v));
            }
            sb.append("| ").append(describe(e.getKey())).append(" | ").append(mib(row.get("curlBytesPerSecond"))).append(" | ")
                    .append(mib(row.get("sdkBytesPerSecond"))).append(" | ").append(f2(row.get("sdkOverCurl"))).append(" | ")
                    .append(mib(row.get("okhttpBytesPerSecond"))).append(" | ").append(mib(row.get("pythonBytesPerSecond")))
                    .append(" | ").append(f2(row.get("sdkOverPython"))).append(" | ").append(mib(row.get("sdkColdBytesPerSecond")))
                    .append(", ").append(mib(row.get("pythonColdBytesPerSecond"))).append(", ")
                    .append(f2(row.get("sdkOverPythonCold"))).append(" | ").append(rss == 0 ? "–" : size(rss)).append(" |\n");
        }
        sb.append("\nPython peer: ").append(transfers.get("python")).append(".\n\n");
    }

    private static String describe(String op) {
        switch (op) {
            case "download-discard":
                return "download, bytes discarded (curl `-o /dev/null`, SDK `download(path, OutputStream.nullOutputStream())`)";
            case "download-file":
                return "download to a file (curl `-o`, SDK `download(path, Path)`; fsync'd by all only in runs before `durable`)";
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
