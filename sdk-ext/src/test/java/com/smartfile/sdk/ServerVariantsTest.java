package com.smartfile.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionException;

import com.smartfile.sdk.model.Task;
import com.smartfile.sdk.model.TaskResult;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replies that SmartFile servers of other generations gave (issue 13's audit; the emulator plays
 * them as variants), against MockWebServer: task states the SDK does not know, task results with
 * and without {@code errors}, plain-text 404s and the older stack's 403 for bad credentials.
 */
class ServerVariantsTest {

    private final MockWebServer server = new MockWebServer();
    private SmartFile client;

    @TempDir
    Path home;

    @BeforeEach
    void start() throws IOException {
        server.start();
        client = SmartFile.builder().baseUrl(server.url("/").toString()).environment(n -> null, home)
                .basicAuth(SmartFileClientTest.KEY, SmartFileClientTest.PASSWORD).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private void reply(int code, String contentType, String body) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", contentType).body(body).build());
    }

    private void json(String body) {
        reply(200, "application/json", body);
    }

    private static String task(String status, String outcome) {
        return "{\"uuid\":\"t-1\",\"type\":\"Remove\",\"result\":{\"status\":\"" + status + "\""
                + (outcome == null ? "" : ",\"result\":" + outcome) + "}}";
    }

    /** Before: the SDK read REVOKED as "still running" and polled until the deadline (TaskTimeoutException). */
    @Test
    void aTaskStateTheSdkDoesNotKnowEndsTheWaitAtOnceWithTheReply() {
        json(task("PENDING", null));
        for (int i = 0; i < 20; i++) {
            json(task("REVOKED", null));
        }
        UnknownTaskStateException e = assertThrows(UnknownTaskStateException.class,
                () -> client.paths().remove("/a").await(Duration.ofSeconds(3)));
        assertEquals(2, server.getRequestCount(), "the operation and one poll");
        assertEquals("REVOKED", e.getStatus());
        assertEquals("REVOKED", e.getTask().getResult().getStatusValue());
        assertTrue(e.getMessage().contains("t-1") && e.getMessage().contains("\"REVOKED\"")
                && e.getMessage().contains("stopped waiting"), e.getMessage());
        assertInstanceOf(InvalidReplyException.class, e);
    }

    /** Before: a poll answered without {@code result} was UNKNOWN, polled until the deadline. */
    @Test
    void aPolledReplyWithoutAStateEndsTheWaitAtOnce() {
        json(task("PENDING", null));
        for (int i = 0; i < 20; i++) {
            json("{\"uuid\":\"t-1\",\"type\":\"Remove\"}");
        }
        UnknownTaskStateException e = assertThrows(UnknownTaskStateException.class,
                () -> client.paths().remove("/a").await(Duration.ofSeconds(3)));
        assertEquals(2, server.getRequestCount());
        assertNull(e.getStatus());
        assertTrue(e.getMessage().contains("names no state"), e.getMessage());

        json(task("PENDING", null));
        json(task("CANCELLED", null));
        CompletionException async = assertThrows(CompletionException.class,
                () -> client.paths().removeAsync("/a").thenCompose(p -> p.awaitAsync(Duration.ofSeconds(3))).join());
        assertInstanceOf(UnknownTaskStateException.class, async.getCause());
        assertEquals(4, server.getRequestCount(), "the asynchronous wait stops at the first such poll too");
    }

    @Test
    void celerysOtherRunningStatesAreWaitedOut() {
        json(task("PENDING", null));
        json(task("STARTED", null));
        json(task("RETRY", null));
        json(task("SUCCESS", "{}"));
        Task done = client.paths().remove("/a").await(Duration.ofSeconds(10));
        assertEquals(TaskResult.Status.SUCCESS, done.getResult().getStatus());
        assertEquals(4, server.getRequestCount());
    }

    /** The operation's own reply may lack a state (only uuid and url): that is polled, not refused. */
    @Test
    void anOperationReplyWithoutAStateIsPolled() {
        json("{\"uuid\":\"t-1\",\"url\":\"/api/2/task/t-1/\"}");
        json(task("SUCCESS", null));
        client.paths().remove("/a").await(Duration.ofSeconds(10));
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void aSuccessWithEmptyErrorsOrWithoutErrorsIsASuccess() {
        for (String outcome : new String[] {"{\"errors\":{}}", "{}", null}) {
            json(task("SUCCESS", outcome));
            Task done = client.paths().remove("/a").await(Duration.ofSeconds(10));
            assertEquals(TaskResult.Status.SUCCESS, done.getResult().getStatus(), String.valueOf(outcome));
        }
    }

    @Test
    void aPlainTextNotFoundIsTheNotFoundException() {
        reply(404, "text/plain", "NOT FOUND");
        NotFoundException e = assertThrows(NotFoundException.class, () -> client.paths().info("/missing"));
        assertTrue(e.getMessage().contains("404") && e.getMessage().contains("NOT FOUND"), e.getMessage());
        assertNull(e.getDetail());
    }

    /** Before: PermissionDeniedException ("ask the account administrator for the right"). */
    @Test
    void theOlderStacks403ForBadCredentialsIsAnAuthenticationFailure() {
        reply(403, "application/json", "{\"detail\": \"You do not have permission to access this resource. You may need to "
                + "login or otherwise authenticate the request.\"}");
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> client.paths().info("/"));
        assertTrue(e.getMessage().contains("check the API key and password"), e.getMessage());
        assertFalse(e.getMessage().contains("ask the account administrator"), e.getMessage());

        // DRF 3's text for a missing right stays a permission failure
        reply(403, "application/json", "{\"detail\": \"You do not have permission to perform this action.\"}");
        assertInstanceOf(PermissionDeniedException.class, assertThrows(ApiException.class, () -> client.paths().info("/")));
    }
}
