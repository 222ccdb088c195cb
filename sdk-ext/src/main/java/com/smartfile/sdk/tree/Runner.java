package com.smartfile.sdk.tree;

import org.jspecify.annotations.Nullable;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.smartfile.sdk.DownloadOptions;
import com.smartfile.sdk.InvalidInputException;
import com.smartfile.sdk.ProgressListener;
import com.smartfile.sdk.SmartFile;
import com.smartfile.sdk.SmartFileException;
import com.smartfile.sdk.SyncResult;
import com.smartfile.sdk.TaskPartialFailureException;
import com.smartfile.sdk.UploadOptions;
import com.smartfile.sdk.UploadSource;
import com.smartfile.sdk.tree.SyncPlan.Entry;

/**
 * Carries out a {@link SyncPlan}: folders first (parents before children), then the files, N at a
 * time, then (only when everything succeeded) the deletions.
 */
final class Runner {

    /** Paths per remove task. */
    static final int REMOVE_BATCH = 200;

    private final SmartFile client;
    private final SyncPlan plan;
    private final TreeListener listener;
    private final boolean upload;
    private volatile boolean cancelled;

    private final Object progressLock = new Object();
    private final int filesTotal;
    private final long bytesTotal;
    private int filesDone;
    private long bytesDone;

    private final Map<Entry, SmartFileException> failures = new ConcurrentHashMap<>();
    private final List<Entry> transferred = Collections.synchronizedList(new ArrayList<>());
    private final List<Entry> created = Collections.synchronizedList(new ArrayList<>());
    private final List<Entry> deleted = new ArrayList<>();

    private final AtomicLong wireSent = new AtomicLong();
    private final AtomicLong wireReceived = new AtomicLong();
    private final AtomicInteger deltaFiles = new AtomicInteger();
    /** Set by the first refusal of the delta routes: from then on this run transfers whole files. */
    private final AtomicReference<String> deltaFallback = new AtomicReference<>();

    Runner(SmartFile client, SyncPlan plan, @Nullable TreeListener listener) {
        this.client = client;
        this.plan = plan;
        this.listener = listener == null ? TreeListener.NONE : listener;
        this.upload = plan.getDirection() == SyncPlan.Direction.UPLOAD;
        this.filesTotal = plan.getTransfers().size();
        this.bytesTotal = plan.getBytesToTransfer();
    }

    /** Stops starting transfers; those running finish. */
    void cancel() {
        cancelled = true;
    }

    TreeResult run() {
        SyncOptions options = plan.getOptions();
        if (plan.isDeletingEverything() && !options.isAllowDeletingEverything()) {
            throw new InvalidInputException("This sync would delete everything in " + plan.getDestination()
                    + " (" + plan.getDeletions().size() + " entries): the source " + plan.getSource()
                    + " has nothing to keep. Check the source; if it is meant, allow it with allowDeletingEverything(true).");
        }
        ExecutorService pool = Executors.newFixedThreadPool(options.getTransfers(), Trees.threads("smartfile-tree-transfer"));
        boolean deletionsSkipped = false;
        try {
            for (Entry c : plan.getConflicts()) {
                failures.put(c, new SmartFileException(conflictMessage(c)));
            }
            createFolders(pool);
            List<Future<?>> running = new ArrayList<>();
            for (Entry e : plan.getTransfers()) {
                running.add(pool.submit(() -> transfer(e)));
            }
            for (Future<?> f : running) {
                Planner.join(f);
            }
            if (!plan.getDeletions().isEmpty()) {
                if (failures.isEmpty() && !cancelled) {
                    delete();
                } else {
                    deletionsSkipped = true;
                }
            }
        } finally {
            pool.shutdown();
        }
        TreeResult result = new TreeResult(plan, inPlanOrder(transferred, plan.getTransfers()),
                inPlanOrder(created, plan.getFoldersToCreate()), deleted, orderedFailures(), bytesDone, cancelled,
                deletionsSkipped, new TreeResult.Wire(wireSent.get(), wireReceived.get(), deltaFiles.get(),
                        deltaFallback.get()));
        synchronized (progressLock) {
            listener.onFinished(result);
        }
        return result;
    }

    private void createFolders(ExecutorService pool) {
        Map<Integer, List<Entry>> byDepth = new TreeMap<>();
        for (Entry f : plan.getFoldersToCreate()) {
            int depth = f.getRelativePath().isEmpty() ? 0 : f.getRelativePath().split("/", -1).length;
            byDepth.computeIfAbsent(depth, d -> new ArrayList<>()).add(f);
        }
        for (List<Entry> level : byDepth.values()) {
            List<Future<?>> running = new ArrayList<>();
            for (Entry f : level) {
                running.add(pool.submit(() -> {
                    if (cancelled) {
                        return;
                    }
                    try {
                        mkdir(f.destination());
                        created.add(f);
                    } catch (SmartFileException e) {
                        failures.put(f, e);
                    }
                }));
            }
            for (Future<?> r : running) {
                Planner.join(r);
            }
        }
    }

    private void mkdir(String folder) {
        if (!upload) {
            try {
                Files.createDirectories(Paths.get(folder));
                return;
            } catch (IOException e) {
                throw new SmartFileException("Cannot create the local folder " + folder + " (" + e + ").", e);
            }
        }
        try {
            client.paths().mkdir(folder);
        } catch (SmartFileException e) {
            if (!isRemoteFolder(folder)) {   // created meanwhile by someone else: fine
                throw e;
            }
        }
    }

    private boolean isRemoteFolder(String folder) {
        try {
            return Boolean.TRUE.equals(client.paths().info(folder).isDirectory());
        } catch (SmartFileException e) {
            return false;
        }
    }

    private void transfer(Entry e) {
        if (cancelled) {
            return;
        }
        long[] counted = {0};
        ProgressListener bytes = (sent, total) -> {
            synchronized (progressLock) {
                if (sent > counted[0]) {
                    bytesDone += sent - counted[0];
                    counted[0] = sent;
                    listener.onProgress(new TreeProgress(filesDone, filesTotal, bytesDone, bytesTotal));
                }
            }
        };
        SmartFileException failure = null;
        try {
            if (byDelta(e)) {
                SyncResult r = upload
                        ? client.paths().syncUpload(Paths.get(e.source()), e.destination(),
                                UploadOptions.builder().progress(bytes).build())
                        : client.paths().syncDownload(e.source(), Paths.get(e.destination()), downloadOptions(e, bytes));
                if (r.getFallback() == SyncResult.Fallback.SERVER_DECLINED) {
                    deltaFallback.compareAndSet(null, r.getFallbackReason());
                }
                if (r.isDeltaUsed()) {
                    deltaFiles.incrementAndGet();
                }
                wireSent.addAndGet(r.getBytesSent());
                wireReceived.addAndGet(r.getBytesReceived());
            } else if (upload) {
                client.paths().uploadAs(e.destination(), UploadSource.of(Paths.get(e.source())),
                        UploadOptions.builder().progress(bytes).build());
                wireSent.addAndGet(e.getSize());
            } else {
                wireReceived.addAndGet(client.paths().download(e.source(), Paths.get(e.destination()),
                        downloadOptions(e, bytes)));
            }
            transferred.add(e);
        } catch (SmartFileException ex) {
            failure = ex;
        } catch (RuntimeException ex) {
            failure = new SmartFileException("Transferring " + e.getRelativePath() + " failed: " + ex, ex);
        }
        if (failure != null) {
            failures.put(e, failure);
        }
        synchronized (progressLock) {
            if (failure == null && e.getSize() > counted[0]) {
                bytesDone += e.getSize() - counted[0];   // a file whose progress was not reported (e.g. empty)
            }
            filesDone++;
            listener.onFileDone(e, failure);
            listener.onProgress(new TreeProgress(filesDone, filesTotal, bytesDone, bytesTotal));
        }
    }

    /**
     * A changed file on both sides, large enough, while the server has not turned the delta routes down in this
     * run (the first refusal turns them off for the rest of it: one failed request, not one per file).
     */
    private boolean byDelta(Entry e) {
        SyncOptions o = plan.getOptions();
        return o.isDelta() && deltaFallback.get() == null && e.getReason() != SyncPlan.Reason.NEW
                && e.getSize() >= o.getDeltaMinSize();
    }

    /** Progress, and the server's SHA-256 when the plan has it: a wrong download never replaces the local file. */
    private static DownloadOptions downloadOptions(Entry e, ProgressListener bytes) {
        DownloadOptions.Builder b = DownloadOptions.builder().progress(bytes);
        if (e.sourceSha256 != null && e.sourceSha256.matches("[0-9A-Fa-f]{64}")) {
            b.checksum("SHA-256", e.sourceSha256);
        }
        return b.build();
    }

    private void delete() {
        if (upload) {
            List<Entry> all = plan.getDeletions();
            for (int i = 0; i < all.size(); i += REMOVE_BATCH) {
                removeRemote(all.subList(i, Math.min(all.size(), i + REMOVE_BATCH)));
            }
            return;
        }
        for (Entry d : plan.getDeletions()) {
            try {
                deleteLocal(Paths.get(d.destination()));
                deleted.add(d);
            } catch (IOException e) {
                failures.put(d, new SmartFileException("Cannot delete " + d.destination() + " (" + e + ").", e));
            }
        }
    }

    private void removeRemote(List<Entry> batch) {
        String[] paths = new String[batch.size()];
        for (int i = 0; i < paths.length; i++) {
            paths[i] = batch.get(i).destination();
        }
        try {
            client.paths().remove(paths).await();
            deleted.addAll(batch);
        } catch (TaskPartialFailureException e) {
            for (Entry d : batch) {
                String why = e.getErrors().get(d.getDestination());
                if (why == null) {
                    deleted.add(d);
                } else {
                    failures.put(d, new SmartFileException("The server did not delete " + d.getDestination() + ": " + why));
                }
            }
        } catch (SmartFileException e) {
            for (Entry d : batch) {
                failures.put(d, e);
            }
        }
    }

    private static void deleteLocal(Path target) throws IOException {
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(target);
            return;
        }
        Files.walkFileTree(target, new SimpleFileVisitor<Path>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static String conflictMessage(Entry c) {
        switch (c.getReason()) {
            case CASE_COLLISION:
                return "Not downloaded: another name in the same folder differs from '" + c.getRelativePath()
                        + "' only in case, and the local disk is case-insensitive; rename one of them on the server.";
            case TYPE_MISMATCH:
                return "Not transferred: '" + c.getRelativePath() + "' is a file on one side and a folder on the other;"
                        + " remove or rename one of them.";
            default:
                return "Not transferred: the local file system cannot hold the name '" + c.getRelativePath() + "'.";
        }
    }

    private Map<Entry, SmartFileException> orderedFailures() {
        Map<Entry, SmartFileException> ordered = new LinkedHashMap<>();
        for (List<Entry> list : List.of(plan.getConflicts(), plan.getFoldersToCreate(), plan.getTransfers(), plan.getDeletions())) {
            for (Entry e : list) {
                SmartFileException f = failures.get(e);
                if (f != null) {
                    ordered.put(e, f);
                }
            }
        }
        return ordered;
    }

    private static List<Entry> inPlanOrder(List<Entry> done, List<Entry> planned) {
        Set<Entry> set = Collections.newSetFromMap(new IdentityHashMap<>());
        synchronized (done) {
            set.addAll(done);
        }
        List<Entry> out = new ArrayList<>();
        for (Entry e : planned) {
            if (set.contains(e)) {
                out.add(e);
            }
        }
        return out;
    }
}
