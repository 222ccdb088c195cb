package com.smartfile.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smartfile.emulator.EmulatorCredentials;
import com.smartfile.emulator.SmartFileEmulator;
import com.smartfile.emulator.SmartFileEmulatorExtension;
import com.smartfile.sdk.AuthenticationException;
import com.smartfile.sdk.ConflictException;
import com.smartfile.sdk.SmartFile;
import com.smartfile.sdk.UploadSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 17 item 2 through the SDK (OkHttp's connection pool): the emulator answers some uploads
 * before reading their bodies (409 into a missing folder, 401 for a wrong password). The SDK must
 * see that answer, and the next call on the same client must work: before the emulator drained or
 * closed such connections, the natural recovery (create the folder) failed on the dead pooled
 * connection.
 */
class EarlyRepliesTest {

    @RegisterExtension
    static final SmartFileEmulatorExtension EMULATOR = new SmartFileEmulatorExtension();

    private static final byte[] BODY = new byte[3 * 1024 * 1024];

    @Test
    void aConflictOnUploadThenMkdirOnTheSameClientWorks(SmartFile client) {
        for (int i = 0; i < 10; i++) {
            String folder = "/early-" + i;
            assertThrows(ConflictException.class, () -> client.paths().upload(folder, UploadSource.of(BODY).named("a.bin")));
            assertThrows(ConflictException.class, () -> client.paths().uploadAs(folder + "/b.bin", UploadSource.of(BODY)));
            assertTrue(client.paths().mkdir(folder).isDirectory(), folder);
            assertEquals((long) BODY.length, client.paths().uploadAs(folder + "/b.bin", UploadSource.of(BODY)).getSize());
        }
    }

    @Test
    void aWrongPasswordIsReportedAsSuchEveryTime(SmartFileEmulator emulator) {
        EmulatorCredentials c = emulator.credentials();
        try (SmartFile wrong = SmartFile.builder().baseUrl(c.baseUrl()).basicAuth(c.key(), "not-" + c.password()).build()) {
            for (int i = 0; i < 5; i++) {
                assertThrows(AuthenticationException.class,
                        () -> wrong.paths().upload("/", UploadSource.of(BODY).named("a.bin")));
                assertThrows(AuthenticationException.class, () -> wrong.paths().mkdir("/never"));
            }
        }
    }
}
