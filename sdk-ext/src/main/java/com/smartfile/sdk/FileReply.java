package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;
import java.io.Closeable;
import java.io.InputStream;

import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A reply that is not JSON, typically a file's bytes, still streaming from the server. Read
 * {@link #getInputStream()} and close this object (try-with-resources) to free the connection.
 */
public final class FileReply implements Closeable {

    private final Response response;
    private final ResponseBody body;

    FileReply(Response response) {
        this.response = response;
        this.body = response.body();
    }

    /**
     * The HTTP status, e.g. 200, or 206 for part of a file.
     *
     * @return the status code
     */
    public int getStatusCode() {
        return response.code();
    }

    /**
     * The reply's content type.
     *
     * @return the MIME type, or null when the server named none
     */
    public @Nullable String getContentType() {
        MediaType type = body.contentType();
        return type == null ? null : type.toString();
    }

    /**
     * The number of bytes to come.
     *
     * @return the length, or -1 when unknown
     */
    public long getContentLength() {
        return body.contentLength();
    }

    /**
     * A response header.
     *
     * @param name the header's name
     * @return its last value, or null; secret headers such as {@code Set-Cookie} are not
     *     returned
     */
    public @Nullable String getHeader(String name) {
        return Redaction.isSecretHeader(name) ? null : response.header(name);
    }

    /**
     * The bytes, streaming from the server. Can be read once.
     *
     * @return the stream
     */
    public InputStream getInputStream() {
        return body.byteStream();
    }

    /** Closes the stream and frees the connection. */
    @Override
    public void close() {
        response.close();
    }

    @Override
    public String toString() {
        return "FileReply{status=" + getStatusCode() + ", contentType=" + getContentType() + ", contentLength=" + getContentLength() + "}";
    }
}
