package com.smartfile.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import com.smartfile.emulator.EmulatorCredentials;
import com.smartfile.emulator.SmartFileEmulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code emulator}: a local SmartFile server in the foreground, until Ctrl-C. */
@Command(name = "emulator", mixinStandardHelpOptions = true,
        description = {"Run the local SmartFile emulator in the foreground (Ctrl-C stops it).",
            "It prints its URL and credentials; point any SmartFile client at them.",
            "--key and --password set the credentials clients must use (default: generated)."})
final class EmulatorCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "0", description = "The port (default 0: a free one).")
    int port;

    @Option(names = "--root", paramLabel = "DIR", description = "Where files are stored (default: a temporary folder, deleted on exit).")
    Path root;

    @Option(names = "--stop-after", paramLabel = "DURATION",
            description = "Stop by itself after this long, as an ISO-8601 duration such as PT10M (default: run until Ctrl-C).")
    java.time.Duration stopAfter;

    @picocli.CommandLine.ParentCommand
    SmartFileCommand rootCommand;

    /** Released to stop a running emulator (the JVM's shutdown hook, after closing it, or a test). */
    final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        String key = rootCommand.key;
        String password = rootCommand.password;
        if ((key == null) != (password == null)) {
            throw new UsageException("Give both --key and --password, or neither (then both are generated).");
        }
        SmartFileEmulator.Builder b = SmartFileEmulator.builder().port(port);
        if (root != null) {
            b.root(root);
        }
        if (key != null) {
            try {
                b.basicCredentials(key, password);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        SmartFileEmulator emulator = b.build().start();
        // Ctrl-C and SIGTERM end the JVM once the shutdown hooks are done, without waiting for this
        // thread: the hook itself closes the emulator, which deletes a temporary root.
        Thread hook = new Thread(() -> {
            emulator.close();
            stop.countDown();
        }, "smartfile-emulator-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            EmulatorCredentials c = emulator.credentials();
            rootCommand.console.out().println("SmartFile emulator running at " + emulator.baseUrl());
            rootCommand.console.out().println("  files in:                " + emulator.root());
            rootCommand.console.out().println("  SMARTFILE_API_URL=" + emulator.baseUrl());
            rootCommand.console.out().println("  SMARTFILE_API_KEY=" + c.key());
            rootCommand.console.out().println("  SMARTFILE_API_PASSWORD=" + c.password());
            rootCommand.console.out().println("Press Ctrl-C to stop.");
            rootCommand.console.out().flush();
            if (stopAfter == null) {
                stop.await();
            } else {
                stop.await(stopAfter.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook has run or is running
            }
            emulator.close();
        }
        return ExitCodes.OK;
    }
}
