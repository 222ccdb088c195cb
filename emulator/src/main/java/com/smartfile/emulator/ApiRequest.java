package com.smartfile.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;

/**
 * One request and its reply: the parsed parts of the request (method, raw path, query, a
 * form body read once and cached, the caller once authenticated) and the helpers that send
 * replies. Every reply goes through {@link #send}, which adds the {@code x-unique-id} header to
 * 5xx replies and, when the request body was not read to its end, reads and discards the rest of it
 * (up to 1 GiB by default: the client, often still sending, then gets the reply rather than a
 * reset) or else closes the connection after the reply ({@code Connection: close}), so that the
 * client's next request is never read from the middle of an unread body or sent into a closed
 * connection.
 *
 * <p>Small replies ({@link #json}, {@link #text}) leave in one write together with their headers;
 * file bodies ({@link #sendFileBody}) are read and written 1 MiB at a time.
 */
final class ApiRequest {

    /** Largest form body read (forms carry parameters, never file data). */
    private static final int MAX_FORM_BYTES = 1024 * 1024;

    /** Size of the reads and writes of a file body. */
    static final int FILE_BUFFER = 1024 * 1024;

    /**
     * How much of an unread request body is read and discarded before an early reply (the default):
     * a client still sending its body then reads the reply instead of a reset, and keeps the connection.
     */
    static final long DRAIN_LIMIT = 1L << 30;

    private final Request request;
    private final Response response;
    private final ReplyHeaders replyHeaders;
    private final RequestBody requestBody;
    private final String baseUrl;
    private final String method;
    private final String rawPath;
    private final String rawQuery;
    private final FormData query;
    private final boolean malformedQuery;
    private FormData form;
    private FormData jsonForm;
    private String apiVersion = "2";
    private String principal;
    private boolean responded;
    private int status;
    private long cutBodyAfter = -1;
    private boolean finished;
    private final long drainLimit;
    private Variants variants;

    /**
     * Wraps a request and its response.
     *
     * @param request the request
     * @param response its response
     * @param baseUrl the emulator's base URL for this listener, ending in {@code /}
     * @param drainLimit the most bytes of an unread request body discarded before a reply
     */
    ApiRequest(Request request, Response response, String baseUrl, long drainLimit) {
        this.drainLimit = drainLimit;
        this.request = request;
        this.response = response;
        this.replyHeaders = new ReplyHeaders(response.getHeaders());
        this.requestBody = new RequestBody(request);
        this.baseUrl = baseUrl;
        this.method = request.getMethod().toUpperCase(Locale.ROOT);
        String path = request.getHttpURI().getPath();
        this.rawPath = path == null || path.isEmpty() ? "/" : path;
        this.rawQuery = request.getHttpURI().getQuery();
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

    /**
     * The client's address.
     *
     * @return the remote socket address
     */
    InetSocketAddress remoteAddress() {
        return (InetSocketAddress) request.getConnectionMetaData().getRemoteSocketAddress();
    }

    /**
     * The emulator's address this request came in on.
     *
     * @return the local socket address
     */
    InetSocketAddress localAddress() {
        return (InetSocketAddress) request.getConnectionMetaData().getLocalSocketAddress();
    }

    /** The variants the emulator plays (see {@link Variants}); null outside a running emulator. */
    Variants variants() {
        return variants;
    }

    void variants(Variants played) {
        this.variants = played;
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
        return request.getHeaders().get(name);
    }

    /**
     * Returns every value of a request header, in order (a header sent several times).
     *
     * @param name the header name (any case)
     * @return the values, empty when absent
     */
    List<String> headers(String name) {
        return request.getHeaders().getValuesList(name);
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
                byte[] bytes = requestBody.readNBytes(MAX_FORM_BYTES + 1);
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
        return query.plus(hasJsonBody() ? jsonBody() : form());
    }

    /**
     * Tells whether the request body is JSON ({@code application/json}, any parameters), outside GET and HEAD.
     *
     * @return true for a JSON body
     */
    boolean hasJsonBody() {
        String type = header("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json")
                && !method.equals("GET") && !method.equals("HEAD");
    }

    /** A JSON body's pairs, read once ({@link JsonForm}); the same size limit as a form. */
    private FormData jsonBody() throws ApiException, IOException {
        if (jsonForm == null) {
            byte[] bytes = requestBody.readNBytes(MAX_FORM_BYTES + 1);
            if (bytes.length > MAX_FORM_BYTES) {
                throw ApiException.detail(400, "JSON body too large.");
            }
            jsonForm = JsonForm.parse(bytes);
        }
        return jsonForm;
    }

    /**
     * The raw request body.
     *
     * @return the body stream
     */
    InputStream body() {
        return cutBodyAfter < 0 ? requestBody : new ConnectionCut.CutBody(requestBody, cutBodyAfter);
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
    ReplyHeaders replyHeaders() {
        return replyHeaders;
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
     * Starts the reply: its status and body length (the headers leave with the first body bytes,
     * or with {@link #finish()}).
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
        response.setStatus(code);
        if (length > 0) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
        } else if (length < 0 && code != 204 && code != 304) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
        }
        if (!requestBodyDone()) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
    }

    /**
     * Tells whether the connection can carry another request after this reply as far as the request
     * body goes: it had none, it was read, or what is left of it (up to the drain limit) is read and
     * discarded now.
     */
    private boolean requestBodyDone() {
        if (requestBody.failed()) {
            return false;
        }
        boolean hasBody = request.getLength() > 0
                || request.getLength() < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        return !hasBody || requestBody.atEnd() || requestBody.drain(drainLimit);
    }

    /**
     * Sends a file's bytes as the reply body (after {@link #send}), reading and writing 1 MiB at a time.
     *
     * @param channel the file
     * @param position the first byte
     * @param count the number of bytes
     * @throws IOException when reading the file or the connection fails
     */
    void sendFileBody(FileChannel channel, long position, long count) throws IOException {
        RetainableByteBuffer pooled = request.getComponents().getByteBufferPool()
                .acquire((int) Math.max(1, Math.min(FILE_BUFFER, count)), true);
        try {
            ByteBuffer buffer = pooled.getByteBuffer();
            long at = position;
            long left = count;
            while (left > 0) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), left));
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, at + buffer.position()) < 0) {
                        throw new IOException("the file ended before its announced length");
                    }
                }
                buffer.flip();
                at += buffer.remaining();
                left -= buffer.remaining();
                write(false, buffer);
            }
        } finally {
            pooled.release();
        }
    }

    /**
     * Ends the reply: sends the headers if they have not left yet, and the end of the body. Later
     * calls do nothing.
     *
     * @throws IOException when the connection fails
     */
    void finish() throws IOException {
        if (!finished) {
            if (!responded) {
                send(response.getStatus(), -1);
            }
            write(true, ByteBuffer.allocate(0));
        }
    }

    /** Tells whether {@link #finish()} (or a last write) ended the reply. */
    boolean finished() {
        return finished;
    }

    /** Gives back what the request still holds (at the end of the exchange). */
    void release() {
        requestBody.release();
    }

    private void write(boolean last, ByteBuffer bytes) throws IOException {
        finished |= last;
        try (Blocker.Callback done = Blocker.callback()) {
            response.write(last, bytes, done);
            done.block();
        }
    }

    /**
     * Sends a JSON reply.
     *
     * @param code the status
     * @param value a model, a list of models, or plain maps/lists
     * @throws IOException when the connection fails
     */
    void json(int code, Object value) throws IOException {
        byte[] bytes = variants == null ? JsonReplies.toJson(value) : variants.toJson(value);
        replyHeaders().set("Content-Type", JsonReplies.CONTENT_TYPE);
        send(code, bytes.length);
        write(true, ByteBuffer.wrap(bytes));
    }

    /**
     * Starts a chunked reply whose body is written through the returned stream (64 KiB buffered);
     * closing the stream ends the reply. For bodies made on the fly, such as a zip of several files.
     *
     * @param code the status
     * @param contentType the Content-Type
     * @return the body stream
     * @throws IOException when the connection fails
     */
    java.io.OutputStream streamBody(int code, String contentType) throws IOException {
        replyHeaders().set("Content-Type", contentType);
        send(code, 0);
        return new java.io.BufferedOutputStream(new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (len > 0) {
                    ApiRequest.this.write(false, ByteBuffer.wrap(b, off, len));
                }
            }

            @Override
            public void close() throws IOException {
                finish();
            }
        }, 64 * 1024);
    }

    /**
     * Sends an error reply.
     *
     * @param error the error
     * @throws IOException when the connection fails
     */
    void error(ApiException error) throws IOException {
        if (variants != null && rawPath.startsWith("/api/")) {
            error = variants.error(error);
        }
        error.headers().forEach((k, v) -> replyHeaders().set(k, v));
        if (error.body() == null) {
            send(error.status(), -1);
            finish();
        } else if (error.body() instanceof String) {
            text(error.status(), "text/plain", (String) error.body());
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
        finish();
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
        write(true, ByteBuffer.wrap(bytes));
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
