package com.smartfile.emulator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator from the command line ({@code java -jar smartfile-emulator-…-all.jar}) until
 * Ctrl-C, printing its base URL and the credentials it accepts.
 *
 * <pre>
 * options:
 *   --port N             port to listen on (default 0: a free port)
 *   --host ADDRESS       address to bind (default 127.0.0.1)
 *   --root DIR           folder holding the files (default: a temporary folder, deleted on exit)
 *   --key K --password P Basic credentials (default: generated)
 *   --task-duration-ms N minimum task duration (default 100)
 *   --https              also listen for HTTPS on a free port, with a generated self-signed certificate
 *   --https-port N       the same on port N
 *   --profile NAME       the variants of a profile (drf3-2023, the default; strict-2013; node-2018)
 *   --variant KEY=VALUE  one variant instead of the profile's (repeatable), e.g. range=200
 *   --help
 * </pre>
 */
public final class Main {

    private Main() {
    }

    /**
     * Starts the emulator and waits for Ctrl-C.
     *
     * @param args the command-line options
     * @throws InterruptedException when interrupted while waiting
     */
    public static void main(String[] args) throws InterruptedException {
        SmartFileEmulator.Builder builder = SmartFileEmulator.builder();
        String key = null;
        String password = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--port":
                        builder.port(Integer.parseInt(value(args, ++i, arg)));
                        break;
                    case "--host":
                        builder.bindAddress(value(args, ++i, arg));
                        break;
                    case "--root":
                        builder.root(Path.of(value(args, ++i, arg)));
                        break;
                    case "--key":
                        key = value(args, ++i, arg);
                        break;
                    case "--password":
                        password = value(args, ++i, arg);
                        break;
                    case "--task-duration-ms":
                        builder.taskDuration(Duration.ofMillis(Long.parseLong(value(args, ++i, arg))));
                        break;
                    case "--https":
                        builder.https();
                        break;
                    case "--https-port":
                        builder.httpsPort(Integer.parseInt(value(args, ++i, arg)));
                        break;
                    case "--profile":
                        builder.profile(Profile.of(value(args, ++i, arg)));
                        break;
                    case "--variant":
                        builder.variant(Variant.parse(value(args, ++i, arg)));
                        break;
                    case "--help":
                    case "-h":
                        usage(System.out);
                        return;
                    default:
                        throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if ((key == null) != (password == null)) {
                throw new IllegalArgumentException("--key and --password go together");
            }
            if (key != null) {
                builder.basicCredentials(key, password);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("smartfile-emulator: " + e.getMessage());
            usage(System.err);
            System.exit(2);
            return;
        }
        SmartFileEmulator emulator = builder.build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "smartfile-emulator-shutdown"));
        EmulatorCredentials c = emulator.credentials();
        PrintStream out = System.out;
        out.println("SmartFile emulator running at " + c.baseUrl());
        out.println("  API:           " + c.baseUrl() + "api/2/");
        if (emulator.hasHttps()) {
            out.println("  HTTPS:         " + emulator.httpsBaseUrl() + " (self-signed certificate, made for this run)");
        }
        out.println("  root:          " + emulator.root());
        out.println("  key:           " + c.key());
        out.println("  password:      " + c.password());
        out.println("  OAuth client:  " + c.clientToken() + " / " + c.clientSecret());
        out.println("  OAuth access:  " + c.accessToken() + " / " + c.accessSecret());
        out.println("  faults:        POST " + c.baseUrl() + "__emulator/faults");
        out.println("  variants:      " + emulator.variants().snapshot() + " (POST " + c.baseUrl() + "__emulator/variants)");
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar smartfile-emulator-all.jar [--port N] [--host ADDRESS] [--root DIR]"
                + " [--key K --password P] [--task-duration-ms N] [--https | --https-port N]"
                + " [--profile NAME] [--variant KEY=VALUE]...");
    }
}
