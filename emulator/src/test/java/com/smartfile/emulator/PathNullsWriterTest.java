package com.smartfile.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.smartfile.sdk.model.Owner;
import com.smartfile.sdk.model.PathInfo;

/**
 * The one-pass writer of path information with its null keys ({@link JsonReplies#toJsonWithPathNulls})
 * says exactly what the plain-value tree of {@link Variants#jsonValue} says, nested children included.
 */
class PathNullsWriterTest {

    private final Variants variants = new Variants(Profile.DRF3_2023, List.of(Variant.PathInfoNulls.PRESENT));

    private static PathInfo folder() {
        PathInfo file = PathInfo.builder().name("a \"quoted\" owner\":.txt").path("/f/a.txt").size(3L).file(true).build();
        PathInfo owned = PathInfo.builder().name("b").path("/f/b").directory(true).items(2)
                .owner(Owner.builder().email("o@example.com").build()).build();
        return PathInfo.builder().name("f").path("/f").directory(true).items(2).children(List.of(file, owned)).build();
    }

    private static Object parse(byte[] json) throws IOException {
        return JsonReplies.parse(new String(json, StandardCharsets.UTF_8));
    }

    @Test
    void aFolderWithChildrenIsWrittenAsTheValueTreeWritesIt() throws IOException {
        PathInfo info = folder();
        Object fast = parse(variants.toJson(info));
        assertEquals(parse(JsonReplies.toJson(variants.jsonValue(info))), fast);
        Map<?, ?> top = (Map<?, ?>) fast;
        assertTrue(top.containsKey("owner") && top.get("owner") == null, top::toString);
        Map<?, ?> first = (Map<?, ?>) ((List<?>) top.get("children")).get(0);
        assertTrue(first.containsKey("items") && first.get("items") == null, first::toString);
        Map<?, ?> second = (Map<?, ?>) ((List<?>) top.get("children")).get(1);
        assertEquals(Map.of("email", "o@example.com"), second.get("owner"));
    }

    @Test
    void aListOfPathInformationIsWrittenAsTheValueTreeWritesIt() throws IOException {
        List<PathInfo> list = List.of(folder(), PathInfo.builder().name("x").build());
        assertEquals(parse(JsonReplies.toJson(variants.jsonValue(list))), parse(variants.toJson(list)));
    }

    @Test
    void omittedNullsLeaveTheKeysOut() throws IOException {
        Variants omitted = new Variants(Profile.DRF3_2023, List.of(Variant.PathInfoNulls.OMITTED));
        Map<?, ?> top = (Map<?, ?>) parse(omitted.toJson(folder()));
        assertTrue(!top.containsKey("owner"), top::toString);
    }
}
