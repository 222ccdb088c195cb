package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;

/**
 * The request or its reply was lost on the way: the server could not be reached, the connection
 * dropped, or a timeout fired. Requests that are safe to repeat were already retried as the
 * client's retry policy allows before this is thrown.
 */
public class TransportException extends SmartFileException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, on which request, and what to check
     * @param cause the I/O failure
     */
    public TransportException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
