package com.smartfile.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.smartfile.sdk.model.PathInfo;
import com.smartfile.sdk.model.Task;
import com.smartfile.sdk.model.TaskPage;

/** mkdir, rename, and the task operations (move, copy, remove, checksum, compress), tasks, exchange URLs. */
class OperationRoutesTest {

    /** Long enough that PENDING and PROGRESS can be seen by polling every 10 ms. */
    @RegisterExtension
    static final SmartFileEmulatorExtension EMULATOR =
            new SmartFileEmulatorExtension(b -> b.taskDuration(Duration.ofMillis(300)));

    @Test
    void mkdirCreatesParentsAndIsIdempotent(EmulatorCredentials c, SmartFileEmulator e) throws Exception {
        TestClient client = TestClient.basic(c);
        PathInfo made = client.postForm("api/2/path/oper/mkdir/", "path", "/a/b c/d").as(PathInfo.class);
        assertEquals("/a/b c/d", made.getPath());
        assertTrue(made.isDirectory());
        assertEquals(0, made.getItems());
        assertTrue(Files.isDirectory(e.root().resolve("a/b c/d")));
        Checks.json(client.postForm("api/2/path/oper/mkdir/", "path", "/a/b c/d/"), 200);
        Files.writeString(e.root().resolve("a/file"), "x");
        Checks.detail(client.postForm("api/2/path/oper/mkdir/", "path", "/a/file/sub"), 409);
        Checks.detail(client.postForm("api/2/path/oper/mkdir/", "path", "/a/file"), 409);
        assertEquals(List.of("This field is required."),
                Checks.json(client.postForm("api/2/path/oper/mkdir/"), 400).get("path"));
    }

    @Test
    void renameIsImmediate(EmulatorCredentials c, SmartFileEmulator e) throws Exception {
        TestClient client = TestClient.basic(c);
        Files.createDirectories(e.root().resolve("ren"));
        Files.writeString(e.root().resolve("ren/old.txt"), "x");
        PathInfo renamed = client.postForm("api/2/path/oper/rename/", "src", "/ren/old.txt", "dst", "/ren/new.txt")
                .as(PathInfo.class);
        assertEquals("/ren/new.txt", renamed.getPath());
        assertTrue(Files.exists(e.root().resolve("ren/new.txt")));
        assertFalse(Files.exists(e.root().resolve("ren/old.txt")));
        Checks.detail(client.postForm("api/2/path/oper/rename/", "src", "/ren/old.txt", "dst", "/ren/x.txt"), 404);
        Files.writeString(e.root().resolve("ren/other.txt"), "y");
        Checks.detail(client.postForm("api/2/path/oper/rename/", "src", "/ren/new.txt", "dst", "/ren/other.txt"),
                409);
        Checks.detail(client.postForm("api/2/path/oper/rename/", "src", "/ren/new.txt", "dst", "/nope/x.txt"), 409);
        assertEquals(List.of("This field is required."),
                Checks.json(client.postForm("api/2/path/oper/rename/", "src", "/ren/new.txt"), 400).get("dst"));
    }

    @Test
    void moveGoesThroughPendingAndProgress(EmulatorCredentials c, SmartFileEmulator e) throws Exception {
        TestClient client = TestClient.basic(c);
        Files.createDirectories(e.root().resolve("mv/src/folder"));
        Files.createDirectories(e.root().resolve("mv/dst"));
        Files.writeString(e.root().resolve("mv/src/a.txt"), "a");
        Files.writeString(e.root().resolve("mv/src/folder/b.txt"), "b");
        Reply started = client.postForm("api/2/path/oper/move/", "src", "/mv/src/a.txt", "src", "/mv/src/folder/",
                "dst", "/mv/dst/");
        Task task = started.as(Task.class);
        assertEquals("Move", task.getType());
        assertEquals("PENDING", task.getResult().getStatusValue());
        assertEquals("/api/2/task/" + task.getUuid() + "/", task.getUrl());
        Checks.Polled done = Checks.await(client, started.json());
        assertEquals(List.of("PENDING", "PROGRESS", "SUCCESS"), done.seen);
        assertEquals(Map.of(), done.outcome(), "a task that succeeded answers \"result\": {} (Variant.TaskSuccess)");
        assertEquals("a", Files.readString(e.root().resolve("mv/dst/a.txt")));
        assertEquals("b", Files.readString(e.root().resolve("mv/dst/folder/b.txt")));
        assertFalse(Files.exists(e.root().resolve("mv/src/a.txt")));
    }

    @Test
    void copyAndPartialFailure(EmulatorCredentials c, SmartFileEmulator e) throws Exception {
        TestClient client = TestClient.basic(c);
        Files.createDirectories(e.root().resolve("cp/dst"));
        Files.writeString(e.root().resolve("cp/a.txt"), "a");
        Files.writeString(e.root().resolve("cp/dst/b.txt"), "existing");
        Files.writeString(e.root().resolve("cp/b.txt"), "b");
        Checks.Polled copied = Checks.await(client, Checks.json(client.postForm("api/2/path/oper/copy/", "src",
                "/cp/a.txt", "src", "/cp/b.txt", "src", "/cp/missing.txt", "dst", "/cp/dst"), 200));
        assertEquals("SUCCESS", copied.status());
        assertEquals(2, copied.errors().size(), copied.errors()::toString);
        assertTrue(copied.errors().containsKey("/cp/b.txt"));
        assertEquals(FileOperations.MISSING, copied.errors().get("/cp/missing.txt"));
        assertEquals("a", Files.readString(e.root().resolve("cp/a.txt")));
        assertEquals("a", Files.readString(e.root().resolve("cp/dst/a.txt")));
        assertEquals("existing", Files.readString(e.root().resolve("cp/dst/b.txt")));

        Checks.Polled removed = Checks.await(client, Checks.json(client.postForm("api/2/path/oper/remove/",
                "path", "/cp/a.txt", "path", "/cp/gone.txt", "path", "/cp/dst"), 200));
        assertEquals("SUCCESS", removed.status());
        assertEquals(Map.of("/cp/gone.txt", FileOperations.MISSING), removed.errors());
        assertFalse(Files.exists(e.root().resolve("cp/a.txt")));
        assertFalse(Files.exists(e.root().resolve("cp/dst")));
    }

    @Test
    void failures(EmulatorCredentials c, SmartFileEmulator e, Faults faults) throws Exception {
        TestClient client = TestClient.basic(c);
        Files.createDirectories(e.root().resolve("fail"));
        Files.writeString(e.root().resolve("fail/a.txt"), "a");
        Checks.Polled noDst = Checks.await(client, Checks.json(client.postForm("api/2/path/oper/move/", "src",
                "/fail/a.txt", "dst", "/fail/nowhere"), 200));
        assertEquals("FAILURE", noDst.status());
        assertTrue(noDst.errors().containsKey("/fail/nowhere"));

        faults.failNextTask();
        Checks.Polled injected = Checks.await(client, Checks.json(client.postForm("api/2/path/oper/remove/",
                "path", "/fail/a.txt"), 200));
        assertEquals("FAILURE", injected.status());
        assertTrue(injected.errors().containsKey("/fail/a.txt"));
        assertTrue(Files.exists(e.root().resolve("fail/a.txt")), "a failed task does nothing");

        Checks.detail(client.postForm("api/2/path/oper/remove/", "path", "/fail/none", "path", "/fail/none2"), 404);
        assertEquals(List.of("This field is required."),
                Checks.json(client.postForm("api/2/path/oper/remove/"), 400).get("path"));
        assertEquals(List.of("This field is required."),
                Checks.json(client.postForm("api/2/path/oper/move/", "dst", "/fail"), 400).get("src"));
        assertEquals(List.of("This field is required."),
                Checks.json(client.postForm("api/2/path/oper/copy/", "src", "/fail/a.txt"), 400).get("dst"));
        assertTrue(Checks.json(client.postForm("api/2/path/oper/move/", "src", "/fail/none", "dst", "/fail"), 400)
                .containsKey("src"));
    }

    @Test
    void checksumsInEveryAlgorithm(EmulatorCredentials c, SmartFileEmulator e) throws Exception {
        TestClient client = TestClient.basic(c);
        Files.writeString(e.root().resolve("fox.txt"), "The quick brown fox jumps over the lazy dog");
        Files.createDirectories(e.root().resolve("sumdir"));
        Map<String, String> expected = Map.of(
                "md5", "9e107d9d372bb6826bd81d3542a419d6",
                "SHA1", "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12",
                "sha256", "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592",
                "SHA512", "07e547d9586f6a73f73fbac0435ed76951218fb7d0c8d788a309d785436bbb642e93a252a954f23912547d1e8a3b5ed6e1bfd7097821233fa0538f3db854fee6");
        for (Map.Entry<String, String> x : expected.entrySet()) {
            Checks.Polled done = Checks.await(client, Checks.json(client.postForm("api/2/path/oper/checksum/",
                    "path", "/fox.txt", "path", "/nope.txt", "path", "/sumdir", "algorithm", x.getKey()), 200));
            assertEquals("SUCCESS", done.status());
            assertEquals(Map.of("/fox.txt", x.getValue()), done.outcome().get("checksums"));
            assertEquals(2, done.errors().size());
        }
        assertTrue(Checks.json(client.postForm("api/2/path/oper/checksum/", "path", "/fox.txt", "algorithm",
                "crc32"), 400).containsKey("algorithm"));
        assertTrue(Checks.json(client.postForm("api/2/path/oper/checksum/", "path", "/fox.txt"), 400)
                .containsKey("algorithm"));
    }

    @Test
    void compressWritesAZipIntoTheFolder(EmulatorCredentials c, SmartFileEmulator e) throws Exception {
        TestClient client = TestClient.basic(c);
        Files.createDirectories(e.root().resolve("zip/docs/sub"));
        Files.createDirectories(e.root().resolve("zip/out"));
        Files.writeString(e.root().resolve("zip/docs/a.txt"), "aaa");
        Files.writeString(e.root().resolve("zip/docs/sub/b.txt"), "bbb");
        Files.writeString(e.root().resolve("zip/c.txt"), "ccc");
        Checks.Polled done = Checks.await(client, Checks.json(client.postForm("api/2/path/oper/compress/",
                "path", "/zip/docs", "path", "/zip/c.txt", "dst", "/zip/out", "name", "docs.zip"), 200));
        assertEquals("SUCCESS", done.status());
        List<String> entries = new ArrayList<>();
        try (InputStream in = Files.newInputStream(e.root().resolve("zip/out/docs.zip"));
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
                entries.add(entry.getName() + (entry.isDirectory() ? "" : "=" + new String(zip.readAllBytes())));
            }
        }
        entries.sort(null);
        assertEquals(List.of("c.txt=ccc", "docs/", "docs/a.txt=aaa", "docs/sub/", "docs/sub/b.txt=bbb"), entries);
        Checks.Polled noDst = Checks.await(client, Checks.json(client.postForm("api/2/path/oper/compress/",
                "path", "/zip/c.txt", "dst", "/zip/none", "name", "x.zip"), 200));
        assertEquals("FAILURE", noDst.status());
        assertEquals(List.of("This field is required."), Checks.json(client.postForm("api/2/path/oper/compress/",
                "path", "/zip/c.txt", "dst", "/zip/out"), 400).get("name"));
    }

    @Test
    void taskListPagingAndDelete(EmulatorCredentials c, SmartFileEmulator e) throws Exception {
        TestClient client = TestClient.basic(c);
        Files.writeString(e.root().resolve("t.txt"), "t");
        List<String> uuids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            uuids.add((String) Checks.json(client.postForm("api/2/path/oper/checksum/", "path", "/t.txt",
                    "algorithm", "md5"), 200).get("uuid"));
        }
        TaskPage first = client.get("api/2/task/?limit=2").as(TaskPage.class);
        assertEquals(1, first.getPage());
        assertTrue(first.getPages() >= 2);
        assertEquals(2, first.getResults().size());
        assertNull(first.getPrevious());
        assertTrue(first.getNext().contains("page=2"), first.getNext());
        List<String> listed = new ArrayList<>();
        for (int page = 1; page <= first.getPages(); page++) {
            client.get("api/2/task/?limit=2&page=" + page).as(TaskPage.class).getResults()
                    .forEach(t -> listed.add(t.getUuid()));
        }
        assertTrue(listed.containsAll(uuids), listed::toString);
        assertEquals(first.getTotal(), (long) listed.size());

        assertEquals(204, client.delete("api/2/task/" + uuids.get(0) + "/").status);
        Checks.detail(client.get("api/2/task/" + uuids.get(0) + "/"), 404);
        Checks.detail(client.delete("api/2/task/" + uuids.get(0)), 404);
        Checks.detail(client.get("api/2/task/0000/"), 404);
    }

    @Test
    void exchangeUrlServesTheFileWithoutCredentials(EmulatorCredentials c, SmartFileEmulator e) throws Exception {
        TestClient client = TestClient.basic(c);
        Files.writeString(e.root().resolve("shared file.txt"), "shared");
        String url = (String) Checks.json(client.postForm("api/2/path/exchange/", "path", "/shared file.txt",
                "mode", "r", "expires", "60"), 200).get("url");
        assertTrue(url.startsWith(c.baseUrl() + "exchange/") && url.endsWith("/shared%20file.txt"), url);
        Reply got = client.anonymous().get(url.substring(c.baseUrl().length()));
        assertEquals(200, got.status);
        assertEquals("shared", got.text());
        Checks.detail(client.anonymous().get("exchange/nope/x.txt"), 404);
        Checks.detail(client.postForm("api/2/path/exchange/", "path", "/none.txt"), 404);
        assertTrue(Checks.json(client.postForm("api/2/path/exchange/", "path", "/shared file.txt", "mode", "w"),
                400).containsKey("mode"));
        assertTrue(Checks.json(client.postForm("api/2/path/exchange/", "path", "/shared file.txt", "expires", "0"),
                400).containsKey("expires"));
    }
}
