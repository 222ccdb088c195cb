package com.smartfile.sdk;

import static com.smartfile.sdk.TransferTestSupport.randomBytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** {@code paths().downloadZip(…)} on the wire: the request, a streamed body, a cut, a JSON reply instead of a zip. */
class ZipDownloadTest extends MockServerTest {

    private List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void postsThePathsAndTheNameAndWritesTheBodyWhole() throws Exception {
        byte[] zip = randomBytes(400_000, 3);
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/zip")
                .body(new Buffer().write(zip)).build());
        Path target = dir.resolve("my folder.zip");
        assertEquals(zip.length, client.paths().downloadZip(target, "/a b", "x/y"));
        assertArrayEquals(zip, Files.readAllBytes(target));
        assertEquals(List.of("my folder.zip"), filesIn(dir));
        RecordedRequest r = server.takeRequest();
        assertEquals("POST", r.getMethod());
        assertTrue(r.getUrl().encodedPath().endsWith("/path/oper/downloadmultiple/"), r.getUrl().toString());
        assertEquals("path=%2Fa+b&path=%2Fx%2Fy&filename=my+folder.zip", r.getBody().utf8());
    }

    @Test
    void aCutArchiveLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path target = Files.write(dir.resolve("old.zip"), "old".getBytes(StandardCharsets.UTF_8));
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/zip")
                .body(new Buffer().write(randomBytes(300_000, 4))).onResponseBody(new SocketEffect.CloseSocket()).build());
        TransportException e = assertThrows(TransportException.class, () -> client.paths().downloadZip(target, "/f"));
        assertTrue(e.getMessage().contains("cannot be resumed"), e.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("old.zip"), filesIn(dir));
        assertEquals(1, server.getRequestCount(), "a broken archive is not re-requested on its own");
    }

    @Test
    void aJsonReplyIsNotStoredAsAZip() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"detail\": \"queued\"}").build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InvalidReplyException e = assertThrows(InvalidReplyException.class, () -> client.paths().downloadZip(out, "/f"));
        assertTrue(e.getMessage().contains("queued"), e.getMessage());
        assertEquals(0, out.size());
    }
}
