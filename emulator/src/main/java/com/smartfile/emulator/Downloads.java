package com.smartfile.emulator;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Streams a file to the client: 200 with the whole file, 206 with {@code Content-Range} for a
 * satisfiable {@code Range}, 416 with {@code Content-Range: bytes *}{@code /size} (and no body) for a range
 * past the end. The body is sent 1 MiB at a time with the real {@code Content-Length};
 * the {@link Faults} download cut closes the connection after the configured number of bytes.
 *
 * <p>Every reply carries a strong {@code ETag} and {@code Last-Modified} ({@link FileStore#validators});
 * {@code If-Range} (RFC 9110 section 13.1.5), {@code If-None-Match} (304) and {@code If-Match} (412)
 * are honoured.
 */
final class Downloads {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final Faults faults;

    Downloads(Faults faults) {
        this.faults = faults;
    }

    /**
     * Sends a file.
     *
     * @param req the request
     * @param file an existing regular file
     * @param store where the file's validators come from
     * @throws IOException when the connection fails, or {@link ConnectionCut} on purpose
     * @throws ApiException 412 when {@code If-Match} does not match
     */
    void send(ApiRequest req, Path file, FileStore store) throws IOException, ApiException {
        FileChannel opened = null;
        FileStore.Validators validators = null;
        // The validators must describe the bytes sent: read them before and after opening, and
        // open again when a writer replaced the file in between.
        for (int attempt = 0; attempt < 5 && validators == null; attempt++) {
            FileStore.Validators before = store.validators(file);
            if (opened != null) {
                opened.close();
            }
            opened = FileChannel.open(file, StandardOpenOption.READ);
            FileStore.Validators after = store.validators(file);
            if (before.etag.equals(after.etag)) {
                validators = after;
            }
        }
        try (FileChannel channel = opened) {
            long size = channel.size();
            req.replyHeaders().set("Accept-Ranges", "bytes");
            if (validators != null) {
                req.replyHeaders().set("ETag", validators.etag);
                req.replyHeaders().set("Last-Modified", HTTP_DATE.format(validators.modified.atOffset(ZoneOffset.UTC)));
                if (preconditionFailed(req.header("If-Match"), validators.etag)) {
                    throw ApiException.detail(412, "The file does not match If-Match (it changed).");
                }
                if (matchesAny(req.header("If-None-Match"), validators.etag, false)) {
                    req.send(304, -1); // the dispatcher ends the exchange
                    return;
                }
            }
            String range = req.variants() == null ? req.header("Range") : req.variants().range(req);
            String ifRange = req.header("If-Range");
            if (range != null && ifRange != null && !rangeStillValid(ifRange.trim(), validators)) {
                range = null;
            }
            long first = 0;
            long length = size;
            int status = 200;
            switch (ByteRange.kind(range, size)) {
                case UNSATISFIABLE:
                    req.replyHeaders().set("Content-Range", "bytes */" + size);
                    req.send(416, -1);
                    req.finish();
                    return;
                case PARTIAL:
                    ByteRange r = ByteRange.resolve(range, size);
                    first = r.first;
                    length = r.length();
                    status = 206;
                    req.replyHeaders().set("Content-Range", "bytes " + r.first + "-" + r.last + "/" + size);
                    break;
                default:
                    break;
            }
            req.replyHeaders().set("Content-Type", MimeTypes.guess(file.getFileName().toString()));
            long cut = faults.takeCut();
            req.send(status, length == 0 ? -1 : length);
            if (cut >= 0 && cut < length) {
                req.sendFileBody(channel, first, cut);
                throw new ConnectionCut("download cut by the emulator's fault injection");
            }
            req.sendFileBody(channel, first, length);
            req.finish();
        }
    }

    /**
     * RFC 9110 section 13.1.5: a Range counts only when the If-Range validator still matches. An
     * entity tag must match strongly; a date must equal {@code Last-Modified}, and only when the file
     * was last changed at least one second ago (a date within the current second may stand for
     * several versions of the file, so it is not a strong validator).
     */
    private static boolean rangeStillValid(String ifRange, FileStore.Validators validators) {
        if (validators == null) {
            return false;
        }
        if (ifRange.startsWith("\"") || ifRange.startsWith("W/")) {
            return ifRange.equals(validators.etag);
        }
        Instant date;
        try {
            date = ZonedDateTime.parse(ifRange, HTTP_DATE).toInstant();
        } catch (DateTimeParseException e) {
            return false;
        }
        Instant modified = validators.modified;
        return date.getEpochSecond() == modified.getEpochSecond()
                && modified.plusSeconds(1).isBefore(Instant.now());
    }

    /** {@code If-Match}: fails unless {@code *} or one of the listed tags matches strongly. */
    private static boolean preconditionFailed(String ifMatch, String etag) {
        return ifMatch != null && !matchesAny(ifMatch, etag, true);
    }

    /** Whether a list of entity tags ({@code *} or {@code "a", W/"b"}) holds this one. */
    private static boolean matchesAny(String header, String etag, boolean strong) {
        if (header == null) {
            return false;
        }
        for (String tag : header.split(",")) {
            String t = tag.trim();
            if (t.equals("*")) {
                return true;
            }
            if (t.startsWith("W/")) {
                if (strong) {
                    continue;
                }
                t = t.substring(2);
            }
            if (t.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
