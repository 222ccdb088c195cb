package com.smartfile.sdk;

/**
 * 400 Bad Request: the server rejected the parameters. {@link #getFieldErrors()} says which ones and why.
 */
public class ValidationException extends ApiException {

    private static final long serialVersionUID = 1L;

    ValidationException(ErrorReply reply) {
        super(reply);
    }
}
