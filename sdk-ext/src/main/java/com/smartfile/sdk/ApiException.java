package com.smartfile.sdk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SmartFile server answered with an error status (or, for v3 uploads, with an error inside a
 * 200 reply). Carries everything the server said, in parsed form, plus the request it answered.
 *
 * <p>Subclasses name the common cases: {@link ValidationException} (400),
 * {@link AuthenticationException} (401, and OAuth signature failures),
 * {@link PermissionDeniedException} (403), {@link NotFoundException} (404),
 * {@link ConflictException} (409) and {@link ThrottledException} (429 and 503 with a throttle
 * header).
 */
public class ApiException extends SmartFileException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String method;
    private final String url;
    private final String detail;
    private final Map<String, List<String>> fieldErrors;
    private final String requestId;
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
    public int statusCode() {
        return statusCode;
    }

    /**
     * The HTTP method of the failed request.
     *
     * @return the method, e.g. {@code GET}
     */
    public String method() {
        return method;
    }

    /**
     * The URL of the failed request, with secret-looking query values masked.
     *
     * @return the URL
     */
    public String url() {
        return url;
    }

    /**
     * The server's {@code detail} message, when it sent one.
     *
     * @return the detail, or null
     */
    public String detail() {
        return detail;
    }

    /**
     * Messages per field: from {@code field_errors} and from per-field lists such as
     * {@code {"src": ["…"]}}. A {@code field_errors} given as a plain string is under the key
     * {@code ""}.
     *
     * @return an unmodifiable map from field name to messages, empty when there are none
     */
    public Map<String, List<String>> fieldErrors() {
        return fieldErrors;
    }

    /**
     * The server's {@code x-unique-id} header, worth quoting to SmartFile support.
     *
     * @return the request id, or null when absent
     */
    public String requestId() {
        return requestId;
    }

    /**
     * The start of the reply body as text (at most {@value ErrorReply#MAX_BODY_CHARS} characters).
     *
     * @return the body text, possibly empty
     */
    public String rawBody() {
        return rawBody;
    }
}
