package com.smartfile.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads and checks request parameters, answering 400 in the error shape of the route: per-field
 * lists ({@code {"src": ["…"]}}, the file operations) or {@code {"field_errors": {…}}} (the
 * administration objects).
 */
final class Params {

    private final FormData data;
    private final boolean fieldErrors;

    private Params(FormData data, boolean fieldErrors) {
        this.data = data;
        this.fieldErrors = fieldErrors;
    }

    /**
     * Parameters answering per-field lists on errors.
     *
     * @param data the parameters
     * @return the reader
     */
    static Params fieldLists(FormData data) {
        return new Params(data, false);
    }

    /**
     * Parameters answering {@code field_errors} on errors.
     *
     * @param data the parameters
     * @return the reader
     */
    static Params fieldErrors(FormData data) {
        return new Params(data, true);
    }

    /**
     * Builds the 400 error of one field, in this reader's shape.
     *
     * @param field the field
     * @param message the message
     * @return the error
     */
    ApiException invalid(String field, String message) {
        return fieldErrors ? ApiException.fieldErrors(field, message) : ApiException.fieldList(field, message);
    }

    boolean has(String name) {
        return data.has(name);
    }

    /**
     * A required, non-blank value.
     *
     * @param name the field
     * @return the value
     * @throws ApiException 400 when missing or blank
     */
    String required(String name) throws ApiException {
        String v = data.first(name);
        if (v == null || v.isBlank()) {
            throw invalid(name, ApiException.REQUIRED);
        }
        return v;
    }

    /**
     * All non-blank values of a repeatable field, at least one.
     *
     * @param name the field
     * @return the values
     * @throws ApiException 400 when there is none
     */
    List<String> requiredList(String name) throws ApiException {
        List<String> values = new ArrayList<>();
        for (String v : data.all(name)) {
            if (!v.isBlank()) {
                values.add(v);
            }
        }
        if (values.isEmpty()) {
            throw invalid(name, ApiException.REQUIRED);
        }
        return values;
    }

    /**
     * An optional value.
     *
     * @param name the field
     * @return the value, or null
     */
    String optional(String name) {
        return data.first(name);
    }

    /**
     * All values of a repeatable field.
     *
     * @param name the field
     * @return the values, possibly empty
     */
    List<String> list(String name) {
        return data.all(name);
    }

    /**
     * An optional boolean: {@code true/on/1/yes} or {@code false/off/0/no}.
     *
     * @param name the field
     * @return the value, or null when absent
     * @throws ApiException 400 for anything else
     */
    Boolean bool(String name) throws ApiException {
        String v = data.first(name);
        if (v == null) {
            return null;
        }
        Boolean b = parseBoolean(v);
        if (b == null) {
            throw invalid(name, "Must be a valid boolean.");
        }
        return b;
    }

    /**
     * Reads a boolean text.
     *
     * @param v the text
     * @return the value, or null when it is not a boolean
     */
    static Boolean parseBoolean(String v) {
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true": case "on": case "1": case "yes":
                return Boolean.TRUE;
            case "false": case "off": case "0": case "no":
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    /**
     * An optional integer at least {@code min}; an empty value reads as absent.
     *
     * @param name the field
     * @param min the smallest allowed value
     * @return the value, or null when absent or empty
     * @throws ApiException 400 for a non-number or a number below {@code min}
     */
    Long number(String name, long min) throws ApiException {
        String v = data.first(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < min) {
                throw invalid(name, "Ensure this value is greater than or equal to " + min + ".");
            }
            return n;
        } catch (NumberFormatException e) {
            throw invalid(name, "A valid integer is required.");
        }
    }

    /**
     * An optional value from a fixed set (case-insensitive), returned in lower case.
     *
     * @param name the field
     * @param choices the allowed values, lower case
     * @return the value, or null when absent
     * @throws ApiException 400 for another value
     */
    String choice(String name, List<String> choices) throws ApiException {
        String v = data.first(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        String lower = v.trim().toLowerCase(Locale.ROOT);
        if (!choices.contains(lower)) {
            throw invalid(name, "\"" + v + "\" is not a valid choice.");
        }
        return lower;
    }
}
