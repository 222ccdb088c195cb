package com.smartfile.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A multi-file v2 upload stores all of its files or none of them. */
class UploadAtomicityTest {

    @RegisterExtension
    static final SmartFileEmulatorExtension EMULATOR = new SmartFileEmulatorExtension();

    @AfterEach
    void reset(Faults faults) {
        faults.reset();
    }

    private static TestClient.Part part(String name, char fill, int size) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) fill);
        return new TestClient.Part("file", name, b);
    }

    private static long staged(SmartFileEmulator e) throws Exception {
        try (Stream<Path> files = Files.list(e.root().resolve(PathGuard.STAGING))) {
            return files.count();
        }
    }

    @Test
    void aCutMultiFileUploadStoresNone(EmulatorCredentials c, SmartFileEmulator e, Faults faults) throws Exception {
        TestClient client = TestClient.basic(c);
        Files.createDirectories(e.root().resolve("cut"));
        Files.writeString(e.root().resolve("cut/b.bin"), "old b");
        // three parts of 100 kB; the cut falls inside the third
        faults.cutNextUpload(250_000);
        assertThrows(UncheckedIOException.class, () -> client.upload("api/2/path/data/cut/",
                part("a.bin", 'a', 100_000), part("b.bin", 'b', 100_000), part("c.bin", 'c', 100_000)));
        assertFalse(Files.exists(e.root().resolve("cut/a.bin")), "the first file was stored");
        assertEquals("old b", Files.readString(e.root().resolve("cut/b.bin")), "the second file was replaced");
        assertFalse(Files.exists(e.root().resolve("cut/c.bin")));
        assertEquals(0, staged(e), "staged parts left behind");

        // the same upload whole stores all three
        List<Object> stored = Checks.jsonList(client.upload("api/2/path/data/cut/",
                part("a.bin", 'a', 100_000), part("b.bin", 'b', 100_000), part("c.bin", 'c', 100_000)), 200);
        assertEquals(3, stored.size());
        byte[] expected = new byte[100_000];
        Arrays.fill(expected, (byte) 'b');
        assertArrayEquals(expected, Files.readAllBytes(e.root().resolve("cut/b.bin")));
        assertEquals(0, staged(e));
    }

    @Test
    void aMalformedOrConflictingMultiFileUploadStoresNone(EmulatorCredentials c, SmartFileEmulator e)
            throws Exception {
        TestClient client = TestClient.basic(c);
        Files.createDirectories(e.root().resolve("bad/folder"));
        Checks.detail(client.upload("api/2/path/data/bad/", part("one.bin", '1', 1000), part("folder", '2', 10)),
                409);
        assertFalse(Files.exists(e.root().resolve("bad/one.bin")), "stored before the conflicting part");

        String boundary = "b0undary";
        byte[] whole = TestClient.multipart(boundary, part("x.bin", 'x', 5000), part("y.bin", 'y', 5000));
        byte[] truncated = Arrays.copyOf(whole, whole.length - 200);
        Reply r = client.send("POST", "api/2/path/data/bad/", HttpRequest.BodyPublishers.ofByteArray(truncated),
                "Content-Type", "multipart/form-data; boundary=" + boundary);
        Checks.detail(r, 400);
        assertFalse(Files.exists(e.root().resolve("bad/x.bin")), "stored from a body without its end");
        assertFalse(Files.exists(e.root().resolve("bad/y.bin")));
        assertTrue(staged(e) == 0);
    }
}
