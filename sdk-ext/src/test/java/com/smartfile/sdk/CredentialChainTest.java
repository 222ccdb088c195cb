package com.smartfile.sdk;

import static com.smartfile.sdk.CredentialsTest.ACCESS_SECRET;
import static com.smartfile.sdk.CredentialsTest.ACCESS_TOKEN;
import static com.smartfile.sdk.CredentialsTest.CLIENT_SECRET;
import static com.smartfile.sdk.CredentialsTest.CLIENT_TOKEN;
import static com.smartfile.sdk.CredentialsTest.KEY;
import static com.smartfile.sdk.CredentialsTest.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialChainTest {

    static final HttpUrl BASE = HttpUrl.get("https://app.smartfile.com/api/2/");

    static final String ENV_KEY = "ENVkeykeykeykeykeykeykeykeykeykey";
    static final String ENV_PASSWORD = "ENVpwdpwdpwdpwdpwdpwdpwdpwdpwdpw";
    static final String NETRC_KEY = "NRCkeykeykeykeykeykeykeykeykeykey";
    static final String NETRC_PASSWORD = "NRCpwdpwdpwdpwdpwdpwdpwdpwdpwdpw";

    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();

    private CredentialChain chain() {
        return new CredentialChain(env::get, home, null);
    }

    private void writeNetrc(String text) throws IOException {
        Path file = home.resolve(".netrc");
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    private void assertBasic(Credentials c, String key, String password) {
        assertEquals(Credentials.Kind.BASIC, c.getKind());
        assertEquals(key, c.key());
        assertEquals(password, c.secret());
    }

    @Test
    void explicitBeatsEnvironmentBeatsNetrc() throws IOException {
        writeNetrc("machine app.smartfile.com login " + NETRC_KEY + " password " + NETRC_PASSWORD + "\n");
        env.put(CredentialChain.API_KEY, ENV_KEY);
        env.put(CredentialChain.API_PASSWORD, ENV_PASSWORD);
        Credentials explicit = Credentials.basic(KEY, PASSWORD);

        assertSame(explicit, chain().resolve(explicit, BASE));
        assertBasic(chain().resolve(null, BASE), ENV_KEY, ENV_PASSWORD);
        env.clear();
        assertBasic(chain().resolve(null, BASE), NETRC_KEY, NETRC_PASSWORD);
    }

    @Test
    void emptyEnvironmentVariablesCountAsUnset() throws IOException {
        writeNetrc("machine app.smartfile.com login " + NETRC_KEY + " password " + NETRC_PASSWORD + "\n");
        env.put(CredentialChain.API_KEY, "");
        env.put(CredentialChain.API_PASSWORD, "");
        assertBasic(chain().resolve(null, BASE), NETRC_KEY, NETRC_PASSWORD);
    }

    @Test
    void environmentOauthWhenClientTokenIsSet() {
        env.put(CredentialChain.API_KEY, ENV_KEY);
        env.put(CredentialChain.API_PASSWORD, ENV_PASSWORD);
        env.put(CredentialChain.CLIENT_TOKEN, CLIENT_TOKEN);
        env.put(CredentialChain.CLIENT_SECRET, CLIENT_SECRET);
        Credentials clientOnly = chain().resolve(null, BASE);
        assertEquals(Credentials.Kind.OAUTH1, clientOnly.getKind());
        assertEquals(CLIENT_TOKEN, clientOnly.key());
        assertNull(clientOnly.accessToken());

        env.put(CredentialChain.ACCESS_TOKEN, ACCESS_TOKEN);
        env.put(CredentialChain.ACCESS_SECRET, ACCESS_SECRET);
        Credentials full = chain().resolve(null, BASE);
        assertEquals(ACCESS_TOKEN, full.accessToken());
        assertEquals(ACCESS_SECRET, full.accessSecret());
        assertEquals(CLIENT_SECRET, full.secret());
    }

    @Test
    void halfAnEnvironmentPairIsAnError() {
        env.put(CredentialChain.API_KEY, ENV_KEY);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> chain().resolve(null, BASE));
        assertTrue(e.getMessage().contains("SMARTFILE_API_PASSWORD is not"), e.getMessage());
        assertNamesThreeWays(e.getMessage(), "app.smartfile.com");

        env.clear();
        env.put(CredentialChain.CLIENT_TOKEN, CLIENT_TOKEN);
        env.put(CredentialChain.CLIENT_SECRET, CLIENT_SECRET);
        env.put(CredentialChain.ACCESS_TOKEN, ACCESS_TOKEN);
        e = assertThrows(ConfigurationException.class, () -> chain().resolve(null, BASE));
        assertTrue(e.getMessage().contains("SMARTFILE_ACCESS_SECRET is not"), e.getMessage());
        assertNoSecret(e.getMessage());
    }

    @Test
    void nothingFoundNamesTheThreeWays() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> chain().resolve(null, BASE));
        assertTrue(e.getMessage().startsWith("No SmartFile credentials were found."), e.getMessage());
        assertNamesThreeWays(e.getMessage(), "app.smartfile.com");
        assertTrue(e.getMessage().contains(home.resolve(".netrc").toString()), e.getMessage());
    }

    @Test
    void shortOrBlankEnvironmentValuesAreRejectedWithoutEchoingThem() {
        String shortPassword = "shortpw-but-secret";
        env.put(CredentialChain.API_KEY, ENV_KEY);
        env.put(CredentialChain.API_PASSWORD, shortPassword);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> chain().resolve(null, BASE));
        assertTrue(e.getMessage().contains("SMARTFILE_API_PASSWORD is 18 characters"), e.getMessage());
        assertFalse(e.getMessage().contains(shortPassword), e.getMessage());
        assertNamesThreeWays(e.getMessage(), "app.smartfile.com");

        env.put(CredentialChain.API_PASSWORD, "   ");
        e = assertThrows(ConfigurationException.class, () -> chain().resolve(null, BASE));
        assertTrue(e.getMessage().contains("SMARTFILE_API_PASSWORD is blank"), e.getMessage());
        assertFalse(e.getMessage().contains(ENV_KEY), e.getMessage());
    }

    @Test
    void shortNetrcPasswordIsRejectedWithoutEchoingIt() throws IOException {
        writeNetrc("machine app.smartfile.com login " + NETRC_KEY + " password tooShortNetrcPw\n");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> chain().resolve(null, BASE));
        assertTrue(e.getMessage().contains("netrc entry 'app.smartfile.com'"), e.getMessage());
        assertTrue(e.getMessage().contains("password (the API password) is 15 characters"), e.getMessage());
        assertFalse(e.getMessage().contains("tooShortNetrcPw"), e.getMessage());
        assertFalse(e.getMessage().contains(NETRC_KEY), e.getMessage());
        assertNamesThreeWays(e.getMessage(), "app.smartfile.com");
    }

    @Test
    void netrcWithoutPasswordIsRejected() throws IOException {
        writeNetrc("machine app.smartfile.com login " + NETRC_KEY + "\n");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> chain().resolve(null, BASE));
        assertTrue(e.getMessage().contains("password (the API password) is blank"), e.getMessage());
    }

    @Test
    void netrcPortEntryFirstThenHostThenDefault() throws IOException {
        HttpUrl withPort = HttpUrl.get("http://files.example.com:8443/api/2/");
        writeNetrc("machine files.example.com:8443 login " + KEY + " password " + PASSWORD + "\n"
                + "machine files.example.com login " + NETRC_KEY + " password " + NETRC_PASSWORD + "\n"
                + "default login " + ENV_KEY + " password " + ENV_PASSWORD + "\n");
        assertBasic(chain().resolve(null, withPort), KEY, PASSWORD);
        assertBasic(chain().resolve(null, HttpUrl.get("https://files.example.com/")), NETRC_KEY, NETRC_PASSWORD);
        assertBasic(chain().resolve(null, HttpUrl.get("https://other.example.com/")), ENV_KEY, ENV_PASSWORD);

        writeNetrc("machine files.example.com login " + NETRC_KEY + " password " + NETRC_PASSWORD + "\n");
        assertBasic(chain().resolve(null, withPort), NETRC_KEY, NETRC_PASSWORD);
    }

    @Test
    void nothingFoundWithPortNamesHostAndPort() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> chain().resolve(null, HttpUrl.get("http://localhost:8000/api/2/")));
        assertTrue(e.getMessage().contains("'machine localhost:8000 login"), e.getMessage());
    }

    @Test
    void namedNetrcFileIsUsedAndMustExist() throws IOException {
        Path named = home.resolve("smartfile.netrc");
        CredentialChain chain = new CredentialChain(env::get, home, named);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> chain.resolve(null, BASE));
        assertTrue(e.getMessage().contains(named + " does not exist"), e.getMessage());

        Files.write(named, ("machine app.smartfile.com login " + NETRC_KEY + " password " + NETRC_PASSWORD + "\n")
                .getBytes(StandardCharsets.UTF_8));
        assertBasic(chain.resolve(null, BASE), NETRC_KEY, NETRC_PASSWORD);
    }

    @Test
    void malformedNetrcFailsWithFileAndLine() throws IOException {
        writeNetrc("machine app.smartfile.com\n login " + NETRC_KEY + "\n password two words\n");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> chain().resolve(null, BASE));
        assertTrue(e.getMessage().contains(home.resolve(".netrc") + ", line 3"), e.getMessage());
        assertFalse(e.getMessage().contains("words"), e.getMessage());
    }

    private static void assertNamesThreeWays(String message, String machine) {
        assertTrue(message.contains("builder arguments"), message);
        assertTrue(message.contains("SMARTFILE_API_KEY") && message.contains("SMARTFILE_API_PASSWORD"), message);
        assertTrue(message.contains("SMARTFILE_CLIENT_TOKEN"), message);
        assertTrue(message.contains("netrc"), message);
        assertTrue(message.contains("machine " + machine + " login"), message);
        assertNoSecret(message);
    }

    private static void assertNoSecret(String message) {
        for (String secret : new String[] {PASSWORD, ENV_PASSWORD, NETRC_PASSWORD, CLIENT_SECRET, ACCESS_SECRET}) {
            assertFalse(message.contains(secret), message);
        }
    }
}
