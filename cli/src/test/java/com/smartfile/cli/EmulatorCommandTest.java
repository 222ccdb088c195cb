package com.smartfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** {@code smartfile emulator}: a real process stopped by SIGTERM, and credentials clients would refuse. */
class EmulatorCommandTest {

    @Test
    void sigtermDeletesTheTemporaryRoot() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "emulator")
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String rootLine = CompletableFuture.supplyAsync(() -> {
                try {
                    String line;
                    while ((line = out.readLine()) != null) {
                        if (line.trim().startsWith("files in:")) {
                            return line;
                        }
                    }
                    return null;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(30, TimeUnit.SECONDS);
            assertTrue(rootLine != null, "no 'files in:' line");
            Path root = Path.of(rootLine.substring(rootLine.indexOf(':') + 1).trim());
            assertTrue(Files.isDirectory(root), rootLine);
            Files.writeString(root.resolve("uploaded.bin"), "an upload");
            p.destroy(); // SIGTERM, as Ctrl-C's SIGINT, runs the shutdown hooks
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "did not stop");
            assertFalse(Files.exists(root), "the temporary root was left behind: " + root);
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void credentialsThatClientsWouldRefuseAreAUsageError() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String shortKey = "0123456789";
        int code = Main.run(new String[] {"--key", shortKey, "--password", "p".repeat(30), "emulator", "--stop-after",
            "PT0.1S"}, new SmartFileCommand.Console(out, err, InputStream.nullInputStream(), false, Function.identity()));
        String printed = err.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCodes.USAGE, code, printed);
        assertTrue(printed.contains("The API key is 10 characters long") && printed.contains("at least 30"), printed);
        assertFalse(printed.contains(shortKey), printed);
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("running at"), "it did not start");
        assertTrue(List.of(printed.split("\n")).size() <= 2, printed);
    }

    @Test
    void profileVariantAndHttpsAreTakenAndShown() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"emulator", "--https", "--profile", "strict-2013", "--variant", "range=200",
            "--stop-after", "PT0.1S"}, new SmartFileCommand.Console(out, err, InputStream.nullInputStream(), false,
                Function.identity()));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCodes.OK, code, printed + err.toString(StandardCharsets.UTF_8));
        assertTrue(printed.contains("HTTPS:") && printed.contains("https://127.0.0.1:"), printed);
        // the profile's answers, with range replaced
        assertTrue(printed.contains("range=200 upload-reply=array") && printed.contains("throttling=x-throttle-503")
                && printed.contains("trailing-slash=strict"), printed);
    }

    @Test
    void anUnknownVariantIsAUsageErrorNamingTheKnownOnes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"emulator", "--variant", "range=207", "--stop-after", "PT0.1S"},
                new SmartFileCommand.Console(out, err, InputStream.nullInputStream(), false, Function.identity()));
        String printed = err.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCodes.USAGE, code, printed);
        assertTrue(printed.contains("Unknown value \"207\" for the variant range; known: 206, 200."), printed);
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("running at"), "it did not start");
        code = Main.run(new String[] {"emulator", "--profile", "drf2", "--stop-after", "PT0.1S"},
                new SmartFileCommand.Console(out, err, InputStream.nullInputStream(), false, Function.identity()));
        assertEquals(ExitCodes.USAGE, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("known: drf3-2023, strict-2013, node-2018"),
                err.toString(StandardCharsets.UTF_8));
    }
}
