package com.smartfile.sdk;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import okhttp3.Response;

/**
 * Reads the three throttle signals SmartFile has used:
 * <ol>
 *   <li>503 with {@code X-Throttle: <status>; next=<seconds> sec} (2012–2013);</li>
 *   <li>429 with {@code X-Throttle-Wait-Seconds: <seconds>} (seen 2018);</li>
 *   <li>429 with {@code Retry-After: <seconds>} or an HTTP date, or no header at all.</li>
 * </ol>
 */
final class Throttle {

    /** The wait assumed when a 429 names none (what the official node client does). */
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);

    /** Longest wait honoured from a header: a broken header must not park a thread for days. */
    static final Duration MAX_WAIT = Duration.ofMinutes(15);

    private static final Pattern X_THROTTLE = Pattern.compile("next=\\s*([0-9]+(?:\\.[0-9]+)?)\\s*sec", Pattern.CASE_INSENSITIVE);

    private Throttle() {
    }

    /**
     * The wait the server asks for when this reply is a throttle signal; empty otherwise.
     * A 503 counts only with {@code X-Throttle} or {@code Retry-After}; a bare 503 is a server error.
     */
    static Optional<Duration> waitOf(Response response) {
        return waitOf(response.code(), response.header("X-Throttle"), response.header("X-Throttle-Wait-Seconds"),
                response.header("Retry-After"), Instant.now());
    }

    static Optional<Duration> waitOf(int status, String xThrottle, String xThrottleWait, String retryAfter, Instant now) {
        if (status != 429 && status != 503) {
            return Optional.empty();
        }
        Optional<Duration> named = first(parseXThrottle(xThrottle), parseSeconds(xThrottleWait), parseRetryAfter(retryAfter, now));
        if (named.isPresent()) {
            return named.map(Throttle::capped);
        }
        return status == 429 ? Optional.of(DEFAULT_WAIT) : Optional.empty();
    }

    @SafeVarargs
    private static Optional<Duration> first(Optional<Duration>... candidates) {
        for (Optional<Duration> c : candidates) {
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    static Optional<Duration> parseXThrottle(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = X_THROTTLE.matcher(value);
        return m.find() ? seconds(m.group(1)) : Optional.empty();
    }

    static Optional<Duration> parseSeconds(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        return v.matches("[0-9]+(\\.[0-9]+)?") ? seconds(v) : Optional.empty();
    }

    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        Optional<Duration> secs = parseSeconds(value);
        if (secs.isPresent() || value == null) {
            return secs;
        }
        try {
            Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> seconds(String decimal) {
        try {
            double s = Double.parseDouble(decimal);
            if (s > MAX_WAIT.getSeconds()) {
                return Optional.of(MAX_WAIT);
            }
            return Optional.of(Duration.ofNanos((long) (s * 1_000_000_000L)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Duration capped(Duration d) {
        return d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d;
    }
}
