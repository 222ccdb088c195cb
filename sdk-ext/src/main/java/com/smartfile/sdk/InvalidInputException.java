package com.smartfile.sdk;

/**
 * An argument was rejected before any request was sent: a blank id, a path with {@code ..} or a
 * control character, a negative offset, an unknown HTTP method.
 */
public class InvalidInputException extends SmartFileException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which input is wrong and why
     */
    public InvalidInputException(String message) {
        super(message);
    }
}
