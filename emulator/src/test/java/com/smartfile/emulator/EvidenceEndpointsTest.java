package com.smartfile.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.smartfile.sdk.model.PathInfoPage;
import com.smartfile.sdk.model.Site;
import com.smartfile.sdk.model.SitePage;
import com.smartfile.sdk.model.SshKey;
import com.smartfile.sdk.model.UploadProgress;
import com.smartfile.sdk.model.UserPage;

/** The endpoints found in the evidence (issue 13), at the wire level; every reply validated against the spec. */
class EvidenceEndpointsTest {

    @RegisterExtension
    static final SmartFileEmulatorExtension EMULATOR =
            new SmartFileEmulatorExtension(b -> b.taskDuration(Duration.ZERO));

    /** A real ed25519 public key line (its blob starts with the algorithm's name). */
    static final String ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDsfa6fG5lC3mrTiKPTpPlgNoTk9mILQYzDr84vb7ukK me@host";

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    @Test
    void downloadMultipleStreamsOneZip(SmartFileEmulator e, EmulatorCredentials c) throws IOException {
        TestClient client = TestClient.basic(c);
        client.postForm("api/2/path/oper/mkdir/", "path", "/zipme/sub");
        client.upload("api/2/path/data/zipme/", TestClient.file("file", "a.txt", "alpha"));
        client.upload("api/2/path/data/zipme/sub/", TestClient.file("file", "b.txt", "beta"));
        client.upload("api/2/path/data/", TestClient.file("file", "top.txt", "top"));
        // as the 2023 script: curl -d path=<folder> -d filename=<name>.zip
        Reply zip = client.postForm("api/2/path/oper/downloadmultiple/", "path", "/zipme", "path", "/top.txt",
                "path", "/missing", "filename", "download-12-01.zip");
        assertEquals(200, zip.status, zip::toString);
        assertEquals("application/zip", zip.header("Content-Type"));
        assertTrue(zip.header("Content-Disposition").contains("filename=\"download-12-01.zip\""));
        assertEquals(null, zip.header("Content-Length"), "streamed as it is made");
        Map<String, byte[]> entries = unzip(zip.body);
        assertEquals(List.of("top.txt", "zipme/", "zipme/a.txt", "zipme/sub/", "zipme/sub/b.txt"), List.copyOf(entries.keySet()));
        assertArrayEquals("beta".getBytes(StandardCharsets.UTF_8), entries.get("zipme/sub/b.txt"));
        assertTrue(!Files.exists(e.root().resolve("download-12-01.zip")), "nothing stored");
        // the root's contents go at the top
        assertTrue(unzip(client.postForm("api/2/path/oper/downloadmultiple/", "path", "/").body).containsKey("top.txt"));
        assertEquals(404, client.postForm("api/2/path/oper/downloadmultiple/", "path", "/missing").status);
        assertEquals(List.of("This field is required."), Checks.json(
                client.postForm("api/2/path/oper/downloadmultiple/", "filename", "x.zip"), 400).get("path"));
    }

    @Test
    void deleteRemoveFormRunsATask(SmartFileEmulator e, EmulatorCredentials c) {
        TestClient client = TestClient.basic(c);
        client.postForm("api/2/path/oper/mkdir/", "path", "/gone/deep");
        Map<String, Object> task = Checks.json(client.delete("api/2/path/oper/remove/gone/"), 200);
        assertEquals("Remove", task.get("type"));
        assertEquals("SUCCESS", Checks.await(client, task).status());
        assertTrue(!Files.exists(e.root().resolve("gone")));
        assertEquals(404, client.delete("api/2/path/oper/remove/gone/").status);
        assertEquals(400, client.unvalidated().delete("api/2/path/oper/remove/").status, "never the root");
    }

    @Test
    void uploadProgressFollowsTheUploadUuid(EmulatorCredentials c) {
        TestClient client = TestClient.basic(c);
        String uuid = "9f1466d1-dc3b-4e86-a625-f4b2ce1c1a10";
        String boundary = "b-progress";
        byte[] body = TestClient.multipart(boundary, new TestClient.Part("file", "p.bin", new byte[50_000]));
        Reply up = client.send("POST", "api/2/path/data/", HttpRequest.BodyPublishers.ofByteArray(body),
                "Content-Type", "multipart/form-data; boundary=" + boundary, "X-Upload-UUID", uuid);
        assertEquals(200, up.status);
        UploadProgress done = client.get("api/2/path/progress/" + uuid + "/").as(UploadProgress.class);
        assertEquals("done", done.getState());
        assertEquals((long) body.length, done.getReceived());
        assertEquals((long) body.length, done.getSize());
        // a failed upload reports its status
        Reply failed = client.send("POST", "api/2/path/data/no-such-folder/", HttpRequest.BodyPublishers.ofByteArray(body),
                "Content-Type", "multipart/form-data; boundary=" + boundary, "X-Upload-UUID", "failed-one");
        assertEquals(409, failed.status);
        UploadProgress error = client.get("api/2/path/progress/failed-one/").as(UploadProgress.class);
        assertEquals("error", error.getState());
        assertEquals(409, error.getStatus());
        assertEquals(404, client.get("api/2/path/progress/never-used/").status);
    }

    @Test
    void searchFindsPathsUsersAndGroups(EmulatorCredentials c) {
        TestClient client = TestClient.basic(c);
        client.postForm("api/2/path/oper/mkdir/", "path", "/search/Quarterly Reports");
        client.upload("api/2/path/data/search/Quarterly%20Reports/", TestClient.file("file", "report-q1.pdf", "x"));
        client.upload("api/2/path/data/search/", TestClient.file("file", "notes.txt", "x"));
        PathInfoPage found = client.get("api/2/search/path/?keywords=REPORT").as(PathInfoPage.class);
        assertEquals(List.of("/search/Quarterly Reports", "/search/Quarterly Reports/report-q1.pdf"),
                found.getResults().stream().map(p -> p.getPath()).collect(java.util.stream.Collectors.toList()));
        assertEquals(1L, client.get("api/2/search/path/?keywords=report+q1").as(PathInfoPage.class).getTotal(), "every word");
        PathInfoPage paged = client.get("api/2/search/path/?keywords=report&limit=1&page=2").as(PathInfoPage.class);
        assertEquals(2, paged.getPages());
        assertEquals("report-q1.pdf", paged.getResults().get(0).getName());
        client.postForm("api/2/user/", "username", "bobafett", "name", "Boba Fett", "email", "boba@example.com");
        client.postForm("api/2/group/", "name", "Bounty Hunters");
        UserPage users = client.get("api/2/search/user/?keywords=fett").as(UserPage.class);
        assertEquals("bobafett", users.getResults().get(0).getUsername());
        assertEquals(1L, client.get("api/2/search/group/?keywords=bounty").as(com.smartfile.sdk.model.GroupPage.class)
                .getTotal());
        assertEquals(400, client.get("api/2/search/path/").status);
    }

    @Test
    void watchesOfPathsUsersAndGroups(EmulatorCredentials c) {
        TestClient client = TestClient.basic(c);
        // as the java and objective-c tests: watch the root, list, delete watch/path/
        assertEquals("/", Checks.json(client.postForm("api/2/watch/paths/", "path", "/"), 201).get("path"));
        client.postForm("api/2/path/oper/mkdir/", "path", "/watched dir");
        client.postForm("api/2/watch/paths/", "path", "/watched dir");
        client.postForm("api/2/watch/paths/", "path", "/");
        assertEquals(List.of(Map.of("path", "/"), Map.of("path", "/watched dir")),
                Checks.jsonList(client.get("api/2/watch/paths/"), 200));
        assertEquals(204, client.delete("api/2/watch/path/").status);
        assertEquals(204, client.delete("api/2/watch/path/watched%20dir/").status);
        assertEquals(404, client.delete("api/2/watch/path/watched%20dir/").status);
        assertEquals(List.of(), Checks.jsonList(client.get("api/2/watch/paths/"), 200));
        assertEquals(404, client.postForm("api/2/watch/paths/", "path", "/nope").status);
        client.postForm("api/2/group/", "name", "Users");
        assertEquals(201, client.postForm("api/2/watch/users/", "user", "emulator").status);
        assertEquals(201, client.postForm("api/2/watch/groups/", "group", "Users").status);
        assertEquals(400, client.postForm("api/2/watch/users/", "user", "nobody").status);
        assertEquals(List.of(Map.of("user", "emulator")), Checks.jsonList(client.get("api/2/watch/users/"), 200));
        assertEquals(List.of(Map.of("group", "Users")), Checks.jsonList(client.get("api/2/watch/groups/"), 200));
        assertEquals(204, client.delete("api/2/watch/user/emulator/").status);
        assertEquals(204, client.delete("api/2/watch/group/Users/").status);
        assertEquals(404, client.delete("api/2/watch/group/Users/").status);
    }

    @Test
    void preferencesOfUserAndSite(EmulatorCredentials c) {
        TestClient client = TestClient.basic(c);
        // as the java client's live tests: name=max-per-page&value=10
        assertEquals(Map.of("name", "max-per-page", "value", "10"),
                Checks.json(client.postForm("api/2/pref/site/", "name", "max-per-page", "value", "10"), 200));
        client.postForm("api/2/pref/site/", "name", "theme", "value", "dark");
        client.postForm("api/2/pref/user/", "name", "max-per-page", "value", "25");
        assertEquals(List.of(Map.of("name", "max-per-page", "value", "25")), Checks.jsonList(client.get("api/2/pref/user/"), 200));
        assertEquals(List.of(Map.of("name", "max-per-page", "value", "25"), Map.of("name", "theme", "value", "dark")),
                Checks.jsonList(client.get("api/2/pref/"), 200), "the user's own win over the site's");
        assertEquals(2, Checks.jsonList(client.get("api/2/pref/site/"), 200).size());
        assertEquals(400, client.postForm("api/2/pref/user/", "name", "x").status);
    }

    @Test
    void sitesCrud(EmulatorCredentials c) {
        TestClient client = TestClient.basic(c);
        // as the python client's 2012 tests
        Reply created = client.postForm("api/2/site/", "name", "site1", "industry", "Other", "contact", "Test User",
                "email", "t@example.com", "username", "testuser", "password", "testpass");
        assertEquals(201, created.status);
        assertTrue(!created.text().contains("testpass"));
        assertEquals("Other", client.get("api/2/site/site1/").as(Site.class).getIndustry());
        assertEquals(400, client.postForm("api/2/site/", "name", "site1").status);
        Site renamed = client.postForm("api/2/site/site1/", "name", "site2", "industry", "Personal Use").as(Site.class);
        assertEquals("site2", renamed.getName());
        assertEquals("t@example.com", renamed.getEmail(), "unset fields kept");
        assertEquals(404, client.get("api/2/site/site1/").status);
        SitePage all = client.get("api/2/site/").as(SitePage.class);
        assertEquals(List.of("emulator", "site2"), all.getResults().stream().map(Site::getName)
                .collect(java.util.stream.Collectors.toList()));
        assertEquals(204, client.delete("api/2/site/site2/").status);
        assertEquals(404, client.delete("api/2/site/site2/").status);
        assertEquals(403, client.delete("api/2/site/emulator/").status, "the own site stays");
    }

    @Test
    void sshKeysTakeJsonWithoutTrailingSlash(EmulatorCredentials c) {
        TestClient client = TestClient.basic(c);
        String json = "{\"name\": \"laptop\", \"key\": \"" + ED25519 + "\"}";
        Reply saved = client.send("PUT", "api/3/sshkeys/emulator/laptop", HttpRequest.BodyPublishers.ofString(json),
                "Content-Type", "application/json");
        assertEquals(ED25519, saved.as(SshKey.class).getKey());
        assertEquals(1, Checks.jsonList(client.get("api/3/sshkeys/emulator/"), 200).size());
        assertEquals("laptop", client.get("api/3/sshkeys/emulator/laptop").as(SshKey.class).getName());
        Reply patched = client.send("PATCH", "api/3/sshkeys/emulator/laptop",
                HttpRequest.BodyPublishers.ofString("{\"name\": \"desktop\"}"), "Content-Type", "application/json");
        assertEquals("desktop", patched.as(SshKey.class).getName());
        assertEquals(ED25519, patched.as(SshKey.class).getKey(), "the key is kept");
        assertEquals(404, client.get("api/3/sshkeys/emulator/laptop").status);
        // the older node client's POST to the collection
        Reply added = client.send("POST", "api/3/sshkeys/emulator/", HttpRequest.BodyPublishers.ofString(
                "{\"name\": \"ci\", \"key\": \"" + ED25519 + "\"}"), "Content-Type", "application/json");
        assertEquals(200, added.status);
        Reply bad = client.send("PUT", "api/3/sshkeys/emulator/bad", HttpRequest.BodyPublishers.ofString(
                "{\"key\": \"ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIDsfa6fG5lC3mrTiKPTpPlgNoTk9mILQYzDr84vb7ukK\"}"),
                "Content-Type", "application/json");
        assertEquals(List.of("The key data is not a ssh-rsa key."), Checks.json(bad, 400).get("key"));
        assertEquals(204, client.delete("api/3/sshkeys/emulator/desktop").status);
        assertEquals(404, client.delete("api/3/sshkeys/emulator/desktop").status);
        assertEquals(404, client.get("api/3/sshkeys/nobody/").status);
    }
}
