package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;

/**
 * A local file could not be read or written: the disk is full, a permission is missing, or the
 * file system refuses a name. Nothing on the server was changed by the failure itself; a download
 * to a file leaves the target as it was.
 */
public class LocalFileException extends SmartFileException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, on which file, and what to do
     * @param cause the I/O failure
     */
    public LocalFileException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
