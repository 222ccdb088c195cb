package com.smartfile.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.smartfile.sdk.model.V3UploadReply;

/**
 * v3 PUT, PATCH (offset, If-Unmodified-Since), GET and DELETE on /api/3/path/data/{path}. The
 * failures are checked by their own status codes ({@link Variant.V3UploadFailure#HTTP_STATUS});
 * {@code VariantsTest} checks the default 200 form.
 */
class V3RoutesTest {

    @RegisterExtension
    static final SmartFileEmulatorExtension EMULATOR =
            new SmartFileEmulatorExtension(b -> b.variant(Variant.V3UploadFailure.HTTP_STATUS));

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void putPatchGetDelete(EmulatorCredentials c, SmartFileEmulator e) throws Exception {
        TestClient client = TestClient.basic(c);
        Files.createDirectories(e.root().resolve("v3 dir"));
        V3UploadReply put = client.put("api/3/path/data/v3%20dir/caf%C3%A9.txt", utf8("hello")).as(V3UploadReply.class);
        assertEquals("/v3 dir/caf\u00e9.txt", put.getPathInfo().getPath());
        assertEquals(5L, put.getPathInfo().getSize());
        assertEquals(null, put.getDetail());
        assertEquals("hello", Files.readString(e.root().resolve("v3 dir/caf\u00e9.txt")));

        // PUT replaces the whole file
        client.put("api/3/path/data/v3%20dir/caf%C3%A9.txt", utf8("HELLO!!"));
        assertEquals("HELLO!!", Files.readString(e.root().resolve("v3 dir/caf\u00e9.txt")));

        // PATCH appends at the current size, or overwrites from an offset
        V3UploadReply appended = client.patch("api/3/path/data/v3%20dir/caf%C3%A9.txt", utf8(" world"),
                "Range", "bytes=7-").as(V3UploadReply.class);
        assertEquals(13L, appended.getPathInfo().getSize());
        client.patch("api/3/path/data/v3%20dir/caf%C3%A9.txt", utf8("J"), "Range", "bytes=0-");
        assertEquals("JELLO!! world", Files.readString(e.root().resolve("v3 dir/caf\u00e9.txt")));

        Reply got = client.get("api/3/path/data/v3%20dir/caf%C3%A9.txt");
        assertEquals(200, got.status);
        assertEquals("text/plain", got.header("Content-Type"));
        assertArrayEquals(utf8("JELLO!! world"), got.body);

        Reply deleted = client.delete("api/3/path/data/v3%20dir/caf%C3%A9.txt");
        assertEquals(204, deleted.status);
        assertFalse(Files.exists(e.root().resolve("v3 dir/caf\u00e9.txt")));
        Checks.detail(client.delete("api/3/path/data/v3%20dir/caf%C3%A9.txt"), 404);
        Checks.detail(client.get("api/3/path/data/v3%20dir/caf%C3%A9.txt"), 404);
    }

    @Test
    void patchPreconditionsAndErrors(EmulatorCredentials c, SmartFileEmulator e) throws Exception {
        TestClient client = TestClient.basic(c);
        Files.writeString(e.root().resolve("p.txt"), "0123456789");
        Instant modified = Instant.parse("2020-01-02T03:04:05Z");
        Files.setLastModifiedTime(e.root().resolve("p.txt"), FileTime.from(modified));
        String before = DateTimeFormatter.RFC_1123_DATE_TIME.format(modified.minusSeconds(60).atOffset(ZoneOffset.UTC));
        String same = DateTimeFormatter.RFC_1123_DATE_TIME.format(modified.atOffset(ZoneOffset.UTC));

        Checks.detail(client.patch("api/3/path/data/p.txt", utf8("x"), "Range", "bytes=10-",
                "If-Unmodified-Since", before), 412);
        assertEquals("0123456789", Files.readString(e.root().resolve("p.txt")));
        Checks.json(client.patch("api/3/path/data/p.txt", utf8("x"), "Range", "bytes=10-",
                "If-Unmodified-Since", same), 200);
        assertEquals("0123456789x", Files.readString(e.root().resolve("p.txt")));

        Reply past = client.patch("api/3/path/data/p.txt", utf8("x"), "Range", "bytes=12-");
        Checks.detail(past, 416);
        assertEquals("bytes */11", past.header("Content-Range"));
        Checks.detail(client.patch("api/3/path/data/p.txt", utf8("x")), 400);
        Checks.detail(client.patch("api/3/path/data/p.txt", utf8("x"), "Range", "bytes=0-3"), 400);
        Checks.detail(client.patch("api/3/path/data/none.txt", utf8("x"), "Range", "bytes=0-"), 404);
    }

    @Test
    void putErrors(EmulatorCredentials c, SmartFileEmulator e) throws Exception {
        TestClient client = TestClient.basic(c);
        assertEquals("The destination folder does not exist.",
                Checks.detail(client.put("api/3/path/data/no/such/file.txt", utf8("x")), 409));
        Files.createDirectories(e.root().resolve("adir"));
        Checks.detail(client.put("api/3/path/data/adir", utf8("x")), 409);
        Checks.detail(client.put("api/3/path/data/", utf8("x")), 400);
    }
}
