package com.smartfile.sdk;

/**
 * How much of each HTTP exchange the client logs, at INFO through the {@code java.lang.System.Logger}
 * named {@code com.smartfile.sdk.wire}. Secrets never appear at any level: {@code Authorization},
 * cookies, CSRF tokens and password-, secret- or token-named fields are masked.
 */
public enum LogLevel {

    /** Nothing is logged. */
    NONE,

    /** One line per request and per reply: method, URL, status, duration and body sizes. */
    BASIC,

    /** {@link #BASIC} plus the request and reply headers. */
    HEADERS,

    /**
     * {@link #HEADERS} plus small bodies that are text already in memory: form fields, JSON up to
     * 4 KiB. File and stream bodies are never read for logging.
     */
    BODY
}
