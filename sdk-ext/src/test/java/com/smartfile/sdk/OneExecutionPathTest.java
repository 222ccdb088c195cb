package com.smartfile.sdk;

import static com.smartfile.sdk.TransferTestSupport.randomBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of request (typed, raw, upload, download and its resumes) goes through the one retry
 * mechanism: a download's resumes and the retries of its requests share one budget of
 * {@link RetryPolicy#maxAttempts()} requests and wait the backoffs of that one policy. Counted on
 * MockWebServer; the jitter is fixed at 1.0, so each wait equals its ceiling (10 ms, 20 ms, …).
 */
class OneExecutionPathTest {

    private static final int SIZE = 300_000;
    private static final Duration INITIAL = Duration.ofMillis(10);

    private final MockWebServer server = new MockWebServer();
    private final byte[] data = randomBytes(SIZE, 7);
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private SmartFile client;

    @TempDir
    Path home;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = client(RetryPolicy.builder().maxAttempts(3).initialBackoff(INITIAL).maxBackoff(Duration.ofSeconds(1)).build());
    }

    private SmartFile client(RetryPolicy policy) {
        return TransferTestSupport.builder(server, home).retryPolicy(policy).retryWaits(waits::add, () -> 1.0).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static List<Duration> millis(long... ms) {
        Duration[] out = new Duration[ms.length];
        for (int i = 0; i < ms.length; i++) {
            out[i] = Duration.ofMillis(ms[i]);
        }
        return List.of(out);
    }

    @Test
    void aDownloadCutInEveryReplySendsMaxAttemptsRequestsInAllWithTheBackoffsOfOnePolicy() {
        FileServer files = new FileServer(data).cuts(Integer.MAX_VALUE);
        server.setDispatcher(files);

        IncompleteDownloadException e = assertThrows(IncompleteDownloadException.class,
                () -> client.paths().download("/f.bin", dir.resolve("f.bin")));

        assertEquals(3, files.requests.size(), "the first request and two resumes: the policy's 3 attempts");
        assertEquals(millis(10, 20), waits, "one backoff sequence, waited by the one retry mechanism");
        assertTrue(e.getMessage().contains("2 resumes"), e.getMessage());
    }

    @Test
    void resumesThatFindNoServerShareTheBudgetWithTheRetriesOfTheirRequests() {
        FileServer files = new FileServer(data).cuts(1).refuseResumes();
        server.setDispatcher(files);

        assertThrows(IncompleteDownloadException.class, () -> client.paths().download("/f.bin", dir.resolve("f.bin")));

        assertEquals(3, files.requests.size(), "3 requests in all, not 1 + 5 resumes × 3 attempts");
        assertEquals(millis(10, 20), waits);
    }

    @Test
    void aStreamDownloadSharesTheSameBudget() throws Exception {
        FileServer files = new FileServer(data).cuts(Integer.MAX_VALUE);
        server.setDispatcher(files);

        try (InputStream in = client.paths().openDownload("/f.bin")) {
            assertThrows(IncompleteDownloadException.class, in::readAllBytes);
        }

        assertEquals(3, files.requests.size());
        assertEquals(millis(10, 20), waits);
    }

    @Test
    void aDownloadWithinItsBudgetCompletes() throws Exception {
        FileServer files = new FileServer(data).cuts(2);
        server.setDispatcher(files);

        assertEquals(SIZE, client.paths().download("/f.bin", dir.resolve("f.bin")));

        assertEquals(3, files.requests.size());
        assertEquals(millis(10, 20), waits);
    }

    @Test
    void maxResumesStillCapsTheResumesWithinTheBudget() {
        FileServer files = new FileServer(data).cuts(Integer.MAX_VALUE);
        server.setDispatcher(files);

        assertThrows(IncompleteDownloadException.class, () -> client.paths().download("/f.bin", dir.resolve("f.bin"),
                DownloadOptions.builder().maxResumes(1).build()));

        assertEquals(2, files.requests.size());
        assertEquals(millis(10), waits);
    }

    @Test
    void noRetriesMeansNoResumes() {
        client.close();
        client = client(RetryPolicy.none());
        FileServer files = new FileServer(data).cuts(Integer.MAX_VALUE);
        server.setDispatcher(files);

        IncompleteDownloadException e = assertThrows(IncompleteDownloadException.class,
                () -> client.paths().download("/f.bin", dir.resolve("f.bin")));

        assertEquals(1, files.requests.size(), "RetryPolicy.none() sends each request once, a download's included");
        assertEquals(List.of(), waits);
        assertTrue(e.getMessage().contains("maxAttempts"), e.getMessage());
    }

    @Test
    void rawCallsAndUploadsWaitTheSameBackoffs() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(502).build());
        }
        assertThrows(ApiException.class, () -> client.call("GET", "/path/info", "/a", Map.of()));
        assertEquals(3, server.getRequestCount());
        assertEquals(millis(10, 20), waits);

        waits.clear();
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(502).build());
        }
        assertThrows(ApiException.class, () -> client.paths().uploadAs("/a.txt", UploadSource.of(new byte[3])));
        assertEquals(6, server.getRequestCount());
        assertEquals(millis(10, 20), waits);
    }
}
