package com.smartfile.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathGuardTest {

    @TempDir
    Path tmp;

    @Test
    void decodesEachSegmentAndKeepsPlus() throws Exception {
        PathGuard guard = new PathGuard(tmp);
        assertEquals(List.of("My Docs", "a#b?c+d%e", "caf\u00e9.txt"),
                guard.fromPathId("My%20Docs/a%23b%3Fc%2Bd%25e/caf%C3%A9.txt/"));
        assertEquals(List.of("a+b"), guard.fromPathId("a+b"));
        assertEquals(List.of(), guard.fromPathId(""));
        assertEquals(List.of("a", "b"), guard.fromPathId("/a//b/"));
        assertEquals("My%20Docs/caf%C3%A9.txt", PathGuard.pathId(List.of("My Docs", "caf\u00e9.txt")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "a/../b", "%2e%2e", "%2E%2e/x", "a/%2e%2E/", ".", "%2e", "a%2Fb", "a%5Cb",
        "a%00b", "a%0Ab", "a%7Fb", "%zz", "%C3", ".smartfile-emulator-staging/x"})
    void refusesBadSegments(String raw) throws IOException {
        PathGuard guard = new PathGuard(tmp);
        assertThrows(PathGuard.BadPathException.class, () -> guard.fromPathId(raw));
    }

    @Test
    void formPathsAreCheckedToo() throws Exception {
        PathGuard guard = new PathGuard(tmp);
        assertEquals(List.of("a", "b"), guard.fromFormPath("/a/b/"));
        assertThrows(PathGuard.BadPathException.class, () -> guard.fromFormPath("/a/../../etc"));
        assertThrows(PathGuard.BadPathException.class, () -> guard.fromFormPath("/a\u0000b"));
    }

    @Test
    void refusesSymlinksLeadingOutside() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createSymbolicLink(root.resolve("out"), outside);
        Files.createDirectories(root.resolve("in"));
        Files.createSymbolicLink(root.resolve("alias"), root.resolve("in"));
        Files.createSymbolicLink(root.resolve("dangling"), tmp.resolve("nothing"));
        PathGuard guard = new PathGuard(root);
        assertThrows(PathGuard.BadPathException.class, () -> guard.resolve(List.of("out")));
        assertThrows(PathGuard.BadPathException.class, () -> guard.resolve(List.of("out", "x.txt")));
        assertThrows(PathGuard.BadPathException.class, () -> guard.resolve(List.of("dangling")));
        assertEquals(guard.root().resolve("alias").resolve("f"), guard.resolve(List.of("alias", "f")));
    }
}
