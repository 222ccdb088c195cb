package com.smartfile.sdk;

import static com.smartfile.sdk.TransferTestSupport.randomBytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/**
 * How a large download moves its bytes, counted rather than timed (issue 11): the socket is read
 * in large reads, the destination written in 64 KiB writes, and Okio's timeout watchdog is not
 * woken for every 8 KiB of the body, while a stalled body still ends at the read timeout.
 */
class TransferIoTest extends MockServerTest {

    private static final int SIZE = 4 * 1024 * 1024;

    private final byte[] data = randomBytes(SIZE, 11);

    /** Records the size of every write. */
    private static final class CountingSink extends OutputStream {
        final List<Integer> writes = new ArrayList<>();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            writes.add(1);
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writes.add(len);
            bytes.write(b, off, len);
        }
    }

    @Test
    void aDownloadToAStreamWritesIt64KiBAtATime() {
        server.setDispatcher(new FileServer(data));
        CountingSink sink = new CountingSink();
        assertEquals(SIZE, client.paths().download("/f.bin", sink));
        assertArrayEquals(data, sink.bytes.toByteArray());
        // One write per 64 KiB: 64 for 4 MiB. Okio hands out at most 8 KiB per read, so writing what
        // each read returned took 512 writes or more (one system call each for a file).
        assertEquals(SIZE / Bodies.CHUNK, sink.writes.size(), "writes: " + sink.writes.size());
        assertTrue(sink.writes.stream().allMatch(n -> n == Bodies.CHUNK), "every write is 64 KiB");
    }

    @Test
    void theSocketIsAskedFor64KiBAtEveryRead() {
        server.setDispatcher(new FileServer(data));
        long reads = ReplyWatch.SOCKET_READS.get();
        long asked = ReplyWatch.SOCKET_READ_ASKED.get();
        assertEquals(SIZE, client.paths().download("/f.bin", OutputStream.nullOutputStream()));
        long n = ReplyWatch.SOCKET_READS.get() - reads;
        long bytesAsked = ReplyWatch.SOCKET_READ_ASKED.get() - asked;
        assertTrue(n > 0, "the download went through the counting socket");
        // Okio alone asks its socket for one 8 KiB segment per read: 512 reads or more for 4 MiB.
        assertTrue(bytesAsked >= n * ReplyWatch.READ_AHEAD, n + " reads asked for " + bytesAsked + " bytes");
    }

    @Test
    void okiosTimeoutWatchdogIsNotWokenForEveryReadOfTheBody() throws Exception {
        server.setDispatcher(new FileServer(data));
        client.paths().download("/warm.bin", OutputStream.nullOutputStream()); // the watchdog thread exists
        long before = watchdogWaits();
        for (int i = 0; i < 4; i++) {
            assertEquals(SIZE, client.paths().download("/f.bin", dir.resolve("f.bin")));
        }
        long waits = watchdogWaits() - before;
        // 16 MiB is 2,048 reads of 8 KiB; a per-read timeout wakes the watchdog about once per read
        // (1,449 times before this was fixed). The calls' own timeouts account for a few waits each.
        assertTrue(waits < 100, "the Okio watchdog waited " + waits + " times during 4 downloads of 4 MiB");
        assertArrayEquals(data, Files.readAllBytes(dir.resolve("f.bin")));
    }

    /**
     * How many times Okio's watchdog thread has waited (JMX {@code ThreadInfo.getWaitedCount}), read
     * reflectively: the tests compile against the SDK's module, which does not read java.management.
     */
    private static long watchdogWaits() throws Exception {
        Class<?> factory = Class.forName("java.lang.management.ManagementFactory");
        Object threads = factory.getMethod("getThreadMXBean").invoke(null);
        Class<?> bean = Class.forName("java.lang.management.ThreadMXBean");
        Class<?> info = Class.forName("java.lang.management.ThreadInfo");
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("Okio Watchdog")) {
                Object ti = bean.getMethod("getThreadInfo", long.class).invoke(threads, t.getId());
                return (long) info.getMethod("getWaitedCount").invoke(ti);
            }
        }
        throw new AssertionError("no Okio Watchdog thread");
    }

    @Test
    void aStalledBodyStillEndsAtTheReadTimeoutAndIsResumed() throws Exception {
        FileServer files = new FileServer(data).stalls(1);
        server.setDispatcher(files);
        Path target = dir.resolve("copy.bin");
        try (SmartFile quick = TransferTestSupport.builder(server, home).readTimeout(Duration.ofMillis(300)).build()) {
            // Only a guard against a hang (a body read with no timeout at all): no timing is asserted.
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> quick.paths().download("/f.bin", target));
        }
        assertArrayEquals(data, Files.readAllBytes(target));
        List<String> ranges = files.ranges();
        assertEquals(2, ranges.size(), "the stalled reply, then the rest: " + ranges);
        assertTrue(ranges.get(1).matches("bytes=[1-9]\\d*-"), ranges.get(1));
    }

    @Test
    void aStalledBodyWithoutResumesFailsWithTheSocketTimeout() {
        server.setDispatcher(new FileServer(data).stalls(1));
        try (SmartFile quick = TransferTestSupport.builder(server, home).readTimeout(Duration.ofMillis(300)).build()) {
            IncompleteDownloadException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> assertThrows(IncompleteDownloadException.class, () -> quick.paths().download("/f.bin",
                            OutputStream.nullOutputStream(), DownloadOptions.builder().maxResumes(0).build())));
            assertNotNull(e.getCause());
            assertInstanceOf(SocketTimeoutException.class, e.getCause(), String.valueOf(e.getCause()));
        }
    }

    @Test
    void anUploadDoesNotWakeOkiosWatchdogForEveryWrite() throws Exception {
        Path file = dir.resolve("up.bin");
        Files.write(file, data);
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                        .body("{\"path\":\"/up.bin\",\"name\":\"up.bin\",\"size\":" + SIZE + ",\"isfile\":true}").build();
            }
        });
        client.paths().download("/warm.bin", OutputStream.nullOutputStream()); // the watchdog thread exists
        long before = watchdogWaits();
        for (int i = 0; i < 2; i++) {
            assertEquals(SIZE, client.paths().uploadAs("/up.bin", UploadSource.of(file)).getSize());
            client.paths().upload("/", UploadSource.of(file));
        }
        long waits = watchdogWaits() - before;
        // 16 MiB sent is 2,048 socket writes of 8 KiB, each timed by Okio on its own: 159 waits before
        // this was fixed (the watchdog sleeps through the writes that find it awake), 8 after.
        assertTrue(waits < 50, "the Okio watchdog waited " + waits + " times during 4 uploads of 4 MiB");
    }

    @Test
    void anUploadTheServerStopsReadingEndsAtTheWriteTimeout() throws Exception {
        Path file = dir.resolve("up.bin");
        Files.write(file, randomBytes(32 * 1024 * 1024, 5));
        // Reads the head, then nothing: once the socket buffers are full, the client's write blocks.
        try (RawServer stuck = new RawServer((socket, raw) -> {
            RawServer.readHead(socket.getInputStream());
            Thread.sleep(60_000);
        }); SmartFile quick = SmartFile.builder().baseUrl(stuck.url("/")).environment(name -> null, home)
                .basicAuth(SmartFileClientTest.KEY, SmartFileClientTest.PASSWORD).retryPolicy(RetryPolicy.none())
                .writeTimeout(Duration.ofMillis(300)).build()) {
            // Only a guard against a hang (a body written with no timeout at all): no timing is asserted.
            TransportException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> assertThrows(TransportException.class, () -> quick.paths().uploadAs("/up.bin", UploadSource.of(file))));
            Throwable t = e;
            while (t != null && !(t instanceof SocketTimeoutException)) {
                t = t.getCause();
            }
            assertNotNull(t, "a write timeout: " + e);
        }
    }

    @Test
    void anUploadLeavesTheClientInWritesOf64KiB() throws Exception {
        Path file = dir.resolve("up.bin");
        Files.write(file, data);
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"path\":\"/up.bin\",\"size\":" + SIZE + "}").build());
        long writes = ReplyWatch.SOCKET_WRITES.get();
        client.paths().uploadAs("/up.bin", UploadSource.of(file));
        long n = ReplyWatch.SOCKET_WRITES.get() - writes;
        assertArrayEquals(data, server.takeRequest().getBody().toByteArray());
        // 64 writes of 64 KiB carry 4 MiB, plus the head; Okio alone writes one 8 KiB segment per
        // system call: 512 and more.
        assertTrue(n >= SIZE / ReplyWatch.READ_AHEAD && n <= SIZE / ReplyWatch.READ_AHEAD + 4, n + " writes");
    }
}
