package com.smartfile.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import com.smartfile.sdk.model.PathInfo;
import org.junit.jupiter.api.Test;

/** ApiJson: the public JSON entry point writes and reads what the wire carries. */
class ApiJsonTest {

    private static final PathInfo FILE = PathInfo.builder().path("/r/a.txt").name("a.txt").size(11L).directory(false)
            .file(true).time(LocalDateTime.of(2024, 5, 1, 12, 30)).build();

    @Test
    void modelsUseTheApisNamesAndReadBackEqual() {
        String text = ApiJson.write(FILE);
        assertTrue(text.contains("\"isdir\":false") && text.contains("\"isfile\":true"), text);
        assertTrue(text.contains("\"time\":\"2024-05-01T12:30:00\""), text);
        assertEquals(FILE, ApiJson.read(text, PathInfo.class));
        assertEquals(FILE, ApiJson.read(ApiJson.writeIndented(FILE), PathInfo.class));
        assertEquals(FILE, ApiJson.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), PathInfo.class));
    }

    @Test
    void plainValuesAndNestedModelsAreWrittenByTheirRuntimeType() {
        String text = ApiJson.write(Map.of("entries", List.of(FILE)));
        Map<?, ?> read = (Map<?, ?>) ApiJson.read(text, Object.class);
        Map<?, ?> entry = (Map<?, ?>) ((List<?>) read.get("entries")).get(0);
        assertEquals("/r/a.txt", entry.get("path"));
        assertEquals(11.0, entry.get("size"));
        assertEquals("null", ApiJson.write(null));
        assertEquals("{\n  \"a\": 1\n}", ApiJson.writeIndented(Map.of("a", 1)));
    }

    @Test
    void unknownFieldsAreIgnoredAndBadTextIsATypedError() {
        assertEquals("/x", ApiJson.read("{\"path\": \"/x\", \"brand_new\": [1]}", PathInfo.class).getPath());
        InvalidInputException malformed = assertThrows(InvalidInputException.class, () -> ApiJson.read("{\"path\":", PathInfo.class));
        assertTrue(malformed.getMessage().contains("PathInfo"), malformed.getMessage());
        assertThrows(InvalidInputException.class, () -> ApiJson.read("null", PathInfo.class));
        assertThrows(InvalidInputException.class, () -> ApiJson.read("{\"size\": \"big\"}", PathInfo.class));
        assertThrows(InvalidInputException.class,
                () -> ApiJson.read(new ByteArrayInputStream("[1,".getBytes(StandardCharsets.UTF_8)), PathInfo.class));
    }
}
