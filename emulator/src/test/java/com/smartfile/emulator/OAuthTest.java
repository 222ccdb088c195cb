package com.smartfile.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * OAuth 1.0a: PLAINTEXT and HMAC-SHA1 requests signed by the tests' own signer are accepted,
 * wrong ones refused; the request-token / authorize / access-token flow end to end.
 */
@ExtendWith(SmartFileEmulatorExtension.class)
class OAuthTest {

    private static final String FAILED = "Could not verify OAuth request.";

    private static TestOAuthSigner signer(EmulatorCredentials c) {
        return new TestOAuthSigner(c.clientToken(), c.clientSecret());
    }

    private static String sign(EmulatorCredentials c, String method, String path, List<String> form, String method2) {
        return signer(c).header(method, c.baseUrl() + path, form, c.accessToken(), c.accessSecret(), method2, Map.of());
    }

    @Test
    void plaintextAndHmacRequestsAreAccepted(EmulatorCredentials c) {
        TestClient client = TestClient.basic(c).anonymous();
        Checks.json(client.get("api/2/whoami/", "Authorization", sign(c, "GET", "api/2/whoami/", List.of(),
                "PLAINTEXT")), 200);
        String path = "api/2/path/info/?children=true&limit=5&fields=name";
        Checks.json(client.get(path, "Authorization", sign(c, "GET", path, List.of(), "HMAC-SHA1")), 200);
        // a signed form body (with characters that need encoding) on a path with an encoded segment
        List<String> form = List.of("path", "/OAuth dir/a+b & c=d \u00e9");
        String mkdir = "api/2.1/path/oper/mkdir/";
        Reply made = client.send("POST", mkdir, HttpRequest.BodyPublishers.ofString(TestClient.form("path",
                form.get(1))), "Content-Type", "application/x-www-form-urlencoded",
                "Authorization", sign(c, "POST", mkdir, form, "HMAC-SHA1"));
        assertEquals("/OAuth dir/a+b & c=d \u00e9", Checks.json(made, 200).get("path"));
        String info = "api/2/path/info/OAuth%20dir/a%2Bb%20%26%20c%3Dd%20%C3%A9/";
        Checks.json(client.get(info, "Authorization", sign(c, "GET", info, List.of(), "HMAC-SHA1")), 200);
    }

    @Test
    void oauthValuesInTheQueryStringWork(EmulatorCredentials c) {
        String path = "api/2/whoami/?oauth_consumer_key=" + c.clientToken() + "&oauth_token=" + c.accessToken()
                + "&oauth_signature_method=PLAINTEXT&oauth_signature=" + c.clientSecret() + "%26" + c.accessSecret()
                + "&oauth_timestamp=1&oauth_nonce=n&oauth_version=1.0";
        Checks.json(TestClient.basic(c).anonymous().get(path), 200);
    }

    @Test
    void wrongSignaturesAreRefusedWith403(EmulatorCredentials c) {
        TestClient client = TestClient.basic(c).anonymous();
        String good = sign(c, "GET", "api/2/whoami/", List.of(), "HMAC-SHA1");
        // signed for another URL
        assertEquals(FAILED, Checks.detail(client.get("api/2/right/", "Authorization", good), 403));
        // signed for another method
        assertEquals(FAILED, Checks.detail(client.get("api/2/whoami/", "Authorization",
                sign(c, "POST", "api/2/whoami/", List.of(), "HMAC-SHA1")), 403));
        // wrong secrets
        TestOAuthSigner wrongClient = new TestOAuthSigner(c.clientToken(), "nope");
        assertEquals(FAILED, Checks.detail(client.get("api/2/whoami/", "Authorization", wrongClient.header("GET",
                c.baseUrl() + "api/2/whoami/", List.of(), c.accessToken(), c.accessSecret(), "PLAINTEXT",
                Map.of())), 403));
        assertEquals(FAILED, Checks.detail(client.get("api/2/whoami/", "Authorization", signer(c).header("GET",
                c.baseUrl() + "api/2/whoami/", List.of(), c.accessToken(), "wrong", "HMAC-SHA1", Map.of())), 403));
        // unknown token, unknown consumer, unsupported method
        assertEquals(FAILED, Checks.detail(client.get("api/2/whoami/", "Authorization", signer(c).header("GET",
                c.baseUrl() + "api/2/whoami/", List.of(), "unknown", c.accessSecret(), "PLAINTEXT", Map.of())), 403));
        assertEquals(FAILED, Checks.detail(client.get("api/2/whoami/", "Authorization",
                new TestOAuthSigner("other", c.clientSecret()).header("GET", c.baseUrl() + "api/2/whoami/",
                        List.of(), c.accessToken(), c.accessSecret(), "PLAINTEXT", Map.of())), 403));
        assertEquals(FAILED, Checks.detail(client.get("api/2/whoami/", "Authorization",
                good.replace("HMAC-SHA1", "RSA-SHA1")), 403));
        assertEquals(FAILED, Checks.detail(client.get("api/2/whoami/", "Authorization", "OAuth oauth_consumer_key"),
                403));
    }

    @Test
    void tokenFlowEndToEnd(EmulatorCredentials c) {
        TestClient client = TestClient.basic(c).anonymous();
        TestOAuthSigner signer = signer(c);
        // 1. request token, PLAINTEXT with the client secret alone, out-of-band
        Reply requested = client.send("POST", "oauth/request_token/", HttpRequest.BodyPublishers.noBody(),
                "Authorization", signer.header("POST", c.baseUrl() + "oauth/request_token/", List.of(), null, "",
                        "PLAINTEXT", Map.of("oauth_callback", "oob")));
        assertEquals(200, requested.status, requested::toString);
        assertEquals("application/x-www-form-urlencoded", requested.header("Content-Type"));
        FormData token = FormData.parse(requested.text());
        String requestToken = token.first("oauth_token");
        String requestSecret = token.first("oauth_token_secret");
        // 2. authorize (auto-approved): the verifier comes back as text
        Reply authorized = client.get("oauth/authorize/?oauth_token=" + requestToken);
        assertEquals(200, authorized.status);
        String verifier = authorized.text();
        assertTrue(verifier.matches("[A-Za-z0-9]{20}"), verifier);
        // a wrong verifier is refused
        Reply wrong = client.send("POST", "oauth/access_token/", HttpRequest.BodyPublishers.noBody(),
                "Authorization", signer.header("POST", c.baseUrl() + "oauth/access_token/", List.of(), requestToken,
                        requestSecret, "HMAC-SHA1", Map.of("oauth_verifier", "x" + verifier)));
        assertEquals(403, wrong.status);
        // 3. access token, HMAC-SHA1 with the request token's secret
        Reply access = client.send("POST", "oauth/access_token/", HttpRequest.BodyPublishers.noBody(),
                "Authorization", signer.header("POST", c.baseUrl() + "oauth/access_token/", List.of(), requestToken,
                        requestSecret, "HMAC-SHA1", Map.of("oauth_verifier", verifier)));
        assertEquals(200, access.status, access::toString);
        FormData accessToken = FormData.parse(access.text());
        // 4. the new token works for API calls
        Checks.json(client.get("api/2/whoami/", "Authorization", signer.header("GET", c.baseUrl() + "api/2/whoami/",
                List.of(), accessToken.first("oauth_token"), accessToken.first("oauth_token_secret"), "HMAC-SHA1",
                Map.of())), 200);
        // a request token is exchanged once
        Reply again = client.send("POST", "oauth/access_token/", HttpRequest.BodyPublishers.noBody(),
                "Authorization", signer.header("POST", c.baseUrl() + "oauth/access_token/", List.of(), requestToken,
                        requestSecret, "PLAINTEXT", Map.of("oauth_verifier", verifier)));
        assertEquals(403, again.status);
        assertEquals(FAILED, again.text());
    }

    @Test
    void authorizeRedirectsToTheCallback(EmulatorCredentials c) {
        TestClient client = TestClient.basic(c).anonymous();
        TestOAuthSigner signer = signer(c);
        Reply requested = client.get("oauth/request_token/", "Authorization", signer.header("GET",
                c.baseUrl() + "oauth/request_token/", List.of(), null, "", "HMAC-SHA1",
                Map.of("oauth_callback", "http://localhost:9/cb?state=1")));
        assertEquals(200, requested.status, requested::toString);
        String requestToken = FormData.parse(requested.text()).first("oauth_token");
        Reply redirect = client.get("oauth/authorize/?oauth_token=" + requestToken);
        assertEquals(302, redirect.status);
        URI location = URI.create(redirect.header("Location"));
        assertEquals("/cb", location.getPath());
        FormData query = FormData.parse(location.getRawQuery());
        assertEquals("1", query.first("state"));
        assertEquals(requestToken, query.first("oauth_token"));
        assertTrue(query.first("oauth_verifier").matches("[A-Za-z0-9]{20}"));
    }

    @Test
    void badRequestTokenSignatureAnswersPlainText403(EmulatorCredentials c) {
        TestClient client = TestClient.basic(c).anonymous();
        Reply refused = client.send("POST", "oauth/request_token/", HttpRequest.BodyPublishers.noBody(),
                "Authorization", new TestOAuthSigner(c.clientToken(), "wrong").header("POST",
                        c.baseUrl() + "oauth/request_token/", List.of(), null, "", "PLAINTEXT", Map.of()));
        assertEquals(403, refused.status);
        assertEquals(FAILED, refused.text());
        assertTrue(refused.header("Content-Type").startsWith("text/plain"));
        assertEquals(403, client.send("POST", "oauth/request_token/", HttpRequest.BodyPublishers.noBody()).status);
        assertEquals(404, client.get("oauth/authorize/?oauth_token=unknown").status);
    }

    @Test
    void manualApprovalPage() {
        try (SmartFileEmulator manual = SmartFileEmulator.builder().autoApprove(false).build().start()) {
            EmulatorCredentials c = manual.credentials();
            TestClient client = TestClient.basic(c).anonymous();
            Reply requested = client.postForm("oauth/request_token/", "oauth_consumer_key", c.clientToken(),
                    "oauth_signature_method", "PLAINTEXT", "oauth_signature", c.clientSecret() + "&",
                    "oauth_timestamp", "1", "oauth_nonce", "abc", "oauth_version", "1.0");
            assertEquals(200, requested.status, requested::toString);
            String requestToken = FormData.parse(requested.text()).first("oauth_token");
            Reply page = client.get("oauth/authorize/?oauth_token=" + requestToken);
            assertEquals(200, page.status);
            assertTrue(page.header("Content-Type").startsWith("text/html"));
            assertTrue(page.text().contains(requestToken));
            assertEquals(403, client.postForm("oauth/authorize/", "oauth_token", requestToken, "approve", "no").status);
            Reply approved = client.postForm("oauth/authorize/", "oauth_token", requestToken, "approve", "yes");
            assertEquals(200, approved.status);
            assertTrue(approved.text().matches("[A-Za-z0-9]{20}"));
        }
    }
}
