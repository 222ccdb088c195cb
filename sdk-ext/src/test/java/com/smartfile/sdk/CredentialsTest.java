package com.smartfile.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CredentialsTest {

    static final String KEY = "KEYabcdefghijklmnopqrstuvwxyz0123";
    static final String PASSWORD = "PWDsecretsecretsecretsecretsecret9";
    static final String CLIENT_TOKEN = "CTKabcdefghijklmnopqrstuvwxyz0123";
    static final String CLIENT_SECRET = "CSEsecretsecretsecretsecretsecret8";
    static final String ACCESS_TOKEN = "ATKabcdefghijklmnopqrstuvwxyz0123";
    static final String ACCESS_SECRET = "ASEsecretsecretsecretsecretsecret7";

    @Test
    void basicTrimsAndKeepsValues() {
        Credentials c = Credentials.basic("  " + KEY + "\n", "\t" + PASSWORD + " ");
        assertEquals(Credentials.Kind.BASIC, c.getKind());
        assertEquals(KEY, c.key());
        assertEquals(PASSWORD, c.secret());
        assertTrue(c.canAuthenticateRequests());
    }

    @Test
    void oauthKinds() {
        Credentials full = Credentials.oauth1(CLIENT_TOKEN, CLIENT_SECRET, ACCESS_TOKEN, ACCESS_SECRET);
        assertEquals(Credentials.Kind.OAUTH1, full.getKind());
        assertTrue(full.canAuthenticateRequests());
        assertEquals(ACCESS_TOKEN, full.accessToken());
        assertEquals(ACCESS_SECRET, full.accessSecret());

        Credentials clientOnly = Credentials.oauth1Client(CLIENT_TOKEN, CLIENT_SECRET);
        assertEquals(Credentials.Kind.OAUTH1, clientOnly.getKind());
        assertFalse(clientOnly.canAuthenticateRequests());

        Credentials fromToken = Credentials.oauth1(CLIENT_TOKEN, CLIENT_SECRET, AccessToken.of(ACCESS_TOKEN, ACCESS_SECRET));
        assertEquals(ACCESS_TOKEN, fromToken.accessToken());
        assertEquals(ACCESS_SECRET, fromToken.accessSecret());
    }

    @Test
    void nullBlankAndShortValuesAreRejectedWithoutEchoingThem() {
        String shortSecret = "tooShortSecret12";
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Credentials.basic(KEY, shortSecret));
        assertTrue(e.getMessage().contains("API password is 16 characters"), e.getMessage());
        assertFalse(e.getMessage().contains(shortSecret), e.getMessage());

        e = assertThrows(ConfigurationException.class, () -> Credentials.basic(null, PASSWORD));
        assertTrue(e.getMessage().contains("API key is missing"), e.getMessage());
        e = assertThrows(ConfigurationException.class, () -> Credentials.basic("   ", PASSWORD));
        assertTrue(e.getMessage().contains("API key is blank"), e.getMessage());
        // 29 characters plus padding: the length counts after trimming.
        e = assertThrows(ConfigurationException.class,
                () -> Credentials.basic("  " + KEY.substring(0, 29) + "  ", PASSWORD));
        assertTrue(e.getMessage().contains("29 characters"), e.getMessage());
        assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());

        assertThrows(ConfigurationException.class, () -> Credentials.oauth1(CLIENT_TOKEN, "", ACCESS_TOKEN, ACCESS_SECRET));
        assertThrows(ConfigurationException.class, () -> Credentials.oauth1(CLIENT_TOKEN, CLIENT_SECRET, ACCESS_TOKEN, null));
        assertThrows(ConfigurationException.class, () -> Credentials.oauth1Client(CLIENT_TOKEN, "short"));
        assertThrows(ConfigurationException.class, () -> Credentials.oauth1(CLIENT_TOKEN, CLIENT_SECRET, (AccessToken) null));
    }

    @Test
    void keyWithColonCannotBeBasic() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> Credentials.basic("abc:defghijklmnopqrstuvwxyz0123456", PASSWORD));
        assertTrue(e.getMessage().contains("':'"), e.getMessage());
    }

    @Test
    void toStringShowsKindAndMaskedKeyButNoSecret() {
        String basic = Credentials.basic(KEY, PASSWORD).toString();
        assertTrue(basic.contains("BASIC"), basic);
        assertTrue(basic.contains("KEYa" + Redaction.MASK), basic);
        assertFalse(basic.contains(KEY), basic);
        assertFalse(basic.contains(PASSWORD), basic);

        String oauth = Credentials.oauth1(CLIENT_TOKEN, CLIENT_SECRET, ACCESS_TOKEN, ACCESS_SECRET).toString();
        assertTrue(oauth.contains("OAUTH1"), oauth);
        for (String s : new String[] {CLIENT_TOKEN, CLIENT_SECRET, ACCESS_TOKEN, ACCESS_SECRET}) {
            assertFalse(oauth.contains(s), oauth);
        }
        String clientOnly = Credentials.oauth1Client(CLIENT_TOKEN, CLIENT_SECRET).toString();
        assertTrue(clientOnly.contains("OAuth1Flow"), clientOnly);
        assertFalse(clientOnly.contains(CLIENT_SECRET), clientOnly);
    }

    @Test
    void tokenValueClassesRedactSecrets() {
        AccessToken a = AccessToken.of(ACCESS_TOKEN, ACCESS_SECRET);
        assertFalse(a.toString().contains(ACCESS_SECRET), a.toString());
        assertEquals(a, AccessToken.of(" " + ACCESS_TOKEN, ACCESS_SECRET + " "));
        RequestToken r = RequestToken.of("reqtoken123", "reqsecret456");
        assertFalse(r.toString().contains("reqsecret456"), r.toString());
        assertEquals("reqtoken123", r.getToken());
        assertEquals("reqsecret456", r.getSecret());
        assertThrows(InvalidInputException.class, () -> RequestToken.of("t", " "));
        assertThrows(InvalidInputException.class, () -> AccessToken.of(null, "s"));
    }
}
