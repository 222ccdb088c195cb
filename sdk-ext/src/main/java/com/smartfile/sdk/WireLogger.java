package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;
import java.io.EOFException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.BufferedSource;
import okio.GzipSource;

/**
 * Logs HTTP exchanges as {@link LogLevel} says, at INFO through the {@code System.Logger} named
 * {@code com.smartfile.sdk.wire}. A <em>network</em> interceptor: it sees the request as sent,
 * with the {@code Authorization}, cookie and {@code User-Agent} headers other layers added, and
 * masks secrets through {@link Redaction}.
 *
 * <p>It never reads a body that is not already small text in memory, and never calls
 * {@link RequestBody#writeTo} itself: a small JSON or form request body is captured while OkHttp
 * writes it, so it is written exactly once, and a reply body is read with
 * {@link Response#peekBody(long)}, so the caller still gets all of it.
 */
final class WireLogger implements Interceptor {

    /** Largest body logged, in bytes (after gzip decoding for replies). */
    static final int MAX_BODY_BYTES = 4096;

    private static final System.Logger LOG = System.getLogger("com.smartfile.sdk.wire");

    private final LogLevel level;
    private final @Nullable Consumer<String> sink;
    private final LongSupplier nanoTime;
    private final java.util.List<String> secrets;

    WireLogger(LogLevel level) {
        this(level, java.util.List.of());
    }

    /**
     * @param secrets the client's own secret values, masked wherever they show up (a server may
     *     echo them in a body the rules above would otherwise show)
     */
    WireLogger(LogLevel level, java.util.List<String> secrets) {
        this(level, null, System::nanoTime, secrets);
    }

    /** A logger writing each line to {@code sink} instead of the System.Logger (for tests). */
    WireLogger(LogLevel level, Consumer<String> sink, LongSupplier nanoTime) {
        this(level, sink, nanoTime, java.util.List.of());
    }

    private WireLogger(LogLevel level, @Nullable Consumer<String> sink, LongSupplier nanoTime, java.util.List<String> secrets) {
        this.level = level;
        this.sink = sink;
        this.nanoTime = nanoTime;
        this.secrets = java.util.List.copyOf(secrets);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (level == LogLevel.NONE || (sink == null && !LOG.isLoggable(System.Logger.Level.INFO))) {
            return chain.proceed(request);
        }
        Consumer<String> raw = sink != null ? sink : line -> LOG.log(System.Logger.Level.INFO, line);
        java.util.List<String> masked = Redaction.secretsOf(request, secrets);
        Consumer<String> out = line -> raw.accept(Redaction.scrub(line, masked));
        String target = request.method() + " " + Redaction.url(request.url());
        RequestBody body = request.body();
        out.accept("--> " + target + (body == null ? "" : " (" + size(contentLength(body)) + " body)"));
        if (level.compareTo(LogLevel.HEADERS) >= 0) {
            logHeaders("--> ", request.headers(), out);
        }
        @Nullable Tap tap = null;
        if (level == LogLevel.BODY && body != null) {
            if (body instanceof FormBody) {
                out.accept("--> body: " + maskedForm((FormBody) body));
            } else if (isSmallText(body)) {
                tap = new Tap(body);
                request = request.newBuilder().method(request.method(), tap).build();
            } else {
                out.accept("--> body not shown (" + describe(body.contentType()) + ")");
            }
        }

        long start = nanoTime.getAsLong();
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            logTap(tap, out);
            out.accept("<-- FAILED " + target + ": " + e.getClass().getSimpleName() + " (" + millisSince(start) + " ms)");
            throw e;
        }
        logTap(tap, out);
        ResponseBody responseBody = response.body();
        long responseLength = responseBody == null ? 0 : responseBody.contentLength();
        out.accept("<-- " + response.code() + " " + target + " (" + millisSince(start) + " ms, "
                + size(responseLength) + " body)");
        if (level.compareTo(LogLevel.HEADERS) >= 0) {
            logHeaders("<-- ", response.headers(), out);
        }
        if (level == LogLevel.BODY && responseBody != null && responseLength != 0 && mayHaveBody(response)) {
            out.accept("<-- body" + responseText(response, responseBody));
        }
        return response;
    }

    private static boolean mayHaveBody(Response response) {
        int code = response.code();
        return !response.request().method().equals("HEAD") && code != 204 && code != 304 && code >= 200;
    }

    private long millisSince(long start) {
        return (nanoTime.getAsLong() - start) / 1_000_000L;
    }

    private static void logHeaders(String prefix, Headers headers, Consumer<String> out) {
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            out.accept(prefix + name + ": " + (Redaction.isSecretHeader(name) ? Redaction.MASK : headers.value(i)));
        }
    }

    private static long contentLength(RequestBody body) {
        try {
            return body.contentLength();
        } catch (IOException e) {
            return -1;
        }
    }

    private static String size(long bytes) {
        return bytes < 0 ? "unknown-length" : bytes + "-byte";
    }

    private static String describe(MediaType type) {
        return type == null ? "no content type" : type.type() + "/" + type.subtype();
    }

    /** JSON or form content, known to be small, and not a body that can only be written once. */
    private static boolean isSmallText(RequestBody body) {
        long length = contentLength(body);
        return !body.isOneShot() && !body.isDuplex() && length >= 0 && length <= MAX_BODY_BYTES
                && (isJson(body.contentType()) || isForm(body.contentType()));
    }

    private static boolean isJson(MediaType type) {
        if (type == null) {
            return false;
        }
        String subtype = type.subtype().toLowerCase(Locale.ROOT);
        return subtype.equals("json") || subtype.endsWith("+json");
    }

    private static boolean isForm(MediaType type) {
        return type != null && type.subtype().equalsIgnoreCase("x-www-form-urlencoded");
    }

    private static void logTap(@Nullable Tap tap, Consumer<String> out) {
        if (tap == null) {
            return;
        }
        if (tap.captured == null) {
            out.accept("--> body not sent");
            return;
        }
        String text = isJson(tap.contentType()) ? maskedJson(tap.captured.clone()) : maskedForm(tap.captured.clone());
        out.accept("--> body" + (text == null ? " not shown (not valid " + describe(tap.contentType()) + ")" : ": " + text));
    }

    /** The reply body as a log suffix: {@code ": {…}"} for small JSON, else why it is not shown. */
    private static String responseText(Response response, ResponseBody body) throws IOException {
        if (!isJson(body.contentType())) {
            return " not shown (" + describe(body.contentType()) + ")";
        }
        String encoding = response.header("Content-Encoding");
        boolean gzip = encoding != null && encoding.equalsIgnoreCase("gzip");
        if (encoding != null && !gzip && !encoding.equalsIgnoreCase("identity")) {
            return " not shown (" + encoding + "-encoded)";
        }
        if (body.contentLength() > MAX_BODY_BYTES) {
            return " not shown (over " + MAX_BODY_BYTES + " bytes)";
        }
        Buffer raw = new Buffer().write(response.peekBody(MAX_BODY_BYTES + 1L).bytes());
        if (raw.size() > MAX_BODY_BYTES) {
            return " not shown (over " + MAX_BODY_BYTES + " bytes)";
        }
        Buffer decoded = raw;
        if (gzip) {
            decoded = new Buffer();
            try (GzipSource source = new GzipSource(raw)) {
                while (decoded.size() <= MAX_BODY_BYTES && source.read(decoded, 8192) != -1) {
                    // keep reading up to the cap
                }
            } catch (IOException e) {
                return " not shown (gzip data could not be decoded)";
            }
            if (decoded.size() > MAX_BODY_BYTES) {
                return " not shown (over " + MAX_BODY_BYTES + " bytes decoded)";
            }
        }
        String text = maskedJson(decoded);
        return text == null ? " not shown (not valid JSON)" : ": " + text;
    }

    /**
     * The form fields as sent ({@code a=b&c=d}), with the values of secret-named fields masked;
     * cut after {@value #MAX_BODY_BYTES} characters (a remove of thousands of paths is one form).
     */
    static String maskedForm(FormBody form) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < form.size(); i++) {
            if (sb.length() > MAX_BODY_BYTES) {
                return sb.substring(0, MAX_BODY_BYTES) + "… (" + form.size() + " fields)";
            }
            if (i > 0) {
                sb.append('&');
            }
            sb.append(form.encodedName(i)).append('=')
                    .append(Redaction.isSecretName(form.name(i)) ? Redaction.MASK : form.encodedValue(i));
        }
        return sb.length() > MAX_BODY_BYTES ? sb.substring(0, MAX_BODY_BYTES) + "… (" + form.size() + " fields)" : sb.toString();
    }

    /** Like {@link #maskedForm(FormBody)} for form bytes; null when they are not UTF-8 form data. */
    static @Nullable String maskedForm(Buffer bytes) {
        String text;
        try {
            text = bytes.readUtf8();
        } catch (RuntimeException e) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String pair : text.split("&", -1)) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            int eq = pair.indexOf('=');
            String encodedName = eq < 0 ? pair : pair.substring(0, eq);
            String name;
            try {
                name = URLDecoder.decode(encodedName, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            sb.append(encodedName);
            if (eq >= 0) {
                sb.append('=').append(Redaction.isSecretName(name) ? Redaction.MASK : pair.substring(eq + 1));
            }
        }
        return sb.toString();
    }

    /** The JSON re-written compactly with the values of secret-named fields masked; null when not JSON. */
    static @Nullable String maskedJson(BufferedSource source) {
        try {
            JsonReader reader = JsonReader.of(source);
            Buffer out = new Buffer();
            try (JsonWriter writer = JsonWriter.of(out)) {
                writer.setSerializeNulls(true);
                copy(reader, writer);
            }
            if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
                return null;
            }
            return out.readUtf8();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void copy(JsonReader reader, JsonWriter writer) throws IOException {
        switch (reader.peek()) {
            case BEGIN_OBJECT:
                reader.beginObject();
                writer.beginObject();
                while (reader.hasNext()) {
                    String name = reader.nextName();
                    writer.name(name);
                    if (Redaction.isSecretName(name)) {
                        reader.skipValue();
                        writer.value(Redaction.MASK);
                    } else {
                        copy(reader, writer);
                    }
                }
                reader.endObject();
                writer.endObject();
                break;
            case BEGIN_ARRAY:
                reader.beginArray();
                writer.beginArray();
                while (reader.hasNext()) {
                    copy(reader, writer);
                }
                reader.endArray();
                writer.endArray();
                break;
            case STRING:
                writer.value(reader.nextString());
                break;
            case NUMBER:
                try (BufferedSource number = reader.nextSource(); BufferedSink raw = writer.valueSink()) {
                    raw.writeAll(number);
                }
                break;
            case BOOLEAN:
                writer.value(reader.nextBoolean());
                break;
            case NULL:
                reader.nextNull();
                writer.nullValue();
                break;
            default:
                throw new EOFException("unexpected " + reader.peek());
        }
    }

    /**
     * Wraps a small in-memory request body so that the bytes OkHttp writes are also kept for the
     * log; the wrapped body is still written exactly once per send.
     */
    private static final class Tap extends ForwardingRequestBody {
        private @Nullable Buffer captured;

        Tap(RequestBody delegate) {
            super(delegate);
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            Buffer bytes = new Buffer();
            delegate.writeTo(bytes);
            captured = bytes.clone();
            sink.writeAll(bytes);
        }
    }
}
