package com.smartfile.cli;

import java.io.PrintWriter;

/**
 * Shows transfer progress on standard error: a bar redrawn in place on a terminal, or, when
 * forced with {@code --progress} onto a pipe or log, a plain line every quarter; nothing when not
 * shown. Never writes to standard output, so {@code --json} output stays clean.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final boolean show;
    private final boolean terminal;
    private long lastDrawNanos;
    private int lastQuarter = -1;

    ProgressBar(PrintWriter err, String label, boolean show, boolean terminal) {
        this.err = err;
        this.label = label;
        this.show = show;
        this.terminal = terminal;
    }

    /** Reports progress; {@code total} is -1 when unknown. Cheap when called often. */
    synchronized void update(long done, long total) {
        if (!show) {
            return;
        }
        if (terminal) {
            long now = System.nanoTime();
            if (now - lastDrawNanos < 100_000_000L && done != total) {
                return;
            }
            lastDrawNanos = now;
            err.print("\r" + line(done, total));
            err.flush();
        } else if (total > 0) {
            int quarter = (int) Math.min(4, done * 4 / total);
            if (quarter > lastQuarter) {
                lastQuarter = quarter;
                err.println(label + ": " + (quarter * 25) + "% (" + Output.human(done) + " of " + Output.human(total) + ")");
            }
        }
    }

    /** Ends the bar's line. */
    synchronized void finish() {
        if (show && terminal) {
            err.println();
        }
        err.flush();
    }

    String line(long done, long total) {
        if (total <= 0) {
            return label + " " + Output.human(done);
        }
        int filled = (int) Math.min(WIDTH, done * WIDTH / total);
        StringBuilder bar = new StringBuilder(label).append(" [");
        for (int i = 0; i < WIDTH; i++) {
            bar.append(i < filled ? '#' : '.');
        }
        return bar.append("] ").append(done * 100 / total).append("% ").append(Output.human(done)).toString();
    }
}
