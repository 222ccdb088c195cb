package com.smartfile.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The verifier against RFC 5849's own example (§3.4.1.1) and against the tests' signer. */
class OAuthSignatureTest {

    @Test
    void buildsTheRfc5849ExampleBaseString() {
        // POST /request?b5=%3D%253D&a3=a&c%40=&a2=r%20b, Host: example.com, body c2&a3=2+q
        List<String[]> params = new ArrayList<>();
        FormData.parse("b5=%3D%253D&a3=a&c%40=&a2=r%20b").asMap()
                .forEach((k, vs) -> vs.forEach(v -> params.add(new String[] {k, v})));
        FormData.parse("c2&a3=2+q").asMap().forEach((k, vs) -> vs.forEach(v -> params.add(new String[] {k, v})));
        Map<String, String> header = OAuthSignature.parseHeader("OAuth realm=\"Example\", "
                + "oauth_consumer_key=\"9djdj82h48djs9d2\", oauth_token=\"kkk9d7dh3k39sjv7\", "
                + "oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\"137131201\", "
                + "oauth_nonce=\"7d8f3e4a\", oauth_signature=\"bYT5CMsGcbgUdFHObYMEfcx6bsw%3D\"");
        assertEquals("bYT5CMsGcbgUdFHObYMEfcx6bsw=", header.get("oauth_signature"));
        header.forEach((k, v) -> {
            if (k.startsWith("oauth_") && !k.equals("oauth_signature")) {
                params.add(new String[] {k, v});
            }
        });
        String base = OAuthSignature.baseString("POST", OAuthSignature.baseUri("Example.com", "/request"), params);
        assertEquals("POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q"
                + "%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9dj"
                + "dj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1"
                + "%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7", base);
        // the same base string, signed by the tests' own signer, must verify
        String signature = TestOAuthSigner.hmac("j49sk3j29djd&dh893hdasih9", base);
        assertTrue(OAuthSignature.verify("HMAC-SHA1", signature, base, "j49sk3j29djd", "dh893hdasih9"));
        assertFalse(OAuthSignature.verify("HMAC-SHA1", signature, base, "j49sk3j29djd", "wrong"));
        assertEquals(TestOAuthSigner.baseString("POST", "http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b",
                List.of("c2", "", "a3", "2 q"), new java.util.TreeMap<>(Map.of(
                        "oauth_consumer_key", "9djdj82h48djs9d2", "oauth_token", "kkk9d7dh3k39sjv7",
                        "oauth_signature_method", "HMAC-SHA1", "oauth_timestamp", "137131201",
                        "oauth_nonce", "7d8f3e4a"))), base);
    }

    @Test
    void plaintextIsTheEncodedSecretPair() {
        assertTrue(OAuthSignature.verify("PLAINTEXT", "cs&ts", "", "cs", "ts"));
        assertTrue(OAuthSignature.verify("plaintext", "c%26s&", "", "c&s", ""));
        assertFalse(OAuthSignature.verify("PLAINTEXT", "cs&other", "", "cs", "ts"));
        assertFalse(OAuthSignature.verify("RSA-SHA1", "cs&ts", "", "cs", "ts"));
        assertFalse(OAuthSignature.verify(null, "cs&ts", "", "cs", "ts"));
    }

    @Test
    void baseUriDropsDefaultPortAndLowercasesHost() {
        assertEquals("http://example.com/r%20v/X", OAuthSignature.baseUri("EXAMPLE.COM:80", "/r%20v/X"));
        assertEquals("http://127.0.0.1:8080/a/", OAuthSignature.baseUri("127.0.0.1:8080", "/a/"));
    }
}
