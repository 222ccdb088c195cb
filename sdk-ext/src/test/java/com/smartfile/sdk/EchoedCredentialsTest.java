package com.smartfile.sdk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that echoes the request's headers into a 400 body: what the client computed from its
 * credentials (the Basic value, the OAuth header and signature) is masked in the exception and in
 * the wire log, as the raw secrets are.
 */
class EchoedCredentialsTest {

    private final MockWebServer server = new MockWebServer();
    private final List<String> sent = new ArrayList<>();

    @TempDir
    Path home;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String headers = request.getHeaders().toString()
                        + (request.getBody() == null ? "" : "\nbody: " + request.getBody().utf8());
                synchronized (sent) {
                    sent.add(request.getHeaders().get("Authorization"));
                }
                String echoed = headers.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " | ");
                return new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
                        .body("{\"detail\": \"Bad request. You sent: " + echoed + "\"}").build();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String failureAndLog(SmartFile client) {
        try (LogCapture log = LogCapture.of("com.smartfile.sdk.wire"); client) {
            ValidationException e = assertThrows(ValidationException.class, () -> client.paths().info("/a"));
            return e.getMessage() + "\n" + e.getRawBody() + "\n" + e.getDetail() + "\n" + String.join("\n", log.messages());
        }
    }

    @Test
    void theBasicValueAndItsDecodedFormAreMasked() {
        String shown = failureAndLog(TransferTestSupport.builder(server, home).logLevel(LogLevel.BODY).build());

        String token = Base64.getEncoder().encodeToString((SmartFileClientTest.KEY + ":" + SmartFileClientTest.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        assertTrue(sent.get(0).endsWith(token), "the server did get the credentials: " + sent);
        assertTrue(shown.contains("You sent"), shown);
        assertFalse(shown.contains(token), shown);
        assertFalse(shown.contains(token.substring(0, 12)), shown);
        assertFalse(shown.contains(SmartFileClientTest.PASSWORD), shown);
        assertTrue(shown.contains("Authorization: " + Redaction.MASK), "still says what was masked: " + shown);
    }

    @Test
    void secretFormFieldsTheRequestSentAreMasked() {
        String password = "n3w+Us3r&Passw0rd n3wUs3r";
        try (SmartFile client = TransferTestSupport.builder(server, home).build()) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> client.post("/users/", null, Map.of("name", "ann", "password", password)));
            String shown = e.getMessage() + "\n" + e.getRawBody() + "\n" + e.getDetail();
            assertTrue(shown.contains("name=ann"), "the rest of the echoed form is kept: " + shown);
            assertFalse(shown.contains(password), shown);
            assertFalse(shown.contains(URLEncoder.encode(password, StandardCharsets.UTF_8)), shown);
            assertFalse(shown.contains(password.replace(" ", "%20").replace("+", "%2B").replace("&", "%26")), shown);
        }
    }

    @Test
    void theOAuthHeaderAndSignatureAreMasked() {
        String clientSecret = "cs3cr3tcs3cr3tcs3cr3tcs3cr3tcs3";
        String accessSecret = "as3cr3tas3cr3tas3cr3tas3cr3tas3";
        String shown = failureAndLog(TransferTestSupport.builder(server, home)
                .credentials(Credentials.oauth1("ctokenctokenctokenctokenctoken", clientSecret, "atokenatokenatokenatokenatoken",
                        accessSecret))
                .logLevel(LogLevel.BODY).build());

        String signature = sent.get(0).replaceAll(".*oauth_signature=\"([^\"]+)\".*", "$1");
        assertTrue(signature.length() > 8, sent.toString());
        assertFalse(shown.contains(signature), shown);
        assertFalse(shown.contains(URLEncoder.encode(clientSecret + "&" + accessSecret, StandardCharsets.UTF_8)), shown);
        assertFalse(shown.contains(clientSecret) || shown.contains(accessSecret), shown);
        assertTrue(shown.contains("User-Agent: SmartFile-Java-SDK"), "the rest of the echo is kept: " + shown);
    }
}
