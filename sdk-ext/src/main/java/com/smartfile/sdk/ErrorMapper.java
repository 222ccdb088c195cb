package com.smartfile.sdk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.smartfile.sdk.internal.SmartFileJson;
import com.squareup.moshi.JsonAdapter;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * The one mapping from an error reply to an {@link ApiException}. It never fails on the body:
 * JSON in any of SmartFile's shapes ({@code detail}, {@code field_errors} as object or string,
 * per-field lists such as {@code {"src": […]}}), HTML error pages and plain text all give a
 * readable message; only the first {@value ErrorReply#MAX_BODY_CHARS} characters are read.
 */
final class ErrorMapper {

    /** The text SmartFile sends with a 403 when an OAuth signature does not verify. */
    static final String OAUTH_NOT_VERIFIED = "Could not verify OAuth request";

    /**
     * The end of the older stack's 403 text for missing or wrong credentials (Django REST Framework
     * 0.x: "You do not have permission to access this resource. You may need to login or otherwise
     * authenticate the request.", smartfile/client-java BasicClientTest).
     */
    static final String OLD_NOT_AUTHENTICATED = "You may need to login or otherwise authenticate the request";

    private static final JsonAdapter<Object> JSON = SmartFileJson.moshi().adapter(Object.class);
    private static final Pattern HTML_TITLE = Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private ErrorMapper() {
    }

    /** Maps an unsuccessful reply; reads at most a capped prefix of its body (the caller closes it). */
    static ApiException fromResponse(Response response) {
        return fromResponse(response, List.of());
    }

    /** As {@link #fromResponse(Response)}, with known secrets scrubbed from everything kept. */
    static ApiException fromResponse(Response response, List<String> secrets) {
        String body = Redaction.scrub(readCapped(response.body()), Redaction.secretsOf(response.request(), secrets));
        Request request = response.request();
        okhttp3.HttpUrl target = response.isRedirect() && response.header("Location") != null
                ? request.url().resolve(response.header("Location")) : null;
        if (target != null) {
            // A redirect not followed (an http:// client does not go on to https://): say where to.
            body = "Redirected to " + Redaction.url(target) + "; use it as the base URL.";
        }
        MediaType type = response.body() == null ? null : response.body().contentType();
        return build(response.code(), request.method(), Redaction.url(request.url()), body, type,
                response.header("x-unique-id"), Throttle.waitOf(response));
    }

    /** Maps a v3 upload reply that said 200 but carried {@code {"status": N, "detail": "…"}}. */
    static ApiException fromV3Reply(Request request, int status, String detail, String requestId) {
        ErrorReply reply = new ErrorReply(status, request.method(), Redaction.url(request.url()), detail,
                Map.of(), requestId, "", detail);
        return forStatus(reply, Optional.empty());
    }

    static ApiException build(int status, String method, String url, String body, MediaType type,
                              String requestId, Optional<Duration> throttleWait) {
        String detail = null;
        Map<String, List<String>> fieldErrors = new LinkedHashMap<>();
        String summary;
        Object json = looksLikeJson(body) ? parseJson(body) : null;
        if (json instanceof Map) {
            Map<?, ?> map = (Map<?, ?>) json;
            Object d = map.get("detail");
            detail = d == null ? null : String.valueOf(d);
            collectFieldErrors(map, fieldErrors);
            summary = detail;
        } else if (json instanceof List || json instanceof String) {
            summary = String.join(" ", asStrings(json));
        } else {
            summary = textOf(body, type);
        }
        if ((summary == null || summary.isEmpty()) && fieldErrors.isEmpty()) {
            summary = status == 404 ? "not found (no detail given; check the URL and API version)" : "no detail given";
        }
        ErrorReply reply = new ErrorReply(status, method, url, detail, fieldErrors, requestId, body, summary);
        return forStatus(reply, throttleWait);
    }

    /** The one place that picks the exception class for a reply (also used by {@link ApiException.Builder}). */
    static ApiException forStatus(ErrorReply reply, Optional<Duration> throttleWait) {
        if (throttleWait.isPresent()) {
            return new ThrottledException(reply, throttleWait.get());
        }
        switch (reply.statusCode) {
            case 400:
                return new ValidationException(reply);
            case 401:
                return new AuthenticationException(reply);
            case 403:
                return reply.rawBody.contains(OAUTH_NOT_VERIFIED) || reply.rawBody.contains(OLD_NOT_AUTHENTICATED)
                        ? new AuthenticationException(reply) : new PermissionDeniedException(reply);
            case 404:
                return new NotFoundException(reply);
            case 409:
                return new ConflictException(reply);
            case 429:
                return new ThrottledException(reply, Throttle.DEFAULT_WAIT);
            default:
                return new ApiException(reply);
        }
    }

    private static void collectFieldErrors(Map<?, ?> map, Map<String, List<String>> out) {
        Object fe = map.get("field_errors");
        if (fe instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) fe).entrySet()) {
                out.put(String.valueOf(e.getKey()), asStrings(e.getValue()));
            }
        } else if (fe != null) {
            out.put("", asStrings(fe));
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!key.equals("detail") && !key.equals("field_errors") && e.getValue() instanceof List) {
                out.put(key, asStrings(e.getValue()));
            }
        }
    }

    private static List<String> asStrings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List) {
            for (Object o : (List<?>) value) {
                out.add(String.valueOf(o));
            }
        } else if (value instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                out.add(e.getKey() + ": " + String.join(" ", asStrings(e.getValue())));
            }
        } else if (value != null) {
            out.add(String.valueOf(value));
        }
        return out;
    }

    private static boolean looksLikeJson(String body) {
        String t = body.trim();
        return t.startsWith("{") || t.startsWith("[") || t.startsWith("\"");
    }

    private static Object parseJson(String body) {
        try {
            return JSON.fromJson(body);
        } catch (IOException | RuntimeException e) {
            return null; // truncated or malformed: fall back to the text
        }
    }

    private static String textOf(String body, MediaType type) {
        String text = body;
        boolean html = (type != null && type.subtype().toLowerCase(Locale.ROOT).contains("html"))
                || body.trim().toLowerCase(Locale.ROOT).startsWith("<");
        if (html) {
            Matcher m = HTML_TITLE.matcher(body);
            text = m.find() ? m.group(1) : body.replaceAll("<[^>]*>", " ");
        }
        text = text.replaceAll("\\s+", " ").trim();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static String readCapped(ResponseBody body) {
        if (body == null) {
            return "";
        }
        try {
            BufferedSource source = body.source();
            long want = ErrorReply.MAX_BODY_CHARS * 4L; // bytes enough for MAX_BODY_CHARS of UTF-8
            source.request(want);
            long have = Math.min(want, source.getBuffer().size());
            String text = source.getBuffer().snapshot((int) have).string(StandardCharsets.UTF_8);
            return text.length() > ErrorReply.MAX_BODY_CHARS ? text.substring(0, ErrorReply.MAX_BODY_CHARS) : text;
        } catch (IOException e) {
            return "";
        }
    }
}
