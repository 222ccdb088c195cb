package com.smartfile.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Concurrent writers to one path (v2 multipart and v3 PUT) never leave a torn file: every read,
 * during and after, sees exactly one complete upload.
 */
@ExtendWith(SmartFileEmulatorExtension.class)
class ConcurrentUploadTest {

    private static final int WRITERS = 6;
    private static final int SIZE = 512 * 1024;

    private static byte[] payload(int writer) {
        byte[] b = new byte[SIZE];
        Arrays.fill(b, (byte) ('A' + writer));
        b[0] = (byte) writer;
        return b;
    }

    private static int whichUpload(byte[] content) {
        if (content.length != SIZE) {
            return -1;
        }
        int writer = content[0];
        return writer >= 0 && writer < WRITERS && Arrays.equals(content, payload(writer)) ? writer : -1;
    }

    @Test
    void lastCompleteWriteWinsAndReadersNeverSeeATornFile(EmulatorCredentials c, SmartFileEmulator e)
            throws Exception {
        Files.createDirectories(e.root().resolve("race"));
        TestClient client = TestClient.basic(c).unvalidated();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int round = 0; round < 4; round++) {
                        Reply r = writer % 2 == 0
                                ? client.upload("api/2/path/data/race/", new TestClient.Part("file", "same.bin",
                                        payload(writer)))
                                : client.put("api/3/path/data/race/same.bin", payload(writer));
                        assertEquals(200, r.status, r::toString);
                    }
                    return null;
                }));
            }
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    while (writing.get()) {
                        Reply got = client.get("api/2/path/data/race/same.bin/");
                        if (got.status == 404) {
                            continue;
                        }
                        assertEquals(200, got.status);
                        assertTrue(whichUpload(got.body) >= 0, "torn read of " + got.body.length + " bytes");
                        reads.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : writers) {
                f.get();
            }
            writing.set(false);
            for (Future<?> f : readers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Path file = e.root().resolve("race/same.bin");
        assertTrue(whichUpload(Files.readAllBytes(file)) >= 0, "final file is one complete upload");
        assertTrue(reads.get() > 0);
        try (var staged = Files.list(e.root().resolve(PathGuard.STAGING))) {
            assertEquals(0, staged.count());
        }
    }
}
