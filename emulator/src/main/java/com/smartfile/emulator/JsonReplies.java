package com.smartfile.emulator;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.smartfile.sdk.model.PathInfo;
import com.smartfile.sdk.model.SmartFileJson;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;

/**
 * Turns reply objects into JSON with the SDK's own Moshi ({@link SmartFileJson#moshi()}), so the
 * emulator writes exactly the shapes the generated models describe: models by their class, plain
 * maps and lists (per-field error lists, filtered {@code fields=} replies) as they are. Absent
 * (null) model fields are left out; a plain map's null values are kept (that is how
 * {@link Variants#jsonValue} sends {@code "owner": null}).
 */
final class JsonReplies {

    private static final Moshi MOSHI = SmartFileJson.moshi();

    /** {@link #MOSHI}, writing every path information (nested children too) with {@code items} and {@code owner} null when unset. */
    private static final Moshi MOSHI_PATH_NULLS = MOSHI.newBuilder().add(new PathNulls()).build();

    /** The Content-Type of every JSON reply. */
    static final String CONTENT_TYPE = "application/json";

    private JsonReplies() {
    }

    /**
     * Serialises a model, a list of models or a plain map/list.
     *
     * @param value the value
     * @return UTF-8 JSON
     */
    static byte[] toJson(Object value) {
        return adapterFor(value).toJson(value).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Serialises path information, or a list of it, with the {@code items} and {@code owner} keys
     * null where they are unset ({@link Variant.PathInfoNulls#PRESENT}), in one pass: no tree of
     * plain values in between (the small-call path of every client).
     *
     * @param value a {@link PathInfo} or a list of them
     * @return UTF-8 JSON
     */
    static byte[] toJsonWithPathNulls(Object value) {
        Type type = value instanceof List ? Types.newParameterizedType(List.class, PathInfo.class) : PathInfo.class;
        return MOSHI_PATH_NULLS.adapter(type).toJson(value).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Converts a model to plain JSON values (maps, lists, strings, numbers, booleans).
     *
     * @param value the model
     * @return the JSON value
     */
    static Object toJsonValue(Object value) {
        return adapterFor(value).toJsonValue(value);
    }

    /**
     * Converts plain JSON values into a model class.
     *
     * @param <T> the model type
     * @param value the JSON value
     * @param type the model class
     * @return the model
     */
    static <T> T fromJsonValue(Object value, Class<T> type) {
        return MOSHI.adapter(type).fromJsonValue(value);
    }

    /**
     * Parses a JSON text into plain values.
     *
     * @param json the text
     * @return the value (a map for an object)
     * @throws IOException when it is not JSON
     */
    static Object parse(String json) throws IOException {
        return MOSHI.adapter(Object.class).lenient().fromJson(json);
    }

    private static JsonAdapter<Object> adapterFor(Object value) {
        Type type;
        if (value instanceof Map || value == null) {
            type = Object.class;
        } else if (value instanceof List) {
            List<?> list = (List<?>) value;
            Object first = list.isEmpty() ? null : list.get(0);
            type = first == null || first instanceof Map || first instanceof String
                    ? Object.class
                    : Types.newParameterizedType(List.class, first.getClass());
        } else {
            type = value.getClass();
        }
        return type == Object.class ? MOSHI.adapter(Object.class).serializeNulls() : MOSHI.adapter(type);
    }

    /** Writes a {@link PathInfo} as the generated adapter does, then the nullable keys it left out. */
    private static final class PathNulls implements JsonAdapter.Factory {
        @Override
        public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
            if (type != PathInfo.class || !annotations.isEmpty()) {
                return null;
            }
            JsonAdapter<PathInfo> delegate = moshi.nextAdapter(this, type, annotations);
            return new JsonAdapter<PathInfo>() {
                @Override
                public PathInfo fromJson(JsonReader reader) throws IOException {
                    return delegate.fromJson(reader);
                }

                @Override
                public void toJson(JsonWriter writer, PathInfo info) throws IOException {
                    if (info == null) {
                        writer.nullValue();
                        return;
                    }
                    writer.beginObject();
                    int flattened = writer.beginFlatten(); // the delegate's own braces are dropped
                    delegate.toJson(writer, info);
                    writer.endFlatten(flattened);
                    boolean serializeNulls = writer.getSerializeNulls();
                    writer.setSerializeNulls(true);
                    if (info.getItems() == null) {
                        writer.name("items").nullValue();
                    }
                    if (info.getOwner() == null) {
                        writer.name("owner").nullValue();
                    }
                    writer.setSerializeNulls(serializeNulls);
                    writer.endObject();
                }
            };
        }
    }
}
