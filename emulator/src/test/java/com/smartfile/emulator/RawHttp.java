package com.smartfile.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends a request byte for byte over a socket, so that paths no HTTP client library would send
 * unchanged ({@code ..}, {@code %2e%2e}, control characters) reach the emulator as written, and so
 * that a truncated body can be measured exactly.
 */
final class RawHttp {

    /** A raw reply: status, headers, and the body bytes that arrived before the connection ended. */
    static final class RawReply {
        final int status;
        final Map<String, List<String>> headers;
        final byte[] body;

        RawReply(int status, Map<String, List<String>> headers, byte[] body) {
            this.status = status;
            this.headers = headers;
            this.body = body;
        }

        String header(String name) {
            List<String> v = headers.get(name.toLowerCase());
            return v == null ? null : v.get(0);
        }

        Reply toReply() {
            return new Reply(status, headers, body);
        }
    }

    private RawHttp() {
    }

    static RawReply send(int port, String method, String rawTarget, String authorization) throws IOException {
        String head = method + " " + rawTarget + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n");
        return sendRaw(port, head, new byte[0]);
    }

    /**
     * Sends a request head exactly as given (request line and header lines, each ending in CRLF;
     * the blank line and {@code Content-Length} are added) and a body, then reads until the
     * connection ends.
     */
    static RawReply sendRaw(int port, String headLines, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            String head = headLines + "Connection: close\r\nContent-Length: " + body.length + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    all.write(buf, 0, n);
                }
            } catch (SocketException reset) {
                // the emulator may reset a connection it cut: keep what arrived
            }
            return parse(all.toByteArray());
        }
    }

    private static RawReply parse(byte[] raw) {
        int end = -1;
        for (int i = 0; i + 3 < raw.length; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n' && raw[i + 2] == '\r' && raw[i + 3] == '\n') {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw new AssertionError("no complete reply head: " + new String(raw, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        byte[] body = new byte[raw.length - end - 4];
        System.arraycopy(raw, end + 4, body, 0, body.length);
        return new RawReply(status, headers, body);
    }
}
