package com.smartfile.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import com.smartfile.emulator.EmulatorCredentials;
import com.smartfile.emulator.Faults;
import com.smartfile.emulator.SmartFileEmulator;
import com.smartfile.emulator.SmartFileEmulatorExtension;
import com.smartfile.emulator.Variant;
import com.smartfile.sdk.ApiException;
import com.smartfile.sdk.DownloadOptions;
import com.smartfile.sdk.IncompleteDownloadException;
import com.smartfile.sdk.NotFoundException;
import com.smartfile.sdk.RetryPolicy;
import com.smartfile.sdk.SmartFile;
import com.smartfile.sdk.TaskFailedException;
import com.smartfile.sdk.TaskPartialFailureException;
import com.smartfile.sdk.ThrottledException;
import com.smartfile.sdk.TransportException;
import com.smartfile.sdk.UploadSource;
import com.smartfile.sdk.model.PathInfo;
import com.smartfile.sdk.model.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fault matrix, end to end: the real client against the emulator's fault injection (cut
 * downloads and uploads, throttle storms, server errors, failing tasks). Request counts come from
 * the emulator ({@link SmartFileEmulator#requestCount()}, {@link Faults#pendingRequestFailures()}),
 * so "retried", "not retried" and "resumed" are facts about the wire, not about timings.
 */
class FaultMatrixTest {

    @RegisterExtension
    static final SmartFileEmulatorExtension EMULATOR = new SmartFileEmulatorExtension(b -> b.taskDuration(Duration.ofMillis(50)));

    /** Short backoffs, so that retries cost little; waits the server asks for are still honoured. */
    private static final RetryPolicy QUICK = RetryPolicy.builder().initialBackoff(Duration.ofMillis(20))
            .maxBackoff(Duration.ofMillis(100)).build();

    @TempDir
    Path local;

    @AfterEach
    void clearFaults(Faults faults) {
        faults.reset();
    }

    private static SmartFile client(EmulatorCredentials c) {
        return SmartFile.builder().baseUrl(c.baseUrl()).basicAuth(c.key(), c.password()).retryPolicy(QUICK).build();
    }

    private static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    /**
     * A download resumes only with a strong validator: without an ETag, a Last-Modified at least a
     * second older than the reply's Date. A file written this very second would be fetched again
     * from byte 0 after a cut instead.
     */
    private static void writtenAMinuteAgo(Path file) throws IOException {
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(60)));
    }

    private static List<String> leftovers(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".smartfile-part")).toList();
        }
    }

    // ------------------------------------------------------------------ downloads

    @Test
    void aDownloadCutTwiceIsResumedToAByteIdenticalFile(EmulatorCredentials c, SmartFileEmulator e, Faults faults)
            throws Exception {
        byte[] data = random(3_000_000, 1);
        writtenAMinuteAgo(Files.write(e.root().resolve("cut-twice.bin"), data));
        Path target = local.resolve("cut-twice.bin");
        try (SmartFile client = client(c)) {
            faults.cutDownloads(2, 700_000);
            long before = e.requestCount();
            long received = client.paths().download("/cut-twice.bin", target,
                    DownloadOptions.builder().checksum("SHA-256", sha256(data)).build());
            assertEquals(data.length, received);
            assertEquals(3, e.requestCount() - before, "the first request and two resumes, no restart");
            assertArrayEquals(data, Files.readAllBytes(target));
            assertEquals(List.of(), leftovers(local));

            faults.cutDownloads(2, 1_000_000);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            client.paths().download("/cut-twice.bin", out);
            assertArrayEquals(data, out.toByteArray(), "to a stream too");

            faults.cutNextDownload(10);
            try (InputStream in = client.paths().openDownload("/cut-twice.bin")) {
                assertArrayEquals(data, in.readAllBytes(), "and as a stream the caller reads");
            }
        }
    }

    @Test
    void resumesThatRunOutFailClearlyAndLeaveTheOldFileAlone(EmulatorCredentials c, SmartFileEmulator e, Faults faults)
            throws Exception {
        byte[] data = random(500_000, 2);
        writtenAMinuteAgo(Files.write(e.root().resolve("always-cut.bin"), data));
        Path target = Files.writeString(local.resolve("always-cut.bin"), "the previous version");
        try (SmartFile client = client(c)) {
            faults.cutDownloads(10, 100_000);
            long before = e.requestCount();
            IncompleteDownloadException failed = assertThrows(IncompleteDownloadException.class,
                    () -> client.paths().download("/always-cut.bin", target, DownloadOptions.builder().maxResumes(2).build()));
            assertEquals(3, e.requestCount() - before, "one request and two resumes");
            // a server that honours Range adds the parts up; one that ignores it (variant range=200)
            // makes each resume start the file again from byte 0
            boolean ranges = e.variants().get(Variant.Range.class) == Variant.Range.PARTIAL;
            assertEquals(ranges ? 300_000 : 100_000, failed.getBytesReceived());
            assertEquals(data.length, failed.getTotalBytes());
            assertTrue(failed.getMessage().contains("/always-cut.bin") && failed.getMessage().contains("2 resumes"),
                    failed.getMessage());
            assertEquals("the previous version", Files.readString(target), "no half-written file replaces it");
            assertEquals(List.of(), leftovers(local), "and no temporary file is left");
        }
    }

    // ------------------------------------------------------------------ uploads

    @Test
    void anUploadCutMidBodyIsRetriedFromAFileAndStoredWhole(EmulatorCredentials c, SmartFileEmulator e, Faults faults)
            throws Exception {
        byte[] data = random(8_000_000, 3);
        Path file = Files.write(local.resolve("whole.bin"), data);
        try (SmartFile client = client(c)) {
            client.paths().mkdir("/up");

            faults.cutNextUpload(64 * 1024);
            long before = e.requestCount();
            PathInfo v3 = client.paths().uploadAs("/up/v3.bin", UploadSource.of(file));
            assertEquals(2, e.requestCount() - before, "v3 PUT: the cut attempt and one retry");
            assertEquals(data.length, v3.getSize());
            assertArrayEquals(data, Files.readAllBytes(e.root().resolve("up/v3.bin")));

            faults.cutNextUpload(64 * 1024);
            before = e.requestCount();
            PathInfo v2 = client.paths().upload("/up", UploadSource.of(file).named("v2.bin"));
            assertEquals(2, e.requestCount() - before, "v2 multipart POST: its body never arrived whole, so it is re-sent");
            assertEquals(data.length, v2.getSize());
            assertArrayEquals(data, Files.readAllBytes(e.root().resolve("up/v2.bin")));
        }
    }

    /** Runs per size of the small cut upload: each must be re-sent every time, not by luck of the timing. */
    private static final int CUT_ROUNDS = 5;

    /**
     * Issue 17, item 3: a v2 multipart upload the emulator cuts after 5,000 bytes, at sizes whose
     * whole body fits the socket buffers (so the client's write never fails and the failure shows
     * on the read). The emulator drops the connection as a dying server does, with request bytes
     * unread, which TCP answers with a reset; the client knows from it that the server cannot have
     * read the whole request and re-sends it, POST or not. Each round uses a client of its own, so
     * the upload goes on a new connection (a pooled one that fails before a reply is re-sent by
     * another rule, and would hide this one). Before the emulator's cut reset the connection, it
     * ended it in order (FIN) and 3 of these 4 sizes failed with "whether the server received it
     * … is unknown".
     */
    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {100_000, 300_000, 1_000_000, 4_000_000})
    void aSmallMultipartUploadCutBeforeAnyReplyIsSentAgainAndStoredOnceAndWhole(int size, EmulatorCredentials c,
            SmartFileEmulator e, Faults faults) throws Exception {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        Path file = Files.write(local.resolve("f.bin"), data);
        String folder = "/cut" + size;
        try (SmartFile client = client(c)) {
            client.paths().mkdir(folder);
        }
        for (int round = 0; round < CUT_ROUNDS; round++) {
            String name = "r" + round + ".bin";
            try (SmartFile client = client(c)) {
                faults.cutNextUpload(5000);
                long before = e.requestCount();
                PathInfo v2 = client.paths().upload(folder, UploadSource.of(file).named(name));
                assertEquals(2, e.requestCount() - before, "round " + round + ": the cut attempt and one re-send");
                assertEquals(size, v2.getSize());
            }
            assertArrayEquals(data, Files.readAllBytes(e.root().resolve(folder.substring(1)).resolve(name)));
        }
        try (var listing = Files.list(e.root().resolve(folder.substring(1)))) {
            assertEquals(CUT_ROUNDS, listing.count(), "each file stored once, no leftovers");
        }
    }

    @Test
    void anUploadCutMidStreamFailsClearlyAndNothingIsStored(EmulatorCredentials c, SmartFileEmulator e, Faults faults)
            throws Exception {
        byte[] data = random(8_000_000, 4);
        try (SmartFile client = client(c)) {
            client.paths().mkdir("/streams");
            for (boolean v3 : new boolean[] {true, false}) {
                faults.cutNextUpload(64 * 1024);
                long before = e.requestCount();
                UploadSource stream = UploadSource.of(new ByteArrayInputStream(data), data.length).named("s.bin");
                TransportException failed = assertThrows(TransportException.class, () -> {
                    if (v3) {
                        client.paths().uploadAs("/streams/s.bin", stream);
                    } else {
                        client.paths().upload("/streams", stream);
                    }
                });
                assertEquals(1, e.requestCount() - before, "a stream is sent once");
                assertTrue(failed.getMessage().contains("can be read only once"), failed.getMessage());
                assertFalse(Files.exists(e.root().resolve("streams/s.bin")), "no partial file was stored");
                assertThrows(NotFoundException.class, () -> client.paths().info("/streams/s.bin"));
            }
            assertEquals("pong", client.ping().getPing());
        }
    }

    // ------------------------------------------------------------------ throttling

    @Test
    void a429StormIsRetriedAfterEachWaitThenEndsWithTheWait(EmulatorCredentials c, SmartFileEmulator e, Faults faults) {
        try (SmartFile client = client(c)) {
            faults.throttle429(10, 1);
            long before = e.requestCount();
            long start = System.nanoTime();
            ThrottledException t = assertThrows(ThrottledException.class, client::whoami);
            long elapsed = System.nanoTime() - start;
            assertEquals(3, e.requestCount() - before, "bounded: the policy's three attempts");
            assertEquals(Duration.ofSeconds(1), t.getRetryAfter());
            assertEquals(429, t.getStatusCode());
            // A lower bound only: the client slept the two waits the server asked for.
            assertTrue(elapsed >= Duration.ofSeconds(2).toNanos(), "slept " + elapsed / 1_000_000 + " ms");
        }
    }

    @Test
    void a503XThrottleStormIsRetriedThenEndsWithTheWait(EmulatorCredentials c, SmartFileEmulator e, Faults faults) {
        try (SmartFile client = client(c)) {
            faults.throttle503(10, 0.2);
            long before = e.requestCount();
            long start = System.nanoTime();
            ThrottledException t = assertThrows(ThrottledException.class, () -> client.paths().info("/"));
            long elapsed = System.nanoTime() - start;
            assertEquals(3, e.requestCount() - before);
            assertEquals(Duration.ofMillis(200), t.getRetryAfter());
            assertEquals(503, t.getStatusCode());
            assertTrue(elapsed >= Duration.ofMillis(400).toNanos(), "slept " + elapsed / 1_000_000 + " ms");
        }
    }

    @Test
    void aThrottledPostIsResentBecauseTheServerDidNotActOnIt(EmulatorCredentials c, SmartFileEmulator e, Faults faults) {
        try (SmartFile client = client(c)) {
            faults.throttle429WaitSeconds(2, 0);
            long before = e.requestCount();
            assertTrue(client.paths().mkdir("/after-throttle").isDirectory());
            assertEquals(3, e.requestCount() - before);
            assertTrue(Files.isDirectory(e.root().resolve("after-throttle")));
        }
    }

    @Test
    void aWaitLongerThanThePolicyAllowsEndsAtOnceWithThatWait(EmulatorCredentials c, SmartFileEmulator e, Faults faults) {
        RetryPolicy patient = QUICK.toBuilder().maxServerWait(Duration.ofMillis(500)).build();
        try (SmartFile client = SmartFile.builder().baseUrl(c.baseUrl()).basicAuth(c.key(), c.password())
                .retryPolicy(patient).build()) {
            faults.throttle429(5, 30);
            long before = e.requestCount();
            ThrottledException t = assertThrows(ThrottledException.class, client::whoami);
            assertEquals(1, e.requestCount() - before, "a 30 s wait is not slept");
            assertEquals(Duration.ofSeconds(30), t.getRetryAfter());
        }
    }

    // ------------------------------------------------------------------ server errors

    @Test
    void a500OnAPostIsNotRetriedButAGetIs(EmulatorCredentials c, SmartFileEmulator e, Faults faults) throws Exception {
        try (SmartFile client = client(c)) {
            faults.failRequests(3);
            ApiException mkdir = assertThrows(ApiException.class, () -> client.paths().mkdir("/five-hundred"));
            assertEquals(500, mkdir.getStatusCode());
            assertNotNull(mkdir.getRequestId(), "the x-unique-id to quote to support");
            assertEquals(2, faults.pendingRequestFailures(), "the POST was sent exactly once");
            assertFalse(Files.exists(e.root().resolve("five-hundred")));

            Path file = Files.write(local.resolve("form.txt"), new byte[] {1, 2, 3});
            assertThrows(ApiException.class, () -> client.paths().upload("/", UploadSource.of(file)));
            assertEquals(1, faults.pendingRequestFailures(), "a multipart POST answered 500 is not re-sent either");

            faults.failRequests(2);
            assertTrue(client.paths().info("/").isDirectory(), "a GET is retried past two 500s");
            assertEquals(0, faults.pendingRequestFailures());

            faults.failRequests(1);
            long before = e.requestCount();
            assertEquals(3L, client.paths().uploadAs("/put-after-500.bin", UploadSource.of(file)).getSize());
            assertEquals(2, e.requestCount() - before, "a v3 PUT from a file is idempotent: retried once");
        }
    }

    // ------------------------------------------------------------------ tasks

    @Test
    void aFailedTaskAndAPartialFailureHandTheirPerPathErrorsToTheCaller(SmartFileEmulator e, Faults faults,
            EmulatorCredentials c) throws Exception {
        Files.createDirectories(e.root().resolve("tasks/dst"));
        Files.writeString(e.root().resolve("tasks/a.txt"), "a");
        Files.writeString(e.root().resolve("tasks/b.txt"), "b");
        Files.writeString(e.root().resolve("tasks/dst/a.txt"), "already there");
        try (SmartFile client = client(c)) {
            faults.failNextTask();
            TaskFailedException failed = assertThrows(TaskFailedException.class,
                    () -> client.paths().checksum("md5", "/tasks/a.txt").await());
            assertFalse(failed instanceof TaskPartialFailureException);
            assertTrue(failed.getErrors().containsKey("/tasks/a.txt"), failed.getErrors().toString());
            assertTrue(failed.getMessage().contains("/tasks/a.txt"), failed.getMessage());

            TaskPartialFailureException partial = assertThrows(TaskPartialFailureException.class,
                    () -> client.paths().copy(List.of("/tasks/a.txt", "/tasks/b.txt"), "/tasks/dst").await());
            assertEquals(List.of("/tasks/a.txt"), List.copyOf(partial.getErrors().keySet()));
            Task task = partial.getTask();
            assertNotNull(task.getResult());
            assertEquals("b", Files.readString(e.root().resolve("tasks/dst/b.txt")), "the other path was copied");
            assertEquals("already there", Files.readString(e.root().resolve("tasks/dst/a.txt")));
        }
    }
}
