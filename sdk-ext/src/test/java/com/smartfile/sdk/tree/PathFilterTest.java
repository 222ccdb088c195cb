package com.smartfile.sdk.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.smartfile.sdk.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The gitignore-like globs SyncOptions documents. */
class PathFilterTest {

    private static PathFilter exclude(String... patterns) {
        return new PathFilter(List.of(), List.of(patterns));
    }

    @Test
    void aNameWithoutSlashMatchesAtAnyDepthAndStarStaysInOneName() {
        PathFilter f = exclude("*.tmp");
        assertTrue(f.excludes("a.tmp", false));
        assertTrue(f.excludes("x/y/z.tmp", false));
        assertFalse(f.excludes("a.tmp.txt", false));
        assertFalse(f.excludes("tmp", false));
    }

    @Test
    void aSlashAnchorsAtTheRootAndDoubleStarSpansFolders() {
        PathFilter anchored = exclude("/build");
        assertTrue(anchored.excludes("build", true));
        assertFalse(anchored.excludes("src/build", true), "anchored at the root");
        PathFilter inside = exclude("docs/*.md");
        assertTrue(inside.excludes("docs/a.md", false));
        assertFalse(inside.excludes("docs/sub/a.md", false), "* does not cross a /");
        assertFalse(inside.excludes("x/docs/a.md", false));
        PathFilter deep = exclude("docs/**/*.md");
        assertTrue(deep.excludes("docs/a.md", false), "**/ matches zero folders");
        assertTrue(deep.excludes("docs/sub/deeper/a.md", false));
        PathFilter anyDepth = exclude("**/cache");
        assertTrue(anyDepth.excludes("cache", true));
        assertTrue(anyDepth.excludes("a/b/cache", true));
    }

    @Test
    void aTrailingSlashMatchesFoldersOnlyAndClassesAndQuestionMarksWork() {
        PathFilter f = exclude("cache/");
        assertTrue(f.excludes("a/cache", true));
        assertFalse(f.excludes("a/cache", false));
        PathFilter c = exclude("log[0-9].txt", "?.bak", "[!a]*.x");
        assertTrue(c.excludes("log7.txt", false));
        assertFalse(c.excludes("logx.txt", false));
        assertTrue(c.excludes("q.bak", false));
        assertFalse(c.excludes("qq.bak", false));
        assertTrue(c.excludes("b.x", false));
        assertFalse(c.excludes("a.x", false));
        assertTrue(exclude("a+b (1)#.txt").excludes("a+b (1)#.txt", false), "regex characters are literal");
    }

    @Test
    void includesSelectFilesButFoldersAreStillWalkedAndExcludesWin() {
        PathFilter f = new PathFilter(List.of("*.jpg"), List.of("private/"));
        assertFalse(f.excludes("a.jpg", false));
        assertTrue(f.excludes("a.txt", false));
        assertFalse(f.excludes("albums", true), "folders are walked to find included files");
        assertTrue(f.excludes("private", true));
        assertFalse(f.isEmpty());
        assertTrue(new PathFilter(List.of(), List.of()).isEmpty());
    }

    @Test
    void malformedPatternsAreRejected() {
        assertThrows(InvalidInputException.class, () -> exclude("[abc"));
        assertThrows(InvalidInputException.class, () -> exclude(" "));
        assertThrows(InvalidInputException.class, () -> exclude("/"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SyncOptions.builder().exclude("[x").build());
        assertTrue(e.getMessage().contains("[x"), e.getMessage());
        assertEquals(4, SyncOptions.defaults().getTransfers());
        assertThrows(InvalidInputException.class, () -> SyncOptions.builder().transfers(0));
    }
}
