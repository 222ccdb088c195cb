package com.smartfile.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP layer's wire behaviour, counted rather than timed: every accepted socket has
 * {@code TCP_NODELAY}; a small reply leaves in one write (its head and body arrive in one read);
 * an early reply to a request whose body was not read leaves the connection usable or says
 * {@code Connection: close}; slow clients neither stall others nor stay forever.
 */
class HttpLayerTest {

    private static SmartFileEmulator emulator;

    @BeforeAll
    static void start() {
        // the early replies to v3 uploads are checked by their own status codes
        emulator = SmartFileEmulator.builder().variant(Variant.V3UploadFailure.HTTP_STATUS).build().start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    /**
     * The regression guard of the 40 ms keep-alive stall (issue 11): the JDK server left
     * {@code TCP_NODELAY} off and wrote head and body apart, so the body waited for a delayed ACK.
     */
    @Test
    void everyAcceptedSocketHasNoDelay() throws IOException {
        long before = emulator.connectionCount();
        for (int i = 0; i < 5; i++) {
            try (Conn c = new Conn(emulator.port())) {
                assertEquals(200, c.get("/api/2/ping/").status);
            }
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        assertEquals(200, send(client, HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "api/2/ping/")).build()));
        long accepted = emulator.connectionCount() - before;
        assertTrue(accepted >= 6, "accepted " + accepted);
        assertEquals(emulator.connectionCount(), emulator.noDelayConnectionCount());
    }

    /** Head and body of a small reply leave in one write: the first read of the client gets both, every time. */
    @Test
    void smallRepliesArriveWholeInOneRead() throws IOException {
        try (Conn c = new Conn(emulator.port())) {
            for (int i = 0; i < 50; i++) {
                c.write("GET /api/2/ping/ HTTP/1.1\r\nHost: x\r\n\r\n", new byte[0]);
                byte[] first = c.readOnce();
                String text = new String(first, StandardCharsets.ISO_8859_1);
                assertTrue(text.startsWith("HTTP/1.1 200"), text);
                assertTrue(text.endsWith("{\"ping\":\"pong\"}"), "request " + i + ", first read: " + text);
            }
        }
    }

    /**
     * Issue 17 item 2: an early 401 to an upload whose body the emulator never read. Before, the JDK
     * server left such a connection open without saying it would close it, so the client's next
     * request on it was lost. Now the rest of the body is read and discarded (up to the drain limit,
     * 1 GiB by default) and the connection carries the next request; past the limit the reply says
     * {@code Connection: close} and the connection closes.
     */
    @Test
    void earlyReplyToAnUnreadBodyKeepsTheConnectionUsableOrClosesIt() throws Exception {
        byte[] big = new byte[4 * 1024 * 1024];
        String wrongAuth = TestClient.basicHeader("nobody", "wrong");
        String put = "PUT /api/3/path/data/x.bin HTTP/1.1\r\nHost: x\r\nAuthorization: " + wrongAuth
                + "\r\nContent-Length: " + big.length + "\r\n\r\n";
        try (Conn c = new Conn(emulator.port())) {
            Thread writer = c.writeInBackground(put, big);
            Conn.Reply first = c.readReply();
            assertEquals(401, first.status);
            assertNotEquals("close", first.header("connection"));
            writer.join(20_000);
            assertEquals(200, c.get("/api/2/ping/").status, "the next request on the connection is answered");
        }
        try (SmartFileEmulator small = SmartFileEmulator.builder().drainLimit(64 * 1024).build().start();
                Conn c = new Conn(small.port())) {
            Thread writer = c.writeInBackground(put, big);
            Conn.Reply first = c.readReply();
            assertEquals(401, first.status);
            assertEquals("close", first.header("connection"), "a body past the drain limit closes the connection");
            assertEquals(-1, c.readRest(), "the connection is closed after the reply");
            writer.join(20_000);
        }
    }

    /** The case of issue 17 item 2 with a real client: after a 409 to an upload, the natural next request works. */
    @Test
    void requestAfterAnEarly409OnTheSameClientSucceeds() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        EmulatorCredentials c = emulator.credentials();
        String auth = TestClient.basicHeader(c.key(), c.password());
        for (int i = 0; i < 5; i++) {
            int upload = send(client, HttpRequest.newBuilder(URI.create(c.baseUrl() + "api/3/path/data/missing" + i
                    + "/x.bin")).header("Authorization", auth)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[2 * 1024 * 1024])).build());
            assertEquals(409, upload);
            int mkdir = send(client, HttpRequest.newBuilder(URI.create(c.baseUrl() + "api/2/path/oper/mkdir/"))
                    .header("Authorization", auth).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("path=/missing" + i)).build());
            assertEquals(200, mkdir);
        }
    }

    /**
     * Issue 17 item 7: 16 connections stuck in their headers and 16 stuck in their bodies do not
     * stall other clients (before, the JDK server's 16 threads all waited on them).
     */
    @Test
    void slowClientsDoNotStallOthers() throws Exception {
        List<Conn> bad = new ArrayList<>();
        try {
            EmulatorCredentials c = emulator.credentials();
            String auth = TestClient.basicHeader(c.key(), c.password());
            for (int i = 0; i < 16; i++) {
                Conn headers = new Conn(emulator.port());
                bad.add(headers);
                headers.write("GET /api/2/ping/ HTTP/1.1\r\nHost: x\r\nX-Slow: ", new byte[0]);
                Conn body = new Conn(emulator.port());
                bad.add(body);
                body.write("POST /api/2/path/oper/mkdir/ HTTP/1.1\r\nHost: x\r\nAuthorization: " + auth
                        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\n",
                        "path=/sl".getBytes(StandardCharsets.US_ASCII));
            }
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (int i = 0; i < 40; i++) {
                HttpRequest ping = HttpRequest.newBuilder(URI.create(c.baseUrl() + "api/2/whoami/"))
                        .header("Authorization", auth).timeout(Duration.ofSeconds(20)).build();
                assertEquals(200, send(client, ping), "request " + i);
            }
            for (Conn b : bad) {
                assertTrue(!b.closedByServer(), "the slow connections are still open");
            }
        } finally {
            for (Conn b : bad) {
                b.close();
            }
        }
    }

    /** A client that sends its headers a byte at a time, forever, is closed after the header timeout. */
    @Test
    void tricklingHeadersAreCutOffAndSilentBodiesAnswered408() throws Exception {
        try (SmartFileEmulator strict = SmartFileEmulator.builder().headerTimeout(Duration.ofMillis(500))
                .idleTimeout(Duration.ofMillis(700)).build().start()) {
            try (Conn c = new Conn(strict.port())) {
                c.write("GET /api/2/ping/ HTTP/1.1\r\nHost: x\r\n", new byte[0]);
                boolean closed = false;
                for (int i = 0; i < 200 && !closed; i++) { // 200 x 100 ms: the hang guard, not a timing
                    try {
                        c.write("X", new byte[0]);
                        Thread.sleep(100);
                        closed = c.closedByServer();
                    } catch (SocketException e) {
                        closed = true;
                    }
                }
                assertTrue(closed, "the trickling connection was closed");
            }
            EmulatorCredentials cr = strict.credentials();
            try (Conn c = new Conn(strict.port())) {
                c.write("POST /api/2/path/oper/mkdir/ HTTP/1.1\r\nHost: x\r\nAuthorization: "
                        + TestClient.basicHeader(cr.key(), cr.password())
                        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\n",
                        "path=/x".getBytes(StandardCharsets.US_ASCII));
                Conn.Reply reply = c.readReply();
                assertEquals(408, reply.status);
                assertEquals("close", reply.header("connection"));
                assertTrue(new String(reply.body, StandardCharsets.UTF_8).contains("detail"));
            }
            assertTrue(!Files.exists(strict.root().resolve("x")), "nothing was done");
        }
    }

    /**
     * The header timeout is about headers only: an upload whose body takes longer than it (here after
     * {@code Expect: 100-continue}, whose interim reply Jetty counts as a response) is not cut.
     */
    @Test
    void aSlowBodyIsNotMistakenForSlowHeaders() throws Exception {
        try (SmartFileEmulator strict = SmartFileEmulator.builder().headerTimeout(Duration.ofMillis(300)).build().start();
                Conn c = new Conn(strict.port())) {
            EmulatorCredentials cr = strict.credentials();
            c.write("PUT /api/3/path/data/slow.bin HTTP/1.1\r\nHost: x\r\nAuthorization: "
                    + TestClient.basicHeader(cr.key(), cr.password())
                    + "\r\nExpect: 100-continue\r\nContent-Length: 20\r\n\r\n", new byte[0]);
            Conn.Reply interim = c.readReply();
            assertEquals(100, interim.status);
            for (int i = 0; i < 10; i++) { // ten pieces spread over about three header timeouts
                c.write("", new byte[] {'0', '1'});
                Thread.sleep(100);
            }
            assertEquals(200, c.readReply().status);
            assertEquals(20, Files.size(strict.root().resolve("slow.bin")));
        }
    }

    private static int send(HttpClient client, HttpRequest request) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** One keep-alive connection written and read byte for byte. */
    static final class Conn implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private byte[] pending = new byte[0];

        Conn(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(20_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        void write(String head, byte[] body) throws IOException {
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
        }

        Thread writeInBackground(String head, byte[] body) {
            Thread t = new Thread(() -> {
                try {
                    write(head, body);
                } catch (IOException e) {
                    // the server closed the connection: expected when it does not read the body
                }
            });
            t.start();
            return t;
        }

        Reply get(String target) throws IOException {
            write("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n", new byte[0]);
            return readReply();
        }

        /** One read() of the socket, as the reply's first bytes arrive. */
        byte[] readOnce() throws IOException {
            byte[] buf = new byte[65536];
            int n = in.read(buf);
            return n < 0 ? new byte[0] : Arrays.copyOf(buf, n);
        }

        /** Reads what is left until the server closes: -1 when nothing more came. */
        int readRest() throws IOException {
            try {
                return in.read(new byte[1]) < 0 && pending.length == 0 ? -1 : 1;
            } catch (SocketException reset) {
                return -1;
            }
        }

        boolean closedByServer() throws IOException {
            socket.setSoTimeout(1);
            try {
                return in.read() < 0;
            } catch (java.net.SocketTimeoutException e) {
                return false;
            } finally {
                socket.setSoTimeout(20_000);
            }
        }

        boolean isOpenToClient() {
            return !socket.isClosed() && socket.isConnected();
        }

        Reply readReply() throws IOException {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            buf.write(pending);
            byte[] chunk = new byte[65536];
            while (indexOfEnd(buf.toByteArray()) < 0) {
                int n = in.read(chunk);
                if (n < 0) {
                    throw new IOException("closed before a reply head: " + buf);
                }
                buf.write(chunk, 0, n);
            }
            byte[] all = buf.toByteArray();
            int end = indexOfEnd(all);
            Reply reply = Reply.head(new String(all, 0, end, StandardCharsets.ISO_8859_1));
            int length = Integer.parseInt(reply.header("content-length") == null ? "0" : reply.header("content-length"));
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(all, end + 4, all.length - end - 4);
            while (body.size() < length) {
                int n = in.read(chunk);
                if (n < 0) {
                    throw new IOException("closed within a reply body");
                }
                body.write(chunk, 0, n);
            }
            byte[] b = body.toByteArray();
            reply.body = Arrays.copyOf(b, length);
            pending = Arrays.copyOfRange(b, length, b.length);
            return reply;
        }

        private static int indexOfEnd(byte[] raw) {
            for (int i = 0; i + 3 < raw.length; i++) {
                if (raw[i] == '\r' && raw[i + 1] == '\n' && raw[i + 2] == '\r' && raw[i + 3] == '\n') {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }

        /** A reply's status, headers (lower-case names) and body. */
        static final class Reply {
            int status;
            final List<String[]> headers = new ArrayList<>();
            byte[] body;

            static Reply head(String text) {
                String[] lines = text.split("\r\n");
                Reply r = new Reply();
                r.status = Integer.parseInt(lines[0].split(" ")[1]);
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    r.headers.add(new String[] {lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim()});
                }
                return r;
            }

            String header(String name) {
                for (String[] h : headers) {
                    if (h[0].equals(name)) {
                        return h[1];
                    }
                }
                return null;
            }
        }
    }
}
