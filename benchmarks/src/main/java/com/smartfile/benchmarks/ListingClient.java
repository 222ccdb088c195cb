package com.smartfile.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.smartfile.sdk.SmartFile;
import com.smartfile.sdk.model.PathInfo;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Child JVM: lists folders of several sizes of {@link SyntheticFolderServer}, timed, with the heap
 * watched. The SDK iterates {@code paths().list(folder, pageSize)}; the bare peer fetches the same
 * pages with OkHttp and reads their bytes without parsing them (the transport's share). After a
 * warm-up, the sizes are listed in rounds (the order rotating), so that each size sees the same
 * JIT state and, on average, the same machine load; each size keeps its median. Then the SDK lists
 * the largest folder once more and measures the live heap (after a full GC) at every tenth of the
 * way, to show whether memory grows with the entries seen.
 *
 * <pre>
 * ListingClient --client sdk|bare --base URL --sizes N,N,... --page-size P --rounds R --warmup-ms W
 * </pre>
 */
public final class ListingClient {

    private static final int WARMUP_ENTRIES = 10_000;

    private ListingClient() {
    }

    /**
     * Runs the listings and prints the result line.
     *
     * @param args see the class comment
     */
    public static void main(String[] args) {
        Args a = new Args(args);
        List<Long> sizes = new ArrayList<>();
        for (String s : a.require("sizes").split(",")) {
            sizes.add(Long.parseLong(s.trim()));
        }
        try (HeapWatcher heap = new HeapWatcher()) {
            Map<String, Object> result = run(a.require("client"), a.require("base"), sizes, a.getInt("page-size"),
                    a.getInt("rounds"), a.getLong("warmup-ms"), LocalCredentials.fromEnvironment(), heap);
            ChildJvm.emit(result);
        }
    }

    /**
     * Runs the listings in this JVM.
     *
     * @param client {@code sdk} or {@code bare}
     * @param baseUrl the server's root URL
     * @param sizes the folders' sizes
     * @param pageSize entries per request
     * @param rounds how many times each size is listed
     * @param warmupMillis how long to list a smaller folder first (at least once)
     * @param credentials the credentials
     * @param heap the watcher whose report goes into the result (taken after the timed rounds), or null
     * @return {@code sizes}: per size {@code entries}, {@code seconds} and {@code microsPerEntry}
     *     (medians over rounds); {@code heap}; and for the SDK {@code liveHeapCheckpoints}
     *     ([entries seen, live bytes] pairs over the largest folder)
     */
    public static Map<String, Object> run(String client, String baseUrl, List<Long> sizes, int pageSize, int rounds,
                                          long warmupMillis, LocalCredentials credentials, HeapWatcher heap) {
        Lister lister;
        AutoCloseable closer;
        SmartFile sdk = null;
        if (client.equals("sdk")) {
            sdk = Clients.sdk(baseUrl, credentials);
            SmartFile s = sdk;
            lister = entries -> listSdk(s, entries, pageSize, null);
            closer = sdk;
        } else if (client.equals("bare")) {
            OkHttpClient bare = Clients.bare();
            lister = entries -> listBare(bare, baseUrl, credentials, entries, pageSize);
            closer = () -> {
                bare.dispatcher().executorService().shutdown();
                bare.connectionPool().evictAll();
            };
        } else {
            throw new IllegalArgumentException("--client sdk|bare, got " + client);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("client", client);
        m.put("pageSize", pageSize);
        m.put("rounds", rounds);
        try {
            long warmupEnd = System.nanoTime() + warmupMillis * 1_000_000L;
            do {
                lister.list(Math.min(WARMUP_ENTRIES, sizes.get(0)));
            } while (System.nanoTime() < warmupEnd);
            List<List<Double>> seconds = new ArrayList<>();
            sizes.forEach(s -> seconds.add(new ArrayList<>()));
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < sizes.size(); i++) {
                    int k = (i + round) % sizes.size();
                    long entries = sizes.get(k);
                    long start = System.nanoTime();
                    long seen = lister.list(entries);
                    seconds.get(k).add((System.nanoTime() - start) / 1e9);
                    if (seen != entries) {
                        throw new BenchmarkFailure("listed " + seen + " entries, expected " + entries);
                    }
                }
            }
            List<Object> rows = new ArrayList<>();
            for (int k = 0; k < sizes.size(); k++) {
                Map<String, Object> row = new LinkedHashMap<>();
                double median = TransferComparison.median(seconds.get(k));
                row.put("entries", sizes.get(k));
                row.put("seconds", median);
                row.put("microsPerEntry", median * 1e6 / sizes.get(k));
                row.put("secondsPerRound", seconds.get(k));
                rows.add(row);
            }
            m.put("sizes", rows);
            if (heap != null) {
                m.put("heap", heap.report());
            }
            if (sdk != null) {
                List<List<Long>> checkpoints = new ArrayList<>();
                listSdk(sdk, sizes.get(sizes.size() - 1), pageSize, checkpoints);
                m.put("liveHeapCheckpoints", checkpoints);
            }
            return m;
        } finally {
            try {
                closer.close();
            } catch (Exception ignored) {
                // done
            }
        }
    }

    @FunctionalInterface
    private interface Lister {
        long list(long entries);
    }

    /** Iterates the folder; with {@code checkpoints}, records the live heap at every tenth. */
    private static long listSdk(SmartFile sdk, long entries, int pageSize, List<List<Long>> checkpoints) {
        long seen = 0;
        long sizes = 0;
        long step = Math.max(1, entries / 10);
        if (checkpoints != null) {
            checkpoints.add(List.of(0L, HeapWatcher.liveHeapNow()));
        }
        for (PathInfo entry : sdk.paths().list(SyntheticFolderServer.folder(entries), pageSize)) {
            sizes += entry.getSize();
            seen++;
            if (checkpoints != null && seen % step == 0) {
                checkpoints.add(List.of(seen, HeapWatcher.liveHeapNow()));
            }
        }
        if (sizes <= 0 && seen > 0) {
            throw new BenchmarkFailure("entries without sizes");
        }
        return seen;
    }

    /** Fetches every page's bytes; returns the entries they hold, by the server's arithmetic. */
    private static long listBare(OkHttpClient bare, String baseUrl, LocalCredentials credentials, long entries,
                                 int pageSize) {
        long pages = Math.max(1, (entries + pageSize - 1) / pageSize);
        String folder = SyntheticFolderServer.folder(entries).substring(1);
        long bytes = 0;
        for (long page = 1; page <= pages; page++) {
            Request request = new Request.Builder()
                    .url(baseUrl + "api/2/path/info/" + folder + "/?children=true&page=" + page + "&limit=" + pageSize)
                    .header("Authorization", credentials.basicHeader()).build();
            bytes += Clients.fetch(bare, request).length;
        }
        if (bytes <= 0) {
            throw new BenchmarkFailure("empty pages");
        }
        return entries;
    }
}
