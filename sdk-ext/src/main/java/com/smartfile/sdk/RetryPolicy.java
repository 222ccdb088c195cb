package com.smartfile.sdk;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * How the client re-sends a request that failed in a way worth trying again. Immutable; build
 * one with {@link #builder()}, or use {@link #defaults()} or {@link #none()}.
 *
 * <p>What is re-sent:
 * <ul>
 *   <li>a throttled request (429, or 503 with {@code X-Throttle} or {@code Retry-After}), any
 *       method, after the wait the server asked for. A wait longer than {@link #getMaxServerWait()}
 *       ends the retries at once, and the caller gets a {@link ThrottledException} carrying
 *       that wait;</li>
 *   <li>a request that is safe to repeat (GET, HEAD, PUT, DELETE, OPTIONS, or as the API
 *       description says) after a 500, 502, 503 or 504 or a network failure, after an
 *       exponential backoff with full jitter: a random wait between zero and
 *       {@code min(maxBackoff, initialBackoff × 2^(retry − 1))}.</li>
 * </ul>
 * A request whose body can be sent only once (an {@code InputStream} upload) is never re-sent.
 * Every attempt, the first one included, counts towards {@link #getMaxAttempts()}. A download counts
 * all its requests together: its resumes after a dropped connection are retries too, so they
 * spend from the same {@code maxAttempts} and wait the next backoff of the same sequence.
 */
public final class RetryPolicy {

    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxServerWait;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.maxServerWait = b.maxServerWait;
    }

    /**
     * The default policy: 3 attempts in total (as the official Python client), backoff from
     * 500 ms up to 20 s, server waits honoured up to 60 s.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * A policy that never re-sends: every failure reaches the caller at once.
     *
     * @return a policy with one attempt
     */
    public static RetryPolicy none() {
        return NONE;
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from this policy's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxAttempts = maxAttempts;
        b.initialBackoff = initialBackoff;
        b.maxBackoff = maxBackoff;
        b.maxServerWait = maxServerWait;
        return b;
    }

    /**
     * How many times a request is sent at most, the first time included.
     *
     * @return at least 1; 1 means no retries
     */
    public int getMaxAttempts() {
        return maxAttempts;
    }

    /**
     * The backoff ceiling before the first retry; it doubles for each further retry.
     *
     * @return the initial backoff
     */
    public Duration getInitialBackoff() {
        return initialBackoff;
    }

    /**
     * The largest backoff ceiling, whatever the number of retries.
     *
     * @return the maximum backoff
     */
    public Duration getMaxBackoff() {
        return maxBackoff;
    }

    /**
     * The longest wait the client sleeps when the server asks for one; a longer request ends
     * the retries and surfaces as a {@link ThrottledException}.
     *
     * @return the longest server-requested wait honoured
     */
    public Duration getMaxServerWait() {
        return maxServerWait;
    }

    /**
     * The wait before retry number {@code retry} (1 for the first retry) after a server error or
     * network failure: full jitter over the capped exponential backoff.
     *
     * @param random yields a number in [0, 1)
     */
    Duration backoff(int retry, DoubleSupplier random) {
        long ceiling = initialBackoff.toNanos();
        long max = maxBackoff.toNanos();
        for (int i = 1; i < retry && ceiling < max; i++) {
            ceiling = ceiling > max / 2 ? max : ceiling * 2;
        }
        ceiling = Math.min(ceiling, max);
        double r = Math.max(0.0, Math.min(1.0, random.getAsDouble()));
        return Duration.ofNanos((long) (ceiling * r));
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RetryPolicy)) {
            return false;
        }
        RetryPolicy that = (RetryPolicy) o;
        return maxAttempts == that.maxAttempts && initialBackoff.equals(that.initialBackoff)
                && maxBackoff.equals(that.maxBackoff) && maxServerWait.equals(that.maxServerWait);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, initialBackoff, maxBackoff, maxServerWait);
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff.toMillis()
                + "ms, maxBackoff=" + maxBackoff.toMillis() + "ms, maxServerWait=" + maxServerWait.toMillis() + "ms}";
    }

    /** Builds a {@link RetryPolicy}. Each setter checks its argument at once. */
    public static final class Builder {

        private static final Duration LONGEST = Duration.ofDays(1);

        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(20);
        private Duration maxServerWait = Duration.ofSeconds(60);

        private Builder() {
        }

        /**
         * How many times a request is sent at most, the first time included.
         *
         * @param maxAttempts at least 1; 1 turns retries off
         * @return this builder
         * @throws InvalidInputException when below 1
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new InvalidInputException("maxAttempts must be at least 1 (1 = no retries), got " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * The backoff ceiling before the first retry; it doubles for each further retry.
         *
         * @param initialBackoff between zero and one day
         * @return this builder
         * @throws InvalidInputException when null, negative or over a day
         */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = nonNegative("initialBackoff", initialBackoff);
            return this;
        }

        /**
         * The largest backoff ceiling.
         *
         * @param maxBackoff between zero and one day
         * @return this builder
         * @throws InvalidInputException when null, negative or over a day
         */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = nonNegative("maxBackoff", maxBackoff);
            return this;
        }

        /**
         * The longest server-requested wait the client sleeps; a longer one ends the retries.
         *
         * @param maxServerWait between zero and one day; zero means a throttled request is never re-sent
         *     unless the server asks for no wait at all
         * @return this builder
         * @throws InvalidInputException when null, negative or over a day
         */
        public Builder maxServerWait(Duration maxServerWait) {
            this.maxServerWait = nonNegative("maxServerWait", maxServerWait);
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         * @throws InvalidInputException when the initial backoff exceeds the maximum backoff
         */
        public RetryPolicy build() {
            if (initialBackoff.compareTo(maxBackoff) > 0) {
                throw new InvalidInputException("initialBackoff (" + initialBackoff.toMillis()
                        + " ms) must not exceed maxBackoff (" + maxBackoff.toMillis() + " ms)");
            }
            return new RetryPolicy(this);
        }

        private static Duration nonNegative(String name, Duration d) {
            if (d == null || d.isNegative() || d.compareTo(LONGEST) > 0) {
                throw new InvalidInputException(name + " must be between zero and one day, got " + d);
            }
            return d;
        }
    }
}
