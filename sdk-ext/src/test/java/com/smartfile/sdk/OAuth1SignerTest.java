package com.smartfile.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/**
 * Signing against the published test vectors. The expected values are copied from the
 * documents named in each test, not computed by this code.
 */
class OAuth1SignerTest {

    /** RFC 5849 §3.4.1.1: the documented signature base string, exactly. */
    @Test
    void rfc5849Section3411BaseString() {
        HttpUrl url = HttpUrl.get("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b");
        List<Map.Entry<String, String>> form = OAuth1Signer.parseForm("c2&a3=2+q");
        List<Map.Entry<String, String>> oauth = List.of(
                Map.entry("realm", "Example"),
                Map.entry("oauth_consumer_key", "9djdj82h48djs9d2"),
                Map.entry("oauth_token", "kkk9d7dh3k39sjv7"),
                Map.entry("oauth_signature_method", "HMAC-SHA1"),
                Map.entry("oauth_timestamp", "137131201"),
                Map.entry("oauth_nonce", "7d8f3e4a"),
                Map.entry("oauth_signature", "djosJKDKJSD8743243%2Fjdk33klY%3D"));
        String expected = "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q"
                + "%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_"
                + "key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_m"
                + "ethod%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk"
                + "9d7dh3k39sjv7";
        assertEquals(expected, OAuth1Signer.baseString("post", url, form, oauth));
    }

    /**
     * RFC 5849 §1.2, the protected-resource request: signature
     * {@code MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D}. The RFC's example sends no oauth_version.
     */
    @Test
    void rfc5849Section12ResourceRequestHmacSha1() {
        HttpUrl url = HttpUrl.get("http://photos.example.net/photos?file=vacation.jpg&size=original");
        List<Map.Entry<String, String>> oauth = List.of(
                Map.entry("oauth_consumer_key", "dpf43f3p2l4k3l03"),
                Map.entry("oauth_token", "nnch734d00sl2jdk"),
                Map.entry("oauth_signature_method", "HMAC-SHA1"),
                Map.entry("oauth_timestamp", "137131202"),
                Map.entry("oauth_nonce", "chapoH"));
        String base = OAuth1Signer.baseString("GET", url, Collections.emptyList(), oauth);
        assertEquals("MdpQcU8iPSUjWoN/UDMsK2sui9I=",
                OAuth1Signer.hmacSha1(base, "kd94hf93k423kf44", "pfkkdhi9sl3r4s00"));
    }

    /** RFC 5849 §1.2, the token request with a verifier: {@code gKgrFCywp7rO0OXSjdot%2FIHF7IU%3D}. */
    @Test
    void rfc5849Section12TokenRequestHmacSha1() {
        HttpUrl url = HttpUrl.get("https://photos.example.net/token");
        List<Map.Entry<String, String>> oauth = List.of(
                Map.entry("oauth_consumer_key", "dpf43f3p2l4k3l03"),
                Map.entry("oauth_token", "hh5s93j4hdidpola"),
                Map.entry("oauth_signature_method", "HMAC-SHA1"),
                Map.entry("oauth_timestamp", "137131201"),
                Map.entry("oauth_nonce", "walatlh"),
                Map.entry("oauth_verifier", "hfdp7dh39dks9884"));
        String base = OAuth1Signer.baseString("POST", url, Collections.emptyList(), oauth);
        assertEquals("gKgrFCywp7rO0OXSjdot/IHF7IU=",
                OAuth1Signer.hmacSha1(base, "kd94hf93k423kf44", "hdhd0244k9j7ao03"));
    }

    /**
     * {@code tR3+Ty81lMeYAr/Fid0kMTYa/WM=} is documented in OAuth Core 1.0 Appendix A.5 (not in
     * RFC 5849, whose §1.2 uses nonce chapoH and another timestamp): same keys, nonce
     * kllo9940pd9333jh, timestamp 1191242096, oauth_version 1.0. Signed here through the full
     * path, with the nonce and clock injected.
     */
    @Test
    void oauthCore10AppendixA5ThroughTheSigner() {
        OAuth1Signer signer = new OAuth1Signer(OAuthSignatureMethod.HMAC_SHA1, () -> "kllo9940pd9333jh", () -> 1191242096L);
        String header = signer.authorizationHeader("GET",
                HttpUrl.get("http://photos.example.net/photos?file=vacation.jpg&size=original"),
                Collections.emptyList(), "dpf43f3p2l4k3l03", "kd94hf93k423kf44", "nnch734d00sl2jdk",
                "pfkkdhi9sl3r4s00", Collections.emptyList());
        assertTrue(header.startsWith("OAuth "), header);
        assertTrue(header.endsWith(", oauth_signature=\"tR3%2BTy81lMeYAr%2FFid0kMTYa%2FWM%3D\""), header);
        assertTrue(header.contains("oauth_version=\"1.0\""), header);
        assertTrue(header.contains("oauth_nonce=\"kllo9940pd9333jh\""), header);
        assertTrue(header.contains("oauth_timestamp=\"1191242096\""), header);
    }

    /** RFC 5849 §3.4.4 and the §2.3 example: {@code oauth_signature="ja893SD9%26xyz4992k83j47x0b"}. */
    @Test
    void plaintextSignatureAndHeader() {
        OAuth1Signer signer = new OAuth1Signer(OAuthSignatureMethod.PLAINTEXT, () -> "n", () -> 1L);
        String header = signer.authorizationHeader("POST", HttpUrl.get("https://server.example.com/request_token"),
                Collections.emptyList(), "jd83jd92dhsh93js", "ja893SD9", "hdk48Djdsa", "xyz4992k83j47x0b",
                List.of(Map.entry("oauth_verifier", "473f82d3")));
        assertEquals("OAuth oauth_consumer_key=\"jd83jd92dhsh93js\", oauth_token=\"hdk48Djdsa\", "
                + "oauth_signature_method=\"PLAINTEXT\", oauth_timestamp=\"1\", oauth_nonce=\"n\", "
                + "oauth_version=\"1.0\", oauth_verifier=\"473f82d3\", "
                + "oauth_signature=\"ja893SD9%26xyz4992k83j47x0b\"", header);
        // No token yet: the token secret part is empty, the '&' stays.
        assertEquals("cs%2Bx&", OAuth1Signer.plaintextSignature("cs+x", null));
    }

    /** RFC 5849 §3.6. */
    @Test
    void percentEncoding() {
        assertEquals("AZaz09-._~", OAuth1Signer.encode("AZaz09-._~"));
        assertEquals("Ladies%20%2B%20Gentlemen", OAuth1Signer.encode("Ladies + Gentlemen"));
        assertEquals("Dogs%2C%20Cats%20%26%20Mice", OAuth1Signer.encode("Dogs, Cats & Mice"));
        assertEquals("%2A%21%27%28%29%2F%3D%3F%25", OAuth1Signer.encode("*!'()/=?%"));
        assertEquals("%E2%98%83%C3%A9", OAuth1Signer.encode("\u2603\u00e9"));
    }

    /** RFC 5849 §3.4.1.2's two examples, plus the https default port. */
    @Test
    void baseStringUri() {
        assertEquals("http://example.com/r%20v/X", OAuth1Signer.baseUri(HttpUrl.get("HTTP://EXAMPLE.COM:80/r%20v/X?id=123")));
        assertEquals("https://www.example.net:8080/", OAuth1Signer.baseUri(HttpUrl.get("https://www.example.net:8080/?q=1")));
        assertEquals("https://app.smartfile.com/api/2/", OAuth1Signer.baseUri(HttpUrl.get("https://app.smartfile.com:443/api/2/")));
    }

    @Test
    void formParsing() {
        List<Map.Entry<String, String>> form = OAuth1Signer.parseForm("a=1&b=x+y%20z&c&d=%E2%98%83&e=%zz&&a=2");
        assertEquals(List.of(Map.entry("a", "1"), Map.entry("b", "x y z"), Map.entry("c", ""),
                Map.entry("d", "\u2603"), Map.entry("e", "%zz"), Map.entry("a", "2")), form);
    }

    @Test
    void randomNonceIs32AlphanumericsAndFresh() {
        String a = OAuth1Signer.randomNonce();
        String b = OAuth1Signer.randomNonce();
        assertTrue(a.matches("[A-Za-z0-9]{32}"), a);
        assertTrue(b.matches("[A-Za-z0-9]{32}"), b);
        assertNotEquals(a, b);
    }
}
