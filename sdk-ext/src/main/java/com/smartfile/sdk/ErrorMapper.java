package com.smartfile.sdk;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
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
import com.smartfile.sdk.internal.SmartFileOperation;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import org.jspecify.annotations.Nullable;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import retrofit2.Invocation;

/**
 * The one mapping from a failed call to the SDK's exception for it: an error reply becomes its
 * {@link ApiException} ({@link #fromResponse}), any other failure its {@link SmartFileException}
 * ({@link #fromFailure}). Every message gets its hint here, including what an upload's failure
 * adds ({@link UploadNote}); nothing rebuilds an exception later to add one.
 *
 * <p>It never fails on the body: JSON in any of SmartFile's shapes ({@code detail},
 * {@code field_errors} as object or string, per-field lists such as {@code {"src": […]}}), HTML
 * error pages and plain text all give a readable message; only the first
 * {@value ErrorReply#MAX_BODY_CHARS} characters are read.
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
        return build(request, response.code(), body, type, response.header("x-unique-id"), Throttle.waitOf(response));
    }

    /** Maps a v3 upload reply that said 200 but carried {@code {"status": N, "detail": "…"}}. */
    static ApiException fromV3Reply(Request request, int status, @Nullable String detail, @Nullable String requestId) {
        UploadNote note = UploadNote.of(request, status, false);
        ErrorReply reply = new ErrorReply(status, request.method(), Redaction.url(request.url()), detail,
                Map.of(), requestId, "", UploadNote.summary(detail, note), note != null && note.replacesHint);
        return forStatus(reply, Optional.empty());
    }

    /** Maps an error reply to {@code request} (whose operation and body say what an upload's failure adds). */
    static ApiException build(Request request, int status, String body, @Nullable MediaType type,
                              @Nullable String requestId, Optional<Duration> throttleWait) {
        return build(status, request.method(), Redaction.url(request.url()), body, type, requestId, throttleWait,
                UploadNote.of(request, status, throttleWait.isPresent()));
    }

    static ApiException build(int status, String method, String url, String body, @Nullable MediaType type,
                              @Nullable String requestId, Optional<Duration> throttleWait) {
        return build(status, method, url, body, type, requestId, throttleWait, null);
    }

    private static ApiException build(int status, String method, String url, String body, @Nullable MediaType type,
                                      @Nullable String requestId, Optional<Duration> throttleWait,
                                      @Nullable UploadNote note) {
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
        if (note != null) {
            summary = UploadNote.summary(summary, note);
        } else if ((summary == null || summary.isEmpty()) && fieldErrors.isEmpty()) {
            summary = status == 404 ? "not found (no detail given; check the URL and API version)" : "no detail given";
        }
        ErrorReply reply = new ErrorReply(status, method, url, detail, fieldErrors, requestId, body, summary,
                note != null && note.replacesHint);
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

    private static @Nullable Object parseJson(String body) {
        try {
            return JSON.fromJson(body);
        } catch (IOException | RuntimeException e) {
            return null; // truncated or malformed: fall back to the text
        }
    }

    private static String textOf(String body, @Nullable MediaType type) {
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

    private static String readCapped(@Nullable ResponseBody body) {
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

    // ---------------------------------------------------------------- failures without an error reply

    /** The message of the exception OkHttp throws when a call's {@code callTimeout} runs out. */
    private static final String CALL_TIMEOUT = "timeout";

    /** Maps any failure of a call to {@code request} to the SDK's exception for it. */
    static SmartFileException fromFailure(Request request, Throwable t) {
        if (t instanceof SmartFileException) {
            return (SmartFileException) t;
        }
        if (t instanceof SmartFileIOException) {
            return ((SmartFileIOException) t).exception();
        }
        String what = request.method() + " " + Redaction.url(request.url());
        if (t instanceof JsonDataException || t instanceof JsonEncodingException || t instanceof EOFException) {
            return new InvalidReplyException("The reply to " + what + " could not be read as the expected JSON ("
                    + t.getMessage() + "). The request may have taken effect; check before repeating it.", t);
        }
        if (t instanceof IOException) {
            IOException e = (IOException) t;
            UploadNote note = UploadNote.ofLostConnection(request);
            if (note != null) {
                // The note says why it was not retried, better than the retry outcome would.
                return new TransportException(what(what, e) + " " + note.text, t);
            }
            RetryInterceptor.Outcome outcome = RetryInterceptor.Outcome.of(e);
            return new TransportException(what(what, e) + (outcome == null ? "" : " " + outcome.getMessage()), t);
        }
        return new SmartFileException("Unexpected failure of " + what + ": " + t, t);
    }

    private static String what(String what, IOException e) {
        if (e instanceof UnknownHostException) {
            return "Cannot resolve the host of " + what + ". Check the base URL and the network.";
        }
        if (e instanceof ConnectException) {
            return "Cannot connect for " + what + " (" + e.getMessage() + "). Check the base URL and that the server is up.";
        }
        if (e instanceof SocketTimeoutException) {
            return "Timed out on " + what + " (" + e.getMessage() + "). The server is slow or unreachable; "
                    + "raise the timeouts in SmartFile.builder() if large replies are expected.";
        }
        if (e instanceof InterruptedIOException && CALL_TIMEOUT.equals(e.getMessage()) && !Thread.currentThread().isInterrupted()) {
            return "The call timeout ran out on " + what + ": the whole call, retries and their waits included, must end "
                    + "within callTimeout(…) of SmartFile.builder(). The request may have taken effect; check before "
                    + "repeating it.";
        }
        if (e instanceof InterruptedIOException) {
            return "Interrupted on " + what + " (" + e.getMessage() + ").";
        }
        if (e instanceof ProtocolException && String.valueOf(e.getMessage()).startsWith("unexpected end of stream")) {
            return "The reply to " + what + " ended early (" + e.getMessage() + "): the connection dropped, or the server "
                    + "announced more bytes than it sent. The request may have taken effect; check before repeating it.";
        }
        return "Connection failed on " + what + " (" + e + ").";
    }

    // ---------------------------------------------------------------- what an upload's failure adds

    /**
     * What the caller of an upload should know beyond the failure itself: a 409 on an upload into
     * a folder most likely means the folder is missing; a failure that would have been retried
     * was not, because the body was a stream. Known from the request alone: its operation (the
     * upload operations of the spec), its URL (the folder) and its body (one-shot or not).
     */
    static final class UploadNote {

        private static final String STREAM_NOT_RETRIED = "The upload was not retried because its InputStream can be read "
                + "only once: upload from a Path or byte[] to have such failures retried where that is safe, or call again "
                + "with a new stream.";

        /** The note, one or two sentences. */
        final String text;
        /** The note says what to do, so the status's generic hint is left out. */
        final boolean replacesHint;

        private UploadNote(String text, boolean replacesHint) {
            this.text = text;
            this.replacesHint = replacesHint;
        }

        /** The note for an error reply of {@code status} to {@code request}, or null. */
        static @Nullable UploadNote of(Request request, int status, boolean throttled) {
            Upload upload = Upload.of(request);
            if (upload == null) {
                return null;
            }
            String text = "";
            boolean conflict = status == 409 && !throttled && upload.folder != null;
            if (conflict) {
                text = "Uploading into " + upload.folder + " conflicts with its state, most likely because the folder does "
                        + "not exist: create it with paths().mkdir(\"" + upload.folder + "\"), or upload with "
                        + "UploadOptions.builder().createFolders(true).";
            }
            boolean wouldRetry = throttled || status == 429 || (upload.idempotent && status >= 500);
            if (upload.oneShot && wouldRetry) {
                text = (text + " " + STREAM_NOT_RETRIED).trim();
            }
            return text.isEmpty() ? null : new UploadNote(text, conflict);
        }

        /** The note for a connection lost on the way of {@code request}, or null. */
        static @Nullable UploadNote ofLostConnection(Request request) {
            Upload upload = Upload.of(request);
            return upload != null && upload.oneShot ? new UploadNote(STREAM_NOT_RETRIED, false) : null;
        }

        /** The server's words, then the note: {@code said. note}, without the final full stop the message adds. */
        static @Nullable String summary(@Nullable String said, @Nullable UploadNote note) {
            if (note == null) {
                return said;
            }
            String s = said == null || said.isEmpty() ? null : said.replaceAll("[.\\s]+$", "");
            return (s == null || s.isEmpty() ? note.text : s + ". " + note.text).replaceAll("\\.$", "");
        }
    }

    /** An upload request, as its operation, URL and body describe it. */
    private static final class Upload {
        /** The folder uploaded into, as {@code /a/b}; null for a write into an existing file. */
        final @Nullable String folder;
        final boolean idempotent;
        final boolean oneShot;

        private Upload(@Nullable String folder, boolean idempotent, boolean oneShot) {
            this.folder = folder;
            this.idempotent = idempotent;
            this.oneShot = oneShot;
        }

        static @Nullable Upload of(Request request) {
            Invocation invocation = request == null ? null : request.tag(Invocation.class);
            SmartFileOperation op = invocation == null ? null : invocation.method().getAnnotation(SmartFileOperation.class);
            if (op == null) {
                return null;
            }
            @Nullable String folder;
            switch (op.id()) {
                case "uploadFiles": // POST path/data/<folder>/
                    folder = pathAfterData(request.url());
                    break;
                case "uploadFileV3": // PUT path/data/<file>
                    folder = ParentFolders.parentOf(pathAfterData(request.url()));
                    break;
                case "patchFileV3": // PATCH path/data/<file>: the file exists
                    folder = null;
                    break;
                default:
                    return null;
            }
            return new Upload(folder, op.idempotent(), !RetryInterceptor.isReplayable(request.body()));
        }

        /** The SmartFile path in a {@code …/path/data/<path>} URL, as {@code /a/b}. */
        private static String pathAfterData(HttpUrl url) {
            List<String> segments = url.pathSegments();
            int start = 0;
            for (int i = 0; i + 3 < segments.size(); i++) {
                if (segments.get(i).equals("api") && segments.get(i + 2).equals("path") && segments.get(i + 3).equals("data")) {
                    start = i + 4; // api/<version>/path/data/<path>
                    break;
                }
            }
            StringBuilder path = new StringBuilder();
            for (String s : segments.subList(start, segments.size())) {
                if (!s.isEmpty()) {
                    path.append('/').append(s);
                }
            }
            return path.length() == 0 ? "/" : path.toString();
        }
    }
}
