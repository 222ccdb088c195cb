package com.smartfile.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.smartfile.sdk.SmartFile;
import com.smartfile.sdk.UploadSource;

/** The optional HTTPS listener: a self-signed certificate that {@code sslContext()} (and the extension's client) trust. */
class HttpsTest {

    @RegisterExtension
    static final SmartFileEmulatorExtension EMULATOR = new SmartFileEmulatorExtension(b -> b.https());

    @Test
    void sdkClientFromTheExtensionTalksHttps(SmartFile client, SmartFileEmulator emulator, @TempDir Path dir)
            throws IOException {
        assertTrue(emulator.httpsBaseUrl().matches("https://127\\.0\\.0\\.1:\\d+/"), emulator.httpsBaseUrl());
        long before = emulator.requestCount();
        client.paths().mkdir("/secure");
        client.paths().uploadAs("/secure/a.txt", UploadSource.of("over TLS".getBytes(StandardCharsets.UTF_8)));
        client.paths().download("/secure/a.txt", dir.resolve("a.txt"));
        assertArrayEquals("over TLS".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(dir.resolve("a.txt")));
        assertTrue(client.paths().info("/secure").isDirectory());
        assertTrue(emulator.requestCount() - before >= 4, "the calls reached the emulator");
        assertEquals(emulator.connectionCount(), emulator.noDelayConnectionCount());
    }

    @Test
    void sslContextTrustsTheCertificateAndNothingElseDoes(SmartFileEmulator emulator) throws Exception {
        HttpRequest ping = HttpRequest.newBuilder(URI.create(emulator.httpsBaseUrl() + "api/2/ping/")).build();
        HttpClient trusting = HttpClient.newBuilder().sslContext(emulator.sslContext()).build();
        HttpResponse<String> reply = trusting.send(ping, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reply.statusCode());
        assertEquals("{\"ping\":\"pong\"}", reply.body());

        HttpClient defaults = HttpClient.newHttpClient();
        assertThrows(SSLHandshakeException.class, () -> defaults.send(ping, HttpResponse.BodyHandlers.ofString()));
        // the plain HTTP listener is still there
        HttpResponse<String> plain = defaults.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl()
                + "api/2/ping/")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, plain.statusCode());
    }

    @Test
    void withoutHttpsTheAccessorsSaySo() {
        try (SmartFileEmulator plain = SmartFileEmulator.builder().build().start()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, plain::sslContext);
            assertTrue(e.getMessage().contains("https()"), e.getMessage());
        }
    }
}
