package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What to upload: a local file, bytes in memory, or a stream, and the name to store it under.
 * The bytes are streamed from their source as they are sent, never gathered in memory first.
 *
 * <pre>{@code
 * paths.upload("/inbox", UploadSource.of(Paths.get("report.pdf")));
 * paths.upload("/inbox", UploadSource.of(in, length).named("data.csv"));
 * }</pre>
 *
 * <p>A file or byte array can be sent again, so the client retries such an upload as its
 * {@link RetryPolicy} allows. A stream can be read only once: an upload from a stream is never
 * re-sent, and the source can be used for one upload only. The SDK does not close a stream you
 * give it. Immutable; {@link #named(String)} returns a copy.
 */
public final class UploadSource {

    enum Kind { FILE, BYTES, STREAM }

    final Kind kind;
    final @Nullable Path file;
    final byte @Nullable [] bytes;
    final @Nullable InputStream stream;
    /** The declared length of a stream or byte array; -1 for a stream of unknown length and for files. */
    final long length;
    final @Nullable String name;
    private final @Nullable AtomicBoolean consumed;

    private UploadSource(Kind kind, @Nullable Path file, byte @Nullable [] bytes, @Nullable InputStream stream, long length,
                         @Nullable String name, @Nullable AtomicBoolean consumed) {
        this.kind = kind;
        this.file = file;
        this.bytes = bytes;
        this.stream = stream;
        this.length = length;
        this.name = name;
        this.consumed = consumed;
    }

    /**
     * A local file, stored under its own file name unless {@link #named(String) renamed}. Its
     * size is taken when the upload starts; a file that changes size while it is sent fails the
     * upload.
     *
     * @param file a readable regular file
     * @return the source
     * @throws InvalidInputException when the file is null, missing, a folder or unreadable
     */
    public static UploadSource of(Path file) {
        checkFile(file);
        Path fileName = file.getFileName();
        return new UploadSource(Kind.FILE, file, null, null, -1, fileName == null ? null : fileName.toString(), null);
    }

    /**
     * Bytes in memory. The array is not copied: do not change it during the upload. Give it a
     * name with {@link #named(String)} to upload it into a folder.
     *
     * @param bytes the content
     * @return the source
     * @throws InvalidInputException when bytes is null
     */
    public static UploadSource of(byte[] bytes) {
        if (bytes == null) {
            throw new InvalidInputException("The bytes to upload must not be null.");
        }
        return new UploadSource(Kind.BYTES, null, bytes, null, bytes.length, null, null);
    }

    /**
     * A stream of unknown length, sent chunked. It is read once, up to its end, and never
     * re-sent; you close it. Give it a name with {@link #named(String)} to upload it into a
     * folder.
     *
     * @param stream the content
     * @return the source
     * @throws InvalidInputException when stream is null
     */
    public static UploadSource of(InputStream stream) {
        return stream(stream, -1);
    }

    /**
     * A stream of known length: exactly {@code length} bytes are sent (a stream that ends sooner
     * fails the upload). It is read once and never re-sent; you close it.
     *
     * @param stream the content
     * @param length the number of bytes to send, zero or more
     * @return the source
     * @throws InvalidInputException when stream is null or length negative
     */
    public static UploadSource of(InputStream stream, long length) {
        if (length < 0) {
            throw new InvalidInputException("The stream length must be zero or more, got " + length
                    + "; use UploadSource.of(stream) when the length is unknown.");
        }
        return stream(stream, length);
    }

    private static UploadSource stream(InputStream stream, long length) {
        if (stream == null) {
            throw new InvalidInputException("The stream to upload must not be null.");
        }
        return new UploadSource(Kind.STREAM, null, null, stream, length, null, new AtomicBoolean());
    }

    /**
     * The same content stored under another name (for uploads into a folder; an upload to a
     * full path takes the name from the path).
     *
     * @param name a file name: not blank, no {@code /}, no control characters, not {@code .} or
     *     {@code ..}, at most 255 UTF-8 bytes
     * @return a copy with that name
     * @throws InvalidInputException when the name is not acceptable
     */
    public UploadSource named(String name) {
        return new UploadSource(kind, file, bytes, stream, length, checkName(name), consumed);
    }

    /**
     * The name the content is stored under in a folder upload.
     *
     * @return the name, or null when none was given
     */
    public @Nullable String getName() {
        return name;
    }

    /**
     * Whether the content can be sent again (a file or bytes), so that an upload of it may be
     * retried.
     *
     * @return false for a stream
     */
    public boolean isReplayable() {
        return kind != Kind.STREAM;
    }

    /** The size to send: a file's size now, else the declared length (-1 unknown). */
    long size() {
        if (kind != Kind.FILE) {
            return length;
        }
        Path file = java.util.Objects.requireNonNull(this.file, "a FILE source has a file");
        checkFile(file);
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read the size of " + file + ": " + e.getMessage());
        }
    }

    /** Checks that a stream was not used by an earlier upload. */
    void checkUnused() {
        if (consumed != null && consumed.get()) {
            throw new InvalidInputException("This stream was already used by an earlier upload and cannot be read "
                    + "again; give a new UploadSource with a fresh stream.");
        }
    }

    /** Marks a stream as being read; false when it already was. */
    boolean claim() {
        return consumed == null || consumed.compareAndSet(false, true);
    }

    static void checkFile(Path file) {
        if (file == null) {
            throw new InvalidInputException("The file to upload must not be null.");
        }
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(file + " is a folder, not a file; upload the files in it one by one.");
        }
        if (!Files.exists(file)) {
            throw new InvalidInputException("The file " + file + " does not exist.");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + " is not a regular file (a device or pipe?); upload it as a stream "
                    + "with UploadSource.of(InputStream) instead.");
        }
        if (!Files.isReadable(file)) {
            throw new InvalidInputException("The file " + file + " cannot be read (check its permissions).");
        }
    }

    static String checkName(String name) {
        if (name == null || name.trim().isEmpty()) {
            throw new InvalidInputException("The file name must not be " + (name == null ? "null" : "blank") + ".");
        }
        if (name.indexOf('/') >= 0) {
            throw new InvalidInputException("The file name " + PathIds.echo(name)
                    + " contains '/'; give a name only, and the folder as the upload's target.");
        }
        if (name.equals(".") || name.equals("..")) {
            throw new InvalidInputException("\"" + name + "\" is not a file name.");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new InvalidInputException("The file name " + PathIds.echo(name) + " contains the control character U+"
                        + String.format("%04X", (int) c) + "; remove it.");
            }
            if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException("The file name " + PathIds.echo(name)
                        + " contains an unpaired UTF-16 surrogate; it cannot be encoded as UTF-8.");
            }
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > PathIds.MAX_SEGMENT_BYTES) {
            throw new InvalidInputException("The file name " + PathIds.echo(name) + " is " + bytes
                    + " UTF-8 bytes long; at most " + PathIds.MAX_SEGMENT_BYTES + " are accepted.");
        }
        return name;
    }

    @Override
    public String toString() {
        String what;
        switch (kind) {
            case FILE:
                what = "file=" + file;
                break;
            case BYTES:
                what = "bytes=" + (bytes == null ? 0 : bytes.length);
                break;
            default:
                what = "stream, length=" + (length < 0 ? "unknown" : String.valueOf(length));
        }
        return "UploadSource{" + what + ", name=" + name + "}";
    }
}
