package com.smartfile.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;

/**
 * Reads and writes the harness's results as plain JSON values (maps, lists, strings, numbers,
 * booleans), with the Moshi the SDK already brings.
 */
public final class Json {

    private static final JsonAdapter<Object> ADAPTER = new Moshi.Builder().build().adapter(Object.class).serializeNulls();

    private Json() {
    }

    /**
     * Writes a value on one line.
     *
     * @param value maps, lists and scalars
     * @return the JSON text
     */
    public static String write(Object value) {
        return ADAPTER.toJson(value);
    }

    /**
     * Writes a value indented, for files meant to be read.
     *
     * @param value maps, lists and scalars
     * @return the JSON text
     */
    public static String writePretty(Object value) {
        return ADAPTER.indent("  ").toJson(value);
    }

    /**
     * Reads a value.
     *
     * @param json the JSON text
     * @return maps, lists, strings, doubles, booleans or null
     */
    public static Object read(String json) {
        try {
            return ADAPTER.fromJson(json);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable JSON: " + e.getMessage(), e);
        }
    }
}
