package com.smartfile.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The emulator's own control endpoint, {@code /__emulator/faults}: GET shows the pending faults,
 * POST sets them from JSON, DELETE clears them. No authentication, but only loopback callers are
 * served (others get 403), and only requests addressed to a loopback name without a foreign
 * {@code Origin} (403); a POST must be {@code application/json} (415). The settings are checked
 * whole before any is applied: an unknown key or a number out of range (negative, fractional
 * where a count is expected, {@code 1e400}) answers 400 and changes nothing. The POST body's keys (all optional):
 * <pre>{@code
 * {"reset": true,                                    // clear everything first
 *  "throttle": {"count": 2, "seconds": 0.5},                  // as the throttling variant says; or
 *              {"status": 503, "count": 2, "seconds": 0.5},  // 503 + X-Throttle; or
 *              {"status": 429, "count": 2, "seconds": 1},    // 429 + Retry-After; or
 *              {"status": 429, "count": 2, "seconds": 1, "header": "X-Throttle-Wait-Seconds"},
 *  "cutDownload": {"count": 1, "afterBytes": 1024},
 *  "cutUpload": {"count": 1, "afterBytes": 1024},
 *  "delayMillis": 250,
 *  "failTasks": 1,
 *  "revokeTasks": 1,
 *  "failRequests": 1}
 * }</pre>
 */
final class AdminRoutes {

    private static final Set<String> KEYS = Set.of("reset", "throttle", "cutDownload", "cutUpload", "delayMillis", "failTasks",
            "failRequests", "revokeTasks");

    private final Faults faults;
    private final VariantRoutes variants;

    AdminRoutes(Faults faults, Variants variants) {
        this.faults = faults;
        this.variants = new VariantRoutes(variants);
    }

    /**
     * Handles a request under {@code /__emulator/}.
     *
     * @param req the request
     * @param rest the raw path after {@code /__emulator/}
     * @throws IOException when the connection fails
     * @throws ApiException for refused or malformed requests
     */
    void handle(ApiRequest req, String rest) throws IOException, ApiException {
        if (!req.remoteAddress().getAddress().isLoopbackAddress()) {
            throw ApiException.detail(403, "The emulator's admin endpoint only answers loopback callers.");
        }
        checkBrowserSafety(req);
        String endpoint = rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
        if (endpoint.equals("variants")) {
            variants.handle(req);
            return;
        }
        if (!endpoint.equals("faults")) {
            throw ApiException.notFound();
        }
        control(req, faults::reset, this::apply, faults::snapshot);
    }

    /** What a POST to a control resource does with its request. */
    interface Change {
        void apply(ApiRequest req) throws IOException, ApiException;
    }

    /**
     * The one shape of the control resources (faults, variants): GET shows the state, DELETE resets
     * it, POST changes it; every reply shows the state afterwards.
     */
    static void control(ApiRequest req, Runnable reset, Change change, Supplier<Map<String, Object>> state)
            throws IOException, ApiException {
        switch (req.method()) {
            case "GET":
                break;
            case "DELETE":
                reset.run();
                break;
            case "POST":
                change.apply(req);
                break;
            default:
                throw ApiException.detail(405, "Method \"" + req.method() + "\" not allowed.")
                        .header("Allow", "DELETE, GET, POST");
        }
        req.json(200, state.get());
    }

    /** A control request's body, which must be one JSON object (at most 64 KiB are read). */
    static Map<?, ?> jsonObject(ApiRequest req) throws IOException, ApiException {
        byte[] bytes = req.body().readNBytes(64 * 1024);
        Object parsed;
        try {
            parsed = JsonReplies.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw ApiException.detail(400, "Expected a JSON object.");
        }
        if (!(parsed instanceof Map)) {
            throw ApiException.detail(400, "Expected a JSON object.");
        }
        return (Map<?, ?>) parsed;
    }

    /**
     * Keeps web pages out: a page the user visits can send a cross-site {@code text/plain} POST to
     * a loopback port, or reach it under its own host name through DNS rebinding. So the Host must
     * be a loopback name, an Origin (sent by browsers) must be a loopback origin, and a POST must
     * declare JSON (which a cross-site page cannot do without a CORS preflight this endpoint never
     * approves).
     */
    private static void checkBrowserSafety(ApiRequest req) throws ApiException {
        String host = req.header("Host");
        if (host == null || !isLoopbackName(stripPort(host.trim()))) {
            throw ApiException.detail(403, "The emulator's admin endpoint only answers requests addressed to a"
                    + " loopback name (localhost, 127.0.0.1, [::1]); the Host header was "
                    + (host == null ? "missing" : "\"" + host + "\"") + ".");
        }
        String origin = req.header("Origin");
        if (origin != null && !isLoopbackOrigin(origin.trim())) {
            throw ApiException.detail(403, "The emulator's admin endpoint does not answer requests from web pages"
                    + " (Origin \"" + origin + "\").");
        }
        if (req.method().equals("POST")) {
            String type = req.header("Content-Type");
            String mediaType = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
            if (!mediaType.equals("application/json")) {
                throw ApiException.detail(415, "Send the fault settings as JSON with Content-Type: application/json"
                        + (type == null ? "" : " (got \"" + type + "\")") + ".");
            }
        }
    }

    private static boolean isLoopbackOrigin(String origin) {
        String lower = origin.toLowerCase(java.util.Locale.ROOT);
        String rest;
        if (lower.startsWith("http://")) {
            rest = lower.substring(7);
        } else if (lower.startsWith("https://")) {
            rest = lower.substring(8);
        } else {
            return false;
        }
        return !rest.contains("/") && isLoopbackName(stripPort(rest));
    }

    /** {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port} → the host. */
    private static String stripPort(String hostAndPort) {
        if (hostAndPort.startsWith("[")) {
            int close = hostAndPort.indexOf(']');
            return close < 0 ? hostAndPort : hostAndPort.substring(0, close + 1);
        }
        int colon = hostAndPort.lastIndexOf(':');
        return colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
    }

    private static boolean isLoopbackName(String host) {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost") || h.equals("[::1]")) {
            return true;
        }
        // a dotted IPv4 literal in 127.0.0.0/8
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private void apply(ApiRequest req) throws IOException, ApiException {
        Map<?, ?> body = jsonObject(req);
        for (Object key : body.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw ApiException.detail(400, "Unknown key \"" + key + "\"; known keys: " + KEYS + ".");
            }
        }
        try {
            if (body.get("reset") != null && !(body.get("reset") instanceof Boolean)) {
                throw new IllegalArgumentException("reset must be true or false");
            }
            List<Runnable> actions = new ArrayList<>();
            if (Boolean.TRUE.equals(body.get("reset"))) {
                actions.add(faults::reset);
            }
            if (body.get("throttle") != null) {
                Map<?, ?> t = object(body, "throttle");
                int status = intOf(t.get("status"), 0, "throttle.status");
                int count = intOf(t.get("count"), 1, "throttle.count");
                double seconds = numberOf(t.get("seconds"), 1, MAX_SECONDS, "throttle.seconds");
                Object header = t.get("header");
                if (status == 0) {
                    actions.add(() -> faults.throttle(count, seconds)); // as the throttling variant says
                } else if (status == 503) {
                    actions.add(() -> faults.throttle(Faults.ThrottleStyle.X_THROTTLE_503, count, seconds));
                } else if (status == 429) {
                    Faults.ThrottleStyle style = "X-Throttle-Wait-Seconds".equalsIgnoreCase(String.valueOf(header))
                            ? Faults.ThrottleStyle.WAIT_SECONDS_429 : Faults.ThrottleStyle.RETRY_AFTER_429;
                    actions.add(() -> faults.throttle(style, count, seconds));
                } else {
                    throw ApiException.detail(400, "throttle.status must be 503 or 429.");
                }
            }
            if (body.get("cutDownload") != null) {
                Map<?, ?> c = object(body, "cutDownload");
                int count = intOf(c.get("count"), 1, "cutDownload.count");
                long after = longOf(c.get("afterBytes"), "cutDownload.afterBytes");
                actions.add(() -> faults.cutDownloads(count, after));
            }
            if (body.get("cutUpload") != null) {
                Map<?, ?> c = object(body, "cutUpload");
                int count = intOf(c.get("count"), 1, "cutUpload.count");
                long after = longOf(c.get("afterBytes"), "cutUpload.afterBytes");
                actions.add(() -> faults.cutUploads(count, after));
            }
            if (body.get("failRequests") != null) {
                int n = intOf(body.get("failRequests"), 0, "failRequests");
                actions.add(() -> faults.failRequests(n));
            }
            if (body.get("delayMillis") != null) {
                java.time.Duration delay = java.time.Duration.ofMillis(intOf(body.get("delayMillis"), 0, "delayMillis"));
                actions.add(() -> faults.delayResponses(delay));
            }
            if (body.get("revokeTasks") != null) {
                int n = intOf(body.get("revokeTasks"), 0, "revokeTasks");
                actions.add(() -> faults.revokeTasks(n));
            }
            if (body.get("failTasks") != null) {
                int n = intOf(body.get("failTasks"), 0, "failTasks");
                actions.add(() -> faults.failTasks(n));
            }
            actions.forEach(Runnable::run);
        } catch (IllegalArgumentException e) {
            throw ApiException.detail(400, "Invalid fault settings: " + e.getMessage() + "; nothing was changed.");
        }
    }

    private static Map<?, ?> object(Map<?, ?> body, String key) {
        if (!(body.get(key) instanceof Map)) {
            throw new IllegalArgumentException(key + " must be a JSON object");
        }
        return (Map<?, ?>) body.get(key);
    }

    /** Whole numbers from 0 up to this are exact in a JSON (double) number. */
    private static final double MAX_EXACT = 9_007_199_254_740_991d;

    /** The longest throttle wait accepted: a day. */
    private static final double MAX_SECONDS = 86_400;

    private static int intOf(Object value, int fallback, String name) {
        return value == null ? fallback : (int) whole(value, Integer.MAX_VALUE, name);
    }

    private static long longOf(Object value, String name) {
        return value == null ? 0 : (long) whole(value, MAX_EXACT, name);
    }

    private static double whole(Object value, double max, String name) {
        double d = numberOf(value, 0, max, name);
        if (d != Math.rint(d)) {
            throw new IllegalArgumentException(name + " must be a whole number, got " + value);
        }
        return d;
    }

    private static double numberOf(Object value, double fallback, double max, String name) {
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number)) {
            throw new IllegalArgumentException(name + " must be a number, got " + value);
        }
        double d = ((Number) value).doubleValue();
        if (Double.isNaN(d) || d < 0 || d > max) {
            throw new IllegalArgumentException(name + " must be from 0 to "
                    + java.math.BigDecimal.valueOf(max).toPlainString() + ", got " + value);
        }
        return d;
    }
}
