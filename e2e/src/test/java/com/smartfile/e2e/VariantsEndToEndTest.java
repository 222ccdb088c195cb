package com.smartfile.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import com.smartfile.emulator.EmulatorCredentials;
import com.smartfile.emulator.Profile;
import com.smartfile.emulator.SmartFileEmulator;
import com.smartfile.emulator.SmartFileEmulatorExtension;
import com.smartfile.emulator.Variant;
import com.smartfile.sdk.ApiException;
import com.smartfile.sdk.AuthenticationException;
import com.smartfile.sdk.ConflictException;
import com.smartfile.sdk.NotFoundException;
import com.smartfile.sdk.RetryPolicy;
import com.smartfile.sdk.SmartFile;
import com.smartfile.sdk.TaskPartialFailureException;
import com.smartfile.sdk.UnknownTaskStateException;
import com.smartfile.sdk.UploadSource;
import com.smartfile.sdk.model.PathInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK against every answer of every emulator {@link Variant}, each set explicitly, so that the
 * branches the variants open (a server that ignores {@code Range}, v3 upload failures as HTTP 200,
 * {@code "errors": {}}, plain-text 404s, the older 403, each throttling header, strict slashes, null
 * keys) run end to end in every profile's run. The whole suite also runs once per profile
 * ({@code e2e/pom.xml}); {@link #theRunsProfileIsTheOneInEffect} checks that the run's profile
 * reached the emulator.
 */
class VariantsEndToEndTest {

    @RegisterExtension
    static final SmartFileEmulatorExtension EMULATOR = new SmartFileEmulatorExtension(b -> b.taskDuration(Duration.ofMillis(20)));

    private static final RetryPolicy QUICK = RetryPolicy.builder().maxAttempts(4).initialBackoff(Duration.ofMillis(10))
            .maxBackoff(Duration.ofMillis(50)).build();

    private static SmartFileEmulator emulator;
    private static SmartFile client;

    @TempDir
    Path local;

    @BeforeAll
    static void start(SmartFileEmulator e, EmulatorCredentials c) {
        emulator = e;
        client = SmartFile.builder().baseUrl(c.baseUrl()).basicAuth(c.key(), c.password()).retryPolicy(QUICK).build();
    }

    @AfterEach
    void backToTheRunsProfile() {
        emulator.variants().reset();
        emulator.faults().reset();
    }

    @org.junit.jupiter.api.AfterAll
    static void close() {
        client.close();
    }

    @Test
    void theRunsProfileIsTheOneInEffect() {
        String named = System.getProperty(SmartFileEmulatorExtension.PROFILE_PROPERTY);
        Profile expected = named == null ? Profile.DRF3_2023 : Profile.of(named);
        assertEquals(expected.variants(), emulator.variants().all(), "profile of this run: " + named);
    }

    @Test
    void aDownloadResumesAgainstAServerThatIgnoresRange() throws Exception {
        emulator.variants().set(Variant.Range.IGNORED);
        byte[] data = new byte[3_000_000];
        new Random(13).nextBytes(data);
        Path stored = Files.write(emulator.root().resolve("ignored-range.bin"), data);
        Files.setLastModifiedTime(stored, FileTime.from(Instant.now().minusSeconds(60)));

        emulator.faults().cutDownloads(2, 700_000);
        long before = emulator.requestCount();
        Path target = local.resolve("ignored-range.bin");
        assertEquals(data.length, client.paths().download("/ignored-range.bin", target));
        assertArrayEquals(data, Files.readAllBytes(target), "to a file: started again from byte 0 on the 200");
        assertEquals(3, emulator.requestCount() - before, "the first request and two asked-for resumes");

        emulator.faults().cutDownloads(1, 1_000_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        client.paths().download("/ignored-range.bin", out);
        assertArrayEquals(data, out.toByteArray(), "to a stream: the bytes already written are skipped in the 200");
    }

    @Test
    void v3UploadFailuresReadTheSameWhetherAnswered200OrByTheirStatus() throws Exception {
        client.paths().mkdir("/v3v");
        client.paths().uploadAs("/v3v/ten.txt", UploadSource.of("0123456789".getBytes(StandardCharsets.US_ASCII)));
        for (Variant.V3UploadFailure v : Variant.V3UploadFailure.values()) {
            emulator.variants().set(v);
            ConflictException conflict = assertThrows(ConflictException.class,
                    () -> client.paths().uploadAs("/v3v/missing/x.bin", UploadSource.of(new byte[] {1, 2, 3})), v.value());
            assertEquals(409, conflict.getStatusCode(), v.value());
            assertTrue(conflict.getMessage().contains("The destination folder does not exist."), conflict.getMessage());
            assertFalse(Files.exists(emulator.root().resolve("v3v/missing")), v.value());

            ApiException past = assertThrows(ApiException.class,
                    () -> client.paths().writeAt("/v3v/ten.txt", 99, UploadSource.of(new byte[] {1}), null), v.value());
            assertEquals(416, past.getStatusCode(), v.value());
            assertEquals("0123456789", Files.readString(emulator.root().resolve("v3v/ten.txt")), v.value());
        }
    }

    @Test
    void aTaskThatSucceededIsASuccessWithOrWithoutAnEmptyErrorsObject() throws Exception {
        for (Variant.TaskSuccess v : Variant.TaskSuccess.values()) {
            emulator.variants().set(v);
            Files.writeString(emulator.root().resolve("gone-" + v.value() + ".txt"), "x");
            client.paths().remove("/gone-" + v.value() + ".txt").await(Duration.ofSeconds(30));
            Files.writeString(emulator.root().resolve("kept-" + v.value() + ".txt"), "x");
            TaskPartialFailureException partial = assertThrows(TaskPartialFailureException.class,
                    () -> client.paths().remove("/kept-" + v.value() + ".txt", "/never-there.txt").await(Duration.ofSeconds(30)));
            assertEquals(List.of("/never-there.txt"), List.copyOf(partial.getErrors().keySet()), v.value());
        }
    }

    @Test
    void errorBodiesOfEveryGenerationGiveTheSameTypedErrors(EmulatorCredentials c) {
        try (SmartFile wrong = SmartFile.builder().baseUrl(c.baseUrl()).basicAuth(c.key(), "w".repeat(30)).build()) {
            for (Variant.ErrorBodies v : Variant.ErrorBodies.values()) {
                emulator.variants().set(v);
                NotFoundException missing = assertThrows(NotFoundException.class, () -> client.paths().info("/no/such"), v.value());
                assertEquals(404, missing.getStatusCode());
                AuthenticationException refused = assertThrows(AuthenticationException.class, wrong::whoami, v.value());
                assertTrue(refused.getMessage().toLowerCase(java.util.Locale.ROOT).contains("api key and password"),
                        refused.getMessage());
            }
        }
    }

    @Test
    void everyThrottlingGenerationIsWaitedOutAndRetried() {
        for (Variant.Throttling v : Variant.Throttling.values()) {
            emulator.variants().set(v);
            emulator.faults().throttle(1, 0.2);
            long before = emulator.requestCount();
            assertTrue(client.paths().info("/").isDirectory(), v.value());
            assertEquals(2, emulator.requestCount() - before, v.value() + ": throttled once, then answered");
        }
    }

    @Test
    void theSdksUrlsSatisfyAStrictServer() throws Exception {
        emulator.variants().set(Variant.TrailingSlash.STRICT);
        client.whoami();
        client.paths().mkdir("/strict/inner");
        client.paths().uploadAs("/strict/inner/a.txt", UploadSource.of("a".getBytes(StandardCharsets.US_ASCII)));
        client.paths().upload("/strict", UploadSource.of("b".getBytes(StandardCharsets.US_ASCII)).named("b.txt"));
        assertEquals(2, client.paths().list("/strict").stream().count());
        client.paths().rename("/strict/b.txt", "/strict/c.txt");
        client.paths().checksum("md5", "/strict/c.txt").await(Duration.ofSeconds(30));
        client.paths().copy(List.of("/strict/c.txt"), "/strict/inner").await(Duration.ofSeconds(30));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        client.paths().download("/strict/inner/c.txt", out);
        assertEquals("b", out.toString(StandardCharsets.US_ASCII));
        client.paths().remove("/strict").await(Duration.ofSeconds(30));
        assertEquals(1, client.users().list().stream().count());
        assertFalse(Files.exists(emulator.root().resolve("strict")));
    }

    @Test
    void uploadRepliesAndNullKeysOfEitherShapeAreRead() throws Exception {
        client.paths().mkdir("/shapes");
        for (Variant.UploadReply reply : Variant.UploadReply.values()) {
            for (Variant.PathInfoNulls nulls : Variant.PathInfoNulls.values()) {
                emulator.variants().set(reply, nulls);
                String name = reply.value() + "-" + nulls.value() + ".txt";
                PathInfo one = client.paths().upload("/shapes", UploadSource.of(new byte[] {7}).named(name));
                assertEquals("/shapes/" + name, one.getPath(), reply + " " + nulls);
                PathInfo info = client.paths().info("/shapes/" + name);
                assertEquals(1L, info.getSize());
                assertNull(info.getOwner());
                assertNull(info.getItems());
            }
        }
    }

    @Test
    void aTaskInAStateTheSdkDoesNotKnowEndsTheWaitAtOnce() throws Exception {
        Files.writeString(emulator.root().resolve("revoked.txt"), "kept");
        emulator.faults().revokeTasks(1);
        long before = emulator.requestCount();
        UnknownTaskStateException e = assertThrows(UnknownTaskStateException.class,
                () -> client.paths().remove("/revoked.txt").await(Duration.ofSeconds(20)));
        assertEquals("REVOKED", e.getStatus());
        assertTrue(emulator.requestCount() - before <= 3, "the operation and a poll or two, not ten minutes of them");
        assertEquals("kept", Files.readString(emulator.root().resolve("revoked.txt")));
    }
}
