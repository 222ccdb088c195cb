package com.smartfile.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * A client for an {@code http://} server does not set up TLS (OkHttp would otherwise load the
 * platform's trust store when the client is built, a cost every CLI command paid). Counted with
 * {@code -verbose:class} in a fresh JVM, against the same probe with an {@code https://} URL.
 */
class CleartextStartupTest {

    private static final String TLS_CLASSES = "javax.net.ssl.TrustManagerFactory |sun.security.ssl.SSLContextImpl |java.security.KeyStore ";

    @Test
    void anHttpBaseUrlLoadsNoTrustStoreWhileHttpsDoes() throws Exception {
        List<String> http = tlsClassesLoaded("http://127.0.0.1:9/");
        List<String> https = tlsClassesLoaded("https://127.0.0.1:9/");
        assertEquals(List.of(), http);
        assertTrue(https.size() >= 2, "the https control run should set up TLS: " + https);
    }

    @Test
    void aRedirectToHttpsIsATypedErrorThatSaysWhatToDo() throws IOException {
        try (mockwebserver3.MockWebServer server = new mockwebserver3.MockWebServer()) {
            server.start();
            server.enqueue(new mockwebserver3.MockResponse.Builder().code(301)
                    .addHeader("Location", "https://127.0.0.1:9/api/2/ping/").build());
            try (SmartFile client = SmartFile.builder().baseUrl(server.url("/").toString())
                    .basicAuth("probe-key-0123456789abcdefghijklmnop", "probe-password-0123456789abcdefghijkl").build()) {
                SmartFileException e = org.junit.jupiter.api.Assertions.assertThrows(SmartFileException.class, client::ping);
                assertTrue(e.getMessage().contains("https://127.0.0.1:9/"), e.getMessage());
                assertTrue(e.getMessage().contains("use it as the base URL"), e.getMessage());
            }
        }
    }

    private static List<String> tlsClassesLoaded(String url) throws IOException, InterruptedException {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-verbose:class", "-cp", System.getProperty("java.class.path"),
                TlsSetupProbe.class.getName(), url).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String tail = out.substring(Math.max(0, out.length() - 3000));
        assertEquals(0, p.waitFor(), tail);
        assertTrue(out.contains("built " + url), tail);
        return out.lines().filter(l -> l.matches(".*\\b(" + TLS_CLASSES + ").*"))
                .collect(Collectors.toList());
    }
}
