package com.smartfile.sdk;

import java.io.IOException;
import java.io.InputStream;

import com.smartfile.sdk.internal.SmartFileJson;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import okio.Okio;
import org.jspecify.annotations.Nullable;

/**
 * The SDK's objects as JSON, spelled as the SmartFile API spells them ({@code isdir},
 * {@code per_page}, times as {@code 2024-05-01T12:30:00}), for output, logs or a cache. It is the
 * same mapping the client uses on the wire: a model written here and read back is equal to the
 * original, and fields this SDK version does not know are ignored when reading.
 *
 * <pre>{@code
 * String text = ApiJson.writeIndented(client.paths().info("/reports"));
 * PathInfo again = ApiJson.read(text, PathInfo.class);
 * }</pre>
 */
public final class ApiJson {

    private ApiJson() {
    }

    /**
     * Writes a value as compact JSON.
     *
     * @param value a model ({@code PathInfo}, {@code Page}…), or a {@link java.util.Map},
     *     {@link java.util.List}, {@link String}, {@link Number} or {@link Boolean} holding such
     *     values; null writes {@code null}
     * @return the JSON text
     * @throws InvalidInputException when the value holds a type that has no JSON form
     */
    public static String write(@Nullable Object value) {
        return write(adapter(), value);
    }

    /**
     * Writes a value as JSON indented by two spaces, one field per line.
     *
     * @param value as for {@link #write(Object)}
     * @return the JSON text
     * @throws InvalidInputException when the value holds a type that has no JSON form
     */
    public static String writeIndented(@Nullable Object value) {
        return write(adapter().indent("  "), value);
    }

    /**
     * Reads JSON text as a model, or as {@code Object.class} for plain maps, lists, strings,
     * doubles and booleans.
     *
     * @param json the text
     * @param type the class to read, e.g. {@code PathInfo.class}
     * @param <T> the class
     * @return the value read
     * @throws InvalidInputException when the text is not JSON of that shape, or is {@code null}
     */
    public static <T> T read(String json, Class<T> type) {
        if (json == null || type == null) {
            throw new InvalidInputException("ApiJson.read needs the JSON text and the class to read, not null.");
        }
        try {
            return nonNull(SmartFileJson.moshi().adapter(type).fromJson(json), type);
        } catch (IOException | JsonDataException e) {
            throw new InvalidInputException("The text is not JSON of a " + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * Reads JSON from a stream as a model (see {@link #read(String, Class)}); the stream is read to
     * the end of the value and closed.
     *
     * @param json the stream, UTF-8
     * @param type the class to read
     * @param <T> the class
     * @return the value read
     * @throws InvalidInputException when the stream does not hold JSON of that shape, or {@code null}
     * @throws LocalFileException when the stream cannot be read
     */
    public static <T> T read(InputStream json, Class<T> type) {
        if (json == null || type == null) {
            throw new InvalidInputException("ApiJson.read needs the JSON stream and the class to read, not null.");
        }
        try (okio.BufferedSource source = Okio.buffer(Okio.source(json))) {
            return nonNull(SmartFileJson.moshi().adapter(type).fromJson(source), type);
        } catch (JsonDataException | com.squareup.moshi.JsonEncodingException e) {
            throw new InvalidInputException("The stream does not hold JSON of a " + type.getSimpleName() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new LocalFileException("Cannot read the JSON stream: " + e.getMessage(), e);
        }
    }

    private static <T> T nonNull(@Nullable T value, Class<T> type) {
        if (value == null) {
            throw new InvalidInputException("The JSON is null, not a " + type.getSimpleName() + ".");
        }
        return value;
    }

    private static JsonAdapter<Object> adapter() {
        return SmartFileJson.moshi().adapter(Object.class);
    }

    private static String write(JsonAdapter<Object> adapter, @Nullable Object value) {
        try {
            return adapter.toJson(value);
        } catch (IllegalArgumentException | JsonDataException e) {
            throw new InvalidInputException("This value has no JSON form: " + e.getMessage());
        }
    }
}
