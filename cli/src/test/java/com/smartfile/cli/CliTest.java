package com.smartfile.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
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
import java.util.Random;

import com.smartfile.emulator.EmulatorCredentials;
import com.smartfile.emulator.Faults;
import com.smartfile.emulator.SmartFileEmulator;
import com.smartfile.emulator.SmartFileEmulatorExtension;
import com.smartfile.sdk.RetryPolicy;
import com.smartfile.sdk.ApiJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every command, run in this JVM against the emulator: exit codes and output. */
class CliTest {

    @RegisterExtension
    static final SmartFileEmulatorExtension EMULATOR = new SmartFileEmulatorExtension(b -> b.taskDuration(Duration.ofMillis(200)));

    @TempDir
    Path local;

    private EmulatorCredentials emulator;

    /** What one run printed and returned. */
    static final class Run {
        final int code;
        final String out;
        final byte[] outBytes;
        final String err;

        Run(int code, byte[] out, String err) {
            this.code = code;
            this.outBytes = out;
            this.out = new String(out, StandardCharsets.UTF_8);
            this.err = err;
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- out:\n" + out + "\n--- err:\n" + err;
        }
    }

    @BeforeEach
    void credentials(EmulatorCredentials c) {
        this.emulator = c;
    }

    private Run raw(InputStream in, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new SmartFileCommand.Console(out, err, in, false,
                b -> b.retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(20)).build())));
        return new Run(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs a command with the emulator's URL and credentials in front of its arguments. */
    private Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("--url", emulator.baseUrl(), "--key", emulator.key(), "--password", emulator.password()));
        all.addAll(Arrays.asList(args));
        return raw(new ByteArrayInputStream(new byte[0]), all.toArray(new String[0]));
    }

    private static void ok(Run r) {
        assertEquals(0, r.code, r.toString());
    }

    private Path file(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(local.resolve(name), bytes);
    }

    @Test
    void helpAndVersionWorkEverywhere() {
        Run help = raw(InputStream.nullInputStream(), "--help");
        ok(help);
        assertTrue(help.out.contains("upload") && help.out.contains("Exit codes:") && help.out.contains("6"), help.out);
        ok(raw(InputStream.nullInputStream(), "ls", "--help"));
        Run version = raw(InputStream.nullInputStream(), "--version");
        ok(version);
        assertTrue(version.out.startsWith("smartfile "), version.out);
    }

    @Test
    void pingWhoamiInfoAndLsAcrossPages() throws IOException {
        Run ping = run("ping");
        ok(ping);
        assertTrue(ping.out.startsWith("pong"), ping.out);
        ok(run("whoami"));
        ok(run("mkdir", "/cli/many"));
        for (int i = 0; i < 5; i++) {
            ok(run("upload", file("n" + i + ".txt", 10 + i).toString(), "/cli/many"));
        }
        Run ls = run("ls", "/cli/many", "--page-size", "2");
        ok(ls);
        assertEquals(5, ls.out.lines().count(), ls.out);
        assertTrue(ls.out.contains("n4.txt"), ls.out);
        Run json = run("--json", "ls", "/cli/many", "--page-size", "2");
        ok(json);
        List<?> parsed = (List<?>) ApiJson.read(json.out, Object.class);
        assertEquals(5, parsed.size());
        Run info = run("info", "/cli/many/n1.txt", "--json");
        ok(info);
        assertEquals(11.0, ((Map<?, ?>) ApiJson.read(info.out, Object.class)).get("size"));
    }

    @Test
    void uploadDownloadRenameMoveCopyRemoveAndTask() throws IOException {
        Path a = file("r\u00e9sum\u00e9 #1.bin", 300_000);
        Run up = run("upload", a.toString(), "/cli/work", "--parents");
        ok(up);
        assertTrue(up.out.contains("/cli/work/r\u00e9sum\u00e9 #1.bin"), up.out);
        assertFalse(up.err.contains("upload"), "no progress when stderr is not a terminal (CliPolishTest covers --progress): " + up.err);

        ok(run("rename", "/cli/work/r\u00e9sum\u00e9 #1.bin", "/cli/work/a.bin"));
        ok(run("mkdir", "/cli/dest"));
        Run mv = run("mv", "/cli/work/a.bin", "/cli/dest");
        ok(mv);
        assertTrue(mv.out.contains("SUCCESS"), mv.out);
        ok(run("cp", "/cli/dest/a.bin", "/cli/work"));

        Path back = local.resolve("back.bin");
        Run down = run("download", "/cli/work/a.bin", back.toString());
        ok(down);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(back));
        Path dir = Files.createDirectories(local.resolve("into"));
        ok(run("download", "--fsync", "/cli/dest/a.bin", dir.toString()));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(dir.resolve("a.bin")));

        ok(run("rm", "/cli/work", "/cli/dest"));
        assertEquals(ExitCodes.NOT_FOUND, run("info", "/cli/work").code);
    }

    @Test
    void theRootIsNeverRemovedMovedOrCopiedAndNothingIsSent(SmartFileEmulator server) {
        for (String[] args : List.of(new String[] {"rm", ""}, new String[] {"rm", "/"}, new String[] {"rm", "/a", "//"},
                new String[] {"mv", "/", "/x"}, new String[] {"cp", "/", "/x"}, new String[] {"rename", "/", "/x"})) {
            long before = server.requestCount();
            Run r = run(args);
            assertEquals(ExitCodes.USAGE, r.code, String.join(" ", args) + ": " + r);
            assertTrue(r.err.contains("root folder"), r.err);
            assertEquals(before, server.requestCount(), String.join(" ", args) + " sent nothing");
        }
    }

    @Test
    void downloadZipFetchesAFolderAsOneArchive() throws IOException {
        Path a = file("z1.bin", 20_000);
        ok(run("upload", a.toString(), "/cli/zipped/inner", "--parents"));
        Path into = Files.createDirectories(local.resolve("zips"));
        Run r = run("download", "--zip", "/cli/zipped", into.toString());
        ok(r);
        Path zip = into.resolve("zipped.zip");
        java.util.Map<String, byte[]> entries = new java.util.TreeMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertEquals(List.of("zipped/", "zipped/inner/", "zipped/inner/z1.bin"), List.copyOf(entries.keySet()));
        assertArrayEquals(Files.readAllBytes(a), entries.get("zipped/inner/z1.bin"));
        Run dash = run("download", "--zip", "/cli/zipped/inner/z1.bin", "-");
        ok(dash);
        assertEquals('P', (char) dash.outBytes[0], "a zip on standard output");
        assertEquals(ExitCodes.USAGE, run("download", "--zip", "-r", "/cli/zipped", into.toString()).code);
    }

    @Test
    void downloadToDashWritesTheBytesToStandardOutput() throws IOException {
        Path a = file("dash.bin", 70_000);
        ok(run("upload", a.toString(), "/cli/dash", "--parents"));

        Run r = run("download", "/cli/dash/dash.bin", "-");

        ok(r);
        assertArrayEquals(Files.readAllBytes(a), r.outBytes, "only the file's bytes on stdout");
        assertFalse(Files.exists(Path.of("-")), "no file named -");
    }

    @Test
    void aLocalFileThatCannotBeWrittenHasItsOwnExitCode() throws IOException {
        ok(run("upload", file("l.bin", 1000).toString(), "/cli/local", "--parents"));

        Run r = run("download", "/cli/local/l.bin", local.resolve("n".repeat(300)).toString());

        assertEquals(ExitCodes.LOCAL_IO, r.code, r.toString());
        assertTrue(r.err.contains("File name too long"), r.err);
    }

    @Test
    void verboseShowsTheRetryLines(Faults faults) {
        faults.throttle503(1, 0.01);

        Run r = run("-v", "ping");

        ok(r);
        assertTrue(r.err.contains("retrying GET"), r.err);
        Run quiet = run("ping");
        assertFalse(quiet.err.contains("retrying"), quiet.err);
    }

    @Test
    void taskShowsAndWaits() throws IOException {
        ok(run("upload", file("t.bin", 1000).toString(), "/cli/t", "--parents"));
        Run call = run("call", "POST", "/path/oper/checksum", "path=/cli/t/t.bin", "algorithm=md5");
        ok(call);
        String uuid = (String) ((Map<?, ?>) parse(call.out)).get("uuid");
        Run wait = run("task", uuid, "--wait");
        ok(wait);
        assertTrue(wait.out.contains("task " + uuid + ": SUCCESS"), wait.out);
        assertTrue(wait.out.contains("  /cli/t/t.bin") || wait.out.matches("(?s).*[0-9a-f]{32}.*"), wait.out);

        Run folder = run("call", "POST", "/path/oper/checksum", "path=/cli/t", "algorithm=md5");
        String failing = (String) ((Map<?, ?>) parse(folder.out)).get("uuid");
        Run failed = run("task", failing, "--wait");
        assertEquals(ExitCodes.API_ERROR, failed.code, failed.toString());
        assertTrue(failed.err.startsWith("smartfile: Task " + failing), failed.err);
    }

    private static Object parse(String json) {
        return ApiJson.read(json, Object.class);
    }

    @Test
    void callIsTheRawEscapeHatch() throws IOException {
        ok(run("mkdir", "/cli/raw"));
        Path f = file("raw.txt", 100);
        Run upload = run("call", "POST", "/path/data", "/cli/raw", "file=@" + f);
        ok(upload);
        Run listing = run("call", "GET", "/path/info", "/cli/raw", "children=true");
        ok(listing);
        assertTrue(listing.out.contains("raw.txt"), listing.out);
        Run bytes = run("call", "GET", "/path/data", "/cli/raw/raw.txt");
        ok(bytes);
        assertArrayEquals(Files.readAllBytes(f), bytes.outBytes);
        Path out = local.resolve("o.txt");
        ok(run("call", "GET", "/path/data", "/cli/raw/raw.txt", "-o", out.toString()));
        assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(out));
    }

    @Test
    void badInputGetsItsExitCodeAndOneLine(Faults faults) {
        Run unknown = raw(InputStream.nullInputStream(), "frobnicate");
        assertEquals(ExitCodes.USAGE, unknown.code, unknown.toString());
        assertEquals(ExitCodes.USAGE, raw(InputStream.nullInputStream(), "info").code);
        Run missingLocal = run("upload", local.resolve("nope.txt").toString(), "/");
        assertEquals(ExitCodes.USAGE, missingLocal.code, missingLocal.toString());
        assertTrue(missingLocal.err.startsWith("smartfile: No such local file"), missingLocal.err);
        Run missingRemote = run("info", "/definitely/not/here");
        assertEquals(ExitCodes.NOT_FOUND, missingRemote.code, missingRemote.toString());
        assertEquals(1, missingRemote.err.lines().count(), "one line, no stack trace: " + missingRemote.err);

        Run wrong = raw(InputStream.nullInputStream(), "--url", emulator.baseUrl(), "--key", emulator.key(),
                "--password", "wrong-password-wrong-password-000", "whoami");
        assertEquals(ExitCodes.AUTH, wrong.code, wrong.toString());
        assertFalse(wrong.err.contains("wrong-password"), wrong.err);
        Run noCredentials = raw(InputStream.nullInputStream(), "--url", emulator.baseUrl(), "--netrc", local.resolve("none").toString(), "whoami");
        assertEquals(ExitCodes.CONFIG, noCredentials.code, noCredentials.toString());
        Run badUrl = raw(InputStream.nullInputStream(), "--url", "ftp://files.example.com/", "--key", emulator.key(),
                "--password", emulator.password(), "ping");
        assertEquals(ExitCodes.CONFIG, badUrl.code, badUrl.toString());

        Run unreachable = raw(InputStream.nullInputStream(), "--url", "http://127.0.0.1:9/", "--key", emulator.key(),
                "--password", emulator.password(), "ping");
        assertEquals(ExitCodes.TRANSPORT, unreachable.code, unreachable.toString());

        Run badPath = run("info", "/a/../../etc");
        assertEquals(ExitCodes.USAGE, badPath.code, badPath.toString());

        faults.throttle503(5, 0.01);
        Run throttled = run("ping");
        assertEquals(ExitCodes.API_ERROR, throttled.code, throttled.toString());
        faults.reset();
    }

    @Test
    void verboseLogsTheExchangeWithoutSecretsAndKeepsJsonClean() {
        Run r = run("-v", "--json", "ping");
        ok(r);
        assertEquals("pong", ((Map<?, ?>) parse(r.out)).get("ping"));
        assertFalse(r.out.contains("-->"), "the wire log goes to stderr");
        assertFalse(r.err.contains(emulator.password()), r.err);
    }

    @Test
    void loginRunsTheOAuthFlowAndSavesTheTokensPrivately() throws Exception {
        java.io.PipedOutputStream typing = new java.io.PipedOutputStream();
        java.io.PipedInputStream keyboard = new java.io.PipedInputStream(typing);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path saved = local.resolve("tokens.env");
        int[] code = {-1};
        Thread login = new Thread(() -> code[0] = Main.run(new String[] {"--url", emulator.baseUrl(),
            "--client-token", emulator.clientToken(), "--client-secret", emulator.clientSecret(), "login", "--save", saved.toString()},
                new SmartFileCommand.Console(out, err, keyboard, false, b -> b)));
        login.start();
        String url = null;
        for (int i = 0; i < 200 && url == null; i++) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(http\\S+/oauth/authorize/\\S+)").matcher(out.toString(StandardCharsets.UTF_8));
            url = m.find() ? m.group(1) : null;
            Thread.sleep(25);
        }
        assertTrue(url != null, "the authorization URL is printed: " + out + err);
        String verifier = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body().trim();
        typing.write((verifier + "\n").getBytes(StandardCharsets.UTF_8));
        typing.flush();
        login.join(10_000);
        assertEquals(0, code[0], out + "\n" + err);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(saved)));
        Map<String, String> tokens = new java.util.HashMap<>();
        for (String line : Files.readAllLines(saved)) {
            tokens.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
        Run whoami = raw(InputStream.nullInputStream(), "--url", emulator.baseUrl(), "--client-token", emulator.clientToken(),
                "--client-secret", emulator.clientSecret(), "--access-token", tokens.get("SMARTFILE_ACCESS_TOKEN"),
                "--access-secret", tokens.get("SMARTFILE_ACCESS_SECRET"), "whoami");
        ok(whoami);
        assertFalse(out.toString(StandardCharsets.UTF_8).contains(tokens.get("SMARTFILE_ACCESS_SECRET")),
                "with --save the secret is not printed");
    }

    @Test
    void emulatorCommandServesUntilStopped() {
        Run r = raw(InputStream.nullInputStream(), "emulator", "--port", "0", "--stop-after", "PT0.5S", "--key",
                "abcdefghijabcdefghijabcdefghij", "--password", "0123456789012345678901234567890");
        ok(r);
        assertTrue(r.out.contains("SmartFile emulator running at http://127.0.0.1:"), r.out);
        assertTrue(r.out.contains("SMARTFILE_API_KEY=abcdefghijabcdefghijabcdefghij"), r.out);
    }

    @Test
    void demoWalksThroughEveryStep() {
        Run r = raw(InputStream.nullInputStream(), "demo", "--size-mb", "2");
        ok(r);
        assertTrue(r.out.contains("All ") && r.out.contains(" steps worked."), r.out);
        assertTrue(r.out.contains("SHA-256 matches"), r.out);
    }
}
