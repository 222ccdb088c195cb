package com.smartfile.emulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Faults the emulator injects on demand, to test a client's reliability features. Set them from
 * {@link SmartFileEmulator.Builder#faults}, at run time through {@link SmartFileEmulator#faults()},
 * or over HTTP with {@code POST /__emulator/faults}.
 *
 * <p>Counted faults apply to the next N matching requests and are consumed atomically, one per
 * request, so they behave predictably under concurrent requests. Setting a fault replaces the
 * previous setting of the same kind. Thread-safe.
 *
 * <ul>
 *   <li>Throttling: the next N requests under {@code /api/} answer 503 with
 *       {@code X-Throttle: throttled; next=S sec} (2012-era servers), 429 with
 *       {@code Retry-After: S} (current servers) or 429 with {@code X-Throttle-Wait-Seconds: S}
 *       (2018 servers), before authentication.</li>
 *   <li>Cut downloads: the next N file downloads send their headers and the first B bytes, then
 *       the connection is closed, so the client sees a truncated body.</li>
 *   <li>Delay: every {@code /api/} reply is held back by a fixed time until reset.</li>
 *   <li>Failing tasks: the next N tasks end in {@code FAILURE} without doing their work.</li>
 *   <li>Server errors: the next N requests under {@code /api/} answer 500 (with
 *       {@code x-unique-id}) before authentication, without acting on the request.</li>
 *   <li>Cut uploads: the next N uploads (v2 {@code POST path/data/…}, v3 {@code PUT} and
 *       {@code PATCH path/data/…}) read the first B bytes of their request body, then the
 *       connection is closed without a reply; nothing is stored (a PATCH keeps what it wrote
 *       in place).</li>
 * </ul>
 */
public final class Faults {

    /** How a throttled request is answered. */
    enum ThrottleStyle {
        /** 503 with {@code X-Throttle: throttled; next=S sec}. */
        X_THROTTLE_503,
        /** 429 with {@code Retry-After: S}. */
        RETRY_AFTER_429,
        /** 429 with {@code X-Throttle-Wait-Seconds: S}. */
        WAIT_SECONDS_429
    }

    /** A pending throttle setting. */
    static final class Throttle {
        final ThrottleStyle style;
        final double seconds;
        final AtomicInteger remaining;

        Throttle(ThrottleStyle style, int count, double seconds) {
            this.style = style;
            this.seconds = seconds;
            this.remaining = new AtomicInteger(count);
        }
    }

    /** A pending download- or upload-cut setting. */
    private static final class Cut {
        final long afterBytes;
        final AtomicInteger remaining;

        Cut(int count, long afterBytes) {
            this.afterBytes = afterBytes;
            this.remaining = new AtomicInteger(count);
        }
    }

    private final AtomicReference<Throttle> throttle = new AtomicReference<>();
    private final AtomicReference<Cut> cut = new AtomicReference<>();
    private final AtomicReference<Cut> uploadCut = new AtomicReference<>();
    private volatile long delayMillis;
    private final AtomicInteger failTasks = new AtomicInteger();
    private final AtomicInteger revokeTasks = new AtomicInteger();
    private final AtomicInteger failRequests = new AtomicInteger();

    Faults() {
    }

    /**
     * Throttles the next API requests the 2012 way: 503 with {@code X-Throttle: throttled; next=S sec}.
     *
     * @param requests how many requests to throttle (0 stops throttling)
     * @param nextSeconds the wait announced in the header
     * @return this object
     */
    public Faults throttle503(int requests, double nextSeconds) {
        return throttle(ThrottleStyle.X_THROTTLE_503, requests, nextSeconds);
    }

    /**
     * Throttles the next API requests the current way: 429 with {@code Retry-After: S}.
     *
     * @param requests how many requests to throttle (0 stops throttling)
     * @param retryAfterSeconds the wait announced in the header
     * @return this object
     */
    public Faults throttle429(int requests, int retryAfterSeconds) {
        return throttle(ThrottleStyle.RETRY_AFTER_429, requests, retryAfterSeconds);
    }

    /**
     * Throttles the next API requests the 2018 way: 429 with {@code X-Throttle-Wait-Seconds: S}.
     *
     * @param requests how many requests to throttle (0 stops throttling)
     * @param waitSeconds the wait announced in the header
     * @return this object
     */
    public Faults throttle429WaitSeconds(int requests, int waitSeconds) {
        return throttle(ThrottleStyle.WAIT_SECONDS_429, requests, waitSeconds);
    }

    /**
     * Throttles the next API requests the way the emulator's {@link Variant.Throttling} variant
     * says (429 with {@code Retry-After} by default), read when each request is answered.
     *
     * @param requests how many requests to throttle (0 stops throttling)
     * @param seconds the wait announced
     * @return this object
     */
    public Faults throttle(int requests, double seconds) {
        return throttle(null, requests, seconds);
    }

    /** Sets throttling; a null style means "as the throttling variant says". */
    Faults throttle(ThrottleStyle style, int requests, double seconds) {
        if (requests < 0 || seconds < 0 || Double.isNaN(seconds)) {
            throw new IllegalArgumentException("requests and seconds must not be negative");
        }
        throttle.set(requests == 0 ? null : new Throttle(style, requests, seconds));
        return this;
    }

    /**
     * Cuts the next file download after some bytes of its body.
     *
     * @param afterBytes how many body bytes are sent before the connection is closed
     * @return this object
     */
    public Faults cutNextDownload(long afterBytes) {
        return cutDownloads(1, afterBytes);
    }

    /**
     * Cuts the next file downloads after some bytes of their body.
     *
     * @param downloads how many downloads to cut (0 stops cutting)
     * @param afterBytes how many body bytes are sent before the connection is closed
     * @return this object
     */
    public Faults cutDownloads(int downloads, long afterBytes) {
        if (downloads < 0 || afterBytes < 0) {
            throw new IllegalArgumentException("downloads and afterBytes must not be negative");
        }
        cut.set(downloads == 0 ? null : new Cut(downloads, afterBytes));
        return this;
    }

    /**
     * Delays every API reply until changed.
     *
     * @param delay the delay ({@link Duration#ZERO} for none)
     * @return this object
     */
    public Faults delayResponses(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        delayMillis = delay.toMillis();
        return this;
    }

    /**
     * Makes the next task end in {@code FAILURE}.
     *
     * @return this object
     */
    public Faults failNextTask() {
        return failTasks(1);
    }

    /**
     * Makes the next tasks end in {@code FAILURE}.
     *
     * @param tasks how many tasks fail (0 stops failing)
     * @return this object
     */
    public Faults failTasks(int tasks) {
        if (tasks < 0) {
            throw new IllegalArgumentException("tasks must not be negative");
        }
        failTasks.set(tasks);
        return this;
    }

    /**
     * Cancels the next tasks before they do their work: once started they answer the state
     * {@code REVOKED} (Celery's state of a cancelled task, which the spec does not list) for good,
     * so that a client's handling of a state it does not know can be tested.
     *
     * @param tasks how many tasks are cancelled (0 stops cancelling)
     * @return this object
     */
    public Faults revokeTasks(int tasks) {
        if (tasks < 0) {
            throw new IllegalArgumentException("tasks must not be negative");
        }
        revokeTasks.set(tasks);
        return this;
    }

    /**
     * Makes the next API requests answer 500 {@code {"detail": "A server error occurred."}} with
     * an {@code x-unique-id} header, before authentication and without acting on them. Each
     * request consumes one, so {@link #pendingRequestFailures()} afterwards tells how many
     * requests a client sent.
     *
     * @param requests how many requests fail (0 stops failing)
     * @return this object
     */
    public Faults failRequests(int requests) {
        if (requests < 0) {
            throw new IllegalArgumentException("requests must not be negative");
        }
        failRequests.set(requests);
        return this;
    }

    /**
     * How many of the requests set with {@link #failRequests(int)} have not failed yet.
     *
     * @return the number still to fail
     */
    public int pendingRequestFailures() {
        return failRequests.get();
    }

    /**
     * Cuts the next upload after some bytes of its request body.
     *
     * @param afterBytes how many body bytes are read before the connection is closed
     * @return this object
     */
    public Faults cutNextUpload(long afterBytes) {
        return cutUploads(1, afterBytes);
    }

    /**
     * Cuts the next uploads (v2 multipart {@code POST path/data/…}, v3 {@code PUT} and
     * {@code PATCH path/data/…}) after some bytes of their request body: the emulator reads that
     * many bytes, then closes the connection without a reply. A v2 or v3 PUT upload stores
     * nothing (its staged file is deleted); a PATCH keeps the bytes it already wrote in place.
     *
     * @param uploads how many uploads to cut (0 stops cutting)
     * @param afterBytes how many body bytes are read before the connection is closed
     * @return this object
     */
    public Faults cutUploads(int uploads, long afterBytes) {
        if (uploads < 0 || afterBytes < 0) {
            throw new IllegalArgumentException("uploads and afterBytes must not be negative");
        }
        uploadCut.set(uploads == 0 ? null : new Cut(uploads, afterBytes));
        return this;
    }

    /**
     * Clears every fault.
     *
     * @return this object
     */
    public Faults reset() {
        throttle.set(null);
        cut.set(null);
        uploadCut.set(null);
        delayMillis = 0;
        failTasks.set(0);
        revokeTasks.set(0);
        failRequests.set(0);
        return this;
    }

    /**
     * Describes the pending faults (as the admin endpoint reports them).
     *
     * @return a text such as {@code Faults{throttle=…}}
     */
    @Override
    public String toString() {
        return "Faults" + snapshot();
    }

    /** Consumes one throttle for a request, or returns null. */
    Throttle takeThrottle() {
        Throttle t = throttle.get();
        if (t != null && takeOne(t.remaining)) {
            return t;
        }
        return null;
    }

    /** Consumes one download cut, or returns -1. */
    long takeCut() {
        Cut c = cut.get();
        if (c != null && takeOne(c.remaining)) {
            return c.afterBytes;
        }
        return -1;
    }

    /** Consumes one upload cut, or returns -1. */
    long takeUploadCut() {
        Cut c = uploadCut.get();
        if (c != null && takeOne(c.remaining)) {
            return c.afterBytes;
        }
        return -1;
    }

    /** Consumes one task failure. */
    boolean takeTaskFailure() {
        return takeOne(failTasks);
    }

    /** Consumes one task cancellation. */
    boolean takeTaskRevoke() {
        return takeOne(revokeTasks);
    }

    /** Consumes one request failure. */
    boolean takeRequestFailure() {
        return takeOne(failRequests);
    }

    long delayMillis() {
        return delayMillis;
    }

    private static boolean takeOne(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    /** The pending faults as plain values. */
    Map<String, Object> snapshot() {
        Map<String, Object> out = new LinkedHashMap<>();
        Throttle t = throttle.get();
        if (t != null && t.remaining.get() > 0) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (t.style == null) {
                m.put("style", "variant");
            } else {
                m.put("status", t.style == ThrottleStyle.X_THROTTLE_503 ? 503 : 429);
                m.put("header", t.style == ThrottleStyle.X_THROTTLE_503 ? "X-Throttle"
                        : t.style == ThrottleStyle.RETRY_AFTER_429 ? "Retry-After" : "X-Throttle-Wait-Seconds");
            }
            m.put("count", t.remaining.get());
            m.put("seconds", t.seconds);
            out.put("throttle", m);
        }
        Cut c = cut.get();
        if (c != null && c.remaining.get() > 0) {
            out.put("cutDownload", Map.of("count", c.remaining.get(), "afterBytes", c.afterBytes));
        }
        Cut u = uploadCut.get();
        if (u != null && u.remaining.get() > 0) {
            out.put("cutUpload", Map.of("count", u.remaining.get(), "afterBytes", u.afterBytes));
        }
        out.put("delayMillis", delayMillis);
        out.put("failTasks", failTasks.get());
        if (failRequests.get() > 0) {
            out.put("failRequests", failRequests.get());
        }
        if (revokeTasks.get() > 0) {
            out.put("revokeTasks", revokeTasks.get());
        }
        return out;
    }
}
