package com.smartfile.sdk;

/**
 * 403 Forbidden: the credentials are valid but may not do this.
 */
public class PermissionDeniedException extends ApiException {

    private static final long serialVersionUID = 1L;

    PermissionDeniedException(ErrorReply reply) {
        super(reply);
    }
}
