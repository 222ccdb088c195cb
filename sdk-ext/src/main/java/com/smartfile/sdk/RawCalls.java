package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.smartfile.sdk.internal.SmartFileJson;
import com.squareup.moshi.JsonAdapter;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The untyped escape hatch, with the official clients' contract: URL = base + {@code api/<version>/}
 * + endpoint + {@code /} + id + {@code /}; GET parameters in the query string, other methods'
 * in a form body, multipart when a value is a file, a {@link Path}, a stream or bytes; the reply
 * parsed as JSON when its content type is {@code application/json}, else streamed.
 */
final class RawCalls {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final JsonAdapter<Object> JSON = SmartFileJson.moshi().adapter(Object.class);

    private final Invoker invoker;
    private final HttpUrl versionRoot;

    RawCalls(Invoker invoker, HttpUrl versionRoot) {
        this.invoker = invoker;
        this.versionRoot = versionRoot;
    }

    @Nullable Object call(String method, String endpoint, @Nullable Object id, @Nullable Map<String, ?> params) {
        Request request = request(method, endpoint, id, params);
        Response response = invoker.send(request);
        try {
            return reply(response);
        } catch (IOException | RuntimeException e) {
            response.close();
            throw ErrorMapper.fromFailure(request, e);
        }
    }

    Request request(String method, String endpoint, @Nullable Object id, @Nullable Map<String, ?> params) {
        String verb = method == null ? "" : method.trim().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(verb)) {
            throw new InvalidInputException("Unknown HTTP method '" + method + "'; use one of " + METHODS + ".");
        }
        HttpUrl url = url(endpoint, id);
        Request.Builder b = new Request.Builder();
        if (verb.equals("GET") || verb.equals("HEAD")) {
            HttpUrl.Builder u = url.newBuilder();
            forEachValue(params, (name, value) -> {
                if (isFile(value)) {
                    throw new InvalidInputException("A " + verb + " request cannot carry the file in '" + name + "'; use POST.");
                }
                u.addQueryParameter(name, String.valueOf(value));
            });
            return b.url(u.build()).method(verb, null).build();
        }
        return b.url(url).method(verb, body(verb, params)).build();
    }

    HttpUrl url(String endpoint, @Nullable Object id) {
        String route = PathIds.v2(Ids.name("endpoint", endpoint));
        if (route.isEmpty()) {
            throw new InvalidInputException("The endpoint must name an API route such as /path/info.");
        }
        String idPart = id == null ? "" : PathIds.v2(String.valueOf(id));
        return versionRoot.resolve(route + idPart);
    }

    private static @Nullable RequestBody body(String verb, @Nullable Map<String, ?> params) {
        boolean multipart = params != null && params.values().stream().anyMatch(v -> isFile(v)
                || (v instanceof Collection && ((Collection<?>) v).stream().anyMatch(RawCalls::isFile)));
        if (multipart) {
            MultipartBody.Builder mb = new MultipartBody.Builder().setType(MultipartBody.FORM);
            forEachValue(params, (name, value) -> {
                if (isFile(value)) {
                    mb.addFormDataPart(name, fileName(name, value), Bodies.of(value));
                } else {
                    mb.addFormDataPart(name, String.valueOf(value));
                }
            });
            return mb.build();
        }
        if ((params == null || params.isEmpty()) && (verb.equals("DELETE") || verb.equals("OPTIONS"))) {
            return null;
        }
        FormBody.Builder fb = new FormBody.Builder();
        forEachValue(params, (name, value) -> fb.add(name, String.valueOf(value)));
        return fb.build();
    }

    private interface ValueSink {
        void accept(String name, Object value);
    }

    /** Visits each parameter value; a collection gives repeated keys ({@code path=/a&path=/b}). */
    private static void forEachValue(@Nullable Map<String, ?> params, ValueSink sink) {
        if (params == null) {
            return;
        }
        for (Map.Entry<String, ?> e : params.entrySet()) {
            String name = Ids.name("parameter name", e.getKey());
            Object value = e.getValue();
            if (value == null) {
                continue;
            }
            if (value instanceof Collection) {
                for (Object v : (Collection<?>) value) {
                    if (v != null) {
                        sink.accept(name, v);
                    }
                }
            } else {
                sink.accept(name, value);
            }
        }
    }

    private static boolean isFile(Object value) {
        return value instanceof Path || value instanceof File || value instanceof InputStream || value instanceof byte[];
    }

    private static String fileName(String param, Object value) {
        if (value instanceof Path && ((Path) value).getFileName() != null) {
            return ((Path) value).getFileName().toString();
        }
        if (value instanceof File) {
            return ((File) value).getName();
        }
        return param;
    }

    private static @Nullable Object reply(Response response) throws IOException {
        if (response.code() == 204 || response.body() == null) {
            response.close();
            return null;
        }
        MediaType type = response.body().contentType();
        boolean json = type != null && "application".equals(type.type()) && "json".equals(type.subtype());
        if (!json) {
            return new FileReply(response);
        }
        try (Response r = response) {
            String text = r.body().string();
            return text.trim().isEmpty() ? null : JSON.fromJson(text);
        }
    }
}
