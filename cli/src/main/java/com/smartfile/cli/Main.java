package com.smartfile.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import com.smartfile.sdk.SmartFile;
import com.smartfile.sdk.SmartFileException;
import picocli.CommandLine;

/** Entry point of the {@code smartfile} command. */
public final class Main {

    /** Held so that the level set on it is not lost when the logger is garbage-collected. */
    private static final java.util.logging.Logger EMULATOR_LOG = java.util.logging.Logger.getLogger("com.smartfile.emulator");

    private Main() {
    }

    /**
     * Runs the command and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        boolean interactive = System.console() != null;
        Interruption interruption = new Interruption(Thread.currentThread());
        Runtime.getRuntime().addShutdownHook(interruption);
        int code = run(args, new SmartFileCommand.Console(System.out, System.err, System.in, interactive, Function.identity()));
        if (!interruption.finished()) {
            return; // SIGINT or SIGTERM: the JVM is already exiting, with the signal's code
        }
        System.exit(code);
    }

    /**
     * On SIGINT or SIGTERM, interrupts the command and waits (a few seconds at most) for it to
     * clean up as on any failure: a download deletes its temporary file, an upload stops. What a
     * command blocked in a read cannot clean up in time (and what {@code kill -9} leaves) is one
     * temporary file per target, under a fixed name that the next download of it resumes or replaces.
     */
    static final class Interruption extends Thread {
        private static final long WAIT_MILLIS = 5_000;
        /** Set once a signal stopped the command, so its failure is reported as that. */
        static volatile boolean signalled;
        private final Thread command;
        private final java.util.concurrent.atomic.AtomicBoolean state = new java.util.concurrent.atomic.AtomicBoolean();

        Interruption(Thread command) {
            super("smartfile-interrupt");
            this.command = command;
        }

        /** The command ended by itself; false when a signal got there first. */
        boolean finished() {
            return state.compareAndSet(false, true);
        }

        @Override
        public void run() {
            if (!state.compareAndSet(false, true)) {
                return; // the command ended and is exiting: nothing to stop
            }
            signalled = true;
            command.interrupt();
            try {
                command.join(WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs the command in this JVM (what tests do) and returns its exit code. */
    static int run(String[] args, SmartFileCommand.Console console) {
        // The embedded emulator's own start-up log would clutter the narration; -v shows it.
        EMULATOR_LOG.setLevel(
                java.util.Arrays.asList(args).contains("-v") || java.util.Arrays.asList(args).contains("--verbose")
                        ? java.util.logging.Level.INFO : java.util.logging.Level.WARNING);
        SmartFileCommand root = new SmartFileCommand(console);
        CommandLine cli = new CommandLine(root);
        cli.setOut(console.out());
        cli.setErr(console.err());
        Map<String, String> codes = new LinkedHashMap<>();
        for (String line : ExitCodes.HELP) {
            String[] parts = line.split(":", 2);
            codes.put(parts[0], parts[1]);
        }
        for (CommandLine c : all(cli)) {
            c.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        }
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (Interruption.signalled) {
                console.err().println("smartfile: stopped by a signal" + (e instanceof InterruptedException ? "" : "; " + oneLine(e)));
                console.err().flush();
                return ExitCodes.of(e);
            }
            console.err().println("smartfile: " + oneLine(e));
            if (root.verbose) {
                e.printStackTrace(console.err());
            } else if (!(e instanceof SmartFileException) && !(e instanceof UsageException)) {
                console.err().println("(run with -v for details)");
            }
            console.err().flush();
            return ExitCodes.of(e);
        });
        int code = cli.execute(args);
        console.out().flush();
        console.err().flush();
        return code;
    }

    private static java.util.List<CommandLine> all(CommandLine cli) {
        java.util.List<CommandLine> out = new java.util.ArrayList<>();
        out.add(cli);
        for (CommandLine sub : cli.getSubcommands().values()) {
            out.addAll(all(sub));
        }
        return out;
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
