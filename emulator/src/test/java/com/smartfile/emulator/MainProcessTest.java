package com.smartfile.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** {@code java -jar smartfile-emulator-all.jar} as a real process: signals and refused options. */
class MainProcessTest {

    @Test
    void sigtermDeletesTheTemporaryRootUploadsIncluded() throws Exception {
        try (ChildProcess child = ChildProcess.java(Main.class.getName())) {
            String line = child.awaitLine(l -> l.trim().startsWith("root:"));
            Path root = Path.of(line.substring(line.indexOf(':') + 1).trim());
            assertTrue(Files.isDirectory(root), line);
            Files.writeString(root.resolve("uploaded.txt"), "left behind?");
            child.awaitLine(l -> l.startsWith("Press Ctrl-C"));
            child.process.destroy(); // SIGTERM
            child.awaitExit();
            assertFalse(Files.exists(root), "the temporary root is still there: " + root);
        }
    }

    @Test
    void credentialsThatClientsRefuseAreRefusedWithAClearMessage() throws Exception {
        String shortKey = "k".repeat(10);
        try (ChildProcess child = ChildProcess.java(Main.class.getName(), "--key", shortKey, "--password",
                "p".repeat(30))) {
            assertEquals(2, child.awaitExit(), child.lines::toString);
            String all = String.join("\n", child.lines);
            assertTrue(all.contains("The API key is 10 characters long") && all.contains("at least 30"), all);
            assertFalse(all.contains(shortKey), "the value is not printed: " + all);
        }
    }

    @Test
    void aProfileAndVariantsAreTakenAndPrintedAndUnknownOnesRefused() throws Exception {
        try (ChildProcess child = ChildProcess.java(Main.class.getName(), "--profile", "node-2018", "--variant",
                "range=206")) {
            String line = child.awaitLine(l -> l.trim().startsWith("variants:"));
            assertTrue(line.contains("range=206") && line.contains("error-bodies=plain-404"), line);
            child.process.destroy();
            child.awaitExit();
        }
        try (ChildProcess child = ChildProcess.java(Main.class.getName(), "--variant", "range=207")) {
            assertEquals(2, child.awaitExit(), child.lines::toString);
            String all = String.join("\n", child.lines);
            assertTrue(all.contains("Unknown value \"207\" for the variant range; known: 206, 200."), all);
        }
    }
}
