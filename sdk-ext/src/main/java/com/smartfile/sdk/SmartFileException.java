package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;

/**
 * Base of every exception the SmartFile SDK throws. Unchecked: catch it (or a subclass) where
 * you can act on the failure.
 *
 * <ul>
 *   <li>{@link ConfigurationException}: the client cannot be built or cannot authenticate as
 *       configured; no request was sent.</li>
 *   <li>{@link InvalidInputException}: an argument was rejected before any request was sent.</li>
 *   <li>{@link ClientClosedException}: the client was closed before the call; nothing was sent.</li>
 *   <li>{@link TransportException}: the request or reply was lost on the way (network, timeout).</li>
 *   <li>{@link ApiException} and its subclasses: the server answered with an error.</li>
 * </ul>
 * Messages never contain passwords, secrets, tokens, cookies or {@code Authorization} values.
 */
public class SmartFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what happened and what to do
     */
    public SmartFileException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what happened and what to do
     * @param cause the underlying failure
     */
    public SmartFileException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
