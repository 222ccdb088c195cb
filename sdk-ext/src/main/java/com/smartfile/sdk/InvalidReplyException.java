package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;

/**
 * The server answered, but the reply could not be understood: truncated or malformed JSON, an
 * empty body where JSON was due, a body shorter than its {@code Content-Length}. The request may
 * or may not have taken effect; read the state back before repeating a non-idempotent request.
 */
public class InvalidReplyException extends SmartFileException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which request, and what was wrong with its reply
     * @param cause the parse or I/O failure
     */
    public InvalidReplyException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
