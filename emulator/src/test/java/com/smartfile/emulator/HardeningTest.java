package com.smartfile.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The admin endpoint refuses what a web page could send, names too long for the file system are
 * refused as bad input, and a symbolic link planted in the root cannot make a copy recurse.
 */
class HardeningTest {

    @RegisterExtension
    static final SmartFileEmulatorExtension EMULATOR =
            new SmartFileEmulatorExtension(b -> b.taskDuration(Duration.ZERO)
                    .variant(Variant.V3UploadFailure.HTTP_STATUS)); // checks the v3 failures' own status codes

    @AfterEach
    void reset(Faults faults) {
        faults.reset();
    }

    private static RawHttp.RawReply admin(SmartFileEmulator e, String host, String origin, String type, String json)
            throws Exception {
        String head = "POST /__emulator/faults HTTP/1.1\r\n" + (host == null ? "" : "Host: " + host + "\r\n")
                + (origin == null ? "" : "Origin: " + origin + "\r\n")
                + (type == null ? "" : "Content-Type: " + type + "\r\n");
        return RawHttp.sendRaw(e.port(), head, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void adminEndpointRefusesWhatAWebPageCouldSend(SmartFileEmulator e) throws Exception {
        String local = "127.0.0.1:" + e.port();
        String json = "{\"failRequests\": 3}";
        // a cross-site "simple" request: text/plain, or a form
        assertEquals(415, admin(e, local, null, "text/plain", json).status);
        assertEquals(415, admin(e, local, null, "application/x-www-form-urlencoded", json).status);
        assertEquals(415, admin(e, local, null, null, json).status);
        // DNS rebinding: a foreign name resolving to 127.0.0.1
        assertEquals(403, admin(e, "evil.example:" + e.port(), null, "application/json", json).status);
        assertEquals(403, admin(e, "127.0.0.1.evil.example", null, "application/json", json).status);
        // a page's origin
        assertEquals(403, admin(e, local, "https://evil.example", "application/json", json).status);
        assertEquals(403, admin(e, local, "null", "application/json", json).status);
        assertEquals(0, e.faults().pendingRequestFailures(), "a refused request set a fault");

        for (String host : List.of(local, "localhost:" + e.port(), "[::1]:" + e.port(), "127.0.0.1")) {
            assertEquals(200, admin(e, host, null, "application/json; charset=utf-8", json).status, host);
        }
        assertEquals(200, admin(e, local, "http://localhost:" + e.port(), "application/json", json).status);
        assertEquals(3, e.faults().pendingRequestFailures());
        e.faults().reset();
    }

    @Test
    void adminEndpointRejectsOutOfRangeNumbersAndChangesNothing(SmartFileEmulator e) throws Exception {
        String local = "127.0.0.1:" + e.port();
        for (String bad : List.of("{\"failRequests\": 1e400}", "{\"failRequests\": -1}", "{\"failRequests\": 2.5}",
                "{\"failRequests\": 3000000000}", "{\"delayMillis\": 1e10}", "{\"failTasks\": \"3\"}",
                "{\"cutDownload\": {\"count\": 1, \"afterBytes\": 1e400}}",
                "{\"throttle\": {\"status\": 429, \"count\": 1, \"seconds\": 1e400}}",
                "{\"throttle\": {\"status\": 429, \"count\": 1e400}}",
                "{\"reset\": true, \"failRequests\": 2, \"failTasks\": 1e400}")) {
            e.faults().failTasks(7);
            RawHttp.RawReply r = admin(e, local, null, "application/json", bad);
            assertEquals(400, r.status, bad + " -> " + new String(r.body, StandardCharsets.UTF_8));
            String detail = (String) r.toReply().json().get("detail");
            assertTrue(detail.startsWith("Invalid fault settings:") || detail.contains("must"), detail);
            assertEquals(0, e.faults().pendingRequestFailures(), bad);
            assertEquals(7, ((Number) e.faults().snapshot().get("failTasks")).intValue(), bad + " changed something");
        }
        RawHttp.RawReply ok = admin(e, local, null, "application/json", "{\"failRequests\": 2, \"delayMillis\": 0}");
        assertEquals(200, ok.status);
        assertEquals(2, e.faults().pendingRequestFailures());
    }

    @Test
    void namesTooLongForTheFileSystemAreBadInputNotServerErrors(EmulatorCredentials c, SmartFileEmulator e)
            throws Exception {
        TestClient client = TestClient.basic(c);
        String name = "n".repeat(300);
        Map<String, Object> mkdir = Checks.json(client.postForm("api/2/path/oper/mkdir/", "path", "/" + name), 400);
        String why = String.valueOf(mkdir.get("path"));
        assertTrue(why.contains("at most 255 bytes") && why.contains("300"), why);
        Map<String, Object> upload = Checks.json(client.upload("api/2/path/data/",
                TestClient.file("file", name, "x")), 400);
        assertTrue(String.valueOf(upload.get("file")).contains("at most 255 bytes"), upload.toString());
        assertTrue(Checks.detail(client.put("api/3/path/data/" + name, new byte[1]), 400).contains("255 bytes"));
        Checks.json(client.postForm("api/2/path/oper/rename/", "src", "/x", "dst", "/" + name), 400);
        // the read routes, whose spec lists no 400, answer refused paths with 404 and a detail
        assertTrue(Checks.detail(client.get("api/2/path/info/" + name), 404).contains("255 bytes"));
        // 85 CJK characters are 255 bytes: allowed
        String cjk = "\u6587".repeat(85);
        Checks.json(client.postForm("api/2/path/oper/mkdir/", "path", "/" + cjk), 200);
        Checks.json(client.postForm("api/2/path/oper/mkdir/", "path", "/" + cjk + "\u6587"), 400);
        // deep paths past the file system's limit
        String deep = ("/" + "d".repeat(200)).repeat(25);
        Map<String, Object> tooDeep = Checks.json(client.postForm("api/2/path/oper/mkdir/", "path", deep), 400);
        assertTrue(String.valueOf(tooDeep.get("path")).contains("too long"), tooDeep.toString());
    }

    @Test
    void aSymlinkIntoTheSourceCannotMakeACopyRecurse(EmulatorCredentials c, SmartFileEmulator e) throws Exception {
        TestClient client = TestClient.basic(c);
        Path small = Files.createDirectories(e.root().resolve("small"));
        Files.writeString(small.resolve("f.txt"), "f");
        Files.createDirectories(e.root().resolve("other"));
        Files.createSymbolicLink(e.root().resolve("other/lnk"), small);
        for (String op : List.of("copy", "move")) {
            Checks.Polled done = Checks.await(client, Checks.json(client.postForm("api/2/path/oper/" + op + "/",
                    "src", "/small", "dst", "/other/lnk"), 200));
            assertEquals("FAILURE", done.status(), op);
            assertEquals(Map.of("/small", "Cannot " + op + " a folder into itself."), done.errors(), op);
        }
        try (Stream<Path> all = Files.walk(small)) {
            assertEquals(2, all.count(), "the source is unchanged");
        }
    }

    @Test
    void taskErrorsNeverShowTheServersOwnPaths(SmartFileEmulator e) throws Exception {
        FileStore store = new FileStore(new PathGuard(e.root()), ZoneId.of("UTC"));
        String root = e.root().toRealPath().toString();
        assertEquals("File name too long (/a/b).",
                store.describe(new FileSystemException(root + "/a/b", null, "File name too long")));
        assertEquals("Access Denied (/x).",
                store.describe(new java.nio.file.AccessDeniedException(root + "/x")));
        assertFalse(store.describe(new java.io.IOException("failed at " + root + "/y")).contains(root));
    }
}
