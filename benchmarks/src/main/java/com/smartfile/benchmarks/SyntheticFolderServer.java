package com.smartfile.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The server for listings: {@code GET /api/2/path/info/n<N>/?children=true&page=P&limit=L}
 * answers page P of a folder of N synthetic files (names {@code file-0000001.dat} …), with the
 * paging fields {@code page}, {@code pages}, {@code per_page} and {@code total}. Pages are made up
 * on the fly, so any size of folder costs the server no memory.
 */
public final class SyntheticFolderServer {

    /** The largest page served, as SmartFile's. */
    static final int MAX_LIMIT = 1000;

    private static final byte[] NOT_FOUND = "{\"detail\":\"Not found.\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] INVALID_PAGE = "{\"detail\":\"Invalid page.\"}".getBytes(StandardCharsets.UTF_8);

    private SyntheticFolderServer() {
    }

    /**
     * The folder path that holds {@code entries} files.
     *
     * @param entries the number of files
     * @return e.g. {@code /n100000}
     */
    public static String folder(long entries) {
        return "/n" + entries;
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
            String prefix = "/api/2/path/info/n";
            String p = exchange.path();
            if (!exchange.method().equals("GET") || !p.startsWith(prefix) || !p.endsWith("/")) {
                exchange.reply(404, "application/json", NOT_FOUND);
                return;
            }
            long total;
            try {
                total = Long.parseLong(p.substring(prefix.length(), p.length() - 1));
            } catch (NumberFormatException e) {
                exchange.reply(404, "application/json", NOT_FOUND);
                return;
            }
            int limit = intOr(exchange.queryParameter("limit"), 100);
            limit = limit < 1 ? 100 : Math.min(limit, MAX_LIMIT);
            int page = intOr(exchange.queryParameter("page"), 1);
            long pages = Math.max(1, (total + limit - 1) / limit);
            if (page < 1 || page > pages) {
                exchange.reply(404, "application/json", INVALID_PAGE);
                return;
            }
            exchange.reply(200, "application/json", page(total, page, limit, pages));
        }, credentials.basicHeader());
    }

    static byte[] page(long total, int page, int limit, long pages) {
        String folder = "n" + total;
        long first = (long) (page - 1) * limit;
        long last = Math.min(total, first + limit);
        StringBuilder sb = new StringBuilder(200 + (int) (last - first) * 330);
        sb.append("{\"acl\":{\"list\":true,\"read\":true,\"remove\":true,\"write\":true},\"attributes\":{},")
                .append("\"extension\":\"\",\"id\":1,\"isdir\":true,\"isfile\":false,\"items\":").append(total)
                .append(",\"mime\":\"application/x-directory\",\"name\":\"").append(folder).append("\",\"owner\":null,")
                .append("\"path\":\"/").append(folder).append("\",\"size\":0,\"tags\":[],\"time\":\"2026-11-27T10:00:00\",")
                .append("\"url\":\"https://app.smartfile.com/api/2/path/info/").append(folder).append("\",\"children\":[");
        for (long i = first; i < last; i++) {
            String name = name(i + 1);
            if (i > first) {
                sb.append(',');
            }
            sb.append("{\"acl\":{\"list\":true,\"read\":true,\"remove\":true,\"write\":true},\"attributes\":{},")
                    .append("\"extension\":\"dat\",\"id\":").append(i + 2)
                    .append(",\"isdir\":false,\"isfile\":true,\"items\":null,\"mime\":\"application/octet-stream\",")
                    .append("\"name\":\"").append(name).append("\",\"owner\":null,\"path\":\"/").append(folder).append('/')
                    .append(name).append("\",\"size\":").append(1000 + i % 100_000)
                    .append(",\"tags\":[],\"time\":\"2026-11-27T10:00:00\",\"url\":\"https://app.smartfile.com/api/2/path/info/")
                    .append(folder).append('/').append(name).append("\"}");
        }
        sb.append("],\"page\":").append(page).append(",\"pages\":").append(pages).append(",\"per_page\":").append(limit)
                .append(",\"total\":").append(total).append('}');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code file-0000042.dat} for 42. */
    static String name(long n) {
        String digits = Long.toString(n);
        return "file-" + "0000000".substring(Math.min(7, digits.length())) + digits + ".dat";
    }

    private static int intOr(String value, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
