package com.smartfile.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import com.smartfile.emulator.EmulatorCredentials;
import com.smartfile.emulator.Profile;
import com.smartfile.emulator.SmartFileEmulator;
import com.smartfile.emulator.Variant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code emulator}: a local SmartFile server in the foreground, until Ctrl-C. */
@Command(name = "emulator", mixinStandardHelpOptions = true,
        description = {"Run the local SmartFile emulator in the foreground (Ctrl-C stops it).",
            "It prints its URL and credentials; point any SmartFile client at them.",
            "--key and --password set the credentials clients must use (default: generated).",
            "--profile and --variant choose its answers to the API's open questions (see emulator/README.md, \"Variants\")."})
final class EmulatorCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "0", description = "The port (default 0: a free one).")
    int port;

    @Option(names = "--root", paramLabel = "DIR", description = "Where files are stored (default: a temporary folder, deleted on exit).")
    Path root;

    @Option(names = "--stop-after", paramLabel = "DURATION",
            description = "Stop by itself after this long, as an ISO-8601 duration such as PT10M (default: run until Ctrl-C).")
    java.time.Duration stopAfter;

    @Option(names = "--https", description = "Also listen for HTTPS on a free port, with a self-signed certificate made for this run.")
    boolean https;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "The variants of a profile: drf3-2023 (the default), strict-2013 or node-2018.")
    String profile;

    @Option(names = "--variant", paramLabel = "KEY=VALUE",
            description = "One variant instead of the profile's, e.g. range=200 (repeatable).")
    java.util.List<String> variants = new java.util.ArrayList<>();

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
        try {
            if (key != null) {
                b.basicCredentials(key, password);
            }
            if (profile != null) {
                b.profile(Profile.of(profile));
            }
            for (String v : variants) {
                b.variant(Variant.parse(v));
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (https) {
            b.https();
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
            if (emulator.hasHttps()) {
                rootCommand.console.out().println("  HTTPS:                   " + emulator.httpsBaseUrl()
                        + " (self-signed certificate, made for this run)");
            }
            rootCommand.console.out().println("  files in:                " + emulator.root());
            rootCommand.console.out().println("  variants:                " + variantsLine(emulator));
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

    private static String variantsLine(SmartFileEmulator emulator) {
        StringBuilder b = new StringBuilder();
        for (Variant v : emulator.variants().all()) {
            b.append(b.length() == 0 ? "" : " ").append(v.key()).append('=').append(v.value());
        }
        return b.toString();
    }
}
