package com.smartfile.emulator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.squareup.moshi.JsonReader;
import okio.Buffer;

/**
 * Reads an {@code application/json} request body as the same name/value pairs a form would carry,
 * so that every v2 route takes JSON with the form's semantics (third-party apps sent mkdir as
 * {@code {"path": "/x"}}; v3 SSH keys take JSON only). A top-level object is required; a string
 * stays as it is, a number keeps its literal text, a boolean becomes {@code true}/{@code false},
 * an array of such values repeats its name, and {@code null} leaves the name out (as Python
 * {@code requests} does for a form value of {@code None}).
 */
final class JsonForm {

    private JsonForm() {
    }

    /**
     * Parses a JSON body.
     *
     * @param bytes the body
     * @return the pairs
     * @throws ApiException 400 {@code JSON parse error - …} for malformed JSON, a body that is not an
     *     object, or a nested object
     */
    static FormData parse(byte[] bytes) throws ApiException {
        Map<String, List<String>> map = new LinkedHashMap<>();
        try (JsonReader reader = JsonReader.of(new Buffer().write(bytes))) {
            if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
                throw parseError("expected a JSON object, got " + describe(reader.peek()));
            }
            reader.beginObject();
            while (reader.hasNext()) {
                String name = reader.nextName();
                List<String> values = new ArrayList<>();
                if (reader.peek() == JsonReader.Token.BEGIN_ARRAY) {
                    reader.beginArray();
                    while (reader.hasNext()) {
                        String v = scalar(reader, name);
                        if (v != null) {
                            values.add(v);
                        }
                    }
                    reader.endArray();
                } else {
                    String v = scalar(reader, name);
                    if (v == null) {
                        continue;
                    }
                    values.add(v);
                }
                map.computeIfAbsent(name, k -> new ArrayList<>()).addAll(values);
            }
            reader.endObject();
            if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
                throw parseError("text after the JSON object");
            }
        } catch (IOException | RuntimeException e) {
            throw parseError(String.valueOf(e.getMessage()));
        }
        return FormData.of(map);
    }

    private static String scalar(JsonReader reader, String name) throws IOException, ApiException {
        switch (reader.peek()) {
            case STRING:
            case NUMBER:
                return reader.nextString();
            case BOOLEAN:
                return String.valueOf(reader.nextBoolean());
            case NULL:
                reader.nextNull();
                return null;
            default:
                throw parseError("the value of \"" + name + "\" is " + describe(reader.peek())
                        + "; only strings, numbers, booleans and arrays of them are taken");
        }
    }

    private static String describe(JsonReader.Token token) {
        switch (token) {
            case BEGIN_OBJECT:
                return "an object";
            case BEGIN_ARRAY:
                return "an array";
            case END_DOCUMENT:
                return "nothing";
            default:
                return "a " + token.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static ApiException parseError(String why) {
        return ApiException.detail(400, "JSON parse error - " + why);
    }
}
