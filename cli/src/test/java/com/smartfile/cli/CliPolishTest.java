package com.smartfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.smartfile.emulator.EmulatorCredentials;
import com.smartfile.emulator.SmartFileEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Help text, messages, password input, progress, quiet mode and colour: how the CLI behaves on a terminal and off it. */
class CliPolishTest {

    @RegisterExtension
    static final SmartFileEmulatorExtension EMULATOR = new SmartFileEmulatorExtension();

    @TempDir
    Path local;

    private EmulatorCredentials emulator;
    private final List<String> prompts = new ArrayList<>();

    @BeforeEach
    void credentials(EmulatorCredentials c) {
        this.emulator = c;
    }

    /** The streams' terminal-ness, the environment and the password prompt, as a run sees them. */
    private static final class Tty {
        boolean stdout;
        boolean stderr;
        Map<String, String> env = Map.of();
        Function<String, char[]> prompt;
    }

    /** Exit code, stdout and stderr of one run. */
    private static final class Result {
        int code;
        String out;
        String err;

        @Override
        public String toString() {
            return "exit " + code + "\n--- out:\n" + out + "\n--- err:\n" + err;
        }
    }

    private Result cli(Tty tty, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Result r = new Result();
        r.code = Main.run(args, new SmartFileCommand.Console(out, err, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                Function.identity(), new SmartFileCommand.Console.Terminals(tty.stdout, tty.stderr, tty.env::get, tty.prompt)));
        r.out = out.toString(StandardCharsets.UTF_8);
        r.err = err.toString(StandardCharsets.UTF_8);
        return r;
    }

    private Result withKey(Tty tty, String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("--url", emulator.baseUrl(), "--key", emulator.key()));
        all.addAll(Arrays.asList(args));
        return cli(tty, stdin, all.toArray(new String[0]));
    }

    private Result authed(Tty tty, String... args) {
        List<String> all = new ArrayList<>(List.of("--password", emulator.password()));
        all.addAll(Arrays.asList(args));
        return withKey(tty, "", all.toArray(new String[0]));
    }

    private static String collapse(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    @Test
    void uploadsUsageLineNamesItsParametersOnce() {
        Result r = cli(new Tty(), "", "upload", "--help");
        assertEquals(0, r.code, r.toString());
        String usage = collapse(r.out.substring(0, r.out.indexOf("Upload local files")));
        assertTrue(usage.endsWith("[--url=URL] LOCAL... REMOTE_DIR"), usage);
    }

    @Test
    void theCommandListShowsEachSummaryWhole() {
        Result r = cli(new Tty(), "", "--help");
        String list = collapse(r.out.substring(r.out.indexOf("Commands:") + "Commands:".length(), r.out.indexOf("Exit codes:")));
        StringBuilder expected = new StringBuilder();
        for (Map.Entry<String, CommandLine> sub : Main.commandLine(new SmartFileCommand(
                new SmartFileCommand.Console(new ByteArrayOutputStream(), new ByteArrayOutputStream(), InputStream.nullInputStream(), false,
                        Function.identity()))).getSubcommands().entrySet()) {
            String summary = Main.summary(sub.getValue().getCommandSpec().usageMessage());
            assertTrue(summary.endsWith("."), sub.getKey() + ": " + summary);
            expected.append(sub.getKey()).append(' ').append(summary).append(' ');
        }
        assertEquals(collapse(expected.toString()), list);
        assertTrue(list.contains("download Download a remote file. mkdir"), list);
    }

    @Test
    void eachSubcommandIsRegisteredUnderItsOwnName() {
        SmartFileCommand.SUBCOMMANDS.forEach((name, type) ->
                assertEquals(name, type.getAnnotation(CommandLine.Command.class).name()));
    }

    @Test
    void onlyTheNamedSubcommandIsBuiltButHelpListsAll() {
        Function<String[], CommandLine> cli = args -> Main.commandLine(new SmartFileCommand(
                new SmartFileCommand.Console(new ByteArrayOutputStream(), new ByteArrayOutputStream(), InputStream.nullInputStream(), false,
                        Function.identity())), args);
        assertEquals(List.of("ping"), List.copyOf(cli.apply(new String[] {"--url", "http://x/", "ping"}).getSubcommands().keySet()));
        assertEquals(List.of(), List.copyOf(cli.apply(new String[] {"--version"}).getSubcommands().keySet()));
        assertEquals(SmartFileCommand.SUBCOMMANDS.keySet().size(), cli.apply(new String[] {"nosuch"}).getSubcommands().size());
        assertEquals(2, authed(new Tty(), "lss").code, "an unknown command is still a usage error");
    }

    @Test
    void anErrorEndsInOneFullStop() {
        Result r = authed(new Tty(), "info", "/no/such/file");
        assertEquals(4, r.code, r.toString());
        assertTrue(r.err.contains("Not found. Check that the path"), r.err);
        assertFalse(r.err.contains(".."), r.err);
    }

    @Test
    void thePasswordCanComeFromStandardInput() {
        Result r = withKey(new Tty(), emulator.password() + "\n", "--password-stdin", "ping");
        assertEquals(0, r.code, r.toString());
        assertTrue(r.out.startsWith("pong"), r.out);

        Result both = withKey(new Tty(), emulator.password() + "\n", "--password-stdin", "--password", emulator.password(), "ping");
        assertEquals(2, both.code, both.toString());
        assertTrue(both.err.contains("--password or --password-stdin, not both."), both.err);

        Result empty = withKey(new Tty(), "", "--password-stdin", "ping");
        assertEquals(2, empty.code, empty.toString());
    }

    @Test
    void aTerminalIsAskedForAMissingPasswordWithoutEchoingIt() {
        Tty tty = new Tty();
        tty.prompt = prompt -> {
            prompts.add(prompt);
            return emulator.password().toCharArray();
        };
        Result r = withKey(tty, "", "ping");
        assertEquals(0, r.code, r.toString());
        assertEquals(List.of("API password for key " + emulator.key().substring(0, 4) + "…: "), prompts);
        assertFalse(r.out.contains(emulator.password()) || r.err.contains(emulator.password()), r.toString());

        Result noTerminal = withKey(new Tty(), "", "ping");
        assertEquals(3, noTerminal.code, noTerminal.toString());
    }

    @Test
    void progressIsDrawnOnlyWhenStderrIsATerminalUnlessForced() throws IOException {
        Path file = Files.write(local.resolve("p.bin"), new byte[300_000]);
        Tty pipe = new Tty();
        Tty terminal = new Tty();
        terminal.stderr = true;
        Tty stdoutOnly = new Tty();
        stdoutOnly.stdout = true;

        assertFalse(authed(pipe, "upload", "-p", file.toString(), "/p1").err.contains("upload"));
        assertFalse(authed(stdoutOnly, "upload", "-p", file.toString(), "/p2").err.contains("upload"));
        assertTrue(authed(terminal, "upload", "-p", file.toString(), "/p3").err.contains("\rupload ["));
        String forced = authed(pipe, "--progress", "upload", "-p", file.toString(), "/p4").err;
        assertTrue(forced.contains("upload: 100% ("), forced);
        assertFalse(authed(terminal, "--no-progress", "upload", "-p", file.toString(), "/p5").err.contains("upload"));
    }

    @Test
    void quietPrintsNothingButResultsAndErrors() throws IOException {
        Tty terminal = new Tty();
        terminal.stderr = true;
        Path file = Files.write(local.resolve("q.bin"), new byte[1000]);
        Result upload = authed(terminal, "-q", "upload", "-p", file.toString(), "/q");
        assertEquals(0, upload.code, upload.toString());
        assertEquals("", upload.out + upload.err);
        Result mv = authed(terminal, "-q", "mv", "/q/q.bin", "/");
        assertEquals(0, mv.code, mv.toString());
        assertEquals("", mv.out + mv.err);
        Result ls = authed(terminal, "-q", "ls", "/");
        assertTrue(ls.out.contains("q.bin"), ls.toString());
        Result missing = authed(terminal, "-q", "info", "/nothing");
        assertEquals(4, missing.code);
        assertTrue(missing.err.startsWith("smartfile: "), missing.toString());
    }

    @Test
    void noColorTurnsColourOffEvenOnATerminal() {
        Tty terminal = new Tty();
        terminal.stdout = true;
        assertTrue(cli(terminal, "", "--help").out.contains("\u001B["), "a terminal gets colour");
        terminal.env = Map.of("NO_COLOR", "1");
        assertFalse(cli(terminal, "", "--help").out.contains("\u001B["));
        assertFalse(cli(new Tty(), "", "--help").out.contains("\u001B["), "a pipe gets none");
    }

    @Test
    void versionIsTheBuildsVersion() {
        Result r = cli(new Tty(), "", "--version");
        assertEquals(0, r.code, r.toString());
        assertTrue(r.out.startsWith("smartfile " + System.getProperty("smartfile.version") + System.lineSeparator()), r.out);
    }
}
