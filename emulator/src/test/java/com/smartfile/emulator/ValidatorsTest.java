package com.smartfile.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Downloads carry a strong ETag that changes with the content (even within one second at the same
 * size), and honour If-Range, If-None-Match and If-Match, on v2, v3 and exchange downloads alike.
 */
class ValidatorsTest {

    @RegisterExtension
    static final SmartFileEmulatorExtension EMULATOR = new SmartFileEmulatorExtension();

    private static byte[] filled(char c, int size) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) c);
        return b;
    }

    @Test
    void etagChangesWithTheContentWithinTheSameSecondAndSize(EmulatorCredentials c, SmartFileEmulator e)
            throws Exception {
        TestClient client = TestClient.basic(c);
        Files.createDirectories(e.root().resolve("etag"));
        Path file = e.root().resolve("etag/same.bin");
        Checks.json(client.put("api/3/path/data/etag/same.bin", filled('A', 4096)), 200);
        FileTime time = Files.getLastModifiedTime(file);
        Reply first = client.get("api/2/path/data/etag/same.bin");
        String etagA = first.header("ETag");
        assertNotNull(etagA, "no ETag: " + first);
        assertTrue(etagA.startsWith("\"") && etagA.endsWith("\""), "a strong entity tag: " + etagA);
        assertEquals(etagA, client.get("api/2/path/data/etag/same.bin").header("ETag"), "stable while unchanged");

        // replaced by the same size, and given the very same modification time
        Checks.json(client.put("api/3/path/data/etag/same.bin", filled('B', 4096)), 200);
        Files.setLastModifiedTime(file, time);
        Reply second = client.get("api/3/path/data/etag/same.bin");
        assertEquals(first.header("Last-Modified"), second.header("Last-Modified"));
        assertNotEquals(etagA, second.header("ETag"), "the content changed, so must the ETag");

        // an in-place write (v3 PATCH) at the same size and time changes it as well
        String etagB = second.header("ETag");
        Checks.json(client.patch("api/3/path/data/etag/same.bin", filled('C', 10), "Range", "bytes=0-"), 200);
        Files.setLastModifiedTime(file, time);
        assertNotEquals(etagB, client.get("api/2/path/data/etag/same.bin").header("ETag"));
    }

    /** The scenario of issue 17 item 1, byte for byte over a socket: a cut download, a new version, a resume. */
    @Test
    void aResumeAfterTheFileWasReplacedGetsTheWholeNewVersionNeverAMix(EmulatorCredentials c, SmartFileEmulator e,
            Faults faults) throws Exception {
        TestClient client = TestClient.basic(c);
        Files.createDirectories(e.root().resolve("mix"));
        int size = 2 * 1024 * 1024;
        Checks.json(client.put("api/3/path/data/mix/big.bin", filled('A', size)), 200);
        String auth = "Authorization: " + TestClient.basicHeader(c.key(), c.password()) + "\r\n";
        String get = "GET /api/2/path/data/mix/big.bin/ HTTP/1.1\r\nHost: 127.0.0.1:" + e.port() + "\r\n" + auth;

        faults.cutNextDownload(400_000);
        RawHttp.RawReply cut = RawHttp.sendRaw(e.port(), get, new byte[0]);
        assertEquals(200, cut.status);
        assertEquals(400_000, cut.body.length, "the cut fault sent part of the body");
        String etag = cut.header("ETag");
        assertNotNull(etag, "the first reply carries the validator a resume needs");

        // another writer replaces the file with one of the same size
        Checks.json(client.put("api/3/path/data/mix/big.bin", filled('B', size)), 200);
        RawHttp.RawReply resumed = RawHttp.sendRaw(e.port(), get + "Range: bytes=400000-\r\nIf-Range: " + etag
                + "\r\n", new byte[0]);
        assertEquals(200, resumed.status, "a resume across versions must restart");
        assertArrayEquals(filled('B', size), resumed.body);
        assertNotEquals(etag, resumed.header("ETag"));

        // unchanged, the same resume is a 206 with the rest
        RawHttp.RawReply rest = RawHttp.sendRaw(e.port(), get + "Range: bytes=400000-\r\nIf-Range: "
                + resumed.header("ETag") + "\r\n", new byte[0]);
        assertEquals(206, rest.status);
        assertEquals(size - 400_000, rest.body.length);
    }

    /** Under concurrent replacement, one ETag never stands for two different contents. */
    @Test
    void anEtagNeverNamesTwoContentsUnderConcurrentWrites(EmulatorCredentials c, SmartFileEmulator e)
            throws Exception {
        TestClient client = TestClient.basic(c);
        Files.createDirectories(e.root().resolve("race"));
        Checks.json(client.put("api/3/path/data/race/r.bin", filled('@', 65536)), 200);
        java.util.Map<String, java.util.Set<Integer>> contentsByTag = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        Checks.json(client.put("api/3/path/data/race/r.bin", filled((char) ('A' + (writer * 40 + i) % 50),
                                65536)), 200);
                    }
                    return null;
                }));
            }
            for (int r = 0; r < 4; r++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        Reply got = client.get("api/2/path/data/race/r.bin");
                        assertEquals(200, got.status);
                        contentsByTag.computeIfAbsent(got.header("ETag"), k -> java.util.concurrent.ConcurrentHashMap
                                .newKeySet()).add(Arrays.hashCode(got.body));
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(contentsByTag.size() > 1, "the readers saw several versions");
        contentsByTag.forEach((tag, contents) -> assertEquals(1, contents.size(), tag + " named several contents"));
    }

    @Test
    void everyDownloadRouteSendsTheSameEtag(EmulatorCredentials c, SmartFileEmulator e) throws Exception {
        TestClient client = TestClient.basic(c);
        Files.createDirectories(e.root().resolve("routes"));
        Files.writeString(e.root().resolve("routes/r.txt"), "routes");
        String v2 = client.get("api/2/path/data/routes/r.txt").header("ETag");
        assertNotNull(v2);
        assertEquals(v2, client.get("api/3/path/data/routes/r.txt").header("ETag"));
        String url = (String) Checks.json(client.postForm("api/2/path/exchange/", "path", "/routes/r.txt"), 200)
                .get("url");
        Reply exchange = client.anonymous().unvalidated().get(url.substring(c.baseUrl().length()));
        assertEquals(200, exchange.status);
        assertEquals(v2, exchange.header("ETag"));
    }

    @Test
    void ifRangeWithTheCurrentEtagResumesAnOldOneRestarts(EmulatorCredentials c, SmartFileEmulator e)
            throws Exception {
        TestClient client = TestClient.basic(c);
        Files.createDirectories(e.root().resolve("resume"));
        Checks.json(client.put("api/3/path/data/resume/f.bin", filled('A', 20_000)), 200);
        String etagA = client.get("api/2/path/data/resume/f.bin").header("ETag");

        Reply resumed = client.get("api/2/path/data/resume/f.bin", "Range", "bytes=4000-", "If-Range", etagA);
        assertEquals(206, resumed.status, resumed::toString);
        assertEquals("bytes 4000-19999/20000", resumed.header("Content-Range"));
        assertEquals(16_000, resumed.body.length);

        // another writer replaces the file (same size): the old tag must not resume it
        Checks.json(client.put("api/3/path/data/resume/f.bin", filled('B', 20_000)), 200);
        for (String route : new String[] {"api/2/path/data/resume/f.bin", "api/3/path/data/resume/f.bin"}) {
            Reply whole = client.get(route, "Range", "bytes=4000-", "If-Range", etagA);
            assertEquals(200, whole.status, whole::toString);
            assertNull(whole.header("Content-Range"));
            assertArrayEquals(filled('B', 20_000), whole.body, "the whole new file, never a mix");
        }
        // a weak tag never matches If-Range
        String etagB = client.get("api/2/path/data/resume/f.bin").header("ETag");
        assertEquals(200, client.get("api/2/path/data/resume/f.bin", "Range", "bytes=10-", "If-Range",
                "W/" + etagB).status);
        assertEquals(206, client.get("api/2/path/data/resume/f.bin", "Range", "bytes=10-", "If-Range",
                etagB).status);
    }

    @Test
    void ifRangeWithADateNeedsTheExactLastModifiedOfAFileChangedBeforeThisSecond(EmulatorCredentials c,
            SmartFileEmulator e) throws Exception {
        TestClient client = TestClient.basic(c);
        Files.createDirectories(e.root().resolve("dates"));
        Path file = e.root().resolve("dates/d.txt");
        Files.writeString(file, "0123456789");
        Instant old = Instant.now().minusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Files.setLastModifiedTime(file, FileTime.from(old));
        String lastModified = client.get("api/2/path/data/dates/d.txt").header("Last-Modified");
        assertEquals(old, DateTimeFormatter.RFC_1123_DATE_TIME.parse(lastModified, Instant::from));

        Reply partial = client.get("api/2/path/data/dates/d.txt", "Range", "bytes=5-", "If-Range", lastModified);
        assertEquals(206, partial.status, partial::toString);
        assertEquals("56789", new String(partial.body, StandardCharsets.US_ASCII));

        String otherDate = DateTimeFormatter.RFC_1123_DATE_TIME.format(old.minusSeconds(1).atOffset(ZoneOffset.UTC));
        assertEquals(200, client.get("api/2/path/data/dates/d.txt", "Range", "bytes=5-", "If-Range", otherDate)
                .status);
        assertEquals(200, client.get("api/2/path/data/dates/d.txt", "Range", "bytes=5-", "If-Range", "garbage")
                .status);

        // a modification time that is not at least a second in the past: the date may stand for
        // several versions of the file, so it does not resume
        Files.writeString(file, "abcdefghij");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(60)));
        String fresh = client.get("api/2/path/data/dates/d.txt").header("Last-Modified");
        Reply whole = client.get("api/2/path/data/dates/d.txt", "Range", "bytes=5-", "If-Range", fresh);
        assertEquals(200, whole.status, whole::toString);
        assertEquals("abcdefghij", new String(whole.body, StandardCharsets.US_ASCII));
    }

    @Test
    void ifNoneMatchAndIfMatch(EmulatorCredentials c, SmartFileEmulator e) throws Exception {
        TestClient client = TestClient.basic(c).unvalidated();
        Files.createDirectories(e.root().resolve("cond"));
        Files.writeString(e.root().resolve("cond/c.txt"), "conditional");
        String etag = client.get("api/2/path/data/cond/c.txt").header("ETag");

        Reply notModified = client.get("api/2/path/data/cond/c.txt", "If-None-Match", "\"other\", " + etag);
        assertEquals(304, notModified.status, notModified::toString);
        assertEquals(0, notModified.body.length);
        assertEquals(etag, notModified.header("ETag"));
        assertEquals(304, client.get("api/2/path/data/cond/c.txt", "If-None-Match", "W/" + etag).status);
        assertEquals(200, client.get("api/2/path/data/cond/c.txt", "If-None-Match", "\"other\"").status);

        assertEquals(200, client.get("api/2/path/data/cond/c.txt", "If-Match", etag).status);
        assertEquals(200, client.get("api/2/path/data/cond/c.txt", "If-Match", "*").status);
        Checks.detail(client.get("api/2/path/data/cond/c.txt", "If-Match", "\"other\""), 412);
        Checks.detail(client.get("api/2/path/data/cond/c.txt", "If-Match", "W/" + etag), 412);
    }
}
