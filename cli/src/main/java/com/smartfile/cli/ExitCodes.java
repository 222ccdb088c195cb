package com.smartfile.cli;

import com.smartfile.sdk.ApiException;
import com.smartfile.sdk.AuthenticationException;
import com.smartfile.sdk.ConfigurationException;
import com.smartfile.sdk.InvalidInputException;
import com.smartfile.sdk.LocalFileException;
import com.smartfile.sdk.NotFoundException;
import com.smartfile.sdk.PermissionDeniedException;
import com.smartfile.sdk.TransportException;

/** The command's exit codes, one per kind of failure a script may want to tell apart. */
final class ExitCodes {

    static final int OK = 0;
    /** Picocli's own code for a command line it cannot parse; also bad input we reject. */
    static final int USAGE = 2;
    static final int AUTH = 3;
    static final int NOT_FOUND = 4;
    static final int API_ERROR = 5;
    static final int TRANSPORT = 6;
    static final int LOCAL_IO = 7;
    static final int CONFIG = 8;

    /** Shown in every command's --help and in README. */
    static final String[] HELP = {
        "0:Success.",
        "2:Usage error: unknown command or option, missing or bad argument, missing local file.",
        "3:Authentication or permission: the server refused the credentials or the operation.",
        "4:Not found: the remote path or object does not exist.",
        "5:Other API error: validation, conflict, throttling, a failed task, an unreadable reply.",
        "6:Network or transport failure: server unreachable, connection dropped, timeout.",
        "7:Local file error: a local file could not be written or read (disk full, permission, name too long).",
        "8:Configuration: no or malformed credentials, a bad base URL, API version or netrc file; nothing was sent.",
    };

    private ExitCodes() {
    }

    static int of(Throwable e) {
        if (e instanceof InvalidInputException || e instanceof UsageException) {
            return USAGE;
        }
        if (e instanceof ConfigurationException) {
            return CONFIG;
        }
        if (e instanceof AuthenticationException || e instanceof PermissionDeniedException) {
            return AUTH;
        }
        if (e instanceof LocalFileException || e instanceof java.io.UncheckedIOException) {
            return LOCAL_IO;
        }
        if (e instanceof NotFoundException) {
            return NOT_FOUND;
        }
        if (e instanceof TransportException) {
            return TRANSPORT;
        }
        if (e instanceof ApiException) {
            return API_ERROR;
        }
        return API_ERROR;
    }
}
