package com.smartfile.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.smartfile.sdk.model.SmartFileJson;

/** A reply as the tests see it: status, headers, body, and JSON helpers. */
final class Reply {

    final int status;
    final Map<String, List<String>> headers;
    final byte[] body;

    Reply(int status, Map<String, List<String>> headers, byte[] body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    List<String> headerValues(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return List.of();
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    Object jsonValue() {
        try {
            return SmartFileJson.moshi().adapter(Object.class).fromJson(text());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text(), e);
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> json() {
        return (Map<String, Object>) jsonValue();
    }

    @SuppressWarnings("unchecked")
    List<Object> jsonList() {
        return (List<Object>) jsonValue();
    }

    /** Decodes the body into a generated model. */
    <T> T as(Class<T> type) {
        try {
            return SmartFileJson.moshi().adapter(type).fromJson(text());
        } catch (IOException e) {
            throw new AssertionError("cannot decode " + type.getSimpleName() + ": " + text(), e);
        }
    }

    @Override
    public String toString() {
        return status + " " + (body.length < 2000 ? text() : body.length + " bytes");
    }
}
