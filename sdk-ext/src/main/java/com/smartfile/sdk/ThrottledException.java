package com.smartfile.sdk;

import java.time.Duration;

/**
 * The server throttled the request (429, or 503 with an {@code X-Throttle} header) and the
 * client's retry attempts ran out. {@link #getRetryAfter()} is the wait the server asked for.
 */
public class ThrottledException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** The wait the server asked for. */
    private final Duration retryAfter;

    ThrottledException(ErrorReply reply, Duration retryAfter) {
        super(reply);
        this.retryAfter = retryAfter;
    }

    /**
     * How long the server asked the client to wait before trying again.
     *
     * @return the requested wait; a default when the server named none
     */
    public Duration getRetryAfter() {
        return retryAfter;
    }
}
