package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Checks the non-path ids (user names, group names, link uids, task uuids) before they are sent. */
final class Ids {

    private Ids() {
    }

    /** A non-blank name without control characters; Retrofit percent-encodes it as one segment. */
    static String name(String kind, @Nullable String value) {
        if (value == null || value.trim().isEmpty()) {
            throw new InvalidInputException("The " + kind + " must not be " + (value == null ? "null" : "blank") + ".");
        }
        PathIds.checkCharacters("The " + kind, kind + "s", value);
        return value;
    }

    /** A positive numeric id. */
    static long number(String kind, long value) {
        if (value < 1) {
            throw new InvalidInputException("The " + kind + " must be a positive number; got " + value + ".");
        }
        return value;
    }

    /** Each value checked as a {@link #name}; null or empty gives an empty list. */
    static List<String> names(String kind, Collection<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                out.add(name(kind, v));
            }
        }
        return out;
    }

    /** One of the allowed values, matched case-insensitively and sent in lower case. */
    static String oneOf(String kind, String value, String... allowed) {
        String v = name(kind, value).toLowerCase(Locale.ROOT);
        if (!Arrays.asList(allowed).contains(v)) {
            throw new InvalidInputException("Unknown " + kind + " '" + value + "'; use one of " + String.join(", ", allowed) + ".");
        }
        return v;
    }

    /** A varargs array as a list; null stays null (the check that follows refuses it). */
    static @Nullable List<String> list(String @Nullable ... values) {
        return values == null ? null : Arrays.asList(values);
    }
}
