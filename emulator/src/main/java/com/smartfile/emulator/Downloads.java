package com.smartfile.emulator;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Streams a file to the client: 200 with the whole file, 206 with {@code Content-Range} for a
 * satisfiable {@code Range}, 416 with {@code Content-Range: bytes *}{@code /size} (and no body) for a range
 * past the end. The body is sent 1 MiB at a time with the real {@code Content-Length};
 * the {@link Faults} download cut closes the connection after the configured number of bytes.
 */
final class Downloads {

    private final Faults faults;

    Downloads(Faults faults) {
        this.faults = faults;
    }

    /**
     * Sends a file.
     *
     * @param req the request
     * @param file an existing regular file
     * @throws IOException when the connection fails, or {@link ConnectionCut} on purpose
     */
    void send(ApiRequest req, Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            String range = req.header("Range");
            req.replyHeaders().set("Accept-Ranges", "bytes");
            req.replyHeaders().set("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME
                    .format(Files.getLastModifiedTime(file).toInstant().atOffset(ZoneOffset.UTC)));
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
}
