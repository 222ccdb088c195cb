package com.smartfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.smartfile.emulator.EmulatorCredentials;
import com.smartfile.emulator.SmartFileEmulatorExtension;
import com.smartfile.sdk.RetryPolicy;
import com.smartfile.sdk.ApiJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** sync, cp -r, upload -r, download -r, cat, stat and du against the emulator: output and exit codes. */
class TreeCommandsTest {

    @RegisterExtension
    static final SmartFileEmulatorExtension EMULATOR = new SmartFileEmulatorExtension(b -> b.taskDuration(Duration.ofMillis(50)));

    @TempDir
    Path tmp;

    private EmulatorCredentials emulator;

    @BeforeEach
    void credentials(EmulatorCredentials c) {
        this.emulator = c;
    }

    private CliTest.Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("--url", emulator.baseUrl(), "--key", emulator.key(), "--password", emulator.password()));
        all.addAll(Arrays.asList(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(all.toArray(new String[0]), new SmartFileCommand.Console(out, err, InputStream.nullInputStream(), false,
                b -> b.retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(20)).build())));
        return new CliTest.Run(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    private static void ok(CliTest.Run r) {
        assertEquals(0, r.code, r.toString());
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    private Path tree(String name) throws IOException {
        Path root = tmp.resolve(name);
        write(root.resolve("a.txt"), "alpha");
        write(root.resolve("sub dir/b #1.txt"), "bravo!");
        write(root.resolve("sub dir/deeper/c\u00e9.txt"), "charlie");
        Files.createDirectories(root.resolve("empty"));
        return root;
    }

    @Test
    void syncUploadsThenSaysThereIsNothingToDoAndDryRunChangesNothing() throws IOException {
        Path src = tree("photos");
        CliTest.Run first = run("sync", src.toString(), "sf:/photos");
        ok(first);
        assertTrue(first.out.startsWith("3 transferred"), first.toString());
        CliTest.Run second = run("sync", src.toString(), "sf:/photos");
        ok(second);
        assertTrue(second.out.startsWith("already in sync"), second.out);

        write(src.resolve("a.txt"), "ALPHA");   // same size, new content
        write(src.resolve("new.txt"), "new");
        CliTest.Run dry = run("sync", "--dry-run", "--delete", src.toString(), "sf:/photos");
        ok(dry);
        assertTrue(dry.out.contains("upload   a.txt (5 B, content differs)"), dry.out);
        assertTrue(dry.out.contains("upload   new.txt"), dry.out);
        assertTrue(dry.out.contains("dry run: 2 files to transfer"), dry.out);
        CliTest.Run json = run("--json", "sync", "--dry-run", src.toString(), "sf:/photos");
        ok(json);
        Map<?, ?> plan = (Map<?, ?>) ApiJson.read(json.out, Object.class);
        assertEquals(2, ((List<?>) plan.get("transfers")).size(), json.out);
        CliTest.Run sizeOnly = run("sync", "--dry-run", "--size-only", src.toString(), "sf:/photos");
        assertTrue(sizeOnly.out.contains("dry run: 1 file to transfer"), sizeOnly.out);

        CliTest.Run cat = run("cat", "/photos/a.txt");
        ok(cat);
        assertEquals("alpha", cat.out, "the dry run changed nothing");

        Files.delete(src.resolve("sub dir/b #1.txt"));
        CliTest.Run delete = run("--json", "sync", "--delete", src.toString(), "sf:/photos");
        ok(delete);
        Map<?, ?> result = (Map<?, ?>) ApiJson.read(delete.out, Object.class);
        assertEquals(1, ((List<?>) result.get("deleted")).size(), delete.out);
        assertEquals("ALPHA", run("cat", "/photos/a.txt").out);
        assertEquals(ExitCodes.NOT_FOUND, run("stat", "/photos/sub dir/b #1.txt").code);
    }

    @Test
    void cpRecursiveDownloadAndUploadRecursiveRoundTrip() throws IOException {
        Path src = tree("round");
        CliTest.Run up = run("upload", "-r", src.toString(), "/inbox");
        ok(up);
        CliTest.Run stat = run("stat", "/inbox/round/sub dir/deeper/c\u00e9.txt");
        ok(stat);
        assertTrue(stat.out.contains("size:  7 bytes"), stat.out);
        Path down = tmp.resolve("down");
        ok(run("cp", "-r", "--transfers", "8", "sf:/inbox/round", down.toString()));
        assertEquals("bravo!", Files.readString(down.resolve("sub dir/b #1.txt")));
        assertTrue(Files.isDirectory(down.resolve("empty")));
        Path other = Files.createDirectories(tmp.resolve("other"));
        ok(run("download", "-r", "/inbox/round", other.toString()));
        assertEquals("charlie", Files.readString(other.resolve("round/sub dir/deeper/c\u00e9.txt")));

        CliTest.Run du = run("du", "/inbox");
        ok(du);
        assertTrue(du.out.contains("3 files  2 folders") || du.out.contains("3 files"), du.out);
        CliTest.Run duJson = run("--json", "du", "/inbox");
        Map<?, ?> usage = (Map<?, ?>) ApiJson.read(duJson.out, Object.class);
        assertEquals(18.0, usage.get("bytes"), duJson.out);
        assertEquals(3.0, usage.get("files"), duJson.out);

        CliTest.Run folderUpload = run("upload", src.toString(), "/inbox");
        assertEquals(ExitCodes.USAGE, folderUpload.code);
        assertTrue(folderUpload.err.contains("upload -r"), folderUpload.err);
    }

    @Test
    void failuresExitFiveWithAListAndDangerousOrBadInputIsRefused() throws IOException {
        Path src = tree("partly");
        write(src.resolve("bad\u0007name.txt"), "bell");
        CliTest.Run partial = run("sync", src.toString(), "sf:/partly");
        assertEquals(ExitCodes.API_ERROR, partial.code, partial.toString());
        assertTrue(partial.err.contains("failed: bad\u0007name.txt: "), partial.err);
        assertTrue(partial.out.contains("3 transferred") && partial.out.contains("1 failed"), partial.out);
        assertEquals("alpha", run("cat", "/partly/a.txt").out, "the others went through");

        Path empty = Files.createDirectories(tmp.resolve("empty-src"));
        CliTest.Run wipe = run("sync", "--delete", empty.toString(), "sf:/partly");
        assertEquals(ExitCodes.USAGE, wipe.code, wipe.toString());
        assertTrue(wipe.err.contains("--force"), wipe.err);
        ok(run("stat", "/partly/a.txt"));
        CliTest.Run excludeAll = run("sync", "--delete", "--exclude", "*", src.toString(), "sf:/partly");
        ok(excludeAll);
        ok(run("stat", "/partly/a.txt"));
        ok(run("sync", "--delete", "--force", "-q", empty.toString(), "sf:/partly"));
        assertEquals(ExitCodes.NOT_FOUND, run("stat", "/partly/a.txt").code);

        CliTest.Run bothLocal = run("sync", src.toString(), tmp.resolve("x").toString());
        assertEquals(ExitCodes.USAGE, bothLocal.code);
        assertTrue(bothLocal.err.contains("sf:/path"), bothLocal.err);
        CliTest.Run missing = run("sync", tmp.resolve("missing").toString(), "sf:/x");
        assertEquals(ExitCodes.USAGE, missing.code);
        assertTrue(missing.err.contains("does not exist"), missing.err);
        CliTest.Run notFolder = run("cp", "-r", "sf:/partly-file", tmp.resolve("y").toString());
        assertFalse(notFolder.code == 0, notFolder.toString());
    }

    @Test
    void syncMovesChangedLargeFilesAsDeltasAndSaysWhatCrossedTheWire() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("delta"));
        byte[] big = new byte[1_500_000];
        new java.util.Random(15).nextBytes(big);
        Files.write(src.resolve("big.bin"), big);
        ok(run("sync", src.toString(), "sf:/delta"));

        big[700_000] ^= 1;
        Files.write(src.resolve("big.bin"), big);
        CliTest.Run delta = run("sync", src.toString(), "sf:/delta");
        ok(delta);
        assertTrue(delta.out.startsWith("1 transferred (1.4 MiB)"), delta.out);
        assertTrue(delta.out.contains("for 1.4 MiB of files (1 by delta)"), delta.out);
        CliTest.Run json = run("--json", "sync", src.toString(), "sf:/delta");   // in step now: nothing moves
        ok(json);
        assertTrue(json.out.contains("already in sync"), json.out);

        big[100] ^= 1;
        Files.write(src.resolve("big.bin"), big);
        CliTest.Run whole = run("--json", "sync", "--no-delta", src.toString(), "sf:/delta");
        ok(whole);
        Map<?, ?> result = (Map<?, ?>) ApiJson.read(whole.out, Object.class);
        assertEquals(0.0, result.get("deltaFiles"), whole.out);
        assertEquals(1_500_000.0, result.get("bytesSent"), whole.out);
        assertEquals(0.0, result.get("bytesReceived"), whole.out);

        Path back = Files.createDirectories(tmp.resolve("delta-back"));
        big[200] ^= 1;
        Files.write(back.resolve("big.bin"), big);   // an older local copy, one byte off
        CliTest.Run down = run("--json", "sync", "sf:/delta", back.toString());
        ok(down);
        Map<?, ?> downResult = (Map<?, ?>) ApiJson.read(down.out, Object.class);
        assertEquals(1.0, downResult.get("deltaFiles"), down.out);
        assertTrue(((Double) downResult.get("bytesReceived")) < 100_000, down.out);
        big[200] ^= 1;
        assertTrue(java.util.Arrays.equals(big, Files.readAllBytes(back.resolve("big.bin"))), "the local copy was patched");
    }
}
