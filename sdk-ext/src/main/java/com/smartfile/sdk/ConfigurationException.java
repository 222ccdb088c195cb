package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;

/**
 * The client is configured in a way that cannot work: missing or malformed credentials, a bad
 * base URL, an unreadable netrc file, an API call before OAuth access tokens exist. Thrown before
 * any request is sent.
 */
public class ConfigurationException extends SmartFileException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and how to fix it
     */
    public ConfigurationException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what is wrong and how to fix it
     * @param cause the underlying failure
     */
    public ConfigurationException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
