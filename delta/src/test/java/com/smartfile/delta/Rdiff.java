package com.smartfile.delta;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code rdiff} (librsync) as the peer. Without it the interoperability tests are skipped, unless
 * {@code SMARTFILE_REQUIRE_RDIFF=1} (as in {@code .ci/run}) makes its absence a failure.
 */
final class Rdiff {

    static final Path BINARY = Path.of(System.getenv().getOrDefault("SMARTFILE_RDIFF", "/usr/bin/rdiff"));

    private Rdiff() {
    }

    static void require() {
        if (Files.isExecutable(BINARY)) {
            return;
        }
        if ("1".equals(System.getenv("SMARTFILE_REQUIRE_RDIFF"))) {
            throw new AssertionError(BINARY + " is missing: apt-get install rdiff");
        }
        Assumptions.abort(BINARY + " is missing (apt-get install rdiff); interoperability not checked");
    }

    /** Runs rdiff with these arguments and fails with its output when it exits non-zero. */
    static void run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(BINARY.toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        if (code != 0) {
            throw new AssertionError("rdiff " + String.join(" ", args) + " exited " + code + ": " + output);
        }
    }
}
