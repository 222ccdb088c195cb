package com.smartfile.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

import com.smartfile.emulator.EmulatorCredentials;
import com.smartfile.emulator.Faults;
import com.smartfile.emulator.SmartFileEmulatorExtension;
import com.smartfile.sdk.DownloadOptions;
import com.smartfile.sdk.IncompleteDownloadException;
import com.smartfile.sdk.RetryPolicy;
import com.smartfile.sdk.SmartFile;
import com.smartfile.sdk.UploadSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's scenario end to end: 20 MiB of A, the download cut at 4 MiB, and another writer
 * replacing the file with 20 MiB of B at 3 MiB. The result is all A or all B, never 4 MiB of A
 * followed by B, whatever validators the emulator sends (a strong ETag, or only a Last-Modified of
 * one-second resolution).
 */
class ResumeConsistencyTest {

    @RegisterExtension
    static final SmartFileEmulatorExtension EMULATOR = new SmartFileEmulatorExtension();

    private static final int SIZE = 20 * 1024 * 1024;
    private static final byte[] A = filled((byte) 'A');
    private static final byte[] B = filled((byte) 'B');

    @TempDir
    Path local;

    private static byte[] filled(byte b) {
        byte[] data = new byte[SIZE];
        Arrays.fill(data, b);
        return data;
    }

    @BeforeEach
    void folder(SmartFile client) {
        client.paths().mkdir("/race");
    }

    @AfterEach
    void clearFaults(Faults faults) {
        faults.reset();
    }

    private static SmartFile client(EmulatorCredentials c) {
        return SmartFile.builder().baseUrl(c.baseUrl()).basicAuth(c.key(), c.password())
                .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(20)).build())
                .build();
    }

    /** A progress listener that replaces the file with B once 3 MiB of it arrived. */
    private static DownloadOptions replacingAt3MiB(SmartFile writer, String path) {
        AtomicBoolean replaced = new AtomicBoolean();
        return DownloadOptions.builder().progress((received, total) -> {
            if (received >= 3L * 1024 * 1024 && replaced.compareAndSet(false, true)) {
                writer.paths().uploadAs(path, UploadSource.of(B));
            }
        }).build();
    }

    private static String kind(byte[] got) {
        if (Arrays.equals(got, A)) {
            return "A";
        }
        if (Arrays.equals(got, B)) {
            return "B";
        }
        int firstB = -1;
        for (int i = 0; i < got.length; i++) {
            if (got[i] == 'B') {
                firstB = i;
                break;
            }
        }
        return "mixed or short: " + got.length + " bytes, first B at " + firstB;
    }

    @RepeatedTest(3)
    void aFileReplacedMidDownloadComesWholeNeverMixed(EmulatorCredentials c, Faults faults) throws Exception {
        try (SmartFile client = client(c); SmartFile writer = client(c)) {
            client.paths().uploadAs("/race/f.bin", UploadSource.of(A));
            faults.cutNextDownload(4L * 1024 * 1024);
            Path target = local.resolve("f.bin");

            client.paths().download("/race/f.bin", target, replacingAt3MiB(writer, "/race/f.bin"));

            String kind = kind(Files.readAllBytes(target));
            assertTrue(kind.equals("A") || kind.equals("B"), kind);
        }
    }

    @RepeatedTest(3)
    void toAStreamTheBytesGivenAreOfOneVersion(EmulatorCredentials c, Faults faults) {
        try (SmartFile client = client(c); SmartFile writer = client(c)) {
            client.paths().uploadAs("/race/s.bin", UploadSource.of(A));
            faults.cutNextDownload(4L * 1024 * 1024);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                client.paths().download("/race/s.bin", out, replacingAt3MiB(writer, "/race/s.bin"));
                String kind = kind(out.toByteArray());
                assertTrue(kind.equals("A") || kind.equals("B"), kind);
            } catch (IncompleteDownloadException e) {
                byte[] got = out.toByteArray();
                assertArrayEquals(Arrays.copyOf(A, got.length), got, "what was written is A only");
            }
        }
    }
}
