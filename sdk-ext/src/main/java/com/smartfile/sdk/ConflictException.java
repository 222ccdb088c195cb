package com.smartfile.sdk;

/**
 * 409 Conflict: the request clashes with the current state, e.g. an upload into a folder that does not exist.
 */
public class ConflictException extends ApiException {

    private static final long serialVersionUID = 1L;

    ConflictException(ErrorReply reply) {
        super(reply);
    }
}
