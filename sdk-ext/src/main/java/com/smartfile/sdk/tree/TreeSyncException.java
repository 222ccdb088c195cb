package com.smartfile.sdk.tree;

import java.util.Map;

import com.smartfile.sdk.SmartFileException;

/**
 * Some files of a tree transfer failed (or were conflicts); the others were transferred and are
 * correct. {@link #result()} lists every failure with its exception. Running the same sync again
 * transfers what is missing and skips what is done.
 */
public class TreeSyncException extends SmartFileException {

    private static final long serialVersionUID = 1L;

    private final transient TreeResult result;

    TreeSyncException(TreeResult result) {
        super(message(result));
        this.result = result;
    }

    private static String message(TreeResult r) {
        StringBuilder m = new StringBuilder(r.failures().size() + " of " + (r.plan().transfers().size()
                + r.plan().conflicts().size()) + " files failed (" + r.summary() + ")");
        int shown = 0;
        for (Map.Entry<SyncPlan.Entry, SmartFileException> e : r.failures().entrySet()) {
            if (shown++ == 3) {
                m.append("; …");
                break;
            }
            m.append("; ").append(e.getKey().relativePath()).append(": ").append(e.getValue().getMessage());
        }
        return m.append(". Run the sync again to finish; the failures are in result().").toString();
    }

    /**
     * What was done, with every failure.
     *
     * @return the result
     */
    public TreeResult result() {
        return result;
    }
}
