package com.smartfile.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The server for small calls: answers every {@code GET /api/2/path/info/…} with the same canned
 * {@code PathInfo} of a file (about 600 bytes of JSON, the shape of the spec's example), so that
 * the server's cost per call is tiny and identical for the SDK and the bare OkHttp client.
 */
public final class CannedPathInfoServer {

    /** The path the benchmarks ask about. */
    public static final String PATH = "/Documents/report.pdf";

    /** The canned reply body. */
    static final byte[] REPLY = ("{\"acl\":{\"list\":true,\"read\":true,\"remove\":true,\"write\":true},"
            + "\"attributes\":{\"checksum\":\"9e107d9d372bb6826bd81d3542a419d6\"},\"extension\":\"pdf\",\"id\":512,"
            + "\"isdir\":false,\"isfile\":true,\"items\":null,\"mime\":\"application/pdf\",\"name\":\"report.pdf\","
            + "\"owner\":{\"email\":\"jdoe@example.com\",\"first_name\":\"Jane\",\"last_name\":\"Doe\",\"name\":\"Jane Doe\","
            + "\"url\":\"https://app.smartfile.com/api/2/user/jdoe/\",\"username\":\"jdoe\"},"
            + "\"path\":\"/Documents/report.pdf\",\"size\":1048576,\"tags\":[\"finance\"],\"time\":\"2013-02-23T22:49:30\","
            + "\"url\":\"https://app.smartfile.com/api/2/path/info/Documents/report.pdf\"}").getBytes(StandardCharsets.UTF_8);

    private static final byte[] NOT_FOUND = "{\"detail\":\"Not found.\"}".getBytes(StandardCharsets.UTF_8);

    private CannedPathInfoServer() {
    }

    /**
     * Starts the server.
     *
     * @param credentials the credentials every request must carry
     * @return the running server
     * @throws IOException when no port can be bound
     */
    public static MiniHttpServer start(LocalCredentials credentials) throws IOException {
        return MiniHttpServer.start(exchange -> {
            if (exchange.method().equals("GET") && exchange.path().startsWith("/api/2/path/info/")) {
                exchange.reply(200, "application/json", REPLY);
            } else {
                exchange.reply(404, "application/json", NOT_FOUND);
            }
        }, credentials.basicHeader());
    }
}
