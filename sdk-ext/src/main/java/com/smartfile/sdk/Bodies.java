package com.smartfile.sdk;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * Request bodies for uploads, streamed from their source. File and byte bodies can be written again
 * (so a retry can replay them); a stream body is one-shot and is never re-sent.
 */
final class Bodies {

    static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");

    /** The most bytes moved (and reported to a progress listener) in one step. */
    static final int CHUNK = 64 * 1024;

    private static LocalFileException cannotRead(Path file, IOException e) {
        return new LocalFileException("Could not read " + file + " to upload it (" + e + "), so the upload was stopped and not retried. "
                + "Check that the file exists and is readable, then upload again.", e);
    }

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

    /**
     * The body of one upload, counting into {@code progress} the bytes handed to the connection's
     * sink in {@code writeTo} (so a wire logger, which never calls {@code writeTo}, cannot double
     * them). The size of a file is taken now; a file that then changes size fails the upload.
     *
     * @param startsAttempt true for the first (or only) body of a request: each call of its
     *     {@code writeTo} is a new attempt, so progress restarts from 0 there
     */
    static RequestBody upload(UploadSource source, Progress progress, boolean startsAttempt) {
        source.checkUnused();
        long length = source.size();
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
                return !source.isReplayable();
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                try {
                    if (startsAttempt) {
                        progress.restart();
                    }
                    // exactly one of them is set, as the source's kind says
                    Path file = source.file;
                    byte[] bytes = source.bytes;
                    InputStream stream = source.stream;
                    if (file != null) {
                        copyFile(file, sink, length);
                    } else if (bytes != null) {
                        for (int off = 0; off < bytes.length; ) {
                            int n = Math.min(CHUNK, bytes.length - off);
                            sink.write(bytes, off, n);
                            off += n;
                            progress.advance(n);
                        }
                    } else if (stream != null) {
                        if (!source.claim()) {
                            throw new InvalidInputException("The upload stream was already read once and cannot be "
                                    + "sent again; give a new UploadSource with a fresh stream.");
                        }
                        // Not closed: the stream belongs to the caller.
                        copy(Okio.source(stream), sink, length, source);
                    }
                } catch (SmartFileException e) {
                    // Not a network failure: carried through OkHttp unretried, unwrapped for the caller.
                    throw new SmartFileIOException(e);
                }
            }

            /**
             * Sends the file {@code CHUNK} bytes at a time, each read with one system call (Okio's
             * file source reads 8 KiB per call). Read failures (deleted, unreadable, a disk error)
             * come out as a {@link LocalFileException}: not the connection's fault, so never retried
             * or blamed on it. A file that changed size fails the upload.
             */
            private void copyFile(Path file, BufferedSink sink, long length) throws IOException {
                FileChannel in;
                try {
                    in = FileChannel.open(file, StandardOpenOption.READ);
                } catch (IOException e) {
                    throw new SmartFileIOException(cannotRead(file, e));
                }
                try (in) {
                    ByteBuffer chunk = ByteBuffer.allocateDirect((int) Math.max(1, Math.min(CHUNK, length)));
                    long sent = 0;
                    while (true) {
                        chunk.clear();
                        if (length - sent < chunk.capacity()) {
                            chunk.limit((int) Math.max(1, length - sent + 1)); // one byte more shows growth
                        }
                        int n;
                        try {
                            n = in.read(chunk, sent);
                        } catch (IOException e) {
                            throw new SmartFileIOException(cannotRead(file, e));
                        }
                        if (n < 0) {
                            break;
                        }
                        if (sent + n > length) {
                            throw new InvalidInputException("The file " + file + " grew while it was being "
                                    + "uploaded (it was " + length + " bytes); upload it again once it is complete.");
                        }
                        chunk.flip();
                        while (chunk.hasRemaining()) {
                            sink.write(chunk);
                        }
                        sent += n;
                        progress.advance(n);
                    }
                    if (sent < length) {
                        throw new InvalidInputException("The file " + file + " shrank while it was being uploaded: " + sent
                                + " of " + length + " bytes were sent. The upload failed; upload it again once it is complete.");
                    }
                }
            }

            private void copy(Source in, BufferedSink sink, long length, UploadSource source) throws IOException {
                Buffer chunk = new Buffer();
                long sent = 0;
                while (length < 0 || sent < length) {
                    long want = length < 0 ? CHUNK : Math.min(CHUNK, length - sent);
                    long n = fill(in, chunk, want);
                    if (n == 0) {
                        break;
                    }
                    sink.write(chunk, n);
                    sent += n;
                    progress.advance(n);
                }
                if (length >= 0 && sent < length) {
                    String what = source.kind == UploadSource.Kind.FILE ? "The file " + source.file + " shrank while it was being uploaded"
                            : "The upload stream ended early";
                    throw new InvalidInputException(what + ": " + sent + " of " + length + " bytes were sent. The upload failed; "
                            + (source.kind == UploadSource.Kind.FILE ? "upload it again once it is complete." : "give the stream's true length."));
                }
            }

            @Override
            public String toString() {
                return "upload body of " + source;
            }
        };
    }

    /** Reads up to {@code want} bytes into {@code chunk}; returns how many, 0 at the end of the source. */
    private static long fill(Source in, Buffer chunk, long want) throws IOException {
        long got = 0;
        while (got < want) {
            long n = in.read(chunk, want - got);
            if (n == -1) {
                break;
            }
            got += n;
        }
        return got;
    }
}
