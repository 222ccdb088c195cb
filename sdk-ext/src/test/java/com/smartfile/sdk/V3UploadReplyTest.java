package com.smartfile.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.smartfile.sdk.internal.SmartFileJson;
import com.smartfile.sdk.internal.V3UploadReply;
import com.smartfile.sdk.model.PathInfo;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import org.junit.jupiter.api.Test;

/** The v3 upload reply is a composition: a {@link PathInfo} and its own fields, from one JSON object. */
class V3UploadReplyTest {

    private final JsonAdapter<V3UploadReply> adapter = SmartFileJson.moshi().adapter(V3UploadReply.class);

    @Test
    void aSuccessIsThePathInfoOfTheSameObjectWithExactNumbersAndUnknownFieldsIgnored() throws Exception {
        V3UploadReply reply = adapter.fromJson("{\"path\":\"/a/b.txt\",\"name\":\"b.txt\",\"size\":9007199254740993,"
                + "\"isfile\":true,\"new_field\":{\"x\":1}}");

        PathInfo info = reply.getPathInfo();
        assertEquals(SmartFileJson.moshi().adapter(PathInfo.class)
                .fromJson("{\"path\":\"/a/b.txt\",\"name\":\"b.txt\",\"size\":9007199254740993,\"isfile\":true}"), info);
        assertEquals(9007199254740993L, info.getSize(), "no detour through double");
        assertNull(reply.getStatus());
        assertNull(reply.getDetail());
    }

    @Test
    void aFailureCarriesStatusAndDetailBesideAnEmptyPathInfo() throws Exception {
        V3UploadReply reply = adapter.fromJson("{\"status\":409,\"detail\":\"Parent does not exist.\"}");

        assertEquals(409, reply.getStatus());
        assertEquals("Parent does not exist.", reply.getDetail());
        assertNull(reply.getPathInfo().getPath());
    }

    @Test
    void itIsWrittenBackAsTheOneFlatObject() throws Exception {
        V3UploadReply reply = adapter.fromJson("{\"path\":\"/a\",\"size\":3,\"status\":200}");

        String json = adapter.toJson(reply);

        assertEquals("{\"path\":\"/a\",\"size\":3,\"status\":200}", json);
        assertEquals(reply, adapter.fromJson(json));
        assertEquals(reply, adapter.fromJsonValue(adapter.toJsonValue(reply)), "also through a JSON value (as the emulator does)");
    }

    @Test
    void aReplyThatIsNotAnObjectIsAJsonError() {
        assertThrows(JsonDataException.class, () -> adapter.fromJson("[1]"));
    }
}
