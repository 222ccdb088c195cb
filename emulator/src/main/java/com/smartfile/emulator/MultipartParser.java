package com.smartfile.emulator;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A streaming {@code multipart/form-data} reader: parts are read one after the other and each
 * part's body is copied to a sink as it arrives, through a fixed 64 KiB buffer, so no file is
 * ever held in memory.
 */
final class MultipartParser {

    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;
    private boolean started;
    private boolean done;
    private Part current;

    /**
     * Creates a reader.
     *
     * @param in the request body
     * @param boundary the boundary from the Content-Type header
     */
    MultipartParser(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        // The first boundary has no CRLF before it: pretend there was one.
        buf[0] = '\r';
        buf[1] = '\n';
        limit = 2;
    }

    /**
     * Extracts the boundary parameter of a multipart Content-Type.
     *
     * @param contentType the header value, may be null
     * @return the boundary, or null when the type is not multipart/form-data or has none
     */
    static String boundary(String contentType) {
        if (contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        String b = parameters(contentType).get("boundary");
        return b == null || b.isEmpty() || b.length() > 200 ? null : b;
    }

    /** One part of the body: its headers, and its content read through {@link #transferTo}. */
    final class Part {
        private final Map<String, String> headers;
        private boolean finished;

        private Part(Map<String, String> headers) {
            this.headers = headers;
        }

        /**
         * The form field name.
         *
         * @return the name, or null
         */
        String name() {
            return parameters(headers.getOrDefault("content-disposition", "")).get("name");
        }

        /**
         * The file name of a file part ({@code filename*} preferred over {@code filename}).
         *
         * @return the file name, or null for a plain field
         */
        String filename() {
            Map<String, String> params = parameters(headers.getOrDefault("content-disposition", ""));
            String extended = params.get("filename*");
            if (extended != null) {
                int quote = extended.indexOf("''");
                if (quote >= 0 && extended.substring(0, quote).equalsIgnoreCase("utf-8")) {
                    try {
                        return PercentCodec.decodePathSegment(extended.substring(quote + 2));
                    } catch (IllegalArgumentException e) {
                        // fall back to the plain parameter
                    }
                }
            }
            return params.get("filename");
        }

        /**
         * Copies the part's content to a sink, consuming it.
         *
         * @param sink where the bytes go
         * @throws IOException when reading or writing fails, or the body ends too early
         */
        void transferTo(OutputStream sink) throws IOException {
            if (finished) {
                throw new IllegalStateException("part already read");
            }
            finished = true;
            copyUntilDelimiter(sink);
        }
    }

    /**
     * Moves to the next part, skipping what is left of the current one.
     *
     * @return the next part, or null after the closing boundary
     * @throws IOException when the body is malformed or ends too early
     */
    Part next() throws IOException {
        if (done) {
            return null;
        }
        if (!started) {
            started = true;
            copyUntilDelimiter(OutputStream.nullOutputStream());
        } else if (current != null && !current.finished) {
            current.transferTo(OutputStream.nullOutputStream());
        }
        if (!ensure(2)) {
            throw new EOFException("Multipart body ended after a boundary.");
        }
        if (buf[pos] == '-' && buf[pos + 1] == '-') {
            done = true;
            current = null;
            return null;
        }
        String rest = readLine();
        if (!rest.isBlank()) {
            throw new IOException("Malformed multipart boundary line.");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        int total = 0;
        while (true) {
            String line = readLine();
            total += line.length() + 2;
            if (total > MAX_HEADER_BYTES) {
                throw new IOException("Multipart part headers are too large.");
            }
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
        }
        current = new Part(headers);
        return current;
    }

    private void copyUntilDelimiter(OutputStream sink) throws IOException {
        int dl = delimiter.length;
        while (true) {
            int idx = indexOfDelimiter();
            if (idx >= 0) {
                sink.write(buf, pos, idx - pos);
                pos = idx + dl;
                return;
            }
            int safe = Math.max(pos, limit - (dl - 1));
            sink.write(buf, pos, safe - pos);
            pos = safe;
            if (!fill()) {
                throw new EOFException("Multipart body ended before its closing boundary.");
            }
        }
    }

    private int indexOfDelimiter() {
        int dl = delimiter.length;
        byte first = delimiter[0];
        for (int i = pos; i <= limit - dl; i++) {
            if (buf[i] != first) {
                continue;
            }
            int j = 1;
            while (j < dl && buf[i + j] == delimiter[j]) {
                j++;
            }
            if (j == dl) {
                return i;
            }
        }
        return -1;
    }

    private String readLine() throws IOException {
        int scanned = pos;
        while (true) {
            for (int i = scanned; i + 1 < limit; i++) {
                if (buf[i] == '\r' && buf[i + 1] == '\n') {
                    String line = new String(buf, pos, i - pos, StandardCharsets.UTF_8);
                    pos = i + 2;
                    return line;
                }
            }
            scanned = Math.max(pos, limit - 1);
            if (limit - pos >= MAX_HEADER_BYTES) {
                throw new IOException("Multipart header line too long.");
            }
            int before = pos;
            if (!fill()) {
                throw new EOFException("Multipart body ended inside part headers.");
            }
            scanned -= before - pos;
        }
    }

    private boolean ensure(int n) throws IOException {
        while (limit - pos < n) {
            if (!fill()) {
                return false;
            }
        }
        return true;
    }

    private boolean fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            throw new IOException("Multipart buffer overflow.");
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            return false;
        }
        limit += n;
        return true;
    }

    /**
     * Parses {@code type; a=b; c="d e"} header parameters (names lower-cased, quoted strings
     * unescaped).
     */
    static Map<String, String> parameters(String header) {
        Map<String, String> params = new LinkedHashMap<>();
        int i = header.indexOf(';');
        while (i >= 0 && i < header.length()) {
            i++;
            while (i < header.length() && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
                i++;
            }
            int eq = header.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = header.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            StringBuilder value = new StringBuilder();
            if (i < header.length() && header.charAt(i) == '"') {
                i++;
                while (i < header.length() && header.charAt(i) != '"') {
                    char c = header.charAt(i);
                    // a backslash escapes only a quote or a backslash: old browsers send
                    // Windows paths (C:\dir\name.txt) unescaped
                    if (c == '\\' && i + 1 < header.length()
                            && (header.charAt(i + 1) == '"' || header.charAt(i + 1) == '\\')) {
                        c = header.charAt(++i);
                    }
                    value.append(c);
                    i++;
                }
                i = header.indexOf(';', i);
            } else {
                int end = header.indexOf(';', i);
                value.append(header, i, end < 0 ? header.length() : end);
                i = end;
            }
            params.putIfAbsent(name, value.toString().trim());
        }
        return params;
    }
}
