package com.smartfile.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing outside the root is ever read or written: raw requests with {@code ..}, encoded
 * traversal, control characters, absolute paths and a symbolic link out of the root are refused,
 * and the folder next to the root is unchanged afterwards.
 */
class TraversalTest {

    @TempDir
    static Path tmp;

    static SmartFileEmulator emulator;
    static Path root;
    static Path outside;
    static String auth;

    @BeforeAll
    static void start() throws IOException {
        root = Files.createDirectories(tmp.resolve("root"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createDirectories(root.resolve("inside"));
        Files.writeString(root.resolve("inside/ok.txt"), "ok");
        Files.createSymbolicLink(root.resolve("escape"), outside);
        Files.createSymbolicLink(root.resolve("escape.txt"), outside.resolve("secret.txt"));
        emulator = SmartFileEmulator.builder().root(root).taskDuration(java.time.Duration.ZERO)
                .variant(Variant.V3UploadFailure.HTTP_STATUS).build().start(); // v3 refusals by their status codes
        auth = TestClient.basicHeader(emulator.credentials().key(), emulator.credentials().password());
    }

    @AfterAll
    static void stop() throws IOException {
        emulator.close();
        assertTrue(Files.exists(root.resolve("inside/ok.txt")), "a caller-given root is kept");
        assertFalse(Files.exists(root.resolve(PathGuard.STAGING)), "the staging folder is removed");
        assertEquals(List.of("secret.txt"), listing(outside));
        assertEquals("secret", Files.readString(outside.resolve("secret.txt")));
        assertEquals(List.of("outside", "root"), listing(tmp));
    }

    private static List<String> listing(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        }
        names.sort(null);
        return names;
    }

    private static RawHttp.RawReply raw(String method, String target) throws IOException {
        return RawHttp.send(emulator.port(), method, target, auth);
    }

    @Test
    void readRoutesAnswer404ForTraversal() throws IOException {
        for (String id : List.of("../outside/secret.txt/", "inside/../../outside/secret.txt/",
                "%2e%2e/outside/secret.txt/", "%2E%2e/%2e%2E/etc/passwd/", "inside/%2e%2e/%2e%2e/outside/",
                "..%2Foutside%2Fsecret.txt/", "a%0d%0ab/", "escape/secret.txt/", "escape.txt/", "escape/",
                ".smartfile-emulator-staging/")) {
            for (String route : List.of("/api/2/path/info/", "/api/2/path/data/", "/api/2/access/path/",
                    "/api/2/path/sync/signature/")) {
                RawHttp.RawReply r = raw("GET", route + id);
                assertEquals(404, r.status, route + id);
                assertEquals("application/json", r.header("content-type"));
                assertTrue(r.toReply().json().containsKey("detail"), route + id);
                assertFalse(new String(r.body).contains("secret\""), route + id);
            }
            assertEquals(404, raw("GET", "/api/3/path/data/" + id).status, id);
            assertEquals(404, raw("DELETE", "/api/3/path/data/" + id).status, id);
        }
        // a NUL byte is refused by the HTTP layer before any route, in the API's JSON style
        for (String target : List.of("/api/2/path/info/a%00b/", "/api/2/path/data/a%00b/", "/api/3/path/data/a%00b")) {
            RawHttp.RawReply r = raw("GET", target);
            assertEquals(400, r.status, target);
            assertEquals("application/json", r.header("content-type"));
            assertTrue(r.toReply().json().containsKey("detail"), target);
        }
        // an absolute path inside the id stays inside the root
        assertEquals(404, raw("GET", "/api/2/path/info//etc/passwd/").status);
        assertEquals(404, raw("GET", "/api/2/path/info/" + outside.toString().substring(1) + "/secret.txt/").status);
    }

    @Test
    void writeRoutesAnswer400ForTraversal() throws IOException {
        TestClient client = TestClient.basic(emulator.credentials());
        for (String id : List.of("%2e%2e/", "escape/", "inside/%2E%2E/%2E%2E/outside/", "a%00/")) {
            Reply upload = client.upload("api/2/path/data/" + id, TestClient.file("file", "pwned.txt", "x"));
            assertEquals(400, upload.status, id);
            Reply put = client.put("api/3/path/data/" + id + "pwned.txt", new byte[] {1});
            assertEquals(400, put.status, id);
            Reply patch = client.patch("api/3/path/data/" + id + "secret.txt", new byte[] {1}, "Range", "bytes=0-");
            assertEquals(400, patch.status, id);
        }
        Reply escapedLink = client.put("api/3/path/data/escape.txt", new byte[] {1});
        assertEquals(400, escapedLink.status);
    }

    @Test
    void formPathsAreRefusedPerField() {
        TestClient client = TestClient.basic(emulator.credentials());
        Checks.json(client.postForm("api/2/path/oper/mkdir/", "path", "/../outside/new"), 400).get("path");
        assertTrue(Checks.json(client.postForm("api/2/path/oper/move/", "src", "/escape/secret.txt", "dst",
                "/inside"), 400).containsKey("src"));
        assertTrue(Checks.json(client.postForm("api/2/path/oper/copy/", "src", "/inside/ok.txt", "dst",
                "/escape"), 400).containsKey("dst"));
        assertTrue(Checks.json(client.postForm("api/2/path/oper/remove/", "path", "/escape.txt"), 400)
                .containsKey("path"));
        assertTrue(Checks.json(client.postForm("api/2/path/oper/rename/", "src", "/inside/ok.txt", "dst",
                "/../../ok.txt"), 400).containsKey("dst"));
        assertTrue(Checks.json(client.postForm("api/2/path/oper/checksum/", "path", "/escape/secret.txt",
                "algorithm", "md5"), 400).containsKey("path"));
        assertTrue(Checks.json(client.postForm("api/2/path/oper/compress/", "path", "/inside", "dst", "/inside",
                "name", "../x.zip"), 400).containsKey("name"));
        assertTrue(Checks.json(client.postForm("api/2/path/exchange/", "path", "/escape.txt"), 400)
                .containsKey("path"));
    }

    @Test
    void listingsHideLinksOutOfTheRootAndTheStagingFolder() {
        TestClient client = TestClient.basic(emulator.credentials());
        List<?> children = (List<?>) Checks.json(client.get("api/2/path/info/?children=true"), 200)
                .get("children");
        assertEquals(1, children.size(), children::toString);
        assertEquals("inside", ((java.util.Map<?, ?>) children.get(0)).get("name"));
    }

    @Test
    void compressingTheRootLeavesLinksOut() throws Exception {
        TestClient client = TestClient.basic(emulator.credentials());
        Checks.Polled done = Checks.await(client, Checks.json(client.postForm("api/2/path/oper/compress/", "path",
                "/", "dst", "/inside", "name", "all.zip"), 200));
        assertEquals("SUCCESS", done.status());
        List<String> entries = new ArrayList<>();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(
                Files.newInputStream(root.resolve("inside/all.zip")))) {
            for (java.util.zip.ZipEntry e; (e = zip.getNextEntry()) != null;) {
                entries.add(e.getName());
            }
        }
        assertTrue(entries.contains("inside/ok.txt"), entries::toString);
        assertTrue(entries.stream().noneMatch(n -> n.contains("secret") || n.contains("escape")
                || n.contains("staging")), entries::toString);
        Files.delete(root.resolve("inside/all.zip"));
    }
}
