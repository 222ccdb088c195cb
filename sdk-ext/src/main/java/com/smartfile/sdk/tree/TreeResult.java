package com.smartfile.sdk.tree;

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

    TreeResult(SyncPlan plan, List<SyncPlan.Entry> transferred, List<SyncPlan.Entry> created, List<SyncPlan.Entry> deleted,
               Map<SyncPlan.Entry, SmartFileException> failures, long bytesTransferred, boolean cancelled,
               boolean deletionsSkipped) {
        this.plan = plan;
        this.transferred = Collections.unmodifiableList(transferred);
        this.created = Collections.unmodifiableList(created);
        this.deleted = Collections.unmodifiableList(deleted);
        this.failures = Collections.unmodifiableMap(failures);
        this.bytesTransferred = bytesTransferred;
        this.cancelled = cancelled;
        this.deletionsSkipped = deletionsSkipped;
    }

    /** @return the plan that was carried out */
    public SyncPlan getPlan() {
        return plan;
    }

    /** @return the files transferred */
    public List<SyncPlan.Entry> getTransferred() {
        return transferred;
    }

    /** @return the folders created */
    public List<SyncPlan.Entry> getFoldersCreated() {
        return created;
    }

    /** @return the entries deleted */
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

    /** @return the bytes moved */
    public long getBytesTransferred() {
        return bytesTransferred;
    }

    /** @return whether the execution was cancelled before every transfer started */
    public boolean isCancelled() {
        return cancelled;
    }

    /** @return whether planned deletions were left undone because something failed or the run was cancelled */
    public boolean isDeletionsSkipped() {
        return deletionsSkipped;
    }

    /** @return whether everything planned was done */
    public boolean isComplete() {
        return failures.isEmpty() && !cancelled && !deletionsSkipped;
    }

    /**
     * One line: what was done.
     *
     * @return e.g. {@code 3 transferred (12.0 KiB), 1 deleted, 0 failed}, or {@code already in sync}
     */
    public String getSummary() {
        if (plan.isInSync() && failures.isEmpty()) {
            return "already in sync: nothing transferred (" + plan.getSkipped().size() + " skipped)";
        }
        return transferred.size() + " transferred (" + SyncPlan.bytes(bytesTransferred) + "), "
                + created.size() + " folders created, " + deleted.size() + " deleted, "
                + plan.getSkipped().size() + " skipped, " + failures.size() + " failed"
                + (deletionsSkipped ? "; deletions skipped because not everything succeeded" : "")
                + (cancelled ? "; cancelled" : "");
    }

    @Override
    public String toString() {
        return "TreeResult{" + getSummary() + "}";
    }
}
