package com.smartfile.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.smartfile.emulator.EmulatorCredentials;
import com.smartfile.emulator.SmartFileEmulator;
import com.smartfile.emulator.Profile;
import com.smartfile.emulator.SmartFileEmulatorExtension;
import com.smartfile.emulator.Variant;
import com.smartfile.sdk.SmartFile;
import com.smartfile.sdk.UploadSource;
import com.smartfile.sdk.model.PathInfo;
import com.smartfile.sdk.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator under hostile or heavy use, end to end: each attempt gets the answer the emulator's
 * README documents, and the server keeps serving (a {@code ping} through the SDK afterwards). The
 * emulator's own tests cover the full traversal matrix, OAuth verification and raw concurrent
 * writes; this adds what crosses the whole stack: requests no HTTP library would send (over a raw
 * socket), broken requests, concurrent SDK uploads to one path, and a 512 MB multipart part
 * streamed from a generator through the SDK into an emulator that runs in this JVM with a heap
 * smaller than the part (e2e's surefire gives the JVM -Xmx256m).
 *
 * <p>The raw answers checked are the default profile's, with v3 failures by their own status
 * codes: the class pins them, so it runs the same in every profile's run.
 */
class EmulatorHardeningTest {

    @RegisterExtension
    static final SmartFileEmulatorExtension EMULATOR = new SmartFileEmulatorExtension(b -> b.taskDuration(Duration.ZERO)
            .profile(Profile.DRF3_2023).variant(Variant.V3UploadFailure.HTTP_STATUS));

    @TempDir
    static Path outside;

    /** A raw reply: the status (0 when the server closed without one) and the text that arrived. */
    record Raw(int status, String text) {
    }

    /** Sends bytes as they are and reads until the server closes. */
    private static Raw raw(SmartFileEmulator e, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", e.port())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            try (InputStream in = socket.getInputStream()) {
                in.transferTo(got);
            } catch (SocketException reset) {
                // a dropped connection: keep what arrived
            }
            String text = got.toString(StandardCharsets.ISO_8859_1);
            int status = text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : 0;
            return new Raw(status, text);
        }
    }

    private static Raw get(SmartFileEmulator e, String target, String authorization) throws IOException {
        return raw(e, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Connection: close\r\n\r\n", null);
    }

    private static String basic(EmulatorCredentials c) {
        return "Basic " + Base64.getEncoder().encodeToString((c.key() + ":" + c.password()).getBytes(StandardCharsets.UTF_8));
    }

    private static void stillServes(SmartFile client) {
        assertEquals("pong", client.ping().getPing());
        assertTrue(client.paths().info("/").isDirectory());
    }

    @Test
    void traversalAttemptsAreRefusedAndNothingOutsideTheRootIsReadOrWritten(SmartFile client, SmartFileEmulator e,
            EmulatorCredentials c) throws Exception {
        Path secret = Files.writeString(outside.resolve("secret.txt"), "top secret");
        Files.createSymbolicLink(e.root().resolve("link-out"), outside);
        String auth = basic(c);
        // An absolute path inside the id stays inside the root: there it names a missing folder (PUT: 409).
        String absolute = "/" + outside.toString().substring(1) + "/secret.txt/";
        for (String id : List.of("../secret.txt/", "%2e%2e/secret.txt/", "%2E%2e/%2e%2E" + outside + "/secret.txt/",
                "a/..%2F..%2Fsecret.txt/", absolute, "link-out/secret.txt/")) {
            for (String route : List.of("/api/2/path/info/", "/api/2/path/data/")) {
                Raw r = get(e, route + id, auth);
                assertEquals(404, r.status(), route + id + "\n" + r.text());
                assertFalse(r.text().contains("top secret"), route + id);
            }
            Raw put = raw(e, "PUT /api/3/path/data/" + id + "x HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + auth
                    + "\r\nContent-Length: 5\r\nConnection: close\r\n\r\n", "pwned".getBytes(StandardCharsets.US_ASCII));
            assertEquals(id.equals(absolute) ? 409 : 400, put.status(), id + "\n" + put.text());
            stillServes(client);
        }
        assertEquals("top secret", Files.readString(secret));
        try (var files = Files.list(outside)) {
            assertEquals(List.of(secret), files.toList(), "nothing was written outside the root");
        }
        Files.delete(e.root().resolve("link-out"));
    }

    @Test
    void missingWrongAndForgedCredentialsAreRefused(SmartFile client, SmartFileEmulator e, EmulatorCredentials c)
            throws Exception {
        Raw none = get(e, "/api/2/whoami/", null);
        assertEquals(401, none.status());
        assertTrue(none.text().contains("WWW-Authenticate") || none.text().contains("Www-authenticate"), none.text());
        assertTrue(none.text().contains("Authentication credentials were not provided."), none.text());
        stillServes(client);

        Raw wrong = get(e, "/api/2/whoami/", "Basic " + Base64.getEncoder().encodeToString(
                (c.key() + ":not-the-password").getBytes(StandardCharsets.UTF_8)));
        assertEquals(401, wrong.status());
        assertTrue(wrong.text().contains("Invalid username/password."), wrong.text());
        stillServes(client);

        Raw garbage = get(e, "/api/2/whoami/", "Basic %%%not-base64");
        assertEquals(401, garbage.status(), garbage.text());
        stillServes(client);

        String forged = "OAuth oauth_consumer_key=\"" + c.clientToken() + "\", oauth_token=\"" + c.accessToken()
                + "\", oauth_signature_method=\"PLAINTEXT\", oauth_signature=\"" + c.clientSecret() + "%26wrong\", "
                + "oauth_timestamp=\"1\", oauth_nonce=\"n\", oauth_version=\"1.0\"";
        Raw oauth = get(e, "/api/2/whoami/", forged);
        assertEquals(403, oauth.status());
        assertTrue(oauth.text().contains("Could not verify OAuth request."), oauth.text());
        Raw unknownMethod = get(e, "/api/2/whoami/", forged.replace("PLAINTEXT", "RSA-SHA1"));
        assertEquals(403, unknownMethod.status(), unknownMethod.text());
        stillServes(client);
    }

    @Test
    void brokenRequestsGetAnAnswerOrADroppedConnectionAndTheServerGoesOn(SmartFile client, SmartFileEmulator e,
            EmulatorCredentials c) throws Exception {
        String auth = basic(c);
        // A multipart body whose closing boundary never comes: 400, nothing stored.
        byte[] open = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"half.bin\"\r\n\r\nhalf a file"
                .getBytes(StandardCharsets.US_ASCII);
        Raw half = raw(e, "POST /api/2/path/data/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + auth
                + "\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: " + open.length
                + "\r\nConnection: close\r\n\r\n", open);
        assertEquals(400, half.status(), half.text());
        assertFalse(Files.exists(e.root().resolve("half.bin")));
        stillServes(client);

        // A body shorter than its Content-Length, then the client goes away.
        try (Socket s = new Socket("127.0.0.1", e.port())) {
            s.getOutputStream().write(("PUT /api/3/path/data/short.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + auth
                    + "\r\nContent-Length: 1000000\r\n\r\nonly this").getBytes(StandardCharsets.US_ASCII));
        }
        stillServes(client);
        assertFalse(Files.exists(e.root().resolve("short.bin")), "an incomplete PUT stores nothing");

        // Not HTTP at all, and a request line of 100 KB.
        Raw junk = raw(e, "\u0000\u0001 garbage\r\n\r\n", null);
        assertTrue(junk.status() == 0 || junk.status() == 400, junk.text());
        Raw longLine = raw(e, "GET /" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", null);
        assertTrue(longLine.status() == 0 || longLine.status() >= 400, longLine.text());
        stillServes(client);
    }

    @Test
    void concurrentSdkUploadsToOnePathLeaveOneWholeFile(SmartFile client, SmartFileEmulator e, EmulatorCredentials c)
            throws Exception {
        int writers = 6;
        int size = 1 << 20;
        List<byte[]> contents = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            byte[] b = new byte[size];
            Arrays.fill(b, (byte) ('a' + w));
            contents.add(b);
        }
        client.paths().mkdir("/race");
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<PathInfo>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                byte[] mine = contents.get(w);
                boolean v3 = w % 2 == 0;
                done.add(pool.submit(() -> {
                    try (SmartFile own = SmartFile.builder().baseUrl(c.baseUrl()).basicAuth(c.key(), c.password()).build()) {
                        PathInfo last = null;
                        for (int round = 0; round < 3; round++) {
                            last = v3 ? own.paths().uploadAs("/race/same.bin", UploadSource.of(mine))
                                    : own.paths().upload("/race", UploadSource.of(mine).named("same.bin"));
                        }
                        return last;
                    }
                }));
            }
            for (Future<PathInfo> f : done) {
                assertEquals((long) size, f.get().getSize());
            }
        } finally {
            pool.shutdownNow();
        }
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        client.paths().download("/race/same.bin", got);
        byte[] body = got.toByteArray();
        assertTrue(contents.stream().anyMatch(b -> Arrays.equals(b, body)), "the file is one whole upload, not a mix");
        stillServes(client);
    }

    @Test
    void aHalfGigabyteMultipartPartIsStreamedThroughAJvmWithASmallerHeap(SmartFile client, SmartFileEmulator e)
            throws Exception {
        long size = 512L * 1024 * 1024;
        assertTrue(Runtime.getRuntime().maxMemory() < size, "the test needs a heap smaller than the part");
        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        InputStream generator = new InputStream() {
            private long left = size;
            private final byte[] block = new byte[64 * 1024];

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(Math.min(len, block.length), left);
                long pos = size - left;
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) ((pos + i) * 31 >>> 3);
                }
                sent.update(b, off, n);
                left -= n;
                return n;
            }
        };
        PathInfo stored = client.paths().upload("/", UploadSource.of(generator, size).named("huge.bin"));
        assertEquals(size, stored.getSize());
        Task sums = client.paths().checksum("sha256", "/huge.bin").await();
        assertEquals(HexFormat.of().formatHex(sent.digest()),
                sums.getResult().getResult().getChecksums().values().iterator().next(), "every byte arrived in order");
        Files.delete(e.root().resolve("huge.bin"));
        stillServes(client);
    }
}
