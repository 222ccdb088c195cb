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
 * Child JVM: lists a folder of N entries of {@link SyntheticFolderServer}, timed, with the heap
 * watched. The SDK iterates {@code paths().list(folder, pageSize)}; the bare peer fetches the same
 * pages with OkHttp and reads their bytes without parsing them (the transport's share). A shorter
 * listing, repeated for the warm-up time, warms the JIT up first. After the timed pass, the SDK lists the folder once more and
 * measures the live heap (after a full GC) at every tenth of the way, to show whether memory
 * grows with the entries seen.
 *
 * <pre>
 * ListingClient --client sdk|bare --base URL --entries N --page-size P --warmup-ms W
 * </pre>
 */
public final class ListingClient {

    private static final int WARMUP_ENTRIES = 10_000;

    private ListingClient() {
    }

    /**
     * Runs the listing and prints its result line.
     *
     * @param args see the class comment
     */
    public static void main(String[] args) {
        Args a = new Args(args);
        try (HeapWatcher heap = new HeapWatcher()) {
            Map<String, Object> result = run(a.require("client"), a.require("base"), a.getLong("entries"),
                    a.getInt("page-size"), a.getLong("warmup-ms"), LocalCredentials.fromEnvironment(), heap);
            ChildJvm.emit(result);
        }
    }

    /**
     * Runs the listing in this JVM.
     *
     * @param client {@code sdk} or {@code bare}
     * @param baseUrl the server's root URL
     * @param entries the folder's size
     * @param pageSize entries per request
     * @param warmupMillis how long to list a smaller folder first (at least once)
     * @param credentials the credentials
     * @param heap the watcher whose report goes into the result (taken right after the timed pass)
     * @return {@code entries}, {@code seconds}, {@code microsPerEntry}, {@code heap}, and for the SDK
     *     {@code liveHeapCheckpoints} ([entries seen, live bytes] pairs)
     */
    public static Map<String, Object> run(String client, String baseUrl, long entries, int pageSize, long warmupMillis,
                                          LocalCredentials credentials, HeapWatcher heap) {
        long warmupEnd = System.nanoTime() + warmupMillis * 1_000_000L;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("client", client);
        m.put("pageSize", pageSize);
        if (client.equals("sdk")) {
            try (SmartFile sdk = Clients.sdk(baseUrl, credentials)) {
                do {
                    listSdk(sdk, Math.min(entries, WARMUP_ENTRIES), pageSize, null);
                } while (System.nanoTime() < warmupEnd);
                long start = System.nanoTime();
                long seen = listSdk(sdk, entries, pageSize, null);
                timed(m, seen, entries, start, heap);
                List<List<Long>> checkpoints = new ArrayList<>();
                listSdk(sdk, entries, pageSize, checkpoints);
                m.put("liveHeapCheckpoints", checkpoints);
            }
        } else if (client.equals("bare")) {
            OkHttpClient bare = Clients.bare();
            try {
                do {
                    listBare(bare, baseUrl, credentials, Math.min(entries, WARMUP_ENTRIES), pageSize);
                } while (System.nanoTime() < warmupEnd);
                long start = System.nanoTime();
                long seen = listBare(bare, baseUrl, credentials, entries, pageSize);
                timed(m, seen, entries, start, heap);
            } finally {
                bare.dispatcher().executorService().shutdown();
                bare.connectionPool().evictAll();
            }
        } else {
            throw new IllegalArgumentException("--client sdk|bare, got " + client);
        }
        return m;
    }

    private static void timed(Map<String, Object> m, long seen, long expected, long start, HeapWatcher heap) {
        double seconds = (System.nanoTime() - start) / 1e9;
        if (seen != expected) {
            throw new BenchmarkFailure("listed " + seen + " entries, expected " + expected);
        }
        m.put("entries", seen);
        m.put("seconds", seconds);
        m.put("microsPerEntry", seconds * 1e6 / seen);
        if (heap != null) {
            m.put("heap", heap.report());
        }
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
