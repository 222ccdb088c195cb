package com.smartfile.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The validator used by every other test really validates (a wrong reply fails). */
class SpecValidatorTest {

    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void foldsPathIdsIntoOneSegment() {
        assertEquals("/api/2/path/info/My%20Docs%2Fa.txt", SpecValidator.specPath("/api/2/path/info/My%20Docs/a.txt/"));
        assertEquals("/api/2/path/info/%2F", SpecValidator.specPath("/api/2/path/info/"));
        assertEquals("/api/3/path/data/a%2Fb", SpecValidator.specPath("/api/3/path/data/a/b"));
        assertEquals("/api/2.1/access/path/x", SpecValidator.specPath("/api/2.1/access/path/x/"));
        assertEquals("/api/2/task/abc/", SpecValidator.specPath("/api/2/task/abc"));
    }

    @Test
    void acceptsConformingRepliesAndRefusesOthers() {
        SpecValidator.validate("GET", "/api/2/ping/", 200, JSON, bytes("{\"ping\":\"pong\"}"));
        assertThrows(AssertionError.class,
                () -> SpecValidator.validate("GET", "/api/2/ping/", 200, JSON, bytes("{\"ping\":5}")));
        assertThrows(AssertionError.class, () -> SpecValidator.validate("GET", "/api/2/path/info/a/", 200, JSON,
                bytes("{\"path\":\"/a\",\"size\":\"big\"}")));
        assertThrows(AssertionError.class, () -> SpecValidator.validate("GET", "/api/2/task/x/", 418, JSON,
                bytes("{}")));
        // A 400 for a folder download is what the emulator answers but the spec does not list it.
        assertThrows(AssertionError.class, () -> SpecValidator.validate("GET", "/api/2/path/data/folder/", 400,
                JSON, bytes("{\"detail\":\"You cannot download folders.\"}")));
    }
}
