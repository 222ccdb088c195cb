package com.smartfile.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserAgentTest {

    @Test
    void formatNamesSdkJavaAndOs() {
        assertEquals("SmartFile-Java-SDK/1.2.3 (Java 17.0.2; Linux amd64)",
                UserAgent.of(null, "1.2.3", "17.0.2", "Linux", "amd64"));
        assertEquals("SmartFile-Java-SDK/1.2.3 (Java 17.0.2; Linux amd64) backup-tool/4.5 (+https://example.com)",
                UserAgent.of("backup-tool/4.5 (+https://example.com)", "1.2.3", "17.0.2", "Linux", "amd64"));
    }

    @Test
    void systemPropertiesAreMadeHeaderSafe() {
        assertEquals("SmartFile-Java-SDK/unknown (Java unknown; Syst_me_ x86)",
                UserAgent.of(null, null, "", "Systéme\n", "x86"));
    }

    @Test
    void versionComesFromTheFilteredBuildResource() {
        String version = UserAgent.sdkVersion();
        assertTrue(version.matches("[0-9]+\\.[0-9]+\\.[0-9]+.*"), version);
        String ua = UserAgent.of(null);
        assertTrue(ua.startsWith("SmartFile-Java-SDK/" + version + " (Java " + System.getProperty("java.version") + "; "),
                ua);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tool\r\nX-Evil: 1", "tool\n", "tool\u0000", "tööl", "", "   ", "tab\there"})
    void rejectsUnsafeSuffixes(String suffix) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> UserAgent.of(suffix));
        assertFalse(e.getMessage().chars().anyMatch(c -> c < 0x20), e.getMessage());
    }

    @Test
    void rejectsOverlongSuffix() {
        assertThrows(InvalidInputException.class, () -> UserAgent.of("x".repeat(201)));
    }

    @Test
    void interceptorSetsTheHeaderUnlessTheRequestHasOne() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            String ua = UserAgent.of("suite/1");
            OkHttpClient client = new OkHttpClient.Builder().addInterceptor(UserAgent.interceptor(ua)).build();
            server.enqueue(new MockResponse.Builder().build());
            server.enqueue(new MockResponse.Builder().build());

            client.newCall(new Request.Builder().url(server.url("/")).build()).execute().close();
            client.newCall(new Request.Builder().url(server.url("/")).header("User-Agent", "mine/1").build())
                    .execute().close();

            assertEquals(ua, server.takeRequest().getHeaders().get("User-Agent"));
            assertEquals("mine/1", server.takeRequest().getHeaders().get("User-Agent"));
        }
    }
}
