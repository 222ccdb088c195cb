package com.smartfile.sdk.tree;

import org.jspecify.annotations.Nullable;
import com.smartfile.sdk.SmartFileException;

/**
 * Follows a tree transfer. Calls come one at a time (never concurrently), from the transfer
 * threads; keep them short.
 */
public interface TreeListener {

    /** A listener that ignores everything. */
    TreeListener NONE = progress -> { };

    /**
     * Bytes or files moved.
     *
     * @param progress the totals so far
     */
    void onProgress(TreeProgress progress);

    /**
     * A file finished.
     *
     * @param entry the plan's entry
     * @param failure why it failed, or null when it succeeded
     */
    default void onFileDone(SyncPlan.Entry entry, @Nullable SmartFileException failure) {
    }

    /**
     * The execution ended: every transfer that was started has finished, and nothing more will
     * be written. Called also after a cancel, once the running transfers are over.
     *
     * @param result what was done
     */
    default void onFinished(TreeResult result) {
    }
}
