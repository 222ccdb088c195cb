package com.smartfile.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.smartfile.delta.Librsync;
import com.smartfile.delta.Signature;
import com.smartfile.delta.SignatureFormat;

/** The path/sync routes: signature, delta and patch, their errors, and rdiff as the client. */
@ExtendWith(SmartFileEmulatorExtension.class)
class SyncRoutesTest {

    @TempDir
    Path dir;

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] edited(byte[] data) {
        byte[] out = data.clone();
        for (int i = 1000; i < out.length; i += 50_000) {
            out[i] ^= 0x5a;
        }
        return out;
    }

    @Test
    void uploadByDeltaPatchesTheStoredFile(EmulatorCredentials c, SmartFileEmulator e) throws Exception {
        TestClient client = TestClient.basic(c);
        byte[] old = random(300_000, 1);
        byte[] updated = edited(old);
        Files.write(e.root().resolve("big file.bin"), old);

        Reply sig = client.get("api/2/path/sync/signature/big%20file.bin/");
        assertEquals(200, sig.status, sig::toString);
        assertEquals("application/librsync-signature", sig.header("Content-Type"));
        Signature parsed = Signature.read(new ByteArrayInputStream(sig.body));
        assertEquals(SignatureFormat.MD4_ROLLSUM, parsed.format());
        assertEquals(2048, parsed.blockLength());
        assertEquals(8, parsed.strongLength());
        assertEquals((old.length + 2047) / 2048, parsed.blockCount());

        ByteArrayOutputStream delta = new ByteArrayOutputStream();
        Librsync.delta(parsed, new ByteArrayInputStream(updated), delta);
        assertTrue(delta.size() < updated.length / 10, "delta of " + delta.size() + " bytes");
        Reply patched = client.upload("api/2/path/sync/patch/big%20file.bin/",
                new TestClient.Part("delta", "delta", delta.toByteArray()));
        Map<String, Object> info = Checks.json(patched, 200);
        assertEquals("/big file.bin", info.get("path"));
        assertEquals((double) updated.length, ((Number) info.get("size")).doubleValue());
        assertArrayEquals(updated, Files.readAllBytes(e.root().resolve("big file.bin")));
    }

    @Test
    void blockSizeChoosesTheSignaturesBlockLength(EmulatorCredentials c, SmartFileEmulator e) throws Exception {
        TestClient client = TestClient.basic(c);
        byte[] data = random(10_000, 2);
        Files.write(e.root().resolve("f.bin"), data);
        Reply sig = client.get("api/2/path/sync/signature/f.bin/?block_size=1000");
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        Librsync.signature(new ByteArrayInputStream(data), expected, SignatureFormat.MD4_ROLLSUM, 1000, 8);
        assertArrayEquals(expected.toByteArray(), sig.body);
        assertTrue(sig.body.length == 12 + 10 * 12);
    }

    @Test
    void downloadByDeltaRebuildsTheServersFile(EmulatorCredentials c, SmartFileEmulator e) throws Exception {
        TestClient client = TestClient.basic(c);
        byte[] local = random(500_000, 3);
        byte[] remote = edited(local);
        Files.write(e.root().resolve("doc.bin"), remote);
        for (SignatureFormat f : SignatureFormat.values()) {
            ByteArrayOutputStream sig = new ByteArrayOutputStream();
            Librsync.signature(new ByteArrayInputStream(local), sig, f, 1024, f.maxStrongLength());
            Reply delta = client.upload("api/2/path/sync/delta/doc.bin/",
                    new TestClient.Part("signature", "signature", sig.toByteArray()));
            assertEquals(200, delta.status, delta::toString);
            assertEquals("application/librsync-delta", delta.header("Content-Type"));
            assertTrue(delta.body.length < remote.length / 10, f + ": delta of " + delta.body.length + " bytes");
            Path basis = dir.resolve("local.bin");
            Files.write(basis, local);
            ByteArrayOutputStream rebuilt = new ByteArrayOutputStream();
            Librsync.patch(basis, new ByteArrayInputStream(delta.body), rebuilt);
            assertArrayEquals(remote, rebuilt.toByteArray(), f.toString());
        }
    }

    @Test
    void rdiffAsTheClientInBothDirections(EmulatorCredentials c, SmartFileEmulator e) throws Exception {
        Path rdiff = Path.of("/usr/bin/rdiff");
        if (!Files.isExecutable(rdiff)) {
            if ("1".equals(System.getenv("SMARTFILE_REQUIRE_RDIFF"))) {
                throw new AssertionError("rdiff is missing: apt-get install rdiff");
            }
            Assumptions.abort("rdiff is missing; the emulator's routes are not checked against it");
        }
        TestClient client = TestClient.basic(c);
        byte[] old = random(200_000, 4);
        byte[] updated = edited(old);
        Path oldFile = dir.resolve("old");
        Path newFile = dir.resolve("new");
        Files.write(oldFile, old);
        Files.write(newFile, updated);

        // upload: the emulator's signature, rdiff's delta, the emulator's patch
        Files.write(e.root().resolve("up.bin"), old);
        Path sig = dir.resolve("server.sig");
        Files.write(sig, client.get("api/2/path/sync/signature/up.bin/").body);
        Path delta = dir.resolve("up.delta");
        run(rdiff, "delta", sig, newFile, delta);
        Checks.json(client.upload("api/2/path/sync/patch/up.bin/",
                new TestClient.Part("delta", "delta", Files.readAllBytes(delta))), 200);
        assertArrayEquals(updated, Files.readAllBytes(e.root().resolve("up.bin")));

        // download: rdiff's signature (librsync's defaults), the emulator's delta, rdiff's patch
        Files.write(e.root().resolve("down.bin"), updated);
        Path localSig = dir.resolve("local.sig");
        run(rdiff, "signature", oldFile, localSig);
        Reply reply = client.upload("api/2/path/sync/delta/down.bin/",
                new TestClient.Part("signature", "signature", Files.readAllBytes(localSig)));
        Path serverDelta = dir.resolve("down.delta");
        Files.write(serverDelta, reply.body);
        Path rebuilt = dir.resolve("rebuilt");
        run(rdiff, "patch", oldFile, serverDelta, rebuilt);
        assertArrayEquals(updated, Files.readAllBytes(rebuilt));
    }

    private static void run(Path rdiff, String command, Path... files) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(rdiff.toString(), command));
        for (Path f : files) {
            cmd.add(f.toString());
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
    }

    @Test
    void missingFilesFoldersAndBadInputAreRefused(EmulatorCredentials c, SmartFileEmulator e) throws Exception {
        TestClient client = TestClient.basic(c);
        Files.createDirectories(e.root().resolve("folder"));
        byte[] data = random(5000, 5);
        Files.write(e.root().resolve("f.bin"), data);
        ByteArrayOutputStream goodSig = new ByteArrayOutputStream();
        Librsync.signature(new ByteArrayInputStream(data), goodSig, SignatureFormat.BLAKE2_RABINKARP, 512, 32);
        TestClient.Part sig = new TestClient.Part("signature", "sig", goodSig.toByteArray());
        TestClient.Part delta = new TestClient.Part("delta", "delta", new byte[] {0x72, 0x73, 0x02, 0x36, 0});

        Checks.detail(client.get("api/2/path/sync/signature/nope.bin/"), 404);
        Checks.detail(client.upload("api/2/path/sync/delta/nope.bin/", sig), 404);
        Checks.detail(client.upload("api/2/path/sync/patch/nope.bin/", delta), 404);
        assertTrue(Checks.detail(client.get("api/2/path/sync/signature/folder/"), 400).contains("folder"));
        Checks.detail(client.upload("api/2/path/sync/patch/folder/", delta), 400);
        Checks.detail(client.anonymous().get("api/2/path/sync/signature/f.bin/"), 401);

        Map<String, Object> badSig = Checks.json(client.upload("api/2/path/sync/delta/f.bin/",
                new TestClient.Part("signature", "sig", "not a signature".getBytes(StandardCharsets.UTF_8))), 400);
        assertTrue(badSig.get("signature").toString().contains("magic"), badSig.toString());
        Map<String, Object> noPart = Checks.json(client.upload("api/2/path/sync/delta/f.bin/",
                new TestClient.Part("other", "x", new byte[1])), 400);
        assertTrue(noPart.containsKey("signature"), noPart.toString());

        // a delta that copies beyond the stored file is refused and changes nothing
        byte[] foreign = {0x72, 0x73, 0x02, 0x36, 0x47, 0, 0, 0x10, 0, 0, 0};
        Map<String, Object> badDelta = Checks.json(client.upload("api/2/path/sync/patch/f.bin/",
                new TestClient.Part("delta", "d", foreign)), 400);
        assertTrue(badDelta.get("delta").toString().contains("another file"), badDelta.toString());
        assertArrayEquals(data, Files.readAllBytes(e.root().resolve("f.bin")));
        Checks.json(client.get("api/2/path/sync/signature/f.bin/?block_size=0"), 400);
    }
}
