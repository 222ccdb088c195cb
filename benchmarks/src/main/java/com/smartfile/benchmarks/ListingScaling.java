package com.smartfile.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Section "listing": iterating folders of growing size through {@code paths().list(folder, 100)}
 * (the SDK's default page size) in a fresh JVM with {@code -Xmx64m} ({@link ListingClient}),
 * beside a bare OkHttp client fetching the same pages without parsing them; then the largest
 * folder with pages of 1000. Served by {@link SyntheticFolderServer} in this JVM. Time per entry
 * should stay flat as the folder grows (linear time), and so should the live heap measured along
 * the way.
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
     * @return {@code runs}: per page size and client, the child's figures
     * @throws Exception when the server cannot start or a listing fails
     */
    public static Map<String, Object> run(SuiteOptions o) throws Exception {
        LocalCredentials credentials = LocalCredentials.random();
        List<Long> sizes = o.listingSizes();
        long largest = sizes.get(sizes.size() - 1);
        int rounds = o.quick ? 1 : 3;
        List<Object> runs = new ArrayList<>();
        try (MiniHttpServer server = SyntheticFolderServer.start(credentials)) {
            for (int pageSize : List.of(DEFAULT_PAGE_SIZE, LARGE_PAGE_SIZE)) {
                List<Long> these = pageSize == DEFAULT_PAGE_SIZE ? sizes : List.of(largest);
                for (String client : List.of("sdk", "bare")) {
                    StringBuilder list = new StringBuilder();
                    these.forEach(n -> list.append(list.length() == 0 ? "" : ",").append(n));
                    Map<String, Object> r = ChildJvm.run(ListingClient.class, List.of(o.smallHeap),
                            List.of("--client", client, "--base", server.baseUrl(), "--sizes", list.toString(),
                                    "--page-size", String.valueOf(pageSize), "--rounds", String.valueOf(rounds),
                                    "--warmup-ms", String.valueOf(o.listingWarmupMillis())), credentials, 900);
                    runs.add(r);
                    for (Object row : (List<?>) r.get("sizes")) {
                        Map<?, ?> s = (Map<?, ?>) row;
                        System.out.printf("listing: %-4s %,8d entries, pages of %4d: %7.3f s, %6.2f us/entry%n", client,
                                (long) SmallCallThroughput.number(s.get("entries")), pageSize,
                                SmallCallThroughput.number(s.get("seconds")), SmallCallThroughput.number(s.get("microsPerEntry")));
                    }
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("server", "SyntheticFolderServer (harness, pages made up on the fly)");
        out.put("jvmOptions", o.smallHeap);
        out.put("warmupMillis", o.listingWarmupMillis());
        out.put("runs", runs);
        return out;
    }

    /**
     * One child's figures in this section's results.
     *
     * @param listing the section's results
     * @param client {@code sdk} or {@code bare}
     * @param pageSize the page size
     * @return the figures, or null
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> find(Map<String, Object> listing, String client, int pageSize) {
        for (Object o : (List<Object>) listing.get("runs")) {
            Map<String, Object> r = (Map<String, Object>) o;
            if (client.equals(r.get("client")) && ((Number) r.get("pageSize")).intValue() == pageSize) {
                return r;
            }
        }
        return null;
    }
}
