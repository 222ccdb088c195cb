package com.smartfile.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.smartfile.sdk.model.PathInfo;
import com.smartfile.sdk.model.Task;
import com.smartfile.sdk.model.TaskResult;
import com.smartfile.sdk.model.User;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Waiting for tasks and iterating paged lists, against MockWebServer. */
class TasksAndPagingTest {

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

    private void reply(String json) {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(json).build());
    }

    private static String task(String status, String outcome) {
        return "{\"uuid\":\"t-1\",\"type\":\"Move\",\"result\":{\"status\":\"" + status + "\""
                + (outcome == null ? "" : ",\"result\":" + outcome) + "}}";
    }

    private List<String> targets() throws InterruptedException {
        List<String> out = new ArrayList<>();
        for (RecordedRequest r; (r = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null; ) {
            out.add(r.getMethod() + " " + r.getTarget());
        }
        return out;
    }

    @Test
    void aTaskIsPolledFromPendingThroughProgressToSuccess() throws Exception {
        reply(task("PENDING", null));
        reply(task("PROGRESS", null));
        reply(task("SUCCESS", "{\"checksums\":{\"/a.txt\":\"abc123\"}}"));
        Task done = client.paths().checksum("sha256", "/a.txt").await(Duration.ofSeconds(10));
        assertEquals(TaskResult.Status.SUCCESS, done.getResult().getStatus());
        assertEquals(Map.of("/a.txt", "abc123"), done.getResult().getResult().getChecksums());
        assertEquals(List.of("POST /api/2/path/oper/checksum/", "GET /api/2/task/t-1/", "GET /api/2/task/t-1/"), targets());
    }

    /** The server took {@code md5}, {@code MD5} and {@code SHA512} (spec: checksumPaths' algorithm): any case is accepted. */
    @Test
    void aChecksumAlgorithmIsAcceptedInAnyCase() throws Exception {
        for (String spelled : List.of("SHA512", "MD5", "Sha256", "sha1")) {
            reply(task("PENDING", null));
            client.paths().checksum(spelled, "/a.txt");
            RecordedRequest r = server.takeRequest(10, TimeUnit.SECONDS);
            assertEquals("POST /api/2/path/oper/checksum/", r.getMethod() + " " + r.getTarget());
            String body = r.getBody().utf8();
            assertTrue(body.contains("algorithm=" + spelled.toLowerCase(java.util.Locale.ROOT)), body);
        }
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> client.paths().checksum("crc32", "/a.txt"));
        assertTrue(e.getMessage().contains("crc32"), e.getMessage());
    }

    @Test
    void aFailedTaskListsItsPerPathErrors() {
        reply(task("PENDING", null));
        reply(task("FAILURE", "{\"errors\":{\"/a\":\"Permission denied\"}}"));
        TaskFailedException e = assertThrows(TaskFailedException.class,
                () -> client.paths().move(List.of("/a"), "/b").await(Duration.ofSeconds(10)));
        assertEquals(Map.of("/a", "Permission denied"), e.getErrors());
        assertTrue(e.getMessage().contains("/a: Permission denied"), e.getMessage());
        assertTrue(!(e instanceof TaskPartialFailureException));
    }

    /** Issue 17 (Low): the errors are joined by "; " and the message ends in one full stop, not ".;". */
    @Test
    void aTaskFailureMessageEndsInOneFullStop() {
        reply(task("FAILURE", "{\"errors\":{\"/a\":\"Destination folder does not exist.\",\"/b\":\"Permission denied\"}}"));
        TaskFailedException e = assertThrows(TaskFailedException.class,
                () -> client.paths().move(List.of("/a", "/b"), "/x").await(Duration.ofSeconds(10)));
        String m = e.getMessage();
        assertTrue(m.endsWith("Permission denied.") || m.endsWith("Destination folder does not exist."), m);
        assertFalse(m.contains(".;") || m.contains("..") || m.endsWith(";"), m);
        assertTrue(m.contains("; /"), "the errors are separated: " + m);
    }

    @Test
    void aSuccessWithErrorsIsAPartialFailure() {
        reply(task("SUCCESS", "{\"errors\":{\"/full\":\"Directory is not empty\"}}"));
        TaskPartialFailureException e = assertThrows(TaskPartialFailureException.class,
                () -> client.paths().remove("/full", "/empty").await(Duration.ofSeconds(10)));
        assertEquals(Map.of("/full", "Directory is not empty"), e.getErrors());
        assertEquals(1, server.getRequestCount(), "a task that arrives finished is not polled");
    }

    @Test
    void aTaskStillRunningAtTheDeadlineTimesOutWithItsLastStatus() {
        for (int i = 0; i < 10; i++) {
            reply(task(i == 0 ? "PENDING" : "PROGRESS", null));
        }
        TaskTimeoutException e = assertThrows(TaskTimeoutException.class,
                () -> client.paths().copy(List.of("/a"), "/b").await(Duration.ofMillis(700)));
        assertEquals(TaskResult.Status.PROGRESS, e.getLastSeen().getResult().getStatus());
        assertTrue(e.getMessage().contains("t-1") && e.getMessage().contains("PROGRESS"), e.getMessage());
        int polls = server.getRequestCount() - 1;
        assertTrue(polls >= 2 && polls <= 3, "polls at 200 ms and 400 ms (doubling), then the deadline: " + polls);
    }

    @Test
    void awaitingAsynchronouslyCompletesOrFailsTheFuture() {
        reply(task("PENDING", null));
        reply(task("SUCCESS", null));
        Task done = client.paths().moveAsync(List.of("/a"), "/b")
                .thenCompose(p -> p.awaitAsync(Duration.ofSeconds(10))).join();
        assertEquals(TaskResult.Status.SUCCESS, done.getResult().getStatus());

        reply(task("PENDING", null));
        reply(task("FAILURE", null));
        CompletionException e = assertThrows(CompletionException.class, () -> client.paths().moveAsync(List.of("/a"), "/b")
                .thenCompose(p -> p.awaitAsync(Duration.ofSeconds(10))).join());
        assertInstanceOf(TaskFailedException.class, e.getCause());
    }

    @Test
    void anOlderReplyWithOnlyATaskUrlStillWorks() throws Exception {
        reply("{\"url\":\"/api/2/task/old-9/\",\"status\":\"PENDING\"}");
        reply("{\"uuid\":\"old-9\",\"status\":\"SUCCESS\"}");
        PendingTask pending = client.paths().remove("/x");
        assertEquals("old-9", pending.getUuid());
        pending.await(Duration.ofSeconds(5));
        assertEquals(List.of("POST /api/2/path/oper/remove/", "GET /api/2/task/old-9/"), targets());
    }

    @Test
    void aBadTimeoutIsRejectedBeforeAnyPoll() {
        reply(task("PENDING", null));
        PendingTask p = client.paths().remove("/x");
        assertThrows(InvalidInputException.class, () -> p.await(Duration.ZERO));
        assertEquals(1, server.getRequestCount());
    }

    private static String children(int page, Integer pages, String... names) {
        String items = java.util.Arrays.stream(names).map(n -> "{\"name\":\"" + n + "\",\"path\":\"/d/" + n + "\"}")
                .collect(Collectors.joining(","));
        return "{\"path\":\"/d\",\"isdir\":true,\"page\":" + page + (pages == null ? "" : ",\"pages\":" + pages)
                + ",\"children\":[" + items + "]}";
    }

    @Test
    void listingFetchesTheNextPageOnlyWhenIterationGetsThere() throws Exception {
        reply(children(1, 3, "a", "b"));
        reply(children(2, 3, "c", "d"));
        reply(children(3, 3, "e"));
        PagedIterable<PathInfo> all = client.paths().list("/d", 2);
        assertEquals(0, server.getRequestCount(), "nothing is fetched before iteration");
        Iterator<PathInfo> it = all.iterator();
        assertEquals("a", it.next().getName());
        assertEquals("b", it.next().getName());
        assertEquals(1, server.getRequestCount());
        assertEquals("c", it.next().getName());
        assertEquals(2, server.getRequestCount());
        List<String> rest = new ArrayList<>();
        it.forEachRemaining(p -> rest.add(p.getName()));
        assertEquals(List.of("d", "e"), rest);
        assertEquals(List.of("GET /api/2/path/info/d/?children=true&page=1&limit=2",
                "GET /api/2/path/info/d/?children=true&page=2&limit=2",
                "GET /api/2/path/info/d/?children=true&page=3&limit=2"), targets());
    }

    @Test
    void withoutAPageCountAShortPageEndsTheList() throws Exception {
        reply(children(1, null, "a", "b"));
        reply(children(2, null, "c"));
        assertEquals(List.of("a", "b", "c"), client.paths().list("/d", 2).stream().map(PathInfo::getName).collect(Collectors.toList()));
        assertEquals(2, server.getRequestCount());
        reply(children(1, 0));
        assertEquals(0, client.paths().list("/d").stream().count());
    }

    @Test
    void otherListsPageThroughResults() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"page\":1,\"pages\":2,\"results\":[{\"username\":\"ann\"}]}").build());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"page\":2,\"pages\":2,\"results\":[{\"username\":\"bob\"}]}").build());
        assertEquals(List.of("ann", "bob"), client.users().list().stream().map(User::getUsername).collect(Collectors.toList()));
        assertEquals(List.of("GET /api/2/user/?page=1&limit=100", "GET /api/2/user/?page=2&limit=100"), targets());
    }
}
