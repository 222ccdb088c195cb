package com.smartfile.sdk;

import java.time.Duration;

/** Waits between attempts; tests inject one that records the waits instead of sleeping. */
interface Sleeper {

    /** Sleeps with {@link Thread#sleep(long, int)}. */
    Sleeper SYSTEM = d -> {
        if (!d.isZero() && !d.isNegative()) {
            long nanos = d.toNanos();
            Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
        }
    };

    /** Waits for the given duration, or throws when the thread is interrupted. */
    void sleep(Duration duration) throws InterruptedException;
}
