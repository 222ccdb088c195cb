package com.smartfile.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * The emulator's own control endpoint, {@code /__emulator/faults}: GET shows the pending faults,
 * POST sets them from JSON, DELETE clears them. No authentication, but only loopback callers are
 * served (others get 403). The POST body's keys (all optional):
 * <pre>{@code
 * {"reset": true,                                    // clear everything first
 *  "throttle": {"status": 503, "count": 2, "seconds": 0.5},  // 503 + X-Throttle; or
 *              {"status": 429, "count": 2, "seconds": 1},    // 429 + Retry-After; or
 *              {"status": 429, "count": 2, "seconds": 1, "header": "X-Throttle-Wait-Seconds"},
 *  "cutDownload": {"count": 1, "afterBytes": 1024},
 *  "cutUpload": {"count": 1, "afterBytes": 1024},
 *  "delayMillis": 250,
 *  "failTasks": 1,
 *  "failRequests": 1}
 * }</pre>
 */
final class AdminRoutes {

    private static final Set<String> KEYS = Set.of("reset", "throttle", "cutDownload", "cutUpload", "delayMillis", "failTasks",
            "failRequests");

    private final Faults faults;

    AdminRoutes(Faults faults) {
        this.faults = faults;
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
        String endpoint = rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
        if (!endpoint.equals("faults")) {
            throw ApiException.notFound();
        }
        switch (req.method()) {
            case "GET":
                break;
            case "DELETE":
                faults.reset();
                break;
            case "POST":
                apply(req);
                break;
            default:
                throw ApiException.detail(405, "Method \"" + req.method() + "\" not allowed.")
                        .header("Allow", "DELETE, GET, POST");
        }
        req.json(200, faults.snapshot());
    }

    private void apply(ApiRequest req) throws IOException, ApiException {
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
        Map<?, ?> body = (Map<?, ?>) parsed;
        for (Object key : body.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw ApiException.detail(400, "Unknown key \"" + key + "\"; known keys: " + KEYS + ".");
            }
        }
        try {
            if (Boolean.TRUE.equals(body.get("reset"))) {
                faults.reset();
            }
            if (body.get("throttle") instanceof Map) {
                Map<?, ?> t = (Map<?, ?>) body.get("throttle");
                int status = intOf(t.get("status"), 429);
                int count = intOf(t.get("count"), 1);
                double seconds = t.get("seconds") == null ? 1 : ((Number) t.get("seconds")).doubleValue();
                Object header = t.get("header");
                if (status == 503) {
                    faults.throttle(Faults.ThrottleStyle.X_THROTTLE_503, count, seconds);
                } else if (status == 429) {
                    faults.throttle("X-Throttle-Wait-Seconds".equalsIgnoreCase(String.valueOf(header))
                            ? Faults.ThrottleStyle.WAIT_SECONDS_429 : Faults.ThrottleStyle.RETRY_AFTER_429,
                            count, seconds);
                } else {
                    throw ApiException.detail(400, "throttle.status must be 503 or 429.");
                }
            }
            if (body.get("cutDownload") instanceof Map) {
                Map<?, ?> c = (Map<?, ?>) body.get("cutDownload");
                faults.cutDownloads(intOf(c.get("count"), 1), (long) intOf(c.get("afterBytes"), 0));
            }
            if (body.get("cutUpload") instanceof Map) {
                Map<?, ?> c = (Map<?, ?>) body.get("cutUpload");
                faults.cutUploads(intOf(c.get("count"), 1), (long) intOf(c.get("afterBytes"), 0));
            }
            if (body.get("failRequests") != null) {
                faults.failRequests(intOf(body.get("failRequests"), 0));
            }
            if (body.get("delayMillis") != null) {
                faults.delayResponses(java.time.Duration.ofMillis(intOf(body.get("delayMillis"), 0)));
            }
            if (body.get("failTasks") != null) {
                faults.failTasks(intOf(body.get("failTasks"), 0));
            }
        } catch (ClassCastException | IllegalArgumentException e) {
            throw ApiException.detail(400, "Invalid fault settings: " + e.getMessage());
        }
    }

    private static int intOf(Object value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number)) {
            throw new IllegalArgumentException("expected a number, got " + value);
        }
        return ((Number) value).intValue();
    }
}
