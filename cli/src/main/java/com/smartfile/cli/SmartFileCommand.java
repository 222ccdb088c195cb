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
                + "The server is --url, else SMARTFILE_API_URL, else https://app.smartfile.com/."},
        subcommands = {
            AccountCommands.Ping.class,
            AccountCommands.WhoAmI.class,
            PathCommands.Info.class,
            PathCommands.Ls.class,
            TransferCommands.Upload.class,
            TransferCommands.Download.class,
            PathCommands.Mkdir.class,
            PathCommands.Rename.class,
            PathCommands.Mv.class,
            PathCommands.Cp.class,
            PathCommands.Rm.class,
            TaskCommand.class,
            CallCommand.class,
            LoginCommand.class,
            EmulatorCommand.class,
            DemoCommand.class,
        })
final class SmartFileCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "The SmartFile server, e.g. https://yoursite.smartfile.com/")
    String url;

    @Option(names = "--api-version", scope = ScopeType.INHERIT, paramLabel = "V", description = "API version (default 2).")
    String apiVersion;

    @Option(names = "--key", scope = ScopeType.INHERIT, paramLabel = "KEY", description = "API key (Basic auth).")
    String key;

    @Option(names = "--password", scope = ScopeType.INHERIT, paramLabel = "PW", description = "API password (Basic auth).")
    String password;

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
        if (key != null || password != null) {
            b.credentials(Credentials.basic(key, password));
        } else if (clientToken != null || clientSecret != null) {
            b.credentials(accessToken == null && accessSecret == null
                    ? Credentials.oauth1Client(clientToken, clientSecret)
                    : Credentials.oauth1(clientToken, clientSecret, accessToken, accessSecret));
        }
        return console.configure(b).logLevel(verbose ? LogLevel.HEADERS : LogLevel.NONE).build();
    }

    /** Held so that its level and handler are not lost when the logger is garbage-collected. */
    private static final Logger SDK_LOG = Logger.getLogger("com.smartfile.sdk");
    private static Handler installed;

    /**
     * The SDK's log goes to this command's stderr: warnings always; with -v also the exchanges
     * and the retry lines (FINE). One handler, replaced on every run, so runs in one JVM (the
     * tests) do not pile them up.
     */
    private static synchronized void logTo(PrintWriter err, boolean verbose) {
        if (installed != null) {
            SDK_LOG.removeHandler(installed);
        }
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
        SDK_LOG.addHandler(installed);
        SDK_LOG.setUseParentHandlers(false);
        SDK_LOG.setLevel(verbose ? Level.FINE : Level.WARNING);
    }

    /** Where a command reads and writes, and how its client is set up: the real terminal, or a test's. */
    static final class Console {
        private final OutputStream rawOut;
        private final PrintWriter out;
        private final PrintWriter err;
        private final InputStream in;
        private final boolean interactive;
        private final Function<SmartFile.Builder, SmartFile.Builder> clientSetup;

        Console(OutputStream out, OutputStream err, InputStream in, boolean interactive,
                Function<SmartFile.Builder, SmartFile.Builder> clientSetup) {
            this.rawOut = out;
            this.out = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
            this.err = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
            this.in = in;
            this.interactive = interactive;
            this.clientSetup = clientSetup;
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

        /** True when a person watches the terminal: progress bars are drawn only then. */
        boolean interactive() {
            return interactive;
        }

        SmartFile.Builder configure(SmartFile.Builder builder) {
            return clientSetup.apply(builder);
        }
    }
}
