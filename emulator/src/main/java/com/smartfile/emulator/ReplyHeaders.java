package com.smartfile.emulator;

import org.eclipse.jetty.http.HttpFields;

/**
 * The headers of a reply, set by the routes before the reply is sent (names in any case).
 */
final class ReplyHeaders {

    private final HttpFields.Mutable fields;

    ReplyHeaders(HttpFields.Mutable fields) {
        this.fields = fields;
    }

    /**
     * Sets a header, replacing any value it had.
     *
     * @param name the name
     * @param value the value
     */
    void set(String name, String value) {
        fields.put(name, value);
    }

    /**
     * Adds a value to a header (e.g. a second {@code Set-Cookie}).
     *
     * @param name the name
     * @param value the value
     */
    void add(String name, String value) {
        fields.add(name, value);
    }

    /**
     * Tells whether a header is set.
     *
     * @param name the name
     * @return true when it has a value
     */
    boolean containsKey(String name) {
        return fields.contains(name);
    }
}
