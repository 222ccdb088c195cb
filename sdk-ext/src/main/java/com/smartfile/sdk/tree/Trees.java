package com.smartfile.sdk.tree;

import org.jspecify.annotations.Nullable;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.smartfile.sdk.InvalidInputException;
import com.smartfile.sdk.SmartFile;

/**
 * Whole folders: recursive upload and download, and sync, with files transferred in parallel on
 * the client's one connection pool. Get it from {@link SmartFile#trees()}.
 *
 * <p>A sync is planned, then executed: {@link #plan} lists both sides (folder by folder, each
 * level's folders in parallel) and compares them; the {@link SyncPlan} says what will be
 * transferred, skipped, created and deleted, and why, before anything changes. {@link #execute}
 * carries it out: folders first, then the files, {@link SyncOptions#getTransfers()} at a time, then,
 * only when every transfer succeeded, the deletions (on SmartFile through remove tasks, awaited).
 * A failing file does not stop the others: the rest are transferred and a
 * {@link TreeSyncException} at the end lists every failure. Running the same sync again finishes
 * the job and skips what is already in step.
 *
 * <p>Downloads go to a temporary file moved into place only when complete, so a failed or
 * cancelled sync never leaves a half-written file under a final name.
 *
 * <pre>{@code
 * SyncPlan plan = client.trees().plan(TreeLocation.local(Paths.get("photos")), TreeLocation.remote("/photos"),
 *         SyncOptions.builder().delete(true).exclude("*.tmp").build());
 * System.out.println(plan.getSummary());                   // a dry run
 * TreeResult done = client.trees().execute(plan, progress -> System.out.println(progress));
 * }</pre>
 */
public final class Trees {

    private final SmartFile client;

    /**
     * The tree service of a client; applications use {@link SmartFile#trees()}.
     *
     * @param client the client whose paths service does the work
     */
    public Trees(SmartFile client) {
        if (client == null) {
            throw new InvalidInputException("The client must not be null.");
        }
        this.client = client;
    }

    /**
     * Compares two trees and says what a sync would do, without changing anything. One side must
     * be local and the other on SmartFile. A listing that fails ends the plan with its exception:
     * no plan is ever made from a partial listing.
     *
     * @param source the folder whose content is copied
     * @param destination the folder brought in step with it; created when missing
     * @param options comparison, deletion, filters, parallelism
     * @return the plan
     * @throws InvalidInputException when both sides are local or both remote, the source does not
     *     exist or is a file, or the destination is a file
     */
    public SyncPlan plan(TreeLocation source, TreeLocation destination, SyncOptions options) {
        check(source, destination);
        SyncOptions o = options == null ? SyncOptions.defaults() : options;
        ExecutorService pool = Executors.newFixedThreadPool(o.getTransfers(), threads("smartfile-tree-list"));
        try {
            return new Planner(client, source, destination, o, pool).plan();
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Carries out a plan and waits for it.
     *
     * @param plan a plan from {@link #plan}
     * @param listener progress across the whole tree, or null
     * @return what was done, when everything succeeded
     * @throws TreeSyncException when some files failed or conflicted; its result lists them
     * @throws InvalidInputException before any request, for a plan that would delete everything
     *     at the destination without {@link SyncOptions.Builder#allowDeletingEverything}
     */
    public TreeResult execute(SyncPlan plan, @Nullable TreeListener listener) {
        if (plan == null) {
            throw new InvalidInputException("The plan must not be null.");
        }
        return finish(new Runner(client, plan, listener).run());
    }

    /**
     * Carries out a plan on a thread of its own. Cancelling the future stops new transfers at
     * once; transfers already running finish (no file is left half-written under its final name),
     * deletions are not made, and the listener's {@link TreeListener#onFinished} says when all is
     * over.
     *
     * @param plan a plan from {@link #plan}
     * @param listener progress, or null
     * @return a future of the result; it fails with {@link TreeSyncException} when some files failed
     */
    public CompletableFuture<TreeResult> executeAsync(SyncPlan plan, @Nullable TreeListener listener) {
        if (plan == null) {
            return CompletableFuture.failedFuture(new InvalidInputException("The plan must not be null."));
        }
        Runner runner = new Runner(client, plan, listener);
        CompletableFuture<TreeResult> future = new CompletableFuture<>();
        future.whenComplete((r, e) -> {
            if (future.isCancelled()) {
                runner.cancel();
            }
        });
        threads("smartfile-tree").newThread(() -> {
            try {
                future.complete(finish(runner.run()));
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }).start();
        return future;
    }

    /**
     * Plans and executes a sync in one call.
     *
     * @param source the folder whose content is copied
     * @param destination the folder brought in step
     * @param options what the sync does; with {@code delete(true)} extraneous entries are removed
     * @param listener progress, or null
     * @return what was done
     * @throws TreeSyncException when some files failed
     */
    public TreeResult sync(TreeLocation source, TreeLocation destination, SyncOptions options, @Nullable TreeListener listener) {
        return execute(plan(source, destination, options), listener);
    }

    /**
     * Copies a tree: a sync that never deletes, whatever {@code options} say.
     *
     * @param source the folder copied
     * @param destination where it goes; created when missing
     * @param options comparison, filters, parallelism ({@code delete} is ignored)
     * @param listener progress, or null
     * @return what was done
     * @throws TreeSyncException when some files failed
     */
    public TreeResult copyTree(TreeLocation source, TreeLocation destination, SyncOptions options, @Nullable TreeListener listener) {
        SyncOptions o = (options == null ? SyncOptions.defaults() : options).toBuilder().delete(false).build();
        return sync(source, destination, o, listener);
    }

    /**
     * Uploads a local folder into a SmartFile folder (a {@link #copyTree} with the defaults).
     *
     * @param localFolder the folder uploaded
     * @param remoteFolder where its content goes; created when missing
     * @return what was done
     * @throws TreeSyncException when some files failed
     */
    public TreeResult upload(Path localFolder, String remoteFolder) {
        return copyTree(TreeLocation.local(localFolder), TreeLocation.remote(remoteFolder), SyncOptions.defaults(), null);
    }

    /**
     * Downloads a SmartFile folder into a local folder (a {@link #copyTree} with the defaults).
     *
     * @param remoteFolder the folder downloaded
     * @param localFolder where its content goes; created when missing
     * @return what was done
     * @throws TreeSyncException when some files failed
     */
    public TreeResult download(String remoteFolder, Path localFolder) {
        return copyTree(TreeLocation.remote(remoteFolder), TreeLocation.local(localFolder), SyncOptions.defaults(), null);
    }

    private static TreeResult finish(TreeResult result) {
        if (!result.getFailures().isEmpty()) {
            throw new TreeSyncException(result);
        }
        return result;
    }

    private static void check(TreeLocation source, TreeLocation destination) {
        if (source == null || destination == null) {
            throw new InvalidInputException("Give both a source and a destination folder.");
        }
        if (source.isLocal() == destination.isLocal()) {
            String where = source.isLocal() ? "local" : "on SmartFile";
            boolean overlap = source.isLocal()
                    ? source.localFolder().startsWith(destination.localFolder()) || destination.localFolder().startsWith(source.localFolder())
                    : (source.remoteFolder() + "/").startsWith(destination.remoteFolder().equals("/") ? "/" : destination.remoteFolder() + "/")
                    || (destination.remoteFolder() + "/").startsWith(source.remoteFolder().equals("/") ? "/" : source.remoteFolder() + "/");
            throw new InvalidInputException("Both " + source + " and " + destination + " are " + where
                    + (overlap ? ", and one lies inside the other" : "")
                    + "; one side of a tree transfer must be local and the other on SmartFile.");
        }
    }

    static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
