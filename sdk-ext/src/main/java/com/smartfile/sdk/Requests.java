package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;

/** Checks the request objects ({@link UserRequest}, {@link LinkRequest}, {@link QuotaRequest}) the services take. */
final class Requests {

    private Requests() {
    }

    /** The request itself must be given. */
    static <R> R require(@Nullable R request, String type) {
        if (request == null) {
            throw new InvalidInputException("Give the " + type + " (" + type + ".builder()…build()); it must not be null.");
        }
        return request;
    }

    /** A field the operation needs must be set. */
    static void present(@Nullable Object value, String type, String field) {
        if (value == null) {
            throw new InvalidInputException("The " + type + " must set " + field + ": " + type + ".builder()." + field
                    + "(…).");
        }
    }
}
