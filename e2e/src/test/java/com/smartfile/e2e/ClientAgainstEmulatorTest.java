package com.smartfile.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.smartfile.emulator.EmulatorCredentials;
import com.smartfile.emulator.Faults;
import com.smartfile.emulator.SmartFileEmulatorExtension;
import com.smartfile.sdk.AccessRights;
import com.smartfile.sdk.AccessToken;
import com.smartfile.sdk.AuthenticationException;
import com.smartfile.sdk.ConflictException;
import com.smartfile.sdk.Credentials;
import com.smartfile.sdk.InvalidInputException;
import com.smartfile.sdk.LinkRequest;
import com.smartfile.sdk.NotFoundException;
import com.smartfile.sdk.OAuth1Flow;
import com.smartfile.sdk.OAuthSignatureMethod;
import com.smartfile.sdk.QuotaRequest;
import com.smartfile.sdk.RequestToken;
import com.smartfile.sdk.RetryPolicy;
import com.smartfile.sdk.SmartFile;
import com.smartfile.sdk.TaskPartialFailureException;
import com.smartfile.sdk.ThrottledException;
import com.smartfile.sdk.UserRequest;
import com.smartfile.sdk.model.AccessRule;
import com.smartfile.sdk.model.Link;
import com.smartfile.sdk.model.PathInfo;
import com.smartfile.sdk.model.Quota;
import com.smartfile.sdk.model.Task;
import com.smartfile.sdk.model.TaskResult;
import com.smartfile.sdk.model.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The SDK against a real peer, the emulator: authentication, paths, tasks, paging, admin objects, retries. */
class ClientAgainstEmulatorTest {

    @RegisterExtension
    static final SmartFileEmulatorExtension EMULATOR = new SmartFileEmulatorExtension(b -> b.taskDuration(Duration.ofMillis(300)));

    private static SmartFile oauthClient(EmulatorCredentials c, OAuthSignatureMethod method, String accessSecret) {
        return SmartFile.builder().baseUrl(c.baseUrl()).oauthSignatureMethod(method)
                .credentials(Credentials.oauth1(c.clientToken(), c.clientSecret(), c.accessToken(), accessSecret)).build();
    }

    @TempDir
    static Path local;

    /** A secret that differs from the real one in its first character. */
    private static String wrong(String secret) {
        return (secret.charAt(0) == 'x' ? 'y' : 'x') + secret.substring(1);
    }

    /** Uploads a small file through the raw escape hatch (multipart, the file's own name). */
    private static void put(SmartFile client, String folder, String name, String content) throws IOException {
        Path file = Files.createDirectories(local.resolve("up-" + System.nanoTime())).resolve(name);
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        client.post("/path/data", folder, Map.of("file", file));
    }

    @Test
    void basicAndBothOAuthSignatureMethodsAuthenticate(SmartFile client, EmulatorCredentials c) {
        assertEquals("pong", client.ping().getPing());
        assertTrue(client.whoami().getUsername() != null && !client.whoami().getUsername().isEmpty(),
                "whoami names the account");
        for (OAuthSignatureMethod method : OAuthSignatureMethod.values()) {
            try (SmartFile oauth = oauthClient(c, method, c.accessSecret())) {
                assertTrue(oauth.paths().info("/").isDirectory(), method + " is accepted");
            }
            try (SmartFile forged = oauthClient(c, method, wrong(c.accessSecret()))) {
                assertThrows(AuthenticationException.class, () -> forged.paths().info("/"), method + " with a wrong secret");
            }
        }
        try (SmartFile wrong = SmartFile.builder().baseUrl(c.baseUrl()).basicAuth(c.key(), wrong(c.password())).build()) {
            AuthenticationException e = assertThrows(AuthenticationException.class, wrong::whoami);
            assertFalse(e.getMessage().contains(c.password().substring(1)));
        }
    }

    @Test
    void theOAuthFlowGetsAnAccessTokenThatWorks(EmulatorCredentials c) throws Exception {
        OAuth1Flow flow = OAuth1Flow.builder().baseUrl(c.baseUrl()).clientCredentials(c.clientToken(), c.clientSecret()).build();
        RequestToken requestToken = flow.requestToken();
        String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(flow.authorizationUrl(requestToken))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String verifier = page.trim(); // the emulator auto-approves and shows the verifier as plain text
        AccessToken access = flow.accessToken(requestToken, verifier);
        try (SmartFile client = SmartFile.builder().baseUrl(c.baseUrl())
                .credentials(Credentials.oauth1(c.clientToken(), c.clientSecret(), access)).build()) {
            assertEquals("pong", client.ping().getPing());
            assertTrue(client.paths().info("/").isDirectory());
        }
    }

    @Test
    void pathsLiveThroughMkdirListingRenameMoveCopyChecksumAndRemove(SmartFile client) throws Exception {
        client.paths().mkdir("/life/in box");
        for (int i = 0; i < 7; i++) {
            put(client, "/life/in box", "f" + i + " \u00e9#?.txt", "content " + i);
        }
        List<String> names = StreamSupport.stream(client.paths().list("/life/in box", 3).spliterator(), false)
                .map(PathInfo::getName).collect(Collectors.toList());
        assertEquals(7, names.size());
        assertTrue(names.contains("f3 \u00e9#?.txt"), names.toString());
        assertEquals(3, client.paths().listPage("/life/in box", 1, 3).getPages());

        PathInfo renamed = client.paths().rename("/life/in box/f0 \u00e9#?.txt", "/life/in box/zero.txt");
        assertEquals("zero.txt", renamed.getName());

        client.paths().mkdir("/life/archive");
        Task moved = client.paths().move(List.of("/life/in box/zero.txt", "/life/in box/f1 \u00e9#?.txt"), "/life/archive").await();
        assertEquals(TaskResult.Status.SUCCESS, moved.getResult().getStatus());
        assertEquals(Set.of("zero.txt", "f1 \u00e9#?.txt"), StreamSupport.stream(client.paths().list("/life/archive").spliterator(), false)
                .map(PathInfo::getName).collect(Collectors.toSet()));

        client.paths().copy(List.of("/life/archive/zero.txt"), "/life").await();
        assertEquals(9L, client.paths().info("/life/zero.txt").getSize());

        Task sums = client.paths().checksum("sha256", "/life/zero.txt").await();
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("content 0".getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, sums.getResult().getResult().getChecksums().values().iterator().next());

        TaskPartialFailureException partial = assertThrows(TaskPartialFailureException.class,
                () -> client.paths().remove("/life/archive", "/life/never-existed").await());
        assertTrue(partial.getErrors().containsKey("/life/never-existed"), partial.getErrors().toString());
        assertThrows(NotFoundException.class, () -> client.paths().info("/life/archive"));

        assertTrue(StreamSupport.stream(client.tasks().list().spliterator(), false).count() >= 4, "tasks are listed");
        client.paths().remove("/life").await();
    }

    @Test
    void transfersHaveAsynchronousForms(SmartFile client) throws Exception {
        byte[] content = new byte[3 * 1024 * 1024];
        new java.util.Random(7).nextBytes(content);
        Path source = Files.write(local.resolve("async.bin"), content);
        List<PathInfo> stored = client.paths().uploadAsync("/async/in", List.of(com.smartfile.sdk.UploadSource.of(source)),
                com.smartfile.sdk.UploadOptions.builder().createFolders(true).build()).get();
        assertEquals((long) content.length, stored.get(0).getSize());
        Path back = local.resolve("async-back.bin");
        long bytes = client.paths().downloadAsync("/async/in/async.bin", back, com.smartfile.sdk.DownloadOptions.defaults()).get();
        assertEquals(content.length, bytes);
        assertTrue(java.util.Arrays.equals(content, Files.readAllBytes(back)));
        java.util.concurrent.ExecutionException missing = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> client.paths().downloadAsync("/async/none.bin", local.resolve("none"), com.smartfile.sdk.DownloadOptions.defaults()).get());
        assertTrue(missing.getCause() instanceof NotFoundException, String.valueOf(missing.getCause()));
        assertFalse(Files.exists(local.resolve("none")));
    }

    @Test
    void serverErrorsArriveAsTypedExceptions(SmartFile client) {
        assertThrows(ConflictException.class, () -> put(client, "/no/such/folder", "a.txt", "x"));
        assertThrows(NotFoundException.class, () -> client.tasks().get("no-such-task"));
        assertThrows(NotFoundException.class, () -> client.paths().info("/nowhere/at/all"));
        assertThrows(InvalidInputException.class, () -> client.paths().info("/a/../../etc/passwd"));
    }

    @Test
    void throttlingIsRetriedUntilTheAttemptsRunOut(SmartFile client, Faults faults, EmulatorCredentials c) {
        faults.throttle503(2, 0.01);
        assertEquals("pong", client.ping().getPing(), "two throttled replies, then the third attempt succeeds");
        faults.throttle503(3, 0.02);
        ThrottledException e = assertThrows(ThrottledException.class, client::whoami);
        assertEquals(Duration.ofMillis(20), e.getRetryAfter());
        faults.reset();
        try (SmartFile once = SmartFile.builder().baseUrl(c.baseUrl()).basicAuth(c.key(), c.password())
                .retryPolicy(RetryPolicy.none()).build()) {
            faults.throttle429(1, 0);
            assertThrows(ThrottledException.class, once::whoami);
        }
        faults.reset();
    }

    @Test
    void adminObjectsRoundTrip(SmartFile client) {
        User ann = client.users().create(UserRequest.builder().username("ann").name("Ann Example").email("ann@example.com")
                .password("correct horse battery staple").role("User").build());
        assertEquals("ann", ann.getUsername());
        assertEquals("Ann Example", client.users().get("ann").getName());
        assertEquals("Ann E.", client.users().update("ann", UserRequest.builder().name("Ann E.").build()).getName());
        assertTrue(client.users().list().stream().anyMatch(u -> "ann".equals(u.getUsername())));

        client.groups().create("editors", List.of("ann"));
        assertEquals("editors", client.groups().get("editors").getName());
        client.roles().create("Uploader", List.of("ftp_access"));
        assertEquals("Uploader", client.roles().get("Uploader").getName());

        client.paths().mkdir("/shared");
        AccessRule rule = client.access().grantUser("ann", "/shared", AccessRights.readOnly());
        assertEquals(rule.getId(), client.access().userRule("ann", rule.getId()).getId());
        assertTrue(client.access().userRules("ann").stream().anyMatch(r -> rule.getId().equals(r.getId())));
        client.access().revokeUserRule("ann", rule.getId());
        assertThrows(NotFoundException.class, () -> client.access().userRule("ann", rule.getId()));

        Link link = client.links().create(LinkRequest.builder().path("/shared").name("share").rights(AccessRights.readOnly()).build());
        assertEquals("share", client.links().get(link.getUid()).getName());
        client.links().delete(link.getUid());
        assertThrows(NotFoundException.class, () -> client.links().get(link.getUid()));

        Quota q = client.quotas().setUser("ann", QuotaRequest.builder().enforcement("notify").interval("monthly")
                .diskBytesLimit(1_000_000).build());
        assertEquals(1_000_000L, q.getDiskBytesLimit());
        client.quotas().deleteUser("ann");

        client.groups().delete("editors");
        client.roles().delete("Uploader");
        client.users().delete("ann");
        assertThrows(NotFoundException.class, () -> client.users().get("ann"));
    }
}
