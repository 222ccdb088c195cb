package com.smartfile.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.smartfile.sdk.model.ErrorBody;

/**
 * An error reply: a status code and the JSON body to send, thrown by handlers and written by the
 * {@link Dispatcher}. The factories produce the error shapes of the spec's {@code ErrorBody}:
 * {@code {"detail": …}}, {@code {"field_errors": {…}}} and per-field lists like
 * {@code {"src": ["…"]}}.
 */
final class ApiException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The usual text of a 404. */
    static final String NOT_FOUND = "Not found.";
    /** The usual text of a missing form field. */
    static final String REQUIRED = "This field is required.";

    private final int status;
    private final transient Object body;
    private final transient Map<String, String> headers = new LinkedHashMap<>();

    ApiException(int status, Object body) {
        super("HTTP " + status, null, false, false);
        this.status = status;
        this.body = body;
    }

    /**
     * An error with a {@code {"detail": …}} body.
     *
     * @param status the status code
     * @param detail the message
     * @return the exception
     */
    static ApiException detail(int status, String detail) {
        return new ApiException(status, ErrorBody.builder().detail(detail).build());
    }

    /**
     * A 404 {@code {"detail": "Not found."}}.
     *
     * @return the exception
     */
    static ApiException notFound() {
        return detail(404, NOT_FOUND);
    }

    /**
     * A 400 with a per-field list, e.g. {@code {"src": ["This field is required."]}}.
     *
     * @param field the form field
     * @param message the message
     * @return the exception
     */
    static ApiException fieldList(String field, String message) {
        return new ApiException(400, Map.of(field, List.of(message)));
    }

    /**
     * A 400 {@code {"field_errors": {"<field>": ["<message>"]}}}.
     *
     * @param field the form field
     * @param message the message
     * @return the exception
     */
    static ApiException fieldErrors(String field, String message) {
        return new ApiException(400,
                ErrorBody.builder().fieldErrors(Map.of(field, List.of(message))).build());
    }

    /**
     * Adds a reply header.
     *
     * @param name the header name
     * @param value the value
     * @return this exception
     */
    ApiException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    int status() {
        return status;
    }

    Object body() {
        return body;
    }

    Map<String, String> headers() {
        return headers;
    }
}
