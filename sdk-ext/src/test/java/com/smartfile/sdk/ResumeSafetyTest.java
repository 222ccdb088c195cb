package com.smartfile.sdk;

import static com.smartfile.sdk.TransferTestSupport.randomBytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A resumed download never joins two versions of a file (If-Range with a strong validator only),
 * and the part file a killed run leaves is found, resumed or replaced by the next download.
 */
class ResumeSafetyTest extends MockServerTest {

    private static final int SIZE = 300_000;

    private final byte[] a = randomBytes(SIZE, 1);
    private final byte[] b = randomBytes(SIZE, 2);

    private FileServer serve(FileServer files) {
        server.setDispatcher(files);
        return files;
    }

    private List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private static String date(Instant i) {
        return Uploads.httpDate(i);
    }

    @Test
    void aResumeCarriesIfRangeWithTheStrongETag() throws Exception {
        FileServer files = serve(new FileServer(a).cuts(1));

        client.paths().download("/f.bin", dir.resolve("f.bin"));

        assertArrayEquals(a, Files.readAllBytes(dir.resolve("f.bin")));
        assertEquals(Arrays.asList(null, "\"v1\""), files.headers("If-Range"));
    }

    @Test
    void onlyWeakValidatorsMeanNoResumeAndNeverAMixOfVersions() throws Exception {
        // The file changes between the cut and the resume, and nothing the server sends shows it:
        // a weak ETag that stays, a Last-Modified in the same second as the reply's Date.
        Instant now = Instant.now();
        FileServer files = serve(new FileServer(a).cuts(1).etag("W/\"300000\"").dates(date(now), date(now))
                .changesAfterFirstReply(b));
        Path target = dir.resolve("f.bin");

        client.paths().download("/f.bin", target);

        assertArrayEquals(b, Files.readAllBytes(target), "the whole of the new version, not the old one's start");
        assertEquals(Arrays.asList(null, null), files.ranges(), "no range was asked: nothing could pin the version");
        assertEquals(List.of("f.bin"), filesIn(dir));
    }

    @Test
    void onlyWeakValidatorsToAStreamFailRatherThanSplice() {
        Instant now = Instant.now();
        serve(new FileServer(a).cuts(1).etag("W/\"300000\"").dates(date(now), date(now)).changesAfterFirstReply(b));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        IncompleteDownloadException e = assertThrows(IncompleteDownloadException.class,
                () -> client.paths().download("/f.bin", out));

        assertTrue(e.getMessage().contains("strong validator"), e.getMessage());
        assertArrayEquals(Arrays.copyOf(a, out.size()), out.toByteArray(), "only bytes of one version were written");
    }

    @Test
    void aLastModifiedASecondOlderThanDateIsTheValidatorAndAChangeRestarts() throws Exception {
        Instant now = Instant.now();
        String modified = date(now.minusSeconds(10));
        FileServer files = serve(new FileServer(a).cuts(1).etag(null).dates(modified, date(now)).honourIfRange());

        client.paths().download("/f.bin", dir.resolve("same.bin"));
        assertArrayEquals(a, Files.readAllBytes(dir.resolve("same.bin")));
        assertEquals(Arrays.asList(null, modified), files.headers("If-Range"));
        assertTrue(files.ranges().get(1).startsWith("bytes="), "resumed: " + files.ranges());
    }

    @Test
    void aRangedReplyOfAnotherVersionFromAServerIgnoringIfRangeIsNotSpliced() throws Exception {
        // The server ignores If-Range and serves the range of the new version, with its new ETag.
        FileServer files = serve(new FileServer(a).cuts(1).changesAfterFirstReply(b));

        client.paths().download("/f.bin", dir.resolve("f.bin"));

        assertArrayEquals(b, Files.readAllBytes(dir.resolve("f.bin")));
        assertEquals(3, files.requests.size(), "first reply, the refused 206, then the whole new version");
        assertNull(files.ranges().get(2));
    }

    private Path leftover(Path target, byte[] bytes, String validator) throws IOException {
        Path part = target.resolveSibling(PartFile.nameFor(target));
        Files.write(part, bytes);
        if (validator != null) {
            Files.getFileAttributeView(part, UserDefinedFileAttributeView.class)
                    .write("smartfile.validator", StandardCharsets.UTF_8.encode(validator));
        }
        return part;
    }

    @Test
    void thePartFileAKilledRunLeftIsResumedFromWhereItStopped() throws Exception {
        FileServer files = serve(new FileServer(a));
        Path target = dir.resolve("big.bin");
        leftover(target, Arrays.copyOf(a, 100_000), "\"v1\"");

        long n = client.paths().download("/big.bin", target,
                DownloadOptions.builder().checksum("SHA-256", DownloadSession.hex(java.security.MessageDigest
                        .getInstance("SHA-256").digest(a))).build());

        assertEquals(SIZE, n);
        assertArrayEquals(a, Files.readAllBytes(target));
        assertEquals(List.of("bytes=100000-"), files.ranges(), "one request, for the missing bytes only");
        assertEquals(List.of("\"v1\""), files.headers("If-Range"));
        assertEquals(List.of("big.bin"), filesIn(dir), "the part file became the target");
    }

    @Test
    void aPartFileOfAnotherVersionIsReplacedNotExtended() throws Exception {
        FileServer files = serve(new FileServer(a).honourIfRange());
        Path target = dir.resolve("big.bin");
        leftover(target, Arrays.copyOf(b, 100_000), "\"v0\"");

        client.paths().download("/big.bin", target);

        assertArrayEquals(a, Files.readAllBytes(target));
        assertEquals(1, files.requests.size(), "If-Range failed: the 200 with the whole file is used as it is");
        assertEquals(List.of("big.bin"), filesIn(dir));
    }

    @Test
    void aPartFileWithoutAValidatorStartsAgainFromZero() throws Exception {
        FileServer files = serve(new FileServer(a));
        Path target = dir.resolve("big.bin");
        leftover(target, Arrays.copyOf(b, 100_000), null);

        client.paths().download("/big.bin", target);

        assertArrayEquals(a, Files.readAllBytes(target));
        assertEquals(Arrays.asList((String) null), files.ranges());
    }

    @Test
    void aSecondDownloadToTheSameTargetWritesATemporaryFileOfItsOwn() throws Exception {
        serve(new FileServer(a));
        Path target = dir.resolve("big.bin");
        try (PartFile first = PartFile.open(target)) { // a download to the target, still running
            first.channel.write(ByteBuffer.wrap(new byte[] {7, 7, 7}));

            client.paths().download("/big.bin", target);

            assertArrayEquals(a, Files.readAllBytes(target));
            assertEquals(3, Files.size(first.path), "the running download's file was not touched");
            assertEquals(List.of(first.path.getFileName().toString(), "big.bin"), filesIn(dir));
        }
    }

    @Test
    void aDownloadOverAPrivateFileKeepsItPrivate() throws Exception {
        serve(new FileServer(a));
        Path target = Files.write(dir.resolve("secret.bin"), new byte[] {1});
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));

        client.paths().download("/secret.bin", target);

        assertArrayEquals(a, Files.readAllBytes(target));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void aLongMultiByteNameDownloadsThePartNameIsCutByBytes() throws Exception {
        serve(new FileServer(a));
        String name = "\u6587".repeat(80); // 80 characters, 240 bytes in UTF-8
        Path target = dir.resolve(name);

        client.paths().download("/" + name, target);

        assertArrayEquals(a, Files.readAllBytes(target));
        assertTrue(PartFile.nameFor(target).getBytes(StandardCharsets.UTF_8).length <= 255);
        assertFalse(PartFile.nameFor(target).contains("\ufffd"));
    }

    @Test
    void aLocalFailureIsALocalFileExceptionThatSaysWhatTheSystemSaid() throws Exception {
        serve(new FileServer(a));
        Path target = dir.resolve("n".repeat(300)); // longer than a file name may be

        LocalFileException e = assertThrows(LocalFileException.class, () -> client.paths().download("/f.bin", target));

        assertTrue(e.getMessage().contains("File name too long"), e.getMessage());
        assertFalse(e.getMessage().contains("permission"), e.getMessage());
        assertEquals(List.of(), filesIn(dir), "the part file was deleted");
    }

    @Test
    void partNamesAreCutAtACharacterBoundary() {
        assertEquals("ab", PartFile.cutToBytes("abc", 2));
        assertEquals("\u6587", PartFile.cutToBytes("\u6587\u6587", 5));
        assertEquals("", PartFile.cutToBytes("\ud83d\ude00", 3));
    }
}
