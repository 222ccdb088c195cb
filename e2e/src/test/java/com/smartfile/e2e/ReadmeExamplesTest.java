package com.smartfile.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.smartfile.emulator.EmulatorCredentials;
import com.smartfile.emulator.Faults;
import com.smartfile.emulator.SmartFileEmulatorExtension;
import com.smartfile.sdk.AccessRights;
import com.smartfile.sdk.ApiException;
import com.smartfile.sdk.DownloadOptions;
import com.smartfile.sdk.LinkRequest;
import com.smartfile.sdk.NotFoundException;
import com.smartfile.sdk.PathsService;
import com.smartfile.sdk.SmartFile;
import com.smartfile.sdk.SmartFileException;
import com.smartfile.sdk.SyncResult;
import com.smartfile.sdk.ThrottledException;
import com.smartfile.sdk.UploadOptions;
import com.smartfile.sdk.UploadSource;
import com.smartfile.sdk.UserRequest;
import com.smartfile.sdk.model.PathInfo;
import com.smartfile.sdk.model.Task;
import com.smartfile.sdk.tree.SyncOptions;
import com.smartfile.sdk.tree.SyncPlan;
import com.smartfile.sdk.tree.TreeResult;
import com.smartfile.sdk.tree.TreeLocation;
import com.smartfile.sdk.tree.TreeSyncException;
import com.smartfile.sdk.tree.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java examples of README.md, compiled and run against the emulator. Each example sits between
 * {@code // snippet:NAME} and {@code // end:NAME}; {@link #readmeShowsTheseExamplesUnchanged()}
 * fails when README's copy under {@code <!-- snippet:NAME -->} differs, so the README cannot rot.
 */
class ReadmeExamplesTest {

    private static final Path README = Path.of(System.getProperty("smartfile.readme", "../README.md"));
    private static final Path SOURCE = Path.of("src/test/java/com/smartfile/e2e/ReadmeExamplesTest.java");

    // snippet:extension
    @RegisterExtension
    static SmartFileEmulatorExtension emulator = new SmartFileEmulatorExtension();

    @Test
    void storesReports(SmartFile client, Faults faults) {
        client.paths().mkdir("/reports");
        faults.throttle503(2, 0.01);  // the next two calls are throttled; the client retries
        assertTrue(client.paths().info("/reports").isDirectory());
    }
    // end:extension

    @TempDir
    Path dir;

    @Test
    void quickstart(EmulatorCredentials c) throws IOException {
        String url = c.baseUrl();
        String apiKey = c.key();
        String apiPassword = c.password();
        Path report = Files.writeString(dir.resolve("q3.pdf"), "quarterly numbers");
        Path downloads = Files.createDirectories(dir.resolve("downloads"));
        // snippet:quickstart
        try (SmartFile client = SmartFile.builder()
                .baseUrl(url)                    // default: SMARTFILE_API_URL, else https://app.smartfile.com/
                .basicAuth(apiKey, apiPassword)  // default: the environment, then ~/.netrc
                .build()) {
            client.paths().mkdir("/reports");
            client.paths().upload("/reports", UploadSource.of(report));
            for (PathInfo entry : client.paths().list("/reports")) {  // pages are fetched as you go
                System.out.println(entry.getPath() + " " + entry.getSize());
            }
            client.paths().mkdir("/archive");
            client.paths().move(List.of("/reports/q3.pdf"), "/archive").await();  // a server-side task
            client.paths().download("/archive/q3.pdf", downloads.resolve("q3.pdf"));
        }
        // end:quickstart
        assertEquals("quarterly numbers", Files.readString(downloads.resolve("q3.pdf")));
    }

    @Test
    void transfers(SmartFile client) throws Exception {
        byte[] bytes = "id,amount\n1,42\n".getBytes(StandardCharsets.UTF_8);
        InputStream stream = new ByteArrayInputStream(new byte[100_000]);
        String sha256Hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        Path downloads = Files.createDirectories(dir.resolve("downloads"));
        // snippet:transfers
        PathsService paths = client.paths();
        UploadOptions withProgress = UploadOptions.builder()
                .createFolders(true)
                .progress((sent, total) -> System.out.println(sent + " of " + total))
                .build();
        paths.upload("/inbox", List.of(UploadSource.of(bytes).named("a.csv"),
                UploadSource.of(stream).named("b.bin")), withProgress);            // v2 multipart, one request
        paths.uploadAs("/inbox/data.bin", UploadSource.of(bytes));              // v3 PUT at a full path
        paths.download("/inbox/a.csv", downloads.resolve("a.csv"),
                DownloadOptions.builder().checksum("SHA-256", sha256Hex).build());
        try (InputStream in = paths.openDownload("/inbox/data.bin")) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        paths.downloadZip(downloads.resolve("inbox.zip"), "/inbox");            // a whole folder, one zip
        // end:transfers
        assertArrayEquals(bytes, Files.readAllBytes(downloads.resolve("a.csv")));
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(Files.newInputStream(downloads.resolve("inbox.zip")))) {
            assertEquals("inbox/", zip.getNextEntry().getName());
        }
        assertEquals(100_000L, paths.info("/inbox/b.bin").getSize());
    }

    @Test
    void errors(SmartFile client) {
        // snippet:errors
        try {
            client.paths().info("/no/such/file");
        } catch (NotFoundException e) {
            System.out.println(e.getStatusCode() + " " + e.getDetail() + " " + e.getMessage());
        } catch (ThrottledException e) {
            System.out.println("retry after " + e.getRetryAfter());
        } catch (SmartFileException e) {
            System.out.println(e.getMessage());
        }
        // end:errors
        NotFoundException e = assertThrows(NotFoundException.class, () -> client.paths().info("/no/such/file"),
                "the example's first catch is the one taken");
        assertEquals(404, e.getStatusCode());
    }

    @Test
    void unitTest(SmartFile client) {
        // snippet:unittest
        // Your code takes the SmartFile interface, so its test can hand it a fake:
        Function<SmartFile, String> sizeOf = smartFile -> {
            try {
                return smartFile.paths().info("/reports/q3.pdf").getSize() + " bytes";
            } catch (NotFoundException e) {
                return "missing (request " + e.getRequestId() + ")";
            }
        };
        NotFoundException missing = ApiException.builder(404).detail("No such file").requestId("r-1")
                .build(NotFoundException.class);
        PathsService paths = new PathsService() {  // implement what your code calls; the rest throws
            @Override
            public PathInfo info(String path) {
                throw missing;
            }
        };
        SmartFile fake = new SmartFile() {
            @Override
            public PathsService paths() {
                return paths;
            }
        };
        System.out.println(sizeOf.apply(fake));   // missing (request r-1)
        // end:unittest
        assertEquals("missing (request r-1)", sizeOf.apply(fake));
        assertThrows(UnsupportedOperationException.class, () -> fake.tasks(), "what the fake does not implement says so");
        assertTrue(sizeOf.apply(client).startsWith("missing (request "), "the real client takes the same path");
        NotFoundException real = assertThrows(NotFoundException.class, () -> client.paths().info("/no/such/file"));
        assertEquals(real.getClass(), missing.getClass(), "the built exception is the one the client throws");
        assertEquals("r-1", missing.getRequestId());
        assertTrue(missing.getMessage().startsWith("SmartFile answered 404 to GET "), missing.getMessage());
    }

    @Test
    void more(SmartFile client) {
        client.paths().mkdir("/inbox");
        client.paths().uploadAs("/inbox/a.csv", UploadSource.of(new byte[] {1, 2, 3}));
        // snippet:more
        CompletableFuture<PathInfo> later = client.paths().infoAsync("/inbox");
        Object raw = client.get("/path/info", "/inbox", Map.of("children", true));  // parsed JSON
        Task sums = client.paths().checksum("sha256", "/inbox/a.csv").await();
        client.users().create(UserRequest.builder().username("ann").email("ann@example.com").build());
        client.links().create(LinkRequest.builder().path("/inbox").rights(AccessRights.readOnly()).build());
        System.out.println(later.join().getPath() + " " + raw + " " + sums.getResult().getStatus());
        // end:more
        assertEquals("/inbox", later.join().getPath());
        assertEquals("ann", client.users().get("ann").getUsername());
    }

    @Test
    void trees(SmartFile client) throws IOException {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        Files.writeString(photos.resolve("beach.jpg"), "sand");
        Files.writeString(Files.createDirectories(photos.resolve("2026")).resolve("snow.jpg"), "ice");
        Files.writeString(photos.resolve("thumbs.tmp"), "cache");
        // snippet:trees
        Trees trees = client.trees();
        SyncOptions options = SyncOptions.builder()
                .delete(true)                      // remove what the source no longer has, last
                .exclude("*.tmp", "cache/")        // gitignore-like globs, ignored on both sides
                .transfers(8)                      // files at once (default 4)
                .build();
        SyncPlan plan = trees.plan(TreeLocation.local(photos), TreeLocation.remote("/photos"), options);
        plan.getTransfers().forEach(t -> System.out.println(t.getReason() + " " + t.getRelativePath()));
        System.out.println(plan.getSummary());               // a dry run is a plan you print
        try {
            TreeResult done = trees.execute(plan, p -> System.out.println(p.getFilesDone() + "/" + p.getFilesTotal()));
            System.out.println(done.getSummary());
        } catch (TreeSyncException partial) {             // the others were transferred
            partial.getResult().getFailures().forEach((file, why) -> System.out.println(file.getRelativePath() + ": " + why));
        }
        trees.download("/photos", dir.resolve("copy"));    // a recursive copy: never deletes
        // end:trees
        assertEquals("ice", Files.readString(dir.resolve("copy/2026/snow.jpg")));
        assertFalse(Files.exists(dir.resolve("copy/thumbs.tmp")));
        assertTrue(trees.plan(TreeLocation.local(photos), TreeLocation.remote("/photos"), options).isInSync());
    }

    @Test
    void sync(SmartFile client) throws Exception {
        byte[] v1 = new byte[1 << 20];
        new java.util.Random(15).nextBytes(v1);
        byte[] v2 = v1.clone();
        v2[500_000] ^= 1;
        client.paths().uploadAs("/big.bin", UploadSource.of(v1));
        Path local = Files.write(dir.resolve("big.bin"), v2);
        // snippet:sync
        SyncResult up = client.paths().syncUpload(local, "/big.bin");      // sends only the changed blocks
        System.out.println(up.isDeltaUsed() + ": " + up.getBytesSent() + " bytes sent for " + up.getFileBytes());
        SyncResult down = client.paths().syncDownload("/big.bin", local);  // patches the local copy
        System.out.println(down.getBytesSaved() + " bytes saved" + (down.isDeltaUsed() ? "" : ": " + down.getFallbackReason()));
        // end:sync
        assertTrue(up.isDeltaUsed() && up.getBytesSent() < 10_000, up.toString());
        assertArrayEquals(v2, Files.readAllBytes(local));
    }

    @Test
    void readmeShowsTheseExamplesUnchanged() throws IOException {
        Map<String, String> inSource = regions(Files.readString(SOURCE));
        Map<String, String> inReadme = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<!-- snippet:(\\w+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(README));
        while (m.find()) {
            inReadme.put(m.group(1), dedent(m.group(2)));
        }
        assertFalse(inSource.isEmpty());
        assertEquals(inSource.keySet(), inReadme.keySet(), "every example is in README, and only those");
        for (Map.Entry<String, String> e : inSource.entrySet()) {
            assertEquals(e.getValue(), inReadme.get(e.getKey()), "README's '" + e.getKey() + "' example differs from " + SOURCE);
        }
    }

    private static Map<String, String> regions(String source) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("// snippet:(\\w+)\\n(.*?)\\n\\s*// end:\\1", Pattern.DOTALL).matcher(source);
        while (m.find()) {
            out.put(m.group(1), dedent(m.group(2)));
        }
        return out;
    }

    /** The lines with their common indentation removed, trailing blanks dropped. */
    private static String dedent(String block) {
        List<String> lines = new ArrayList<>(block.lines().map(l -> l.replaceAll("\\s+$", "")).toList());
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        int indent = lines.stream().filter(l -> !l.isEmpty()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        return String.join("\n", lines.stream().map(l -> l.isEmpty() ? l : l.substring(indent)).toList());
    }
}
