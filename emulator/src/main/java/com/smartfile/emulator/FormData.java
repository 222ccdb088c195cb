package com.smartfile.emulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Name/value pairs of a query string or an {@code application/x-www-form-urlencoded} body, in
 * arrival order, with repeated names kept ({@code path=/a&path=/b}).
 */
final class FormData {

    private final Map<String, List<String>> values;

    private FormData(Map<String, List<String>> values) {
        this.values = values;
    }

    /** An empty set of pairs. */
    static final FormData EMPTY = new FormData(Collections.emptyMap());

    /**
     * Parses form-encoded text; a pair without {@code =} has the empty value.
     *
     * @param encoded the raw text, may be null or empty
     * @return the pairs
     * @throws IllegalArgumentException for malformed percent-encoding
     */
    static FormData parse(String encoded) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = PercentCodec.decodeForm(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : PercentCodec.decodeForm(pair.substring(eq + 1));
                map.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return new FormData(map);
    }

    /**
     * Pairs already decoded (a JSON body read by {@link JsonForm}).
     *
     * @param values the values per name, in order
     * @return the pairs
     */
    static FormData of(Map<String, List<String>> values) {
        return values.isEmpty() ? EMPTY : new FormData(new LinkedHashMap<>(values));
    }

    /**
     * Combines two sets of pairs (this one's first).
     *
     * @param other the pairs to add
     * @return the combined pairs
     */
    FormData plus(FormData other) {
        if (other.values.isEmpty()) {
            return this;
        }
        Map<String, List<String>> map = new LinkedHashMap<>();
        values.forEach((k, v) -> map.put(k, new ArrayList<>(v)));
        other.values.forEach((k, v) -> map.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        return new FormData(map);
    }

    /**
     * Returns the first value of a name.
     *
     * @param name the name
     * @return the value, or null when absent
     */
    String first(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    /**
     * Returns every value of a name.
     *
     * @param name the name
     * @return the values, empty when absent
     */
    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /**
     * Tells whether the name occurs.
     *
     * @param name the name
     * @return true when present (even with an empty value)
     */
    boolean has(String name) {
        return values.containsKey(name);
    }

    /**
     * Returns all pairs.
     *
     * @return an unmodifiable view
     */
    Map<String, List<String>> asMap() {
        return Collections.unmodifiableMap(values);
    }
}
