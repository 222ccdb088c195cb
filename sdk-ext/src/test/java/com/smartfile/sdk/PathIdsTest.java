package com.smartfile.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.stream.Stream;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import retrofit2.Call;
import retrofit2.Retrofit;
import retrofit2.http.GET;
import retrofit2.http.Path;

class PathIdsTest {

    /** The shape of the generated path-id methods: an encoded id at the end of the URL. */
    interface PathService {
        @GET("path/info/{path}")
        Call<ResponseBody> info(@Path(value = "path", encoded = true) String path);
    }

    static Stream<Arguments> table() {
        return Stream.of(
                // input, v2 id, form value
                Arguments.of("/the/file/path", "the/file/path/", "/the/file/path"),
                Arguments.of("the/file/path", "the/file/path/", "/the/file/path"),
                Arguments.of("//a///b//", "a/b/", "/a/b"),
                Arguments.of("/a/b/", "a/b/", "/a/b"),
                Arguments.of("/a b.txt", "a%20b.txt/", "/a b.txt"),
                Arguments.of("/ü", "%C3%BC/", "/ü"),
                Arguments.of("/日本/x", "%E6%97%A5%E6%9C%AC/x/", "/日本/x"),
                Arguments.of("/😀", "%F0%9F%98%80/", "/😀"),
                Arguments.of("/100%", "100%25/", "/100%"),
                Arguments.of("/%41", "%2541/", "/%41"),
                Arguments.of("/a#b", "a%23b/", "/a#b"),
                Arguments.of("/a?b=c", "a%3Fb%3Dc/", "/a?b=c"),
                Arguments.of("/a+b", "a%2Bb/", "/a+b"),
                Arguments.of("/a&b", "a%26b/", "/a&b"),
                Arguments.of("/:@!$'()*,;", "%3A%40%21%24%27%28%29%2A%2C%3B/", "/:@!$'()*,;"),
                Arguments.of("/back\\slash", "back%5Cslash/", "/back\\slash"),
                Arguments.of("/AZaz09-._~", "AZaz09-._~/", "/AZaz09-._~"),
                Arguments.of("/.hidden/...", ".hidden/.../", "/.hidden/..."),
                Arguments.of("/a../..b", "a../..b/", "/a../..b"));
    }

    @ParameterizedTest
    @MethodSource("table")
    void encodesEachSegment(String input, String v2, String form) {
        assertEquals(v2, PathIds.v2(input));
        assertEquals(v2.substring(0, v2.length() - 1), PathIds.v3(input));
        assertEquals(form, PathIds.formValue(input));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "//", "///"})
    void rootIsEmptyForV2AndSlashForForms(String root) {
        assertEquals("", PathIds.v2(root));
        assertEquals("/", PathIds.formValue(root));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PathIds.v3(root));
        assertTrue(e.getMessage().contains("root"), e.getMessage());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"..", ".", "/a/../b", "/a/./b", "/a/..", "./a", "a\rb", "a\nb", "a\tb", "a\u0000b",
        "a\u001fb", "a\u007fb", "/x/\r\nSet-Cookie: y", "a\ud800b", "a\udc00", "a\ud83d"})
    void rejectsBeforeAnythingIsSent(String bad) {
        assertThrows(InvalidInputException.class, () -> PathIds.v2(bad));
        assertThrows(InvalidInputException.class, () -> PathIds.v3(bad));
        assertThrows(InvalidInputException.class, () -> PathIds.formValue(bad));
    }

    @Test
    void messagesEscapeControlCharacters() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PathIds.v2("/x\r\n\u0000y"));
        assertTrue(e.getMessage().contains("\"/x\\r\\n\\u0000y\""), e.getMessage());
        assertTrue(e.getMessage().contains("U+000D"), e.getMessage());
        assertFalse(e.getMessage().chars().anyMatch(c -> c < 0x20), e.getMessage());
    }

    @Test
    void messageNamesTheDotSegment() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PathIds.formValue("/a/../etc"));
        assertTrue(e.getMessage().contains("\"..\""), e.getMessage());
    }

    @Test
    void lengthLimits() {
        String segment255 = "a".repeat(255);
        assertEquals(segment255 + "/", PathIds.v2("/" + segment255));
        assertThrows(InvalidInputException.class, () -> PathIds.v2("/" + "a".repeat(256)));
        // 128 × "ü" is 128 characters but 256 UTF-8 bytes.
        assertThrows(InvalidInputException.class, () -> PathIds.v2("/" + "ü".repeat(128)));
        assertEquals("%C3%BC".repeat(127), PathIds.v3("/" + "ü".repeat(127)));

        String path4096 = ("/" + "b".repeat(255)).repeat(16);
        assertEquals(4096, path4096.length());
        assertEquals(path4096, PathIds.formValue(path4096));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PathIds.formValue(path4096 + "/c"));
        assertTrue(e.getMessage().contains("4098"), e.getMessage());
        assertTrue(e.getMessage().length() < 400, "a long path is shortened in the message");
    }

    @Test
    void encodedIdsReachTheServerAsExpected() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            PathService service = new Retrofit.Builder()
                    .baseUrl(server.url("/api/2/"))
                    .callFactory(new OkHttpClient())
                    .build()
                    .create(PathService.class);

            String tricky = "/Reports 2024/ü 日本/100% #1 ?&+=.txt";
            assertEquals("/api/2/path/info/Reports%202024/%C3%BC%20%E6%97%A5%E6%9C%AC/100%25%20%231%20%3F%26%2B%3D.txt/",
                    targetOf(server, service.info(PathIds.v2(tricky))));
            assertEquals("/api/2/path/info/", targetOf(server, service.info(PathIds.v2("/"))));
            assertEquals("/api/2/path/info/a/b/", targetOf(server, service.info(PathIds.v2("a//b/"))));

            // v3 through OkHttp alone: Retrofit refuses relative URLs that start with "../".
            HttpUrl v3 = server.url("/api/3/path/data/").resolve(PathIds.v3(tricky));
            server.enqueue(new MockResponse.Builder().build());
            new OkHttpClient().newCall(new Request.Builder().url(v3).put(RequestBody.create(new byte[0])).build())
                    .execute().close();
            assertEquals("/api/3/path/data/Reports%202024/%C3%BC%20%E6%97%A5%E6%9C%AC/100%25%20%231%20%3F%26%2B%3D.txt",
                    server.takeRequest().getTarget());
        }
    }

    private static String targetOf(MockWebServer server, Call<ResponseBody> call) throws IOException, InterruptedException {
        server.enqueue(new MockResponse.Builder().body("{}").build());
        call.execute().body().close();
        return server.takeRequest().getTarget();
    }
}
