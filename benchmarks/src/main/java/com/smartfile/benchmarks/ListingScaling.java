package com.smartfile.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Section "listing": iterating folders of growing size through {@code paths().list(folder, 100)}
 * (the SDK's default page size), each in a fresh JVM with {@code -Xmx64m}
 * ({@link ListingClient}), beside a bare OkHttp client fetching the same pages without parsing
 * them; plus the largest folder with pages of 1000. Served by {@link SyntheticFolderServer} in
 * this JVM. Time per entry should stay flat as the folder grows (linear time), and so should the
 * live heap measured along the way.
 */
public final class ListingScaling {

    /** The SDK's default page size. */
    static final int DEFAULT_PAGE_SIZE = 100;
    /** The largest page SmartFile serves. */
    static final int LARGE_PAGE_SIZE = 1000;

    private ListingScaling() {
    }

    /**
     * Runs the measurements.
     *
     * @param o the suite's options
     * @return the figures
     * @throws Exception when the server cannot start
     */
    public static Map<String, Object> run(SuiteOptions o) throws Exception {
        LocalCredentials credentials = LocalCredentials.random();
        List<Object> rows = new ArrayList<>();
        List<Long> sizes = o.listingSizes();
        long largest = sizes.get(sizes.size() - 1);
        try (MiniHttpServer server = SyntheticFolderServer.start(credentials)) {
            List<long[]> plan = new ArrayList<>();
            for (long n : sizes) {
                plan.add(new long[] {n, DEFAULT_PAGE_SIZE});
            }
            plan.add(new long[] {largest, LARGE_PAGE_SIZE});
            for (long[] p : plan) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("entries", p[0]);
                row.put("pageSize", p[1]);
                for (String client : List.of("sdk", "bare")) {
                    Map<String, Object> r = ChildJvm.run(ListingClient.class, List.of(o.smallHeap),
                            List.of("--client", client, "--base", server.baseUrl(), "--entries", String.valueOf(p[0]),
                                    "--page-size", String.valueOf(p[1]),
                                    "--warmup-ms", String.valueOf(o.listingWarmupMillis())), credentials, 600);
                    row.put(client, r);
                    System.out.printf("listing: %-4s %,8d entries, pages of %4d: %7.3f s, %6.2f us/entry%n", client, p[0], p[1],
                            SmallCallThroughput.number(r.get("seconds")), SmallCallThroughput.number(r.get("microsPerEntry")));
                }
                rows.add(row);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("server", "SyntheticFolderServer (harness, pages made up on the fly)");
        out.put("jvmOptions", o.smallHeap);
        out.put("warmupMillis", o.listingWarmupMillis());
        out.put("rows", rows);
        return out;
    }
}
