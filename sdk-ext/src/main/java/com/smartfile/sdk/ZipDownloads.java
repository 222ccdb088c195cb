package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.smartfile.sdk.internal.PathsApi;
import okhttp3.MediaType;
import okhttp3.ResponseBody;

/**
 * {@code POST path/oper/downloadmultiple/}: several files and folders as one zip, made by the server
 * and streamed. The zip is never held in memory: it is copied {@link Bodies#CHUNK} bytes at a time
 * into a hidden file beside the target (moved over the target only when the whole archive arrived)
 * or into the caller's stream. A server archive cannot be resumed, so a dropped connection ends the
 * download with nothing left under the target's name.
 */
final class ZipDownloads {

    private final PathsApi api;
    private final Invoker invoker;

    ZipDownloads(PathsApi api, Invoker invoker) {
        this.api = api;
        this.invoker = invoker;
    }

    long toFile(Path localFile, @Nullable List<String> paths) {
        List<String> values = PathIds.formValues("paths", paths);
        Path target = LocalFiles.checkTarget(localFile);
        Path temp = LocalFiles.createTemp(target);
        boolean moved = false;
        try {
            long written;
            try (OutputStream out = Files.newOutputStream(temp)) {
                written = copy(values, target.getFileName().toString(), out, "the file " + temp);
            } catch (IOException e) {
                throw new LocalFileException("Could not write the zip of " + values + " to " + temp + " ("
                        + LocalFiles.reason(e) + "). Nothing was left under " + target + ".", e);
            }
            try {
                LocalFiles.move(temp, target);
            } catch (IOException e) {
                throw new LocalFileException("Could not move the zip of " + values + " from " + temp + " to " + target
                        + " (" + LocalFiles.reason(e) + ").", e);
            }
            moved = true;
            return written;
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the hidden temporary file stays; the target was not touched
                }
            }
        }
    }

    long toStream(OutputStream out, @Nullable List<String> paths) {
        List<String> values = PathIds.formValues("paths", paths);
        if (out == null) {
            throw new InvalidInputException("The stream to write the zip of " + values + " into must not be null.");
        }
        try {
            long written = copy(values, null, out, "the given stream");
            out.flush();
            return written;
        } catch (IOException e) {
            throw new LocalFileException("Could not write the zip of " + values + " to the given stream (" + e + ").", e);
        }
    }

    /** Copies the archive; a failed read is the connection's fault, a failed write (IOException) the sink's. */
    private long copy(List<String> values, @Nullable String filename, OutputStream out, String sink) throws IOException {
        try (ResponseBody body = invoker.sync(api.downloadMultiple(values, filename))) {
            MediaType type = body.contentType();
            if (type != null && type.subtype().toLowerCase(Locale.ROOT).equals("json")) {
                throw new InvalidReplyException("The server answered the zip download of " + values + " with JSON ("
                        + excerpt(body) + ") instead of an archive; nothing was written to " + sink + ".", null);
            }
            InputStream in = body.byteStream();
            byte[] buffer = new byte[Bodies.CHUNK];
            long written = 0;
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException e) {
                    throw new TransportException("The zip download of " + values + " broke off after " + written
                            + " bytes (" + e + "). A server-made archive cannot be resumed; download it again.", e);
                }
                if (n < 0) {
                    return written;
                }
                out.write(buffer, 0, n);
                written += n;
            }
        }
    }

    private static String excerpt(ResponseBody body) {
        try {
            okio.BufferedSource source = body.source();
            source.request(200);
            String text = source.readUtf8(Math.min(200, source.getBuffer().size()));
            return text.isEmpty() ? "an empty body" : text.replaceAll("\\p{Cntrl}", " ");
        } catch (IOException | RuntimeException e) {
            return "unreadable: " + e;
        }
    }
}
