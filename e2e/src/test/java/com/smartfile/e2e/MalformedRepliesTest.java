package com.smartfile.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;

import com.smartfile.sdk.ApiException;
import com.smartfile.sdk.InvalidReplyException;
import com.smartfile.sdk.NotFoundException;
import com.smartfile.sdk.RetryPolicy;
import com.smartfile.sdk.SmartFile;
import com.smartfile.sdk.SmartFileException;
import com.smartfile.sdk.TransportException;
import com.smartfile.sdk.ValidationException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replies no well-behaved server sends, each of which must become a clear, typed error: truncated
 * JSON, an HTML error page, an empty JSON body, a 10 MB error body, a Content-Length that lies.
 * The emulator only sends well-formed replies, so these come from MockWebServer, which can be told
 * to send exactly these bytes.
 */
class MalformedRepliesTest {

    private static final String KEY = "k".repeat(30);
    private static final String PASSWORD = "p".repeat(30);

    private MockWebServer server;
    private SmartFile client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        // No retries: each reply below is answered to exactly one request.
        client = SmartFile.builder().baseUrl(server.url("/").toString()).basicAuth(KEY, PASSWORD)
                .retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    /** The message names the request and does not dump the reply. */
    private static void assertClear(SmartFileException e, String path) {
        assertTrue(e.getMessage().contains(path), e.getMessage());
        assertTrue(e.getMessage().length() < 1000, "a bounded message, got " + e.getMessage().length() + " chars");
    }

    @Test
    void truncatedJson() {
        server.enqueue(json(200, "{\"name\": \"report.pdf\", \"size\": 12"));
        InvalidReplyException ok = assertThrows(InvalidReplyException.class, () -> client.paths().info("/report.pdf"));
        assertClear(ok, "/api/2/path/info/report.pdf/");
        assertTrue(ok.getMessage().contains("may have taken effect"), ok.getMessage());

        server.enqueue(json(400, "{\"detail\": \"Bad pa"));
        ValidationException bad = assertThrows(ValidationException.class, () -> client.paths().info("/x"));
        assertTrue(bad.getMessage().contains("Bad pa"), "the text stands in for the broken JSON: " + bad.getMessage());
        assertEquals("{\"detail\": \"Bad pa", bad.getRawBody());
    }

    @Test
    void htmlErrorPage() {
        String page = "<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body><h1>Down for "
                + "maintenance</h1>" + "<p>back soon</p>".repeat(200) + "</body></html>";
        server.enqueue(new MockResponse.Builder().code(500).addHeader("Content-Type", "text/html").body(page).build());
        ApiException down = assertThrows(ApiException.class, () -> client.whoami());
        assertEquals(500, down.getStatusCode());
        assertTrue(down.getMessage().contains("Service Unavailable"), down.getMessage());
        assertClear(down, "/api/2/whoami/");

        // A proxy's HTML page with a 200 where JSON was expected.
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html").body(page).build());
        InvalidReplyException notJson = assertThrows(InvalidReplyException.class, () -> client.whoami());
        assertClear(notJson, "/api/2/whoami/");
    }

    @Test
    void emptyBodyLabelledJson() {
        server.enqueue(json(200, ""));
        InvalidReplyException empty = assertThrows(InvalidReplyException.class, () -> client.paths().info("/e"));
        assertClear(empty, "/api/2/path/info/e/");

        server.enqueue(json(404, ""));
        NotFoundException missing = assertThrows(NotFoundException.class, () -> client.paths().info("/e"));
        assertTrue(missing.getMessage().contains("no detail given"), missing.getMessage());

        server.enqueue(json(200, ""));
        assertEquals(null, client.get("/whoami", null, null), "the raw escape hatch reads an empty JSON body as null");
    }

    @Test
    void tenMegabyteErrorBodyIsKeptCapped() {
        Buffer huge = new Buffer().writeUtf8("{\"detail\": \"");
        for (int i = 0; i < 10 * 1024; i++) {
            huge.writeUtf8("x".repeat(1024));
        }
        huge.writeUtf8("\"}");
        server.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json").body(huge).build());
        ValidationException e = assertThrows(ValidationException.class, () -> client.paths().info("/big"));
        assertTrue(e.getRawBody().length() <= 4096, "kept: " + e.getRawBody().length());
        assertClear(e, "/api/2/path/info/big/");

        Buffer text = new Buffer();
        for (int i = 0; i < 10 * 1024; i++) {
            text.writeUtf8("y".repeat(1024));
        }
        server.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/plain").body(text).build());
        ApiException gateway = assertThrows(ApiException.class, () -> client.paths().info("/big"));
        assertTrue(gateway.getRawBody().length() <= 4096);
        assertClear(gateway, "/api/2/path/info/big/");
        assertEquals("pong", pingAfter(), "the client still works");
    }

    @Test
    void contentLengthLongerThanTheBody() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"name\": \"a\"}").setHeader("Content-Length", 500)
                .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build());
        // As the client sees it, a connection dropped in the middle of the reply.
        TransportException e = assertThrows(TransportException.class, () -> client.paths().info("/a"));
        assertClear(e, "/api/2/path/info/a/");
        assertTrue(e.getMessage().contains("ended early") && e.getMessage().contains("announced more bytes"), e.getMessage());
        assertEquals("pong", pingAfter());
    }

    @Test
    void contentLengthShorterThanTheBody() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"name\": \"abcdef\"}").setHeader("Content-Length", 12)
                .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build());
        // The client reads only the announced 12 bytes: broken JSON.
        InvalidReplyException e = assertThrows(InvalidReplyException.class, () -> client.paths().info("/a"));
        assertClear(e, "/api/2/path/info/a/");
    }

    @Test
    void jsonOfTheWrongShape() {
        server.enqueue(json(200, "[1, 2, 3]"));
        InvalidReplyException e = assertThrows(InvalidReplyException.class, () -> client.paths().info("/a"));
        assertClear(e, "/api/2/path/info/a/");
        server.enqueue(json(200, "{\"name\": \"a\", \"time\": \"yesterday\"}"));
        InvalidReplyException time = assertThrows(InvalidReplyException.class, () -> client.paths().info("/a"));
        assertTrue(time.getMessage().contains("yesterday"), time.getMessage());
    }

    @Test
    void theConnectionDroppedBeforeAnyReply() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        TransportException e = assertThrows(TransportException.class, () -> client.whoami());
        assertClear(e, "/api/2/whoami/");
    }

    private String pingAfter() {
        server.enqueue(json(200, "{\"ping\": \"pong\"}"));
        return client.ping().getPing();
    }
}
