package com.smartfile.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, stopping, roots and configured credentials. */
class LifecycleTest {

    @TempDir
    Path tmp;

    @Test
    void temporaryRootIsDeletedGivenRootIsKept() throws Exception {
        SmartFileEmulator temp = SmartFileEmulator.builder().build();
        assertThrows(IllegalStateException.class, temp::baseUrl);
        temp.start();
        assertSame(temp, temp.start());
        Path root = temp.root();
        Files.writeString(root.resolve("x.txt"), "x");
        temp.close();
        temp.close();
        assertFalse(Files.exists(root));
        assertThrows(IllegalStateException.class, temp::start);
        assertThrows(IllegalStateException.class, temp::root);

        Path given = tmp.resolve("given/root");
        try (SmartFileEmulator kept = SmartFileEmulator.builder().root(given).build().start()) {
            Files.writeString(kept.root().resolve("y.txt"), "y");
        }
        assertTrue(Files.exists(given.resolve("y.txt")));
        assertFalse(Files.exists(given.resolve(PathGuard.STAGING)));
    }

    private static void assertSame(Object a, Object b) {
        org.junit.jupiter.api.Assertions.assertSame(a, b);
    }

    @Test
    void configuredCredentialsAndUsername() {
        try (SmartFileEmulator e = SmartFileEmulator.builder().basicCredentials("k".repeat(30), "p".repeat(30))
                .oauthClient("t".repeat(30), "s".repeat(30)).oauthAccess("a".repeat(30), "b".repeat(30))
                .username("jdoe").build().start()) {
            EmulatorCredentials c = e.credentials();
            assertEquals("k".repeat(30), c.key());
            assertEquals("s".repeat(30), c.clientSecret());
            assertEquals("b".repeat(30), c.accessSecret());
            assertEquals("jdoe", Checks.json(TestClient.basic(c).get("api/2/whoami/"), 200).get("username"));
            assertEquals(401, TestClient.basic(c).withAuthorization(TestClient.basicHeader("a", "b"))
                    .get("api/2/whoami/").status);
        }
        assertThrows(IllegalArgumentException.class, () -> SmartFileEmulator.builder().basicCredentials("", "x"));
        assertThrows(IllegalArgumentException.class, () -> SmartFileEmulator.builder().port(70000));
        assertThrows(IllegalArgumentException.class, () -> SmartFileEmulator.builder().threads(0));
    }

    /** The SDK's Credentials rules: at least 30 characters after trimming, no ':' in a Basic key. */
    @Test
    void credentialsEveryClientWouldRefuseAreRefusedAtBuildTime() {
        String ok = "x".repeat(30);
        SmartFileEmulator.Builder b = SmartFileEmulator.builder();
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> b.basicCredentials("0123456789", ok));
        assertEquals("The API key is 10 characters long; SmartFile clients refuse keys, passwords, tokens and"
                + " secrets shorter than 30 characters, so none could connect. Use at least 30 characters, or leave"
                + " it out to have one generated.", tooShort.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.basicCredentials(ok, "secret"))
                .getMessage().startsWith("The API password is 6 characters long"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.basicCredentials(ok.replace('x', ':'), ok))
                .getMessage().contains("':'"));
        String padded = " " + ok + " ";
        IllegalArgumentException spaced = assertThrows(IllegalArgumentException.class,
                () -> b.basicCredentials(ok, padded));
        assertTrue(spaced.getMessage().contains("white space"), spaced.getMessage());
        assertFalse(spaced.getMessage().contains(ok), "never the value");
        assertThrows(IllegalArgumentException.class, () -> b.oauthClient("ct", ok));
        assertThrows(IllegalArgumentException.class, () -> b.oauthClient(ok, "cs"));
        assertThrows(IllegalArgumentException.class, () -> b.oauthAccess("at", ok));
        assertThrows(IllegalArgumentException.class, () -> b.oauthAccess(ok, null));
        // a refused pair changes nothing: the generated defaults still work
        try (SmartFileEmulator e = b.build().start()) {
            assertEquals(30, e.credentials().key().length());
            Checks.json(TestClient.basic(e.credentials()).get("api/2/whoami/"), 200);
        }
    }

    @Test
    void mainPrintsUsage() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Main.main(new String[] {"--help"});
        } finally {
            System.setOut(original);
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--port N"));
    }
}
