package com.smartfile.benchmarks;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server for transfers, built so that it is not the bottleneck: downloads
 * ({@code GET /api/2/path/data/<name>/} and {@code /api/3/path/data/<name>}) are sent from a
 * folder with sendfile, and uploads (v3 {@code PUT /api/3/path/data/…}, v2 multipart
 * {@code POST /api/2/path/data/…}) are read and thrown away, answered with the JSON the SDK
 * expects. Nothing is written to disk, so the disk is not measured either; the number of body
 * bytes of the last upload is kept, so the harness can check that every byte arrived.
 */
public final class DiscardingFileServer implements AutoCloseable {

    private static final byte[] NOT_FOUND = "{\"detail\":\"Not found.\"}".getBytes(StandardCharsets.UTF_8);

    private final MiniHttpServer server;
    private final AtomicLong lastUploadBytes = new AtomicLong(-1);

    private DiscardingFileServer(Path folder, LocalCredentials credentials) throws IOException {
        this.server = MiniHttpServer.start(exchange -> handle(exchange, folder), credentials.basicHeader());
    }

    /**
     * Starts the server.
     *
     * @param folder the files that can be downloaded, by file name
     * @param credentials the credentials every request must carry
     * @return the running server
     * @throws IOException when no port can be bound
     */
    public static DiscardingFileServer start(Path folder, LocalCredentials credentials) throws IOException {
        return new DiscardingFileServer(folder, credentials);
    }

    /**
     * The underlying HTTP server.
     *
     * @return the server
     */
    public MiniHttpServer http() {
        return server;
    }

    /**
     * Body bytes of the last upload (the whole multipart body for a v2 upload).
     *
     * @return the byte count, or -1 before any upload
     */
    public long lastUploadBytes() {
        return lastUploadBytes.get();
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.close();
    }

    private void handle(MiniHttpServer.Exchange exchange, Path folder) throws IOException {
        String p = exchange.path();
        boolean data = p.startsWith("/api/2/path/data/") || p.startsWith("/api/3/path/data/");
        if (!data) {
            exchange.reply(404, "application/json", NOT_FOUND);
            return;
        }
        String name = lastSegment(p);
        switch (exchange.method()) {
            case "GET": {
                Path file = folder.resolve(name);
                if (name.isEmpty() || name.contains("..") || !Files.isRegularFile(file)) {
                    exchange.reply(404, "application/json", NOT_FOUND);
                    return;
                }
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                    exchange.replyFile("application/octet-stream", channel);
                }
                return;
            }
            case "PUT": {
                long n = exchange.discardBody();
                lastUploadBytes.set(n);
                exchange.reply(200, "application/json", info(name, p, n).getBytes(StandardCharsets.UTF_8));
                return;
            }
            case "POST": {
                long n = exchange.discardBody();
                lastUploadBytes.set(n);
                exchange.reply(200, "application/json", ("[" + info("upload", p, n) + "]").getBytes(StandardCharsets.UTF_8));
                return;
            }
            default:
                exchange.reply(404, "application/json", NOT_FOUND);
        }
    }

    private static String info(String name, String path, long size) {
        return "{\"name\":\"" + name + "\",\"path\":\"" + path.replace("\"", "") + "\",\"isdir\":false,\"isfile\":true,"
                + "\"size\":" + size + ",\"mime\":\"application/octet-stream\",\"time\":\"2026-11-27T10:00:00\"}";
    }

    private static String lastSegment(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
