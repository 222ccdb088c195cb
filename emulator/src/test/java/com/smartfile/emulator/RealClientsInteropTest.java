package com.smartfile.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The requests real clients sent, sent by real tools: curl as the 2023 scripts and the Meteor apps
 * used it, Python {@code requests} as the python client's 2012 tests did. Needs {@code curl} and a
 * {@code python3} with {@code requests} (Debian: {@code apt-get install curl python3-requests}; CI
 * installs them); a missing tool fails the test saying so.
 */
class RealClientsInteropTest {

    @RegisterExtension
    static final SmartFileEmulatorExtension EMULATOR =
            new SmartFileEmulatorExtension(b -> b.taskDuration(Duration.ZERO));

    @TempDir
    Path dir;

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(command.get(0) + " is needed for this test (Debian: apt-get install curl "
                    + "python3-requests): " + e.getMessage(), e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + command);
        assertEquals(0, p.exitValue(), command.get(0) + " failed: " + out);
        return out;
    }

    private static List<String> curl(EmulatorCredentials c, String... args) {
        List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "--fail-with-body", "--http1.1", "-u", c.key() + ":" + c.password()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    @Test
    void curlAsTheScriptsAndMeteorAppsSentIt(SmartFileEmulator e, EmulatorCredentials c) throws Exception {
        // Meteor's HTTP.post(url, {data: {path}}) sends JSON
        String made = run(curl(c, "-H", "Content-Type: application/json", "-d", "{\"path\": \"/meteor/uploads\"}",
                c.baseUrl() + "api/2/path/oper/mkdir/"));
        assertTrue(made.contains("\"path\":\"/meteor/uploads\""), made);
        // archive_large_folder.sh: PUT path/oper/mkdir/{path}
        run(curl(c, "-X", "PUT", c.baseUrl() + "api/2.1/path/oper/mkdir/test_files/sub"));
        Files.writeString(e.root().resolve("test_files/sub/a.txt"), "alpha");
        assertTrue(Files.isDirectory(e.root().resolve("meteor/uploads")));
        // download_multiple.sh, verbatim but for the host: -d path=… -d filename=… -o FILE
        Path zip = dir.resolve("download.zip");
        run(curl(c, "-d", "path=/test_files", "-d", "filename=download.zip", c.baseUrl() + "api/2/path/oper/downloadmultiple/",
                "-o", zip.toString()));
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(zip)))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                names.add(entry.getName());
            }
        }
        assertEquals(List.of("test_files/", "test_files/sub/", "test_files/sub/a.txt"), names);
        // activity_v2_export.sh style: format=json is taken
        assertTrue(run(curl(c, c.baseUrl() + "api/2/ping/?format=json")).contains("pong"));
    }

    @Test
    void pythonRequestsAsThe2012TestsSentIt(EmulatorCredentials c) throws Exception {
        String script = String.join("\n",
                "import sys, requests",
                "base, key, pw = sys.argv[1:4]",
                "s = requests.Session(); s.auth = (key, pw)",
                "r = s.post(base + 'api/2/user/', data={'name': 'Test User', 'username': 'testuser',",
                "    'password': 'testpass', 'email': 'testuser@example.com'})",
                "assert r.status_code == 201, r.text",
                "quota = {'user': 'testuser', 'enforcement': 'notify', 'interval': 'monthly',",
                "    'disk_bytes_limit': 1073741824, 'xfer_bytes_limit': None}",
                "r = s.post(base + 'api/2/quota/user/', data=quota); assert r.status_code == 201, r.text",
                "r = s.get(base + 'api/2/quota/user/'); assert r.status_code == 200, r.text",
                "assert [q['user'] for q in r.json()['results']] == ['testuser'], r.text",
                "r = s.post(base + 'api/2/quota/user/testuser/', data={'enforcement': 'disable', 'interval': 'weekly',",
                "    'disk_bytes_limit': None}); assert r.status_code == 200, r.text",
                "assert r.json()['enforcement'] == 'disable', r.text",
                "r = s.delete(base + 'api/2/quota/user/testuser/'); assert r.status_code == 204, r.text",
                "r = s.post(base + 'api/2/path/oper/mkdir/', json={'path': '/py-json'}); assert r.status_code == 200, r.text",
                "r = s.put(base + 'api/3/sshkeys/testuser/laptop', json={'name': 'laptop', 'key': sys.argv[4]})",
                "assert r.status_code == 200 and r.json()['name'] == 'laptop', r.text",
                "print('ok')");
        String out = run(List.of("python3", "-c", script, c.baseUrl(), c.key(), c.password(), EvidenceEndpointsTest.ED25519));
        assertTrue(out.trim().endsWith("ok"), out);
    }
}
