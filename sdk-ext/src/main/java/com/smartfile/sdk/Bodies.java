package com.smartfile.sdk;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * Request bodies for uploads, streamed from their source. File and byte bodies can be written again
 * (so a retry can replay them); a stream body is one-shot and is never re-sent.
 */
final class Bodies {

    static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");

    private Bodies() {
    }

    static RequestBody of(Object source) {
        if (source instanceof Path) {
            return ofPath((Path) source);
        }
        if (source instanceof File) {
            return ofPath(((File) source).toPath());
        }
        if (source instanceof byte[]) {
            return RequestBody.create((byte[]) source, OCTET_STREAM);
        }
        if (source instanceof InputStream) {
            return ofStream((InputStream) source, -1);
        }
        throw new InvalidInputException("Cannot upload a " + source.getClass().getName()
                + "; give a Path, a File, an InputStream or a byte[].");
    }

    static RequestBody ofPath(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("Not a readable file: " + file);
        }
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return OCTET_STREAM;
            }

            @Override
            public long contentLength() throws IOException {
                return Files.size(file);
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                try (Source source = Okio.source(file)) {
                    sink.writeAll(source);
                }
            }
        };
    }

    /** A one-shot body; {@code length} is -1 when unknown (sent chunked). */
    static RequestBody ofStream(InputStream in, long length) {
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return OCTET_STREAM;
            }

            @Override
            public long contentLength() {
                return length;
            }

            @Override
            public boolean isOneShot() {
                return true;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                try (Source source = Okio.source(in)) {
                    sink.writeAll(source);
                }
            }
        };
    }
}
