package com.smartfile.sdk.tree;

import org.jspecify.annotations.Nullable;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.smartfile.sdk.SmartFileException;

/**
 * What {@link Trees#execute} did: the files transferred, the folders created, the entries deleted,
 * and every failure with its typed exception. Immutable.
 */
public final class TreeResult {

    private final SyncPlan plan;
    private final List<SyncPlan.Entry> transferred;
    private final List<SyncPlan.Entry> created;
    private final List<SyncPlan.Entry> deleted;
    private final Map<SyncPlan.Entry, SmartFileException> failures;
    private final long bytesTransferred;
    private final boolean cancelled;
    private final boolean deletionsSkipped;
    private final Wire wire;

    /** What crossed the connection for the files: request and reply bodies, delta transfers, a delta fallback. */
    static final class Wire {
        final long sent;
        final long received;
        final int deltaFiles;
        final @Nullable String deltaFallback;

        Wire(long sent, long received, int deltaFiles, @Nullable String deltaFallback) {
            this.sent = sent;
            this.received = received;
            this.deltaFiles = deltaFiles;
            this.deltaFallback = deltaFallback;
        }
    }

    TreeResult(SyncPlan plan, List<SyncPlan.Entry> transferred, List<SyncPlan.Entry> created, List<SyncPlan.Entry> deleted,
               Map<SyncPlan.Entry, SmartFileException> failures, long bytesTransferred, boolean cancelled,
               boolean deletionsSkipped, Wire wire) {
        this.plan = plan;
        this.transferred = Collections.unmodifiableList(transferred);
        this.created = Collections.unmodifiableList(created);
        this.deleted = Collections.unmodifiableList(deleted);
        this.failures = Collections.unmodifiableMap(failures);
        this.bytesTransferred = bytesTransferred;
        this.cancelled = cancelled;
        this.deletionsSkipped = deletionsSkipped;
        this.wire = wire;
    }

    /** {@return the plan that was carried out} */
    public SyncPlan getPlan() {
        return plan;
    }

    /** {@return the files transferred} */
    public List<SyncPlan.Entry> getTransferred() {
        return transferred;
    }

    /** {@return the folders created} */
    public List<SyncPlan.Entry> getFoldersCreated() {
        return created;
    }

    /** {@return the entries deleted} */
    public List<SyncPlan.Entry> getDeleted() {
        return deleted;
    }

    /**
     * Every entry that failed, in the plan's order, with why; the plan's conflicts are listed as
     * failures too (they were not reconciled).
     *
     * @return entry to failure
     */
    public Map<SyncPlan.Entry, SmartFileException> getFailures() {
        return failures;
    }

    /** {@return the bytes moved: the sizes of the files transferred (what a plain transfer of them sends)} */
    public long getBytesTransferred() {
        return bytesTransferred;
    }

    /**
     * Bytes of request bodies the file transfers sent: whole files uploaded, deltas uploaded, signatures sent for
     * delta downloads. HTTP headers and multipart framing are not counted; listings, checksums and removals neither.
     *
     * @return bytes sent on the wire for the files
     */
    public long getBytesSent() {
        return wire.sent;
    }

    /**
     * Bytes of reply bodies the file transfers received: whole files downloaded, deltas downloaded, the server's
     * signatures for delta uploads (headers and JSON replies not counted).
     *
     * @return bytes received on the wire for the files
     */
    public long getBytesReceived() {
        return wire.received;
    }

    /** {@return how many files moved as librsync deltas (see {@link SyncOptions.Builder#delta})} */
    public int getDeltaFiles() {
        return wire.deltaFiles;
    }

    /**
     * Why this run stopped using delta transfers: the server turned the {@code path/sync} routes down, so the
     * file that met it and every later one were transferred whole.
     *
     * @return the server's refusal in words, or null when delta transfers were not turned down
     */
    public @Nullable String getDeltaFallback() {
        return wire.deltaFallback;
    }

    /** {@return whether the execution was cancelled before every transfer started} */
    public boolean isCancelled() {
        return cancelled;
    }

    /** {@return whether planned deletions were left undone because something failed or the run was cancelled} */
    public boolean isDeletionsSkipped() {
        return deletionsSkipped;
    }

    /** {@return whether everything planned was done} */
    public boolean isComplete() {
        return failures.isEmpty() && !cancelled && !deletionsSkipped;
    }

    /**
     * One line: what was done.
     *
     * @return e.g. {@code 3 transferred (12.0 MiB), 0 folders created, 1 deleted, 40 skipped, 0 failed; on the wire
     *     1.1 MiB sent, 24.0 KiB received for 12.0 MiB of files (2 by delta)}, or {@code already in sync}
     */
    public String getSummary() {
        if (plan.isInSync() && failures.isEmpty()) {
            return "already in sync: nothing transferred (" + plan.getSkipped().size() + " skipped)";
        }
        return transferred.size() + " transferred (" + SyncPlan.bytes(bytesTransferred) + "), "
                + created.size() + " folders created, " + deleted.size() + " deleted, "
                + plan.getSkipped().size() + " skipped, " + failures.size() + " failed"
                + (transferred.isEmpty() ? "" : "; on the wire " + SyncPlan.bytes(wire.sent) + " sent, "
                    + SyncPlan.bytes(wire.received) + " received for " + SyncPlan.bytes(bytesTransferred)
                    + " of files (" + wire.deltaFiles + " by delta)")
                + (wire.deltaFallback == null ? "" : "; delta transfers turned off for this run: " + wire.deltaFallback)
                + (deletionsSkipped ? "; deletions skipped because not everything succeeded" : "")
                + (cancelled ? "; cancelled" : "");
    }

    @Override
    public String toString() {
        return "TreeResult{" + getSummary() + "}";
    }
}
