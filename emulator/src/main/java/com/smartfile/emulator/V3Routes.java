package com.smartfile.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.smartfile.sdk.model.PathInfo;
import com.smartfile.sdk.model.V3UploadReply;

/**
 * The v3 file-data routes on {@code /api/3/path/data/{path}}: GET (download, like v2), PUT (the
 * whole file from the raw body, staged then moved in place atomically), PATCH (write the body into
 * the existing file from the offset of {@code Range: bytes=N-}, refused with 412 when the file
 * changed after {@code If-Unmodified-Since}, 416 when N is past the end) and DELETE (204).
 *
 * <p>Failures answer real HTTP status codes with {@code {"detail": …}}; the {@code 200 + {status,
 * detail}} failure form the spec allows for is never produced.
 */
final class V3Routes {

    private static final Pattern OFFSET = Pattern.compile("^\\s*bytes\\s*=\\s*(\\d+)\\s*-\\s*$");

    private final FileStore store;
    private final PathRoutes paths;

    V3Routes(FileStore store, PathRoutes paths) {
        this.store = store;
        this.paths = paths;
    }

    void register(Router v3) {
        v3.add("GET", "path/data/**", this::download);
        v3.add("PUT", "path/data/**", this::put);
        v3.add("PATCH", "path/data/**", this::patch);
        v3.add("DELETE", "path/data/**", this::delete);
    }

    private void download(ApiRequest req, List<String> vars) throws IOException, ApiException {
        List<String> segments = paths.segments(vars.get(0), 404);
        paths.sendFile(req, paths.resolve(segments, 404));
    }

    private void put(ApiRequest req, List<String> vars) throws IOException, ApiException {
        List<String> segments = paths.segments(vars.get(0), 400);
        if (segments.isEmpty()) {
            throw ApiException.detail(400, "A file path is required.");
        }
        Path target = paths.resolve(segments, 400);
        if (!Files.isDirectory(target.getParent())) {
            throw ApiException.detail(409, "The destination folder does not exist.");
        }
        if (Files.isDirectory(target)) {
            throw ApiException.detail(409, "A folder exists at this path.");
        }
        Path staged = store.newStagingFile();
        try {
            try (FileSink out = new FileSink(FileChannel.open(staged, StandardOpenOption.WRITE));
                    InputStream in = req.body()) {
                out.readFrom(in);
            }
            try {
                store.commit(staged, target);
            } catch (NoSuchFileException e) {
                throw ApiException.detail(409, "The destination folder does not exist.");
            } catch (FileAlreadyExistsException e) {
                throw ApiException.detail(409, "A folder exists at this path.");
            }
        } finally {
            Files.deleteIfExists(staged);
        }
        reply(req, target, segments);
    }

    private void patch(ApiRequest req, List<String> vars) throws IOException, ApiException {
        List<String> segments = paths.segments(vars.get(0), 400);
        String range = req.header("Range");
        Matcher m = range == null ? null : OFFSET.matcher(range);
        if (m == null || !m.matches()) {
            throw ApiException.detail(400, "A Range header of the form bytes=<offset>- is required.");
        }
        long offset;
        try {
            offset = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw ApiException.detail(400, "The Range offset is too large.");
        }
        Path target = paths.resolve(segments, 400);
        if (!Files.exists(target)) {
            throw ApiException.notFound();
        }
        if (Files.isDirectory(target)) {
            throw ApiException.detail(400, "Cannot write into a folder.");
        }
        synchronized (store.writeLock(target)) {
            ZonedDateTime since = httpDate(req.header("If-Unmodified-Since"));
            if (since != null && Files.getLastModifiedTime(target).toInstant().getEpochSecond()
                    > since.toInstant().getEpochSecond()) {
                throw ApiException.detail(412, "The file was modified after the given If-Unmodified-Since date.");
            }
            try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
                if (offset > channel.size()) {
                    throw ApiException.detail(416, "Requested range not satisfiable.")
                            .header("Content-Range", "bytes */" + channel.size());
                }
                channel.position(offset);
                store.changed(target);
                try (FileSink out = new FileSink(channel); InputStream in = req.body()) {
                    out.readFrom(in);
                } finally {
                    store.changed(target);
                }
            }
        }
        reply(req, target, segments);
    }

    private void delete(ApiRequest req, List<String> vars) throws IOException, ApiException {
        List<String> segments = paths.segments(vars.get(0), 404);
        if (segments.isEmpty()) {
            throw ApiException.notFound();
        }
        Path target = paths.resolve(segments, 404);
        if (!Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw ApiException.notFound();
        }
        FileStore.deleteTree(target);
        store.forgetMetadata(PathGuard.apiPath(segments));
        req.noContent();
    }

    private void reply(ApiRequest req, Path target, List<String> segments) throws IOException {
        PathInfo info = store.info(target, segments, req.baseUrl(), req.apiVersion());
        req.json(200, JsonReplies.fromJsonValue(JsonReplies.toJsonValue(info), V3UploadReply.class));
    }

    /** Reads an RFC 7231 HTTP-date; an unreadable date is ignored, as HTTP asks. */
    private static ZonedDateTime httpDate(String value) {
        if (value == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
