package com.smartfile.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.smartfile.emulator.EmulatorCredentials;
import com.smartfile.emulator.SmartFileEmulator;
import com.smartfile.emulator.SmartFileEmulatorExtension;
import com.smartfile.sdk.ConfigurationException;
import com.smartfile.sdk.Credentials;
import com.smartfile.sdk.DownloadOptions;
import com.smartfile.sdk.InvalidInputException;
import com.smartfile.sdk.OAuth1Flow;
import com.smartfile.sdk.RequestToken;
import com.smartfile.sdk.RetryPolicy;
import com.smartfile.sdk.SmartFile;
import com.smartfile.sdk.SmartFileException;
import com.smartfile.sdk.UploadSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input is refused on the client, before anything is sent, with a clear error: one table of
 * cases, each run through the public API against the emulator, which then must have received no
 * request at all ({@link SmartFileEmulator#requestCount()}).
 */
class BadInputTest {

    @RegisterExtension
    static final SmartFileEmulatorExtension EMULATOR = new SmartFileEmulatorExtension(b -> { });

    @TempDir
    static Path tmp;

    /** A case: what it does with a client against the emulator, given its credentials. */
    @FunctionalInterface
    interface Case {
        void run(SmartFile client, EmulatorCredentials c) throws Exception;
    }

    private static final String SHORT = "abc123";
    private static final String LONG_ENOUGH = "x".repeat(30);

    private static Arguments row(String what, Class<? extends SmartFileException> type, Case bad) {
        return Arguments.of(what, type, bad);
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                // ids
                row("null task uuid", InvalidInputException.class, (s, c) -> s.tasks().get(null)),
                row("blank task uuid", InvalidInputException.class, (s, c) -> s.tasks().get("   ")),
                row("empty user name", InvalidInputException.class, (s, c) -> s.users().get("")),
                row("null link uid", InvalidInputException.class, (s, c) -> s.links().delete(null)),
                row("group name with LF", InvalidInputException.class, (s, c) -> s.groups().get("staff\nX-Injected: 1")),
                row("null path", InvalidInputException.class, (s, c) -> s.paths().info(null)),
                // paths
                row("path with CR", InvalidInputException.class, (s, c) -> s.paths().info("/a\rb")),
                row("path with LF", InvalidInputException.class, (s, c) -> s.paths().mkdir("/a\nb")),
                row("path with NUL", InvalidInputException.class, (s, c) -> s.paths().remove("/a\u0000b")),
                row("path with ..", InvalidInputException.class, (s, c) -> s.paths().info("/a/../../etc/passwd")),
                row("move into ..", InvalidInputException.class, (s, c) -> s.paths().move(List.of("/a"), "/x/..")),
                row("download of ..", InvalidInputException.class,
                        (s, c) -> s.paths().download("/..", OutputStream.nullOutputStream())),
                row("upload into ..", InvalidInputException.class,
                        (s, c) -> s.paths().upload("/in/../..", UploadSource.of(new byte[1]).named("f"))),
                row("unpaired surrogate", InvalidInputException.class, (s, c) -> s.paths().info("/a\uD800b")),
                row("name of 256 bytes", InvalidInputException.class, (s, c) -> s.paths().info("/" + "n".repeat(256))),
                row("path of 4,200 characters", InvalidInputException.class, (s, c) -> s.paths().info("/ab".repeat(1400))),
                row("upload name of 300 bytes", InvalidInputException.class,
                        (s, c) -> s.paths().upload("/", UploadSource.of(new byte[1]).named("x".repeat(300)))),
                row("upload name with a slash", InvalidInputException.class,
                        (s, c) -> s.paths().upload("/", UploadSource.of(new byte[1]).named("a/b"))),
                row("download of the root folder", InvalidInputException.class,
                        (s, c) -> s.paths().download("/", tmp.resolve("root"))),
                row("download into a folder", InvalidInputException.class, (s, c) -> s.paths().download("/f", tmp)),
                // the root folder, as an empty variable would give it
                row("remove of \"\"", InvalidInputException.class, (s, c) -> s.paths().remove("")),
                row("remove of /", InvalidInputException.class, (s, c) -> s.paths().remove("/a", "/")),
                // the async form fails its future with the exception the sync form throws (SmartFile's async contract)
                row("remove of // (async)", InvalidInputException.class, (s, c) -> failureOf(s.paths().removeAsync("//"))),
                row("remove of a null array", InvalidInputException.class, (s, c) -> s.paths().remove((String[]) null)),
                row("remove of nothing", InvalidInputException.class, (s, c) -> s.paths().remove()),
                row("checksum of a null array", InvalidInputException.class,
                        (s, c) -> s.paths().checksum("sha256", (String[]) null)),
                row("move of /", InvalidInputException.class, (s, c) -> s.paths().move(List.of("/"), "/x")),
                row("copy of \"\"", InvalidInputException.class, (s, c) -> s.paths().copy(List.of(""), "/x")),
                row("rename of /", InvalidInputException.class, (s, c) -> s.paths().rename("/", "/x")),
                // numbers
                row("negative write offset", InvalidInputException.class,
                        (s, c) -> s.paths().writeAt("/f.bin", -1, UploadSource.of(new byte[1]), null)),
                row("negative stream length", InvalidInputException.class,
                        (s, c) -> s.paths().uploadAs("/f.bin", UploadSource.of(new ByteArrayInputStream(new byte[1]), -1))),
                row("page 0", InvalidInputException.class, (s, c) -> s.paths().listPage("/", 0, 10)),
                row("page size 0", InvalidInputException.class, (s, c) -> s.paths().listPage("/", 1, 0)),
                row("negative exchange expiry", InvalidInputException.class, (s, c) -> s.paths().exchangeUrl("/f", -5)),
                row("negative resumes", InvalidInputException.class, (s, c) -> DownloadOptions.builder().maxResumes(-1)),
                row("zero attempts", InvalidInputException.class, (s, c) -> RetryPolicy.builder().maxAttempts(0)),
                // the raw escape hatch
                row("unknown method in call", InvalidInputException.class, (s, c) -> s.call("FETCH", "/ping", null, null)),
                row("null method in call", InvalidInputException.class, (s, c) -> s.call(null, "/ping", null, null)),
                row("blank endpoint in call", InvalidInputException.class, (s, c) -> s.get(" ", null, null)),
                row("id with .. in call", InvalidInputException.class, (s, c) -> s.get("/path/info", "/a/../b", null)),
                row("file in a GET", InvalidInputException.class,
                        (s, c) -> s.get("/path/info", "/", Map.of("f", new byte[1]))),
                // credentials and configuration
                row("short API key", ConfigurationException.class, (s, c) -> Credentials.basic(SHORT, LONG_ENOUGH)),
                row("short API password", ConfigurationException.class, (s, c) -> Credentials.basic(LONG_ENOUGH, SHORT)),
                row("short OAuth access secret", ConfigurationException.class,
                        (s, c) -> Credentials.oauth1(LONG_ENOUGH, LONG_ENOUGH, LONG_ENOUGH, SHORT)),
                row("blank OAuth verifier", InvalidInputException.class,
                        (s, c) -> OAuth1Flow.builder().baseUrl(c.baseUrl()).clientCredentials(c.clientToken(), c.clientSecret())
                                .build().accessToken(RequestToken.of("token", "secret"), " ")),
                row("malformed netrc", ConfigurationException.class, (s, c) -> {
                    assumeTrue(System.getenv("SMARTFILE_API_KEY") == null && System.getenv("SMARTFILE_CLIENT_TOKEN") == null,
                            "credentials in the environment win over netrc");
                    Path netrc = Files.writeString(tmp.resolve("netrc"), "machine 127.0.0.1 login " + LONG_ENOUGH
                            + " password \"" + SHORT + "-never-closed\n");
                    SmartFile.builder().baseUrl(c.baseUrl()).netrcFile(netrc).build();
                }),
                row("http:// with credentials to another host", ConfigurationException.class,
                        (s, c) -> SmartFile.builder().baseUrl("http://files.example.com/").basicAuth(c.key(), c.password()).build()),
                row("credentials in the base URL", ConfigurationException.class,
                        (s, c) -> SmartFile.builder().baseUrl("https://" + LONG_ENOUGH + ":" + SHORT + "@files.example.com/")
                                .basicAuth(c.key(), c.password()).build()),
                row("base URL that is not http", ConfigurationException.class,
                        (s, c) -> SmartFile.builder().baseUrl("ftp://files.example.com/").basicAuth(c.key(), c.password()).build()),
                row("header injection in the User-Agent suffix", InvalidInputException.class,
                        (s, c) -> SmartFile.builder().userAgentSuffix("app/1\r\nX-Injected: 1")),
                row("API version with ..", InvalidInputException.class, (s, c) -> SmartFile.builder().apiVersion("../3")),
                row("negative read timeout", InvalidInputException.class,
                        (s, c) -> SmartFile.builder().readTimeout(Duration.ofSeconds(-1))),
                row("null upload stream", InvalidInputException.class, (s, c) -> UploadSource.of((InputStream) null)),
                row("upload of a missing file", InvalidInputException.class,
                        (s, c) -> UploadSource.of(tmp.resolve("no-such-file"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void isRefusedBeforeAnyRequestWithAClearError(String what, Class<? extends SmartFileException> type, Case bad,
            SmartFile client, EmulatorCredentials c, SmartFileEmulator emulator) {
        long before = emulator.requestCount();
        SmartFileException e = assertThrows(SmartFileException.class, () -> bad.run(client, c), what);
        assertInstanceOf(type, e, what + ": " + e);
        assertNotNull(e.getMessage());
        assertTrue(e.getMessage().length() > 20 && e.getMessage().length() < 600, what + ": " + e.getMessage());
        assertFalse(e.getMessage().contains(SHORT), "the bad secret is not echoed: " + e.getMessage());
        assertFalse(e.getMessage().contains(c.password()), e.getMessage());
        assertEquals(before, emulator.requestCount(), what + " sent nothing");
    }

    @Test
    void plainHttpToAnotherHostIsAllowedOnlyWhenAskedForAndSendsNothingAtBuildTime(EmulatorCredentials c,
            SmartFileEmulator emulator) throws IOException {
        long before = emulator.requestCount();
        try (SmartFile allowed = SmartFile.builder().baseUrl("http://files.example.com/").basicAuth(c.key(), c.password())
                .allowInsecureHttp(true).build()) {
            assertEquals("http://files.example.com/", allowed.getBaseUrl());
        }
        // Loopback needs no permission: the emulator itself is plain http.
        try (SmartFile local = SmartFile.builder().baseUrl(c.baseUrl()).basicAuth(c.key(), c.password()).build()) {
            assertEquals(c.baseUrl(), local.getBaseUrl());
        }
        assertEquals(before, emulator.requestCount());
    }

    /** What a future failed with, thrown as it is; the future must have failed. */
    private static void failureOf(java.util.concurrent.CompletableFuture<?> future) throws Exception {
        try {
            future.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw (Exception) e.getCause();
        }
        throw new AssertionError("the future did not fail");
    }
}
