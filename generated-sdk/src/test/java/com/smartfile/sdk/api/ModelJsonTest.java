package com.smartfile.sdk.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.time.LocalDateTime;
import java.util.List;

import com.smartfile.sdk.model.PathInfo;
import com.smartfile.sdk.model.SmartFileJson;
import com.smartfile.sdk.model.Task;
import com.smartfile.sdk.model.TaskResult;
import com.smartfile.sdk.model.User;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Types;
import org.junit.jupiter.api.Test;

/** The generated models and {@link SmartFileJson}: tolerance to what the server may send, immutability, redaction. */
class ModelJsonTest {

    private static <T> T decode(Class<T> type, String json) throws IOException {
        return SmartFileJson.moshi().adapter(type).fromJson(json);
    }

    @Test
    void naiveTimestampsDecodeAndOtherFormsAreTolerated() throws IOException {
        LocalDateTime expected = LocalDateTime.of(2013, 2, 23, 22, 49, 30);
        assertEquals(expected, decode(PathInfo.class, "{\"time\":\"2013-02-23T22:49:30\"}").getTime());
        assertEquals(expected, decode(PathInfo.class, "{\"time\":\"2013-02-23 22:49:30\"}").getTime());
        assertEquals(expected, decode(PathInfo.class, "{\"time\":\"2013-02-23T22:49:30+05:00\"}").getTime(),
                "an offset, should the server ever send one, keeps the wall-clock time");
        assertEquals(expected.withNano(250_000_000), decode(PathInfo.class, "{\"time\":\"2013-02-23T22:49:30.25\"}").getTime());
        assertNull(decode(PathInfo.class, "{\"time\":null}").getTime());
        JsonDataException bad = assertThrows(JsonDataException.class, () -> decode(PathInfo.class, "{\"time\":\"yesterday\"}"));
        assertTrue(bad.getMessage().contains("yesterday") && bad.getMessage().contains("$.time"), bad.getMessage());
        String json = SmartFileJson.moshi().adapter(PathInfo.class).toJson(PathInfo.builder().time(expected).build());
        assertEquals("{\"time\":\"2013-02-23T22:49:30\"}", json);
    }

    @Test
    void theFormatterFreeReadingOfPlainTimestampsAgreesWithJavaTimeOnEveryInput() throws IOException {
        // The usual form is read by hand (no java.time formatter on a cold JVM's first reply); what it
        // takes or refuses must be what ISO_LOCAL_DATE_TIME takes or refuses, the impossible dates included.
        List<String> inputs = List.of("2013-02-23T22:49:30", "0000-01-01T00:00:00", "9999-12-31T23:59:59",
                "2024-02-29T12:00:00", "2023-02-29T12:00:00", "2013-02-30T22:49:30", "2013-13-01T00:00:00",
                "2013-00-10T00:00:00", "2013-02-23T24:00:00", "2013-02-23T22:60:30", "2013-02-23T22:49:60",
                "2013-02-23T2a:49:30", "2013-02-23T22:49:3", "2013-02-23X22:49:30", "+2013-02-23T22:49:3",
                "2013-02-23T22:49:30Z", "2013-02-23T22:49");
        for (String input : inputs) {
            String json = "{\"time\":\"" + input + "\"}";
            LocalDateTime expected;
            try {
                expected = LocalDateTime.parse(input, java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            } catch (java.time.format.DateTimeParseException e) {
                expected = null;
            }
            if (expected != null) {
                assertEquals(expected, decode(PathInfo.class, json).getTime(), input);
            } else if (!input.endsWith("Z")) {
                assertThrows(JsonDataException.class, () -> decode(PathInfo.class, json), input);
            }
        }
    }

    @Test
    void unknownFieldsAreIgnoredAndUnknownEnumValuesKeepTheirRawValue() throws IOException {
        Task task = decode(Task.class, "{\"uuid\":\"u\",\"added_in_2030\":{\"x\":[1]},\"result\":{\"status\":\"REVOKED\"}}");
        assertEquals("u", task.getUuid());
        assertEquals(TaskResult.Status.UNKNOWN, task.getResult().getStatus());
        assertEquals("REVOKED", task.getResult().getStatusValue());
        assertEquals(TaskResult.Status.SUCCESS, decode(TaskResult.class, "{\"status\":\"SUCCESS\"}").getStatus());
        assertThrows(IllegalArgumentException.class, () -> TaskResult.builder().status(TaskResult.Status.UNKNOWN));
        assertEquals("REVOKED", TaskResult.builder().statusValue("REVOKED").build().getStatusValue());
    }

    @Test
    void singleOrArrayRepliesDecodeEitherShape() throws Exception {
        Method upload = PathsApi.class.getMethod("uploadFiles", String.class, List.class, String.class);
        JsonAdapter<List<PathInfo>> adapter = SmartFileJson.moshi().adapter(
                Types.newParameterizedType(List.class, PathInfo.class), SingleOrArray.class);
        assertTrue(upload.isAnnotationPresent(SingleOrArray.class));
        assertEquals(List.of("a"), names(adapter.fromJson("{\"name\":\"a\"}")));
        assertEquals(List.of("a", "b"), names(adapter.fromJson("[{\"name\":\"a\"},{\"name\":\"b\"}]")));
        assertNull(adapter.fromJson("null"));
    }

    private static List<String> names(List<PathInfo> infos) {
        return infos.stream().map(PathInfo::getName).collect(java.util.stream.Collectors.toList());
    }

    @Test
    void modelsAreImmutableValuesWithSecretsHiddenFromToString() throws IOException {
        PathInfo info = decode(PathInfo.class, "{\"name\":\"a\",\"tags\":[\"x\"]}");
        assertThrows(UnsupportedOperationException.class, () -> info.getTags().add("y"));
        assertTrue(info.getChildren().isEmpty(), "absent lists read as empty");
        assertEquals(info, info.toBuilder().build());
        assertEquals(info.hashCode(), info.toBuilder().build().hashCode());
        assertFalse(info.equals(info.toBuilder().name("b").build()));

        User user = User.builder().username("jdoe").password("hunter2-very-secret").build();
        assertTrue(user.toString().contains("jdoe"));
        assertFalse(user.toString().contains("hunter2"), user.toString());
    }
}
