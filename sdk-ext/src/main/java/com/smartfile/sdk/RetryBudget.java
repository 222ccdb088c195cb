package com.smartfile.sdk;

/**
 * The attempts one logical request may make, {@link RetryPolicy#maxAttempts()} in all, counted by
 * {@link RetryInterceptor}. An ordinary request gets its own. The HTTP requests of one download
 * (the first, the interceptor's retries of each, the resumes after a reply broke off) carry one
 * budget as a request tag, so a resume spends from the same count and waits the next backoff of
 * the same sequence instead of starting a budget of its own inside the download's.
 */
final class RetryBudget {

    private final int maxAttempts;
    private int used;
    private boolean owesWait;

    RetryBudget(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    /** Requests sent so far. */
    synchronized int used() {
        return used;
    }

    /** Whether another request may be sent. */
    synchronized boolean left() {
        return used < maxAttempts;
    }

    /** A request is being sent: its number, from 1. */
    synchronized int spend() {
        return ++used;
    }

    /** The last request does not count after all (a pooled connection's failure, not the request's). */
    synchronized void refund() {
        used--;
    }

    /**
     * The last request's reply broke off while its caller read it: the next request is a retry and
     * waits its backoff first ({@link #takeOwedWait()}).
     */
    synchronized void failedWhileRead() {
        owesWait = true;
    }

    /** Whether the next request must wait a backoff first; clears the debt. */
    synchronized boolean takeOwedWait() {
        boolean owed = owesWait;
        owesWait = false;
        return owed;
    }
}
