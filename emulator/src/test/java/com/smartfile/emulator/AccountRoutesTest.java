package com.smartfile.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.smartfile.sdk.model.Session;
import com.smartfile.sdk.model.WhoAmI;

/** ping, whoami, right, session, Basic auth and version prefixes. */
@ExtendWith(SmartFileEmulatorExtension.class)
class AccountRoutesTest {

    @Test
    void pingNeedsNoAuthOnAnyV2Version(EmulatorCredentials c) {
        TestClient anonymous = TestClient.basic(c).anonymous();
        assertEquals(Map.of("ping", "pong"), Checks.json(anonymous.get("api/2/ping/"), 200));
        assertEquals(Map.of("ping", "pong"), Checks.json(anonymous.get("api/2.1/ping/"), 200));
        assertEquals(Map.of("ping", "pong"), Checks.json(anonymous.get("api/2.0/ping"), 200));
        Checks.detail(anonymous.unvalidated().get("api/1/ping/"), 404);
        Checks.detail(anonymous.unvalidated().get("nothing/here"), 404);
    }

    @Test
    void wrongMethodAnswers405(EmulatorCredentials c) {
        // Not validated: the spec documents no 405 (a Django REST Framework server answers it).
        Reply r = TestClient.basic(c).unvalidated().delete("api/2/ping/");
        assertEquals("Method \"DELETE\" not allowed.", Checks.detail(r, 405));
        assertEquals("GET", r.header("Allow"));
        assertEquals("DELETE, GET, POST", TestClient.basic(c).unvalidated().sendForm("PUT", "api/2/session/").header(
                "Allow"));
    }

    @Test
    void whoamiAndRights(EmulatorCredentials c) {
        TestClient client = TestClient.basic(c);
        WhoAmI me = client.get("api/2/whoami/").as(WhoAmI.class);
        assertEquals("emulator", me.getUsername());
        List<Object> rights = Checks.jsonList(client.get("api/2/right/"), 200);
        assertTrue(rights.stream().anyMatch(r -> "sftp_access".equals(((Map<?, ?>) r).get("name"))));
    }

    @Test
    void missingOrWrongBasicCredentialsAnswer401(EmulatorCredentials c) {
        TestClient client = TestClient.basic(c);
        Reply missing = client.anonymous().get("api/2/whoami/");
        assertEquals("Authentication credentials were not provided.", Checks.detail(missing, 401));
        assertEquals("Basic realm=\"api\"", missing.header("WWW-Authenticate"));
        Reply wrong = client.withAuthorization(TestClient.basicHeader(c.key(), c.password() + "x"))
                .get("api/2/path/info/");
        assertEquals("Invalid username/password.", Checks.detail(wrong, 401));
        Checks.detail(client.withAuthorization(TestClient.basicHeader(c.password(), c.key())).get("api/2/whoami/"),
                401);
        Checks.detail(client.withAuthorization("Basic !!!").get("api/2/whoami/"), 401);
        Checks.detail(client.withAuthorization("Bearer abc").get("api/2/whoami/"), 401);
    }

    @Test
    void generatedCredentialsAre30Alphanumerics(EmulatorCredentials c) {
        for (String s : List.of(c.key(), c.password(), c.clientToken(), c.clientSecret(), c.accessToken(),
                c.accessSecret())) {
            assertTrue(s.matches("[A-Za-z0-9]{30}"), s);
        }
        assertFalse(c.toString().contains(c.password()));
        assertFalse(c.toString().contains(c.clientSecret()));
        assertFalse(c.toString().contains(c.accessSecret()));
    }

    @Test
    void cookieSessionWithCsrf(EmulatorCredentials c) {
        TestClient client = TestClient.basic(c);
        Reply started = client.postForm("api/2/session/");
        Checks.json(started, 201);
        assertEquals("emulator", started.as(Session.class).getUser().getUsername());
        String sessionId = cookie(started.headerValues("Set-Cookie"), "sessionid");
        String csrf = cookie(started.headerValues("Set-Cookie"), "csrftoken");
        assertNotNull(sessionId);
        assertNotNull(csrf);
        String cookies = "sessionid=" + sessionId + "; csrftoken=" + csrf;
        TestClient session = client.anonymous();
        Session described = session.get("api/2/session/", "Cookie", cookies).as(Session.class);
        assertEquals(Sessions.LIFETIME_SECONDS, described.getExpires());
        Checks.json(session.get("api/2/whoami/", "Cookie", cookies), 200);
        // unsafe methods need the CSRF token
        Reply noCsrf = session.send("POST", "api/2/path/oper/mkdir/",
                java.net.http.HttpRequest.BodyPublishers.ofString("path=/s"),
                "Content-Type", "application/x-www-form-urlencoded", "Cookie", cookies);
        assertTrue(Checks.detail(noCsrf, 403).startsWith("CSRF Failed"));
        Checks.json(session.send("POST", "api/2/path/oper/mkdir/",
                java.net.http.HttpRequest.BodyPublishers.ofString("path=/s"),
                "Content-Type", "application/x-www-form-urlencoded", "Cookie", cookies, "X-CSRFToken", csrf), 200);
        Reply ended = session.send("DELETE", "api/2/session/", java.net.http.HttpRequest.BodyPublishers.noBody(),
                "Cookie", cookies, "X-CSRFToken", csrf);
        assertEquals(204, ended.status);
        assertEquals(0, ended.body.length);
        Checks.detail(session.get("api/2/whoami/", "Cookie", cookies), 401);
    }

    private static String cookie(List<String> setCookies, String name) {
        for (String header : setCookies) {
            if (header.startsWith(name + "=")) {
                return header.substring(name.length() + 1, header.indexOf(';'));
            }
        }
        return null;
    }
}
