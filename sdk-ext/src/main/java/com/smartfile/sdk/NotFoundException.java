package com.smartfile.sdk;

/**
 * 404 Not Found: the path, object or URL does not exist.
 */
public class NotFoundException extends ApiException {

    private static final long serialVersionUID = 1L;

    NotFoundException(ErrorReply reply) {
        super(reply);
    }
}
