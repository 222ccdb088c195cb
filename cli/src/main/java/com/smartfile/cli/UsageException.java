package com.smartfile.cli;

/** A command line that parses but cannot work, such as a local file that does not exist. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
