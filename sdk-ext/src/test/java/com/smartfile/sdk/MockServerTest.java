package com.smartfile.sdk;

import java.io.IOException;
import java.nio.file.Path;

import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the transfer tests against MockWebServer set up alike: a started server, a client aimed at it
 * ({@link TransferTestSupport#builder}), an empty home for credentials lookup and a folder for local
 * files; the client and server are closed after each test.
 */
abstract class MockServerTest {

    final MockWebServer server = new MockWebServer();
    SmartFile client;

    @TempDir
    Path home;

    @TempDir
    Path dir;

    @BeforeEach
    void startServerAndClient() throws IOException {
        server.start();
        client = TransferTestSupport.builder(server, home).build();
    }

    @AfterEach
    void closeClientAndServer() {
        client.close();
        server.close();
    }
}
