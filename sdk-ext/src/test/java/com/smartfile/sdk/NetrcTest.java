package com.smartfile.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetrcTest {

    @TempDir
    Path dir;

    private static Netrc parse(String text) {
        return Netrc.parse(text, "test.netrc");
    }

    private static void assertEntry(Optional<Netrc.Entry> entry, String login, String account, String password) {
        assertTrue(entry.isPresent(), "entry missing");
        assertEquals(login, entry.get().login);
        assertEquals(account, entry.get().account);
        assertEquals(password, entry.get().password);
    }

    @Test
    void machineAndDefaultInAnyKeyOrder() {
        Netrc n = parse("machine host.domain.com password pass1 login log1 account acct1\n"
                + "default login log2 password pass2 account acct2\n");
        assertEntry(n.entry("host.domain.com"), "log1", "acct1", "pass1");
        assertEntry(n.entry("other.example"), "log2", "acct2", "pass2");
        assertEntry(n.defaultEntry(), "log2", "acct2", "pass2");
        assertFalse(n.machine("other.example").isPresent());
    }

    @Test
    void noMatchAndNoDefaultIsEmpty() {
        Netrc n = parse("machine a login x password y\n");
        assertFalse(n.entry("b").isPresent());
    }

    @Test
    void userIsAnAliasOfLoginAndMissingValuesAreEmpty() {
        assertEntry(parse("machine a user u1\n").machine("a"), "u1", "", "");
        assertEntry(parse("machine b login").machine("b"), "", "", "");
        assertEntry(parse("machine c").machine("c"), "", "", "");
        assertEntry(parse("default password").defaultEntry(), "", "", "");
        // A value is taken as written, even a keyword (as in Python).
        assertEntry(parse("machine d login machine password p").machine("d"), "machine", "", "p");
    }

    @Test
    void laterDuplicateMachineWins() {
        Netrc n = parse("machine a login first password p1\nmachine a login second password p2\n");
        assertEntry(n.machine("a"), "second", "", "p2");
    }

    @Test
    void macdefIsSkippedUpToTheEmptyLine() {
        Netrc n = parse("macdef init\ncd /pub\nmachine fake login inside password macro\n\n"
                + "machine a login x password y\n");
        assertFalse(n.machine("fake").isPresent());
        assertEntry(n.machine("a"), "x", "", "y");
    }

    @Test
    void macdefAfterAnEntryEndsTheEntry() {
        Netrc n = parse("machine a login x password y\nmacdef m\nline1\nline2\n\ndefault login d password dp\n");
        assertEntry(n.machine("a"), "x", "", "y");
        assertEntry(n.defaultEntry(), "d", "", "dp");
    }

    @Test
    void macdefWithoutEmptyLineIsMalformedAndNamesItsLine() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> parse("machine a login x password y\nmacdef m\nline1\nline2\n"));
        assertTrue(e.getMessage().contains("test.netrc, line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("macdef"), e.getMessage());
    }

    @Test
    void quotedValuesKeepSpacesAndHashes() {
        Netrc n = parse("machine a login \"lo g\" password \"pa#ss word\" account \"\"\n");
        assertEntry(n.machine("a"), "lo g", "", "pa#ss word");
    }

    @Test
    void backslashEscapesInsideAndOutsideQuotes() {
        Netrc n = parse("machine a login \\\"log password \"\\\"p\\\\w\"\n");
        assertEntry(n.machine("a"), "\"log", "", "\"p\\w");
    }

    @Test
    void unclosedQuoteIsMalformed() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> parse("machine a\nlogin x\npassword \"secret-never-closed\n"));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertFalse(e.getMessage().contains("secret-never-closed"), e.getMessage());
    }

    @Test
    void commentsBeforeBetweenAndAfterEntries() {
        Netrc n = parse("# comment\n#comment\n#\n"
                + "machine foo.domain.com login bar password pass # trailing comment\n"
                + "  # indented comment with login evil password evil\n"
                + "machine bar.domain.com login foo password pass #comment\n"
                + "#\n");
        assertEntry(n.machine("foo.domain.com"), "bar", "", "pass");
        assertEntry(n.machine("bar.domain.com"), "foo", "", "pass");
    }

    @Test
    void hashInValuePositionIsPartOfTheValue() {
        Netrc n = parse("machine a login #log password #pass #comment\nmachine b login l# password pa#ss\n");
        assertEntry(n.machine("a"), "#log", "", "#pass");
        assertEntry(n.machine("b"), "l#", "", "pa#ss");
    }

    @Test
    void quotedHashInKeywordPositionIsNotAComment() {
        assertThrows(ConfigurationException.class, () -> parse("machine a login x \"#not a comment\"\n"));
    }

    @Test
    void machineNameMayCarryAPort() {
        Netrc n = parse("machine localhost:8080 login withport password p1\nmachine localhost login plain password p2\n");
        assertEntry(n.machine("localhost:8080"), "withport", "", "p1");
        assertEntry(n.machine("localhost"), "plain", "", "p2");
    }

    @Test
    void crlfLineEndingsWork() {
        Netrc n = parse("machine a login x password y\r\nmacdef m\r\nbody\r\n\r\nmachine b login z password w\r\n");
        assertEntry(n.machine("a"), "x", "", "y");
        assertEntry(n.machine("b"), "z", "", "w");
    }

    @Test
    void unknownWordIsMalformedWithLineNumberAndWithoutTheWord() {
        // "two words" is a password with a space that was not quoted: "words" must not leak.
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> parse("machine a\n  login key\n  password hunter2 words\n"));
        assertTrue(e.getMessage().contains("test.netrc, line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("double quotes"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertFalse(e.getMessage().contains("words"), e.getMessage());
    }

    @Test
    void badTopLevelWordIsMalformed() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> parse("\n\ninvalid host.domain.com\n"));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void machineWithoutNameIsMalformed() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> parse("machine"));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void entryToStringMasksThePassword() {
        Netrc.Entry entry = parse("machine a login key password topsecretvalue\n").machine("a").get();
        assertFalse(entry.toString().contains("topsecretvalue"), entry.toString());
        assertTrue(entry.toString().contains("key"), entry.toString());
    }

    @Test
    void missingExplicitFileIsAnError() {
        Path missing = dir.resolve("nope.netrc");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Netrc.load(missing, false));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void missingDefaultFileIsEmpty() {
        Netrc n = Netrc.load(dir.resolve(".netrc"), true);
        assertFalse(n.entry("anything").isPresent());
    }

    @Test
    void loadedFileErrorsNameThePath() throws Exception {
        Path file = dir.resolve("bad.netrc");
        Files.write(file, "machine a login x\nbogus\n".getBytes(StandardCharsets.UTF_8));
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Netrc.load(file, false));
        assertTrue(e.getMessage().contains(file + ", line 2"), e.getMessage());
    }

    @Test
    void defaultFileReadableByOthersIsRejectedLikePython() throws Exception {
        Path file = dir.resolve(".netrc");
        Files.write(file, "machine a login key password pw\n".getBytes(StandardCharsets.UTF_8));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Netrc.load(file, true));
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertEntry(Netrc.load(file, true).machine("a"), "key", "", "pw");
        // A named file is the caller's choice: used, with a warning (as curl warns).
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        try (LogCapture log = LogCapture.of("com.smartfile.sdk")) {
            assertEntry(Netrc.load(file, false).machine("a"), "key", "", "pw");
            assertEquals(1, log.records().stream().filter(r -> r.getLevel() == java.util.logging.Level.WARNING
                    && r.getMessage().contains("chmod 600 " + file)).count(), log.messages().toString());
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        try (LogCapture log = LogCapture.of("com.smartfile.sdk")) {
            Netrc.load(file, false);
            assertEquals(List.of(), log.messages(), "no warning for a private file");
        }
    }

    @Test
    void utf8ValuesAreDecoded() throws Exception {
        Path file = dir.resolve("u.netrc");
        Files.write(file, "machine a login \u00e9t\u00e9 password \u00a1\u00a2\n".getBytes(StandardCharsets.UTF_8));
        assertEntry(Netrc.load(file, false).machine("a"), "\u00e9t\u00e9", "", "\u00a1\u00a2");
    }
}
