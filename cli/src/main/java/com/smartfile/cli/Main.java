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
    private static java.util.logging.Logger emulatorLog;

    private Main() {
    }

    /**
     * Runs the command and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        Interruption interruption = new Interruption(Thread.currentThread());
        Runtime.getRuntime().addShutdownHook(interruption);
        int code = run(args, new SmartFileCommand.Console(System.out, System.err, System.in, Function.identity(),
                SmartFileCommand.Console.Terminals.system()));
        if (!interruption.finished()) {
            return; // SIGINT or SIGTERM: the JVM is already exiting, with the signal's code
        }
        System.exit(code);
    }

    /**
     * On SIGINT or SIGTERM, interrupts the command, closes its client (which cancels its calls, so
     * a read blocked on a stalled server ends at once) and waits (a few seconds at most) for it to
     * clean up as on any failure: a download deletes its temporary file, an upload stops. What a
     * command cannot clean up in time (and what {@code kill -9} leaves) is one temporary file per
     * target, under a fixed name that the next download of it resumes or replaces.
     */
    static final class Interruption extends Thread {
        private static final long WAIT_MILLIS = 5_000;
        /** Set once a signal stopped the command, so its failure is reported as that. */
        static volatile boolean signalled;
        /** The client of the command running, closed on a signal. */
        private static final java.util.concurrent.atomic.AtomicReference<SmartFile> CLIENT =
                new java.util.concurrent.atomic.AtomicReference<>();
        private final Thread command;
        private final java.util.concurrent.atomic.AtomicBoolean state = new java.util.concurrent.atomic.AtomicBoolean();

        Interruption(Thread command) {
            super("smartfile-interrupt");
            this.command = command;
        }

        /** Notes the client a command opened, for a signal to close. */
        static SmartFile opened(SmartFile client) {
            CLIENT.set(client);
            return client;
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
            SmartFile client = CLIENT.get();
            if (client != null) {
                client.close();
            }
            try {
                command.join(WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (command.isAlive()) {
                System.err.println("smartfile: the command did not stop within " + WAIT_MILLIS / 1000
                        + " s of the signal; a download's temporary file may be left (the next download resumes or replaces it)");
                System.err.flush();
            }
        }
    }

    /** Runs the command in this JVM (what tests do) and returns its exit code. */
    static int run(String[] args, SmartFileCommand.Console console) {
        // The embedded emulator's own start-up log would clutter the narration; -v shows it.
        java.util.List<String> argList = java.util.Arrays.asList(args);
        if (argList.contains("emulator") || argList.contains("demo")) {
            // Only these start an emulator; java.util.logging is not set up for the other commands (start-up time).
            emulatorLog = java.util.logging.Logger.getLogger("com.smartfile.emulator");
            emulatorLog.setLevel(argList.contains("-v") || argList.contains("--verbose")
                    ? java.util.logging.Level.INFO : java.util.logging.Level.WARNING);
        }
        SmartFileCommand root = new SmartFileCommand(console);
        CommandLine cli = commandLine(root, args);
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

    /** The whole command line, as documented (completion script, man page) and as {@code --help} shows it. */
    static CommandLine commandLine(SmartFileCommand root) {
        return commandLine(root, null);
    }

    /**
     * The command line for these arguments: help sections, exit codes, colours, and the subcommands
     * named in {@code args}: all of them when none is (help, an unknown command) or {@code args} is
     * null, none for {@code --version}.
     */
    static CommandLine commandLine(SmartFileCommand root, String[] args) {
        SmartFileCommand.Console console = root.console;
        CommandLine cli = new CommandLine(root);
        java.util.Set<String> named = args == null ? java.util.Set.of() : new java.util.HashSet<>(java.util.Arrays.asList(args));
        boolean any = SmartFileCommand.SUBCOMMANDS.keySet().stream().anyMatch(named::contains);
        boolean versionOnly = !any && (named.contains("--version") || named.contains("-V"));
        SmartFileCommand.SUBCOMMANDS.forEach((name, sub) -> {
            if (!versionOnly && (!any || named.contains(name))) {
                cli.addSubcommand(name, sub);
            }
        });
        cli.setOut(console.out());
        cli.setErr(console.err());
        // https://no-color.org: NO_COLOR set and not empty means no colour, whatever the terminal.
        CommandLine.Help.Ansi ansi = console.env("NO_COLOR") == null && console.stdoutTerminal()
                ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF;
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(ansi));
        Map<String, String> codes = new LinkedHashMap<>();
        for (String line : ExitCodes.HELP) {
            String[] parts = line.split(":", 2);
            codes.put(parts[0], parts[1]);
        }
        for (CommandLine c : all(cli)) {
            c.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
            c.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, Main::commandList);
        }
        return cli;
    }

    /** The command list with each command's first sentence whole (picocli shows only a description's first line). */
    private static String commandList(CommandLine.Help help) {
        Map<String, CommandLine.Help> subcommands = help.subcommands();
        if (subcommands.isEmpty()) {
            return "";
        }
        int nameWidth = 0;
        for (String name : subcommands.keySet()) {
            nameWidth = Math.max(nameWidth, name.length());
        }
        int width = help.commandSpec().usageMessage().width();
        CommandLine.Help.TextTable table = CommandLine.Help.TextTable.forColumns(help.colorScheme(),
                new CommandLine.Help.Column(nameWidth + 4, 2, CommandLine.Help.Column.Overflow.SPAN),
                new CommandLine.Help.Column(width - (nameWidth + 4), 2, CommandLine.Help.Column.Overflow.WRAP));
        for (CommandLine.Help sub : subcommands.values()) {
            table.addRowValues(sub.commandNamesText(", "), help.colorScheme().text(summary(sub.commandSpec().usageMessage())));
        }
        return table.toString();
    }

    /** A command's header, else the first sentence of its description (which may span several lines). */
    static String summary(CommandLine.Model.UsageMessageSpec usage) {
        if (usage.header().length > 0) {
            return usage.header()[0];
        }
        String text = String.join(" ", usage.description()).trim();
        java.util.regex.Matcher end = java.util.regex.Pattern.compile("[.!?](\\s|$)").matcher(text);
        return end.find() ? text.substring(0, end.start() + 1) : text;
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
