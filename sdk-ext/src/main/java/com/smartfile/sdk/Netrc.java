package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed netrc file, with the semantics of Python's {@code netrc} module (3.10 and later):
 *
 * <ul>
 *   <li>whitespace-separated tokens; a token may be double-quoted, and a backslash escapes the
 *       next character inside or outside quotes;</li>
 *   <li>entries {@code machine NAME} and {@code default}, each followed by any of {@code login}
 *       (alias {@code user}), {@code password} and {@code account} with a value; a missing value
 *       is empty;</li>
 *   <li>{@code macdef NAME} starts a macro that runs to the next empty line and is skipped;</li>
 *   <li>where a keyword is expected, an unquoted token starting with {@code #} comments out the
 *       rest of its line; values are taken as written, so {@code password #x} is the password
 *       {@code #x};</li>
 *   <li>a machine named twice keeps its last entry (Python overwrites its dict entry).</li>
 * </ul>
 *
 * Deliberate differences from CPython, all in malformed or odd files: an unclosed quote is an
 * error (CPython silently takes the rest of the file as the value); a macro body starts on the
 * line after {@code macdef NAME} whatever follows the name on that line; a top-level
 * {@code #word more words} comment is a comment (CPython rejects {@code more}); a quoted
 * {@code "#x"} in keyword position is not a comment; line numbers in errors count every line.
 *
 * <p>Error messages name the file and line but never quote a token: a stray word may be part
 * of a password.
 */
final class Netrc {

    private static final System.Logger LOG = System.getLogger("com.smartfile.sdk");

    private static final Netrc EMPTY = new Netrc(Collections.emptyMap(), null);

    private final Map<String, Entry> machines;
    private final @Nullable Entry defaultEntry;

    private Netrc(Map<String, Entry> machines, @Nullable Entry defaultEntry) {
        this.machines = machines;
        this.defaultEntry = defaultEntry;
    }

    /** One {@code machine} or {@code default} entry. Missing values are empty strings. */
    static final class Entry {
        final String login;
        final String account;
        final String password;

        Entry(String login, String account, String password) {
            this.login = login;
            this.account = account;
            this.password = password;
        }

        @Override
        public String toString() {
            return "Netrc.Entry[login=" + login + ", account=" + account + ", password="
                    + (password.isEmpty() ? "" : Redaction.MASK) + "]";
        }
    }

    /** A netrc with no entries. */
    static Netrc empty() {
        return EMPTY;
    }

    /**
     * Reads and parses a file.
     *
     * @param file the file to read
     * @param isDefaultFile true for {@code ~/.netrc} found by default: then a missing file is
     *     an empty netrc, and (as Python does) a file that holds a non-anonymous login must not
     *     be accessible by group or others. False for a file the caller named: then a missing
     *     file is an error.
     * @throws ConfigurationException when the file is missing (named file only), unreadable,
     *     malformed or too permissive
     */
    static Netrc load(Path file, boolean isDefaultFile) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            if (isDefaultFile) {
                return EMPTY;
            }
            throw new ConfigurationException("The netrc file " + file + " does not exist. "
                    + "Name an existing file, or leave the netrc file unset to use ~/.netrc.", e);
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read the netrc file " + file + ": "
                    + e.getClass().getSimpleName() + ". Check that it is a readable file.", e);
        }
        Netrc netrc = parse(decode(bytes), file.toString());
        if (netrc.hasNonAnonymousLogin() && !ownerOnly(file)) {
            if (isDefaultFile) {
                throw new ConfigurationException("The netrc file " + file + " can be accessed by "
                        + "other users, and it holds passwords. Restrict it to its owner: chmod 600 " + file);
            }
            // A file the caller named is used, as curl does, with a warning.
            LOG.log(System.Logger.Level.WARNING, "The netrc file " + file + " can be read by other users, and it "
                    + "holds passwords. Restrict it to its owner: chmod 600 " + file);
        }
        return netrc;
    }

    /**
     * Parses netrc text.
     *
     * @param text the file's content
     * @param fileName the file's name, for error messages
     * @throws ConfigurationException when the text is malformed
     */
    static Netrc parse(String text, String fileName) {
        return new Parser(text, fileName).parse();
    }

    /**
     * The entry for a host: the {@code machine} entry with exactly this name, else the
     * {@code default} entry, else empty.
     */
    Optional<Entry> entry(String host) {
        Optional<Entry> machine = machine(host);
        return machine.isPresent() ? machine : defaultEntry();
    }

    /** The {@code machine} entry with exactly this name, ignoring {@code default}. */
    Optional<Entry> machine(String name) {
        return Optional.ofNullable(machines.get(name));
    }

    /** The {@code default} entry. */
    Optional<Entry> defaultEntry() {
        return Optional.ofNullable(defaultEntry);
    }

    private boolean hasNonAnonymousLogin() {
        if (defaultEntry != null && !defaultEntry.login.equals("anonymous")) {
            return true;
        }
        for (Entry e : machines.values()) {
            if (!e.login.equals("anonymous")) {
                return true;
            }
        }
        return false;
    }

    /** False when group or others may access the file (true where permissions are not POSIX, as in Python). */
    private static boolean ownerOnly(Path file) {
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException | IOException e) {
            return true;
        }
        for (PosixFilePermission p : perms) {
            if (!p.name().startsWith("OWNER_")) {
                return false;
            }
        }
        return true;
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.defaultCharset()); // Python falls back to the locale encoding
        }
    }

    /** A hand-written lexer and parser over the whole text; netrc files are small. */
    private static final class Parser {
        private final String text;
        private final String fileName;
        private int pos;
        private boolean lastQuoted;
        private int lastStart;
        private final Map<String, Entry> machines = new HashMap<>();
        private @Nullable Entry defaultEntry;

        Parser(String text, String fileName) {
            // Python reads in universal-newline mode.
            this.text = text.replace("\r\n", "\n").replace('\r', '\n');
            this.fileName = fileName;
        }

        Netrc parse() {
            String tt = nextToken();
            while (tt != null) {
                if (isComment(tt)) {
                    skipRestOfLine();
                    tt = nextToken();
                } else if (!lastQuoted && tt.equals("macdef")) {
                    skipMacro();
                    tt = nextToken();
                } else if (!lastQuoted && tt.equals("default")) {
                    Entry[] out = new Entry[1];
                    tt = parseEntry(out);
                    defaultEntry = out[0];
                } else if (!lastQuoted && tt.equals("machine")) {
                    int machineLine = lineOf(lastStart);
                    String name = nextToken();
                    if (name == null || name.isEmpty()) {
                        throw error(machineLine, "'machine' is not followed by a host name");
                    }
                    Entry[] out = new Entry[1];
                    tt = parseEntry(out);
                    machines.put(name, out[0]);
                } else {
                    throw error(lineOf(lastStart), "expected 'machine', 'default' or 'macdef' but found "
                            + "another word (a value containing spaces must be in double quotes)");
                }
            }
            return new Netrc(Collections.unmodifiableMap(machines), defaultEntry);
        }

        /** Reads keys and values up to the next entry keyword or the end; returns that keyword. */
        private @Nullable String parseEntry(Entry[] out) {
            String login = "";
            String account = "";
            String password = "";
            while (true) {
                String tt = nextToken();
                if (tt == null || (!lastQuoted && (tt.equals("machine") || tt.equals("default")
                        || tt.equals("macdef")))) {
                    out[0] = new Entry(login, account, password);
                    return tt;
                }
                if (isComment(tt)) {
                    skipRestOfLine();
                } else if (!lastQuoted && (tt.equals("login") || tt.equals("user"))) {
                    login = valueOrEmpty(nextToken());
                } else if (!lastQuoted && tt.equals("account")) {
                    account = valueOrEmpty(nextToken());
                } else if (!lastQuoted && tt.equals("password")) {
                    password = valueOrEmpty(nextToken());
                } else {
                    throw error(lineOf(lastStart), "expected 'login', 'password', 'account' or the next "
                            + "'machine'/'default'/'macdef' but found another word (a value containing "
                            + "spaces must be in double quotes)");
                }
            }
        }

        private static String valueOrEmpty(@Nullable String token) {
            return token == null ? "" : token;
        }

        private boolean isComment(String token) {
            return !lastQuoted && token.startsWith("#");
        }

        /** Skips {@code NAME}, the rest of its line, then every line up to an empty one. */
        private void skipMacro() {
            int macdefLine = lineOf(lastStart);
            nextToken();
            skipRestOfLine();
            while (true) {
                if (pos >= text.length()) {
                    throw error(macdefLine, "the 'macdef' macro is not ended by an empty line");
                }
                int nl = text.indexOf('\n', pos + 1);
                boolean empty = text.startsWith("\n\n", pos);
                pos = nl < 0 ? text.length() : nl;
                if (empty) {
                    return;
                }
            }
        }

        /** Moves to the newline ending the current line (or the end of the text). */
        private void skipRestOfLine() {
            int nl = text.indexOf('\n', pos);
            pos = nl < 0 ? text.length() : nl;
        }

        /**
         * The next token, or null at the end. The whitespace that ends a token is not consumed,
         * so {@link #skipRestOfLine()} after a token stays on that token's line.
         */
        private @Nullable String nextToken() {
            while (pos < text.length() && isSpace(text.charAt(pos))) {
                pos++;
            }
            if (pos >= text.length()) {
                return null;
            }
            lastStart = pos;
            StringBuilder token = new StringBuilder();
            if (text.charAt(pos) == '"') {
                lastQuoted = true;
                pos++;
                while (true) {
                    if (pos >= text.length()) {
                        throw error(lineOf(lastStart), "a double-quoted value is not closed");
                    }
                    char ch = text.charAt(pos++);
                    if (ch == '"') {
                        return token.toString();
                    }
                    if (ch == '\\' && pos < text.length()) {
                        ch = text.charAt(pos++);
                    }
                    token.append(ch);
                }
            }
            lastQuoted = false;
            while (pos < text.length() && !isSpace(text.charAt(pos))) {
                char ch = text.charAt(pos++);
                if (ch == '\\' && pos < text.length()) {
                    ch = text.charAt(pos++);
                }
                token.append(ch);
            }
            return token.toString();
        }

        private static boolean isSpace(char ch) {
            return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
        }

        private int lineOf(int index) {
            int line = 1;
            for (int i = 0; i < index && i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }

        private ConfigurationException error(int line, String problem) {
            return new ConfigurationException("Malformed netrc file " + fileName + ", line " + line + ": "
                    + problem + ". Fix the file, or supply the credentials another way.");
        }
    }
}
