package com.smartfile.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

/**
 * One request and its reply: the parsed parts of the request (method, raw path, query, a
 * form body read once and cached, the caller once authenticated) and the helpers that send
 * replies. Every reply goes through {@link #send}, which adds the {@code x-unique-id} header to
 * 5xx replies.
 */
final class ApiRequest {

    /** Largest form body read (forms carry parameters, never file data). */
    private static final int MAX_FORM_BYTES = 1024 * 1024;

    private final HttpExchange exchange;
    private final String baseUrl;
    private final String method;
    private final String rawPath;
    private final String rawQuery;
    private final FormData query;
    private final boolean malformedQuery;
    private FormData form;
    private String apiVersion = "2";
    private String principal;
    private boolean responded;
    private int status;
    private long cutBodyAfter = -1;

    /**
     * Wraps an exchange.
     *
     * @param exchange the exchange
     * @param baseUrl the emulator's base URL, ending in {@code /}
     */
    ApiRequest(HttpExchange exchange, String baseUrl) {
        this.exchange = exchange;
        this.baseUrl = baseUrl;
        this.method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        this.rawPath = exchange.getRequestURI().getRawPath() == null ? "/" : exchange.getRequestURI().getRawPath();
        this.rawQuery = exchange.getRequestURI().getRawQuery();
        FormData parsed;
        boolean malformed = false;
        try {
            parsed = FormData.parse(rawQuery);
        } catch (IllegalArgumentException e) {
            parsed = FormData.EMPTY;
            malformed = true;
        }
        this.query = parsed;
        this.malformedQuery = malformed;
    }

    /**
     * Refuses a request whose query string could not be decoded.
     *
     * @throws ApiException 400 for a malformed query string
     */
    void checkQuery() throws ApiException {
        if (malformedQuery) {
            throw ApiException.detail(400, "Malformed query string.");
        }
    }

    String method() {
        return method;
    }

    String rawPath() {
        return rawPath;
    }

    FormData query() {
        return query;
    }

    String baseUrl() {
        return baseUrl;
    }

    HttpExchange exchange() {
        return exchange;
    }

    String apiVersion() {
        return apiVersion;
    }

    void apiVersion(String version) {
        this.apiVersion = version;
    }

    /**
     * The authenticated caller's username, once {@link Authenticator} has accepted the request.
     *
     * @return the username, or null
     */
    String principal() {
        return principal;
    }

    void principal(String username) {
        this.principal = username;
    }

    /**
     * Returns a request header.
     *
     * @param name the header name (any case)
     * @return the first value, or null
     */
    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /**
     * Tells whether the request body is a form.
     *
     * @return true for {@code application/x-www-form-urlencoded}
     */
    boolean hasFormBody() {
        String type = header("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /**
     * The form body's pairs (read once; empty unless the body is form-encoded).
     *
     * @return the pairs
     * @throws ApiException 400 for a malformed or oversized form
     * @throws IOException when reading fails
     */
    FormData form() throws ApiException, IOException {
        if (form == null) {
            form = FormData.EMPTY;
            if (hasFormBody() && !method.equals("GET") && !method.equals("HEAD")) {
                byte[] bytes = exchange.getRequestBody().readNBytes(MAX_FORM_BYTES + 1);
                if (bytes.length > MAX_FORM_BYTES) {
                    throw ApiException.detail(400, "Form body too large.");
                }
                try {
                    form = FormData.parse(new String(bytes, StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw ApiException.detail(400, "Malformed form body.");
                }
            }
        }
        return form;
    }

    /**
     * Query and form parameters together (query first), as the API takes parameters from both.
     *
     * @return the pairs
     * @throws ApiException 400 for a malformed form
     * @throws IOException when reading fails
     */
    FormData params() throws ApiException, IOException {
        return query.plus(form());
    }

    /**
     * The raw request body.
     *
     * @return the body stream
     */
    InputStream body() {
        InputStream in = exchange.getRequestBody();
        return cutBodyAfter < 0 ? in : new ConnectionCut.CutBody(in, cutBodyAfter);
    }

    /**
     * Makes {@link #body()} fail with {@link ConnectionCut} after this many bytes (the
     * {@link Faults} upload cut).
     *
     * @param afterBytes the bytes read before the cut
     */
    void cutBodyAfter(long afterBytes) {
        this.cutBodyAfter = afterBytes;
    }

    /**
     * The reply headers, to set before a reply is sent.
     *
     * @return the headers
     */
    Headers replyHeaders() {
        return exchange.getResponseHeaders();
    }

    /**
     * Tells whether the reply has been started.
     *
     * @return true once headers were sent
     */
    boolean responded() {
        return responded;
    }

    /**
     * The status sent, once {@link #responded()}.
     *
     * @return the status, 0 before
     */
    int status() {
        return status;
    }

    /**
     * Sends the status line and headers.
     *
     * @param code the status
     * @param length the body length: {@code -1} for none, {@code 0} for chunked
     * @throws IOException when the connection fails
     */
    void send(int code, long length) throws IOException {
        if (code >= 500 && !replyHeaders().containsKey("x-unique-id")) {
            replyHeaders().set("x-unique-id", UUID.randomUUID().toString());
        }
        responded = true;
        status = code;
        exchange.sendResponseHeaders(code, length);
    }

    /**
     * Sends a JSON reply.
     *
     * @param code the status
     * @param value a model, a list of models, or plain maps/lists
     * @throws IOException when the connection fails
     */
    void json(int code, Object value) throws IOException {
        byte[] bytes = JsonReplies.toJson(value);
        replyHeaders().set("Content-Type", JsonReplies.CONTENT_TYPE);
        send(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * Sends an error reply.
     *
     * @param error the error
     * @throws IOException when the connection fails
     */
    void error(ApiException error) throws IOException {
        error.headers().forEach((k, v) -> replyHeaders().set(k, v));
        if (error.body() == null) {
            send(error.status(), -1);
            exchange.close();
        } else {
            json(error.status(), error.body());
        }
    }

    /**
     * Sends 204 with no body.
     *
     * @throws IOException when the connection fails
     */
    void noContent() throws IOException {
        send(204, -1);
        exchange.close();
    }

    /**
     * Sends a text reply.
     *
     * @param code the status
     * @param contentType the Content-Type
     * @param text the body
     * @throws IOException when the connection fails
     */
    void text(int code, String contentType, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        replyHeaders().set("Content-Type", contentType);
        send(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * The full URL of this request with one query parameter replaced (for {@code next}/{@code previous}).
     *
     * @param name the parameter
     * @param value its new value
     * @return the URL
     */
    String urlWith(String name, String value) {
        StringBuilder q = new StringBuilder();
        query.asMap().forEach((k, values) -> {
            if (!k.equals(name)) {
                for (String v : values) {
                    q.append(q.length() == 0 ? "" : "&").append(PercentCodec.encodeForm(k)).append('=')
                            .append(PercentCodec.encodeForm(v));
                }
            }
        });
        q.append(q.length() == 0 ? "" : "&").append(PercentCodec.encodeForm(name)).append('=')
                .append(PercentCodec.encodeForm(value));
        return baseUrl + rawPath.substring(1) + "?" + q;
    }
}
