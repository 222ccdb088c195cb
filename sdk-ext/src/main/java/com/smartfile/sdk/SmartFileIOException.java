package com.smartfile.sdk;

import java.io.IOException;

/**
 * Carries a {@link SmartFileException} out of an OkHttp interceptor, which may only throw
 * {@link IOException}. The client unwraps it, so callers see the SmartFile exception itself.
 */
final class SmartFileIOException extends IOException {

    private static final long serialVersionUID = 1L;

    private final SmartFileException exception;

    SmartFileIOException(SmartFileException exception) {
        super(exception.getMessage(), exception);
        this.exception = exception;
    }

    SmartFileException exception() {
        return exception;
    }
}
