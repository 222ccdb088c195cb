package com.smartfile.sdk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A bare HTTP/1.1 server over a {@link ServerSocket}, for the socket-level behaviour MockWebServer
 * does not script exactly: each accepted connection runs the next {@link Script}, which reads and
 * answers as it likes (and may close with bytes unread, which makes TCP reset the connection).
 */
final class RawServer implements AutoCloseable {

    /** What one connection does. */
    interface Script {
        void run(Socket socket, RawServer server) throws Exception;
    }

    /** One request as read: its request line, headers and body. */
    static final class Request {
        final String line;
        final String headers;
        final byte[] body;

        Request(String line, String headers, byte[] body) {
            this.line = line;
            this.headers = headers;
            this.body = body;
        }
    }

    private final ServerSocket socket;
    private final List<Script> scripts;
    final List<Request> received = new CopyOnWriteArrayList<>();
    private volatile int connections;

    RawServer(Script... scripts) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.scripts = List.of(scripts);
        Thread t = new Thread(this::accept, "raw-server");
        t.setDaemon(true);
        t.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    int connections() {
        return connections;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                int index = connections++;
                Script script = scripts.get(Math.min(index, scripts.size() - 1));
                Thread t = new Thread(() -> {
                    try (s) {
                        script.run(s, this);
                    } catch (Exception e) {
                        // the client went away
                    }
                }, "raw-server-" + index);
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Reads the request line and headers only, leaving any body unread. */
    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b; matched < 4 && (b = in.read()) != -1; ) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Reads a whole request (head and Content-Length body) and records it; null at the end of the stream. */
    Request read(InputStream in) throws IOException {
        String head = readHead(in);
        if (head.isEmpty()) {
            return null;
        }
        int length = 0;
        for (String h : head.split("\r\n")) {
            if (h.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(h.substring(15).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        Request r = new Request(head.substring(0, head.indexOf("\r\n")), head, body);
        received.add(r);
        return r;
    }

    static void reply(OutputStream out, int code, String body, boolean close) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + code + " X\r\nContent-Type: application/json\r\nContent-Length: " + b.length + "\r\n"
                + (close ? "Connection: close\r\n" : "") + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(b);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
