package com.smartfile.emulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import com.smartfile.sdk.model.ErrorBody;
import com.smartfile.sdk.model.PathInfo;
import com.smartfile.sdk.model.V3UploadReply;

/**
 * The {@link Variant}s one emulator plays, changeable while it runs: from
 * {@link SmartFileEmulator.Builder#profile} and {@link SmartFileEmulator.Builder#variant} at the
 * start, then through {@link SmartFileEmulator#variants()} or {@code /__emulator/variants}. A
 * change applies to the requests that arrive after it. Thread-safe.
 *
 * <p>The package-private methods below are where each variant changes what the emulator sends;
 * the routes call them at one place each.
 */
public final class Variants {

    /** The older stack's 403 text for missing or wrong credentials (Django REST Framework 0.x). */
    static final String DRF0_NOT_AUTHENTICATED = "You do not have permission to access this resource. You may need to "
            + "login or otherwise authenticate the request.";

    /** The keys of path information that {@link Variant.PathInfoNulls#PRESENT} always sends. */
    private static final List<String> NULLABLE_PATH_KEYS = List.of("items", "owner");

    private final Map<String, Variant> initial;
    private final AtomicReference<Map<String, Variant>> current;

    /**
     * The variants of a profile, some replaced.
     *
     * @param profile the profile
     * @param overrides answers that replace the profile's, by question
     */
    Variants(Profile profile, Collection<Variant> overrides) {
        Map<String, Variant> start = answers(profile);
        for (Variant v : overrides) {
            start.put(v.key(), v);
        }
        this.initial = Map.copyOf(start);
        this.current = new AtomicReference<>(ordered(start));
    }

    private static Map<String, Variant> answers(Profile profile) {
        Map<String, Variant> out = new LinkedHashMap<>();
        for (Variant v : profile.variants()) {
            out.put(v.key(), v);
        }
        return out;
    }

    private static Map<String, Variant> ordered(Map<String, Variant> answers) {
        Map<String, Variant> out = new LinkedHashMap<>();
        for (List<Variant> question : Variant.questions()) {
            String key = question.get(0).key();
            out.put(key, Objects.requireNonNull(answers.get(key), key));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * The answer now played to one question.
     *
     * @param <V> the question's type
     * @param question e.g. {@code Variant.Range.class}
     * @return the answer
     */
    public <V extends Variant> V get(Class<V> question) {
        for (Variant v : current.get().values()) {
            if (question.isInstance(v)) {
                return question.cast(v);
            }
        }
        throw new IllegalArgumentException("not a variant question: " + question);
    }

    /**
     * Every answer now played, in the order of {@link Variant#questions()}.
     *
     * @return the answers
     */
    public List<Variant> all() {
        return List.copyOf(current.get().values());
    }

    /**
     * Plays these answers from now on (the others stay).
     *
     * @param variants the answers
     * @return this object
     */
    public Variants set(Variant... variants) {
        return set(List.of(variants));
    }

    /**
     * Plays these answers from now on (the others stay).
     *
     * @param variants the answers
     * @return this object
     */
    public Variants set(Collection<? extends Variant> variants) {
        current.updateAndGet(now -> {
            Map<String, Variant> next = new LinkedHashMap<>(now);
            for (Variant v : variants) {
                next.put(Objects.requireNonNull(v, "variant").key(), v);
            }
            return ordered(next);
        });
        return this;
    }

    /**
     * Plays a profile from now on (every answer).
     *
     * @param profile the profile
     * @return this object
     */
    public Variants profile(Profile profile) {
        current.set(ordered(answers(Objects.requireNonNull(profile, "profile"))));
        return this;
    }

    /**
     * Goes back to the answers the emulator was built with.
     *
     * @return this object
     */
    public Variants reset() {
        current.set(ordered(initial));
        return this;
    }

    /**
     * The answers as {@code key=value} pairs.
     *
     * @return e.g. {@code Variants{range=206, …}}
     */
    @Override
    public String toString() {
        return "Variants" + snapshot();
    }

    /** The answers as plain values (what the control endpoint shows). */
    Map<String, Object> snapshot() {
        Map<String, Object> out = new LinkedHashMap<>();
        current.get().forEach((k, v) -> out.put(k, v.value()));
        return out;
    }

    /** Whether a profile plays exactly these answers now. */
    private boolean plays(Variant v) {
        return current.get().get(v.key()) == v;
    }

    // ------------------------------------------------------------------ where each variant acts

    /** {@link Variant.Range}: the {@code Range} header a download honours (null: none). */
    String range(ApiRequest req) {
        return plays(Variant.Range.IGNORED) ? null : req.header("Range");
    }

    /** {@link Variant.UploadReply}: the reply body of a v2 upload that stored these files. */
    Object uploadReply(List<PathInfo> stored) {
        return plays(Variant.UploadReply.OBJECT) && stored.size() == 1 ? stored.get(0) : stored;
    }

    /**
     * {@link Variant.V3UploadFailure}: the error a v3 upload's own failure answers with.
     *
     * @param e the failure, with its own status
     * @return the same, or a 200 carrying {@code {"status": N, "detail": "…"}}
     */
    ApiException v3UploadFailure(ApiException e) {
        if (!plays(Variant.V3UploadFailure.OK_WITH_STATUS) || e.status() < 400) {
            return e;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", e.status());
        body.put("detail", detailOf(e.body()));
        return new ApiException(200, body);
    }

    /** {@link Variant.TaskSuccess}: whether a finished task with no failed path still sends {@code errors: {}}. */
    boolean emptyTaskErrors() {
        return plays(Variant.TaskSuccess.EMPTY_ERRORS);
    }

    /**
     * {@link Variant.ErrorBodies}: the error an API request answers with. A plain-text body is a
     * {@link String} (sent as {@code text/plain}).
     */
    ApiException error(ApiException e) {
        if (e.status() == 404 && plays(Variant.ErrorBodies.PLAIN_404)) {
            return new ApiException(404, "NOT FOUND");
        }
        if (e.status() == 401 && plays(Variant.ErrorBodies.DRF0_403)) {
            return ApiException.detail(403, DRF0_NOT_AUTHENTICATED);
        }
        return e;
    }

    /** {@link Variant.Throttling}: the style of a throttle fault that names none. */
    Faults.ThrottleStyle throttleStyle() {
        switch (get(Variant.Throttling.class)) {
            case X_THROTTLE_503:
                return Faults.ThrottleStyle.X_THROTTLE_503;
            case WAIT_SECONDS:
                return Faults.ThrottleStyle.WAIT_SECONDS_429;
            default:
                return Faults.ThrottleStyle.RETRY_AFTER_429;
        }
    }

    /** {@link Variant.Throttling}: whether a {@code Retry-After} of a style-less throttle keeps its fraction. */
    boolean fractionalRetryAfter() {
        return plays(Variant.Throttling.RETRY_AFTER_FRACTIONAL);
    }

    /**
     * {@link Variant.TrailingSlash}: refuses a URL whose trailing slash the strict server would not take.
     *
     * @param v3 whether the URL is under {@code /api/3/}
     * @param route the path after {@code /api/<version>/}
     * @param pathId whether the route ends in a path id (v2 path ids take both forms)
     * @throws ApiException 404 for a URL the strict server does not know
     */
    void checkSlash(boolean v3, String route, boolean pathId) throws ApiException {
        if (!plays(Variant.TrailingSlash.STRICT) || route.isEmpty()) {
            return;
        }
        boolean slash = route.endsWith("/");
        if (v3 && slash && route.startsWith("sshkeys/") && route.split("/").length == 2) {
            return; // node lib/keys.js lists a user's keys at sshkeys/{user}/, slash kept (items have none)
        }
        if (v3 ? slash : !slash && !pathId) {
            throw ApiException.notFound();
        }
    }

    /**
     * A reply body as JSON, path information with its null keys when {@link Variant.PathInfoNulls}
     * plays them (written in one pass for path information and lists of it).
     */
    byte[] toJson(Object value) {
        boolean listOfPathInfo = value instanceof List && !((List<?>) value).isEmpty()
                && ((List<?>) value).get(0) instanceof PathInfo;
        if ((value instanceof PathInfo || listOfPathInfo) && plays(Variant.PathInfoNulls.PRESENT)) {
            return JsonReplies.toJsonWithPathNulls(value);
        }
        return JsonReplies.toJson(jsonValue(value));
    }

    /**
     * {@link Variant.PathInfoNulls}: a reply body as plain JSON values, path information with its
     * null keys when they are played; other values unchanged.
     */
    Object jsonValue(Object value) {
        boolean pathInfo = value instanceof PathInfo || value instanceof V3UploadReply
                || value instanceof List && !((List<?>) value).isEmpty() && ((List<?>) value).get(0) instanceof PathInfo;
        if (!pathInfo || !plays(Variant.PathInfoNulls.PRESENT)) {
            return value;
        }
        Object json = JsonReplies.toJsonValue(value);
        addNulls(json);
        return json;
    }

    @SuppressWarnings("unchecked")
    private static void addNulls(Object json) {
        if (json instanceof List) {
            ((List<Object>) json).forEach(Variants::addNulls);
        } else if (json instanceof Map) {
            Map<String, Object> item = (Map<String, Object>) json;
            if (item.containsKey("status") && item.containsKey("detail")) {
                return; // a v3 failure, not path information
            }
            for (String key : NULLABLE_PATH_KEYS) {
                item.putIfAbsent(key, null);
            }
            Object children = item.get("children");
            if (children != null) {
                addNulls(children);
            }
        }
    }

    private static String detailOf(Object body) {
        if (body instanceof ErrorBody) {
            ErrorBody b = (ErrorBody) body;
            if (b.getDetail() != null) {
                return b.getDetail();
            }
            return String.valueOf(JsonReplies.toJsonValue(b));
        }
        if (body instanceof Map) {
            List<String> parts = new ArrayList<>();
            ((Map<?, ?>) body).forEach((k, v) -> parts.add(k + ": " + v));
            return String.join("; ", parts);
        }
        return String.valueOf(body);
    }
}
