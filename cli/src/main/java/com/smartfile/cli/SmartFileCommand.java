package com.smartfile.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import com.smartfile.sdk.Credentials;
import com.smartfile.sdk.LogLevel;
import com.smartfile.sdk.SmartFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code smartfile}: the root command, holding the options every subcommand shares. */
@Command(name = "smartfile",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Work with SmartFile storage from the terminal: list, transfer, move and remove files, "
                + "call any API route, and run a local SmartFile emulator.",
        footer = {"", "Credentials come from the options, else SMARTFILE_API_KEY/SMARTFILE_API_PASSWORD "
                + "(or the SMARTFILE_CLIENT_*/SMARTFILE_ACCESS_* OAuth variables), else ~/.netrc. "
                + "The server is --url, else SMARTFILE_API_URL, else https://app.smartfile.com/."})
final class SmartFileCommand implements Runnable {

    /**
     * The subcommands by name (each its {@code @Command} name; CliPolishTest checks), in help order. Registered by {@link Main#commandLine}: all of them for help,
     * completion and the man page, only the one named on the command line otherwise (picocli builds
     * a model of every registered command up front, a cost each short command would pay).
     */
    static final java.util.Map<String, Class<?>> SUBCOMMANDS = subcommands(
            "ping", AccountCommands.Ping.class,
            "whoami", AccountCommands.WhoAmI.class,
            "info", PathCommands.Info.class,
            "ls", PathCommands.Ls.class,
            "upload", TransferCommands.Upload.class,
            "download", TransferCommands.Download.class,
            "mkdir", PathCommands.Mkdir.class,
            "rename", PathCommands.Rename.class,
            "mv", PathCommands.Mv.class,
            "cp", PathCommands.Cp.class,
            "rm", PathCommands.Rm.class,
            "sync", TreeCommands.Sync.class, "cat", TreeCommands.Cat.class, "stat", TreeCommands.Stat.class, "du", TreeCommands.Du.class,
            "task", TaskCommand.class,
            "call", CallCommand.class,
            "login", LoginCommand.class,
            "emulator", EmulatorCommand.class,
            "demo", DemoCommand.class);

    private static java.util.Map<String, Class<?>> subcommands(Object... nameThenClass) {
        java.util.Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameThenClass.length; i += 2) {
            m.put((String) nameThenClass[i], (Class<?>) nameThenClass[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "The SmartFile server, e.g. https://yoursite.smartfile.com/")
    String url;

    @Option(names = "--api-version", scope = ScopeType.INHERIT, paramLabel = "V", description = "API version (default 2).")
    String apiVersion;

    @Option(names = "--key", scope = ScopeType.INHERIT, paramLabel = "KEY", description = "API key (Basic auth).")
    String key;

    @Option(names = "--password", scope = ScopeType.INHERIT, paramLabel = "PW",
            description = "API password (Basic auth). Visible to other users in the process list: "
                    + "prefer --password-stdin, the environment, ~/.netrc or the prompt.")
    String password;

    @Option(names = "--password-stdin", scope = ScopeType.INHERIT,
            description = "Read the API password from the first line of standard input (the safe way to pass it).")
    boolean passwordStdin;

    @Option(names = "--netrc", scope = ScopeType.INHERIT, paramLabel = "FILE", description = "The netrc file to read credentials from.")
    Path netrc;

    @Option(names = "--client-token", scope = ScopeType.INHERIT, paramLabel = "TOKEN", description = "OAuth client token.")
    String clientToken;

    @Option(names = "--client-secret", scope = ScopeType.INHERIT, paramLabel = "SECRET", description = "OAuth client secret.")
    String clientSecret;

    @Option(names = "--access-token", scope = ScopeType.INHERIT, paramLabel = "TOKEN", description = "OAuth access token.")
    String accessToken;

    @Option(names = "--access-secret", scope = ScopeType.INHERIT, paramLabel = "SECRET", description = "OAuth access secret.")
    String accessSecret;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Machine-readable JSON output.")
    boolean json;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log the HTTP exchanges (secrets masked) and show error details.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Print only results and errors: no progress, no confirmations.")
    boolean quiet;

    @Option(names = "--progress", negatable = true, scope = ScopeType.INHERIT,
            description = "Show transfer progress on stderr (default: only when stderr is a terminal).")
    Boolean progress;

    final Console console;

    SmartFileCommand(Console console) {
        this.console = console;
    }

    @Override
    public void run() {
        spec.commandLine().usage(console.out());
    }

    /** The client the options, the environment and netrc describe. */
    SmartFile client() {
        logTo(console.err(), verbose);
        SmartFile.Builder b = SmartFile.builder();
        if (url != null) {
            b.baseUrl(url);
        }
        if (apiVersion != null) {
            b.apiVersion(apiVersion);
        }
        if (netrc != null) {
            b.netrcFile(netrc);
        }
        String pw = password();
        if (key != null || pw != null) {
            b.credentials(Credentials.basic(key, pw));
        } else if (clientToken != null || clientSecret != null) {
            b.credentials(accessToken == null && accessSecret == null
                    ? Credentials.oauth1Client(clientToken, clientSecret)
                    : Credentials.oauth1(clientToken, clientSecret, accessToken, accessSecret));
        }
        return Main.Interruption.opened(console.configure(b).logLevel(verbose ? LogLevel.HEADERS : LogLevel.NONE).build());
    }

    /** The password: --password, else --password-stdin, else a prompt when --key was given on a terminal. */
    private String password() {
        if (passwordStdin) {
            if (password != null) {
                throw new UsageException("Give --password or --password-stdin, not both.");
            }
            try {
                // Byte by byte up to the newline: nothing after it is consumed, for a command that reads stdin too.
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                for (int b = console.in().read(); b != -1 && b != '\n'; b = console.in().read()) {
                    bytes.write(b);
                }
                String line = bytes.toString(StandardCharsets.UTF_8).replaceFirst("\r$", "");
                if (line.isEmpty()) {
                    throw new UsageException("--password-stdin: standard input held no password (one line is read).");
                }
                return line;
            } catch (java.io.IOException e) {
                throw new UsageException("--password-stdin: cannot read standard input: " + e.getMessage());
            }
        }
        if (password == null && key != null && console.env("SMARTFILE_API_PASSWORD") == null) {
            char[] typed = console.readPassword("API password for key " + key.substring(0, Math.min(4, key.length())) + "…: ");
            return typed == null ? null : new String(typed);
        }
        return password;
    }

    /** A progress bar on stderr: drawn when --progress, or when stderr is a terminal and neither -q nor --no-progress. */
    ProgressBar progressBar(String label) {
        boolean show = progress != null ? progress : !quiet && console.stderrTerminal();
        return new ProgressBar(console.err(), label, show, console.stderrTerminal());
    }

    /** Where confirmations ("uploaded …", "task … started") go: stdout, or nowhere with -q. */
    PrintWriter status() {
        return quiet ? new PrintWriter(OutputStream.nullOutputStream()) : console.out();
    }

    /** Held once set up, so that its level and handler are not lost when the logger is garbage-collected. */
    private static Logger sdkLog;
    private static Handler installed;

    /**
     * With -v the SDK's log (the exchanges and the retry lines, FINE) goes to this command's
     * stderr through one handler, replaced on every run so runs in one JVM (the tests) do not pile
     * them up; without -v java.util.logging is left alone (start-up time), and a previous -v
     * run's handler is removed.
     */
    private static synchronized void logTo(PrintWriter err, boolean verbose) {
        if (installed != null) {
            sdkLog.removeHandler(installed);
            sdkLog.setLevel(null);
            sdkLog.setUseParentHandlers(true);
            installed = null;
        }
        if (!verbose) {
            return;
        }
        sdkLog = Logger.getLogger("com.smartfile.sdk");
        installed = new Handler() {
            private final SimpleFormatter format = new SimpleFormatter();

            @Override
            public void publish(LogRecord record) {
                if (isLoggable(record)) {
                    err.print(format.format(record));
                    err.flush();
                }
            }

            @Override
            public void flush() {
                err.flush();
            }

            @Override
            public void close() {
            }
        };
        installed.setLevel(Level.ALL);
        sdkLog.addHandler(installed);
        sdkLog.setUseParentHandlers(false);
        sdkLog.setLevel(Level.FINE);
    }

    /** Where a command reads and writes, and how its client is set up: the real terminal, or a test's. */
    static final class Console {
        private final OutputStream rawOut;
        private final PrintWriter out;
        private final PrintWriter err;
        private final InputStream in;
        private final Function<SmartFile.Builder, SmartFile.Builder> clientSetup;
        private final Terminals terminals;

        /** Which streams are terminals, the environment, and how a password is read without echo. */
        static final class Terminals {
            final boolean stdout;
            final boolean stderr;
            final Function<String, String> env;
            /** Prompts and reads a password, or is null when no terminal can be asked. */
            final Function<String, char[]> passwordPrompt;

            Terminals(boolean stdout, boolean stderr, Function<String, String> env, Function<String, char[]> passwordPrompt) {
                this.stdout = stdout;
                this.stderr = stderr;
                this.env = env;
                this.passwordPrompt = passwordPrompt;
            }

            /** This process's streams and environment. */
            static Terminals system() {
                java.io.Console c = System.console();
                Function<String, char[]> prompt = c != null && Terminal.stdin() ? p -> c.readPassword("%s", p) : null;
                return new Terminals(Terminal.stdout(), Terminal.stderr(), System::getenv, prompt);
            }
        }

        Console(OutputStream out, OutputStream err, InputStream in, boolean interactive,
                Function<SmartFile.Builder, SmartFile.Builder> clientSetup) {
            this(out, err, in, clientSetup, new Terminals(interactive, interactive, name -> null, null));
        }

        Console(OutputStream out, OutputStream err, InputStream in,
                Function<SmartFile.Builder, SmartFile.Builder> clientSetup, Terminals terminals) {
            this.rawOut = out;
            this.out = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
            this.err = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
            this.in = in;
            this.clientSetup = clientSetup;
            this.terminals = terminals;
        }

        boolean stdoutTerminal() {
            return terminals.stdout;
        }

        boolean stderrTerminal() {
            return terminals.stderr;
        }

        /** An environment variable, or null when unset or empty. */
        String env(String name) {
            String v = terminals.env.apply(name);
            return v == null || v.isEmpty() ? null : v;
        }

        /** Asks for a password on the terminal; null when there is none to ask. */
        char[] readPassword(String prompt) {
            return terminals.passwordPrompt == null ? null : terminals.passwordPrompt.apply(prompt);
        }

        PrintWriter out() {
            return out;
        }

        /** Standard output for bytes (a downloaded file), after any text written so far. */
        OutputStream outStream() {
            out.flush();
            return rawOut;
        }

        PrintWriter err() {
            return err;
        }

        InputStream in() {
            return in;
        }

        /** True when stderr is a terminal. */
        boolean interactive() {
            return terminals.stderr;
        }

        SmartFile.Builder configure(SmartFile.Builder builder) {
            return clientSetup.apply(builder);
        }
    }
}
