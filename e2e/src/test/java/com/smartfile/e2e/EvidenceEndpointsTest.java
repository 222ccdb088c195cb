package com.smartfile.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.smartfile.emulator.EmulatorCredentials;
import com.smartfile.emulator.SmartFileEmulator;
import com.smartfile.emulator.SmartFileEmulatorExtension;
import com.smartfile.sdk.InvalidInputException;
import com.smartfile.sdk.NotFoundException;
import com.smartfile.sdk.SiteRequest;
import com.smartfile.sdk.SmartFile;
import com.smartfile.sdk.UploadSource;
import com.smartfile.sdk.ValidationException;
import com.smartfile.sdk.model.PathInfo;
import com.smartfile.sdk.model.Preference;
import com.smartfile.sdk.model.Site;
import com.smartfile.sdk.model.SshKey;
import com.smartfile.sdk.model.UploadProgress;
import com.smartfile.sdk.model.Watch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The services of the endpoints found in the evidence (issue 13), end to end through the emulator. */
class EvidenceEndpointsTest {

    @RegisterExtension
    static final SmartFileEmulatorExtension EMULATOR = new SmartFileEmulatorExtension(b -> b.taskDuration(Duration.ZERO));

    @TempDir
    static Path local;

    static final String ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDsfa6fG5lC3mrTiKPTpPlgNoTk9mILQYzDr84vb7ukK me@host";

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    @Test
    void downloadZipStreamsAFolderToAFileOrAStream(SmartFile client, SmartFileEmulator emulator) throws IOException {
        client.paths().mkdir("/zip/sub");
        client.paths().upload("/zip", UploadSource.of("alpha".getBytes(StandardCharsets.UTF_8)).named("a.txt"));
        client.paths().upload("/zip/sub", UploadSource.of("beta".getBytes(StandardCharsets.UTF_8)).named("b.txt"));
        Path target = local.resolve("folder.zip");
        long written = client.paths().downloadZip(target, "/zip");
        assertEquals(Files.size(target), written);
        assertEquals(Map.of("zip/", "", "zip/a.txt", "alpha", "zip/sub/", "", "zip/sub/b.txt", "beta"),
                unzip(Files.readAllBytes(target)));
        try (var listing = Files.list(local)) {
            assertEquals(List.of(target), listing.filter(p -> p.getFileName().toString().contains("folder.zip"))
                    .collect(Collectors.toList()), "no temporary file left beside it");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        client.paths().downloadZip(out, "/zip/a.txt", "/zip/sub");
        assertEquals(Map.of("a.txt", "alpha", "sub/", "", "sub/b.txt", "beta"), unzip(out.toByteArray()));
        // nothing to zip: a typed error, and the old target is left as it was
        byte[] before = Files.readAllBytes(target);
        assertThrows(NotFoundException.class, () -> client.paths().downloadZip(target, "/no-such-thing"));
        assertArrayEquals(before, Files.readAllBytes(target));
        long requests = emulator.requestCount();
        assertThrows(InvalidInputException.class, () -> client.paths().downloadZip(target));
        assertThrows(InvalidInputException.class, () -> client.paths().downloadZip(local, "/zip"), "a folder as target");
        assertEquals(requests, emulator.requestCount(), "bad input sends nothing");
    }

    @Test
    void deleteRemovesOnePathThroughTheDeleteForm(SmartFile client) {
        client.paths().mkdir("/del/inner");
        client.paths().delete("/del").await();
        assertThrows(NotFoundException.class, () -> client.paths().info("/del"));
        assertThrows(NotFoundException.class, () -> client.paths().delete("/del"));
        InvalidInputException root = assertThrows(InvalidInputException.class, () -> client.paths().delete("/"));
        assertTrue(root.getMessage().contains("root"), root.getMessage());
    }

    @Test
    void uploadProgressIsReadByItsUuid(SmartFile client, EmulatorCredentials c) throws Exception {
        String boundary = "sdk-progress";
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nhello progress\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        String auth = "Basic " + Base64.getEncoder().encodeToString((c.key() + ":" + c.password()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> up = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(c.baseUrl() + "api/2/path/data/"))
                .header("Authorization", auth).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-Upload-UUID", "e2e-progress-1").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, up.statusCode(), up.body());
        UploadProgress p = client.paths().progress("e2e-progress-1");
        assertEquals("done", p.getState());
        assertEquals((long) body.length, p.getReceived());
        assertThrows(NotFoundException.class, () -> client.paths().progress("never-used"));
        // the SDK's own multipart upload names itself with UploadOptions.uploadId
        client.paths().upload("/", UploadSource.of(new byte[70_000]).named("named.bin"),
                com.smartfile.sdk.UploadOptions.builder().uploadId("e2e-progress-2").build());
        UploadProgress named = client.paths().progress("e2e-progress-2");
        assertEquals("done", named.getState());
        assertTrue(named.getReceived() > 70_000, "the whole multipart body was counted: " + named.getReceived());
        assertThrows(InvalidInputException.class, () -> client.paths().progress(" "));
    }

    @Test
    void searchWatchPreferencesSitesAndSshKeys(SmartFile client) {
        client.paths().mkdir("/found/Annual Report");
        client.paths().upload("/found", UploadSource.of(new byte[] {1}).named("report.pdf"));
        List<String> hits = StreamSupport.stream(client.search().paths("report").spliterator(), false)
                .map(PathInfo::getPath).collect(Collectors.toList());
        assertEquals(List.of("/found/Annual Report", "/found/report.pdf"), hits);
        assertEquals(2L, client.search().pathsPage("report", 1, 1).getTotal());
        assertEquals("emulator", client.search().users("emulator").iterator().next().getUsername());
        assertFalse(client.search().groups("no-such-group").iterator().hasNext());

        Watch w = client.watches().watchPath("/found");
        assertEquals("/found", w.getPath());
        assertEquals(List.of("/found"), client.watches().paths().stream().map(Watch::getPath).collect(Collectors.toList()));
        client.watches().unwatchPath("/found");
        assertTrue(client.watches().paths().isEmpty());
        client.watches().watchUser("emulator");
        assertEquals("emulator", client.watches().users().get(0).getUser());
        client.watches().unwatchUser("emulator");
        assertThrows(ValidationException.class, () -> client.watches().watchGroup("nobody"));

        Preference set = client.preferences().setSite("max-per-page", "10");
        assertEquals("10", set.getValue());
        client.preferences().setUser("max-per-page", "25");
        assertEquals("25", client.preferences().list().get(0).getValue());
        assertEquals("10", client.preferences().site().get(0).getValue());
        assertEquals(1, client.preferences().user().size());

        Site site = client.sites().create(SiteRequest.builder().name("branch").industry("Other").username("admin")
                .password("secret-admin-pass").build());
        assertEquals("branch", site.getName());
        assertEquals("Personal Use", client.sites().update("branch", SiteRequest.builder().industry("Personal Use").build())
                .getIndustry());
        List<String> names = new ArrayList<>();
        client.sites().list().forEach(s -> names.add(s.getName()));
        assertEquals(List.of("emulator", "branch"), names);
        client.sites().delete("branch");
        assertThrows(NotFoundException.class, () -> client.sites().get("branch"));
        assertThrows(InvalidInputException.class, () -> client.sites().create(SiteRequest.builder().industry("x").build()));
        assertFalse(SiteRequest.builder().password("secret-admin-pass").build().toString().contains("secret-admin-pass"));

        SshKey saved = client.sshKeys().save("emulator", SshKey.builder().name("laptop").key(ED25519).build());
        assertEquals(ED25519, saved.getKey());
        assertEquals("laptop", client.sshKeys().get("emulator", "laptop").getName());
        assertEquals("desktop", client.sshKeys().update("emulator", "laptop", SshKey.builder().name("desktop").build()).getName());
        assertEquals(List.of("desktop"), client.sshKeys().list("emulator").stream().map(SshKey::getName).collect(Collectors.toList()));
        assertThrows(ValidationException.class, () -> client.sshKeys().save("emulator",
                SshKey.builder().name("bad").key("ssh-rsa not-base64!").build()));
        client.sshKeys().delete("emulator", "desktop");
        assertTrue(client.sshKeys().list("emulator").isEmpty());
        assertThrows(InvalidInputException.class, () -> client.sshKeys().save("emulator", null));
        assertThrows(InvalidInputException.class, () -> client.sshKeys().save("emulator", SshKey.builder().key(ED25519).build()));
    }
}
