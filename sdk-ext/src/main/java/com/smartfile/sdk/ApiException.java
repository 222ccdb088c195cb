package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SmartFile server answered with an error status (or, for v3 uploads, with an error inside a
 * 200 reply). Carries everything the server said, in parsed form, plus the request it answered.
 *
 * <p>Subclasses name the common cases: {@link ValidationException} (400),
 * {@link AuthenticationException} (401, and OAuth signature failures),
 * {@link PermissionDeniedException} (403), {@link NotFoundException} (404),
 * {@link ConflictException} (409) and {@link ThrottledException} (429 and 503 with a throttle
 * header).
 *
 * <p>To test how your code handles these, build one as the client would throw it:
 * <pre>{@code
 * NotFoundException missing = ApiException.builder(404).detail("No such file").requestId("r-1")
 *         .build(NotFoundException.class);
 * }</pre>
 */
public class ApiException extends SmartFileException {

    private static final long serialVersionUID = 1L;

    /** The HTTP status. */
    private final int statusCode;
    /** The request's HTTP method. */
    private final String method;
    /** The request's URL, secrets masked. */
    private final String url;
    /** The server's {@code detail}, if any. */
    private final @Nullable String detail;
    /** Messages per field. */
    private final Map<String, List<String>> fieldErrors;
    /** The server's request id, if any. */
    private final @Nullable String requestId;
    /** The start of the reply body. */
    private final String rawBody;

    ApiException(ErrorReply reply) {
        super(reply.message());
        this.statusCode = reply.statusCode;
        this.method = reply.method;
        this.url = reply.url;
        this.detail = reply.detail;
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(reply.fieldErrors));
        this.requestId = reply.requestId;
        this.rawBody = reply.rawBody;
    }

    /**
     * The HTTP status code, or the {@code status} field of a v3 upload's error reply.
     *
     * @return the status code
     */
    public int getStatusCode() {
        return statusCode;
    }

    /**
     * The HTTP method of the failed request.
     *
     * @return the method, e.g. {@code GET}
     */
    public String getMethod() {
        return method;
    }

    /**
     * The URL of the failed request, with secret-looking query values masked.
     *
     * @return the URL
     */
    public String getUrl() {
        return url;
    }

    /**
     * The server's {@code detail} message, when it sent one.
     *
     * @return the detail, or null
     */
    public @Nullable String getDetail() {
        return detail;
    }

    /**
     * Messages per field: from {@code field_errors} and from per-field lists such as
     * {@code {"src": ["…"]}}. A {@code field_errors} given as a plain string is under the key
     * {@code ""}.
     *
     * @return an unmodifiable map from field name to messages, empty when there are none
     */
    public Map<String, List<String>> getFieldErrors() {
        return fieldErrors;
    }

    /**
     * The server's {@code x-unique-id} header, worth quoting to SmartFile support.
     *
     * @return the request id, or null when absent
     */
    public @Nullable String getRequestId() {
        return requestId;
    }

    /**
     * The start of the reply body as text (at most {@value ErrorReply#MAX_BODY_CHARS} characters).
     *
     * @return the body text, possibly empty
     */
    public String getRawBody() {
        return rawBody;
    }

    /**
     * Starts an exception with the given status, for tests of code that handles SmartFile's errors.
     * {@link Builder#build()} picks the subclass the client picks for that reply, and the message
     * reads like a real one.
     *
     * @param statusCode the HTTP status, e.g. 404
     * @return a builder
     */
    public static Builder builder(int statusCode) {
        return new Builder(statusCode);
    }

    /** Builds an {@link ApiException} (or the subclass for its status) as the client would throw it. */
    public static final class Builder {
        private final int statusCode;
        private String method = "GET";
        private String url = SmartFile.DEFAULT_BASE_URL + "api/" + SmartFile.DEFAULT_API_VERSION + "/";
        private @Nullable String detail;
        private final Map<String, List<String>> fieldErrors = new LinkedHashMap<>();
        private @Nullable String requestId;
        private String rawBody = "";
        private @Nullable Duration retryAfter;

        private Builder(int statusCode) {
            if (statusCode < 100 || statusCode > 599) {
                throw new InvalidInputException("An HTTP status is between 100 and 599; got " + statusCode + ".");
            }
            this.statusCode = statusCode;
        }

        /**
         * The request that failed. Default {@code GET} on the hosted API's root.
         *
         * @param method the HTTP method
         * @param url the URL
         * @return this builder
         */
        public Builder request(String method, String url) {
            this.method = method;
            this.url = url;
            return this;
        }

        /**
         * The server's {@code detail} message.
         *
         * @param detail the message
         * @return this builder
         */
        public Builder detail(String detail) {
            this.detail = detail;
            return this;
        }

        /**
         * Adds messages for a form field, as in {@code {"field_errors": {"email": ["…"]}}}.
         *
         * @param field the field's name
         * @param messages its messages
         * @return this builder
         */
        public Builder fieldError(String field, String... messages) {
            fieldErrors.computeIfAbsent(field, k -> new ArrayList<>()).addAll(Arrays.asList(messages));
            return this;
        }

        /**
         * The server's {@code x-unique-id}.
         *
         * @param requestId the id
         * @return this builder
         */
        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        /**
         * The reply body as text.
         *
         * @param rawBody the body
         * @return this builder
         */
        public Builder rawBody(String rawBody) {
            this.rawBody = rawBody == null ? "" : rawBody;
            return this;
        }

        /**
         * The wait a throttling server asked for; makes the exception a {@link ThrottledException}
         * whatever the status (as a 503 with a throttle header is).
         *
         * @param retryAfter the wait
         * @return this builder
         */
        public Builder retryAfter(Duration retryAfter) {
            this.retryAfter = retryAfter;
            return this;
        }

        /**
         * The exception, of the class the client uses for this status: {@link ValidationException}
         * for 400, {@link AuthenticationException} for 401, and so on.
         *
         * @return the exception
         */
        public ApiException build() {
            String summary = detail != null ? detail : fieldErrors.isEmpty() ? "no detail given" : null;
            ErrorReply reply = new ErrorReply(statusCode, method, url, detail, fieldErrors, requestId, rawBody, summary);
            return ErrorMapper.forStatus(reply, Optional.ofNullable(retryAfter));
        }

        /**
         * The exception as the given class.
         *
         * @param type the class the status maps to, e.g. {@code NotFoundException.class} for 404
         * @param <E> that class
         * @return the exception
         * @throws InvalidInputException when the status maps to another class
         */
        public <E extends ApiException> E build(Class<E> type) {
            ApiException e = build();
            if (e.getClass() != type) {
                throw new InvalidInputException("Status " + statusCode + " makes a " + e.getClass().getSimpleName()
                        + ", not a " + type.getSimpleName() + ".");
            }
            return type.cast(e);
        }
    }
}
