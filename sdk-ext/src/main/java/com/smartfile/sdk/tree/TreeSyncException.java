package com.smartfile.sdk.tree;

import java.util.Map;

import com.smartfile.sdk.SmartFileException;

/**
 * Some files of a tree transfer failed (or were conflicts); the others were transferred and are
 * correct. {@link #getResult()} lists every failure with its exception. Running the same sync again
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
        StringBuilder m = new StringBuilder(r.getFailures().size() + " of " + (r.getPlan().getTransfers().size()
                + r.getPlan().getConflicts().size()) + " files failed (" + r.getSummary() + ")");
        int shown = 0;
        for (Map.Entry<SyncPlan.Entry, SmartFileException> e : r.getFailures().entrySet()) {
            if (shown++ == 3) {
                m.append("; …");
                break;
            }
            m.append("; ").append(e.getKey().getRelativePath()).append(": ").append(e.getValue().getMessage());
        }
        return m.append(". Run the sync again to finish; the failures are in result().").toString();
    }

    /**
     * What was done, with every failure.
     *
     * @return the result
     */
    public TreeResult getResult() {
        return result;
    }
}
