package com.smartfile.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.smartfile.emulator.EmulatorCredentials;
import com.smartfile.emulator.SmartFileEmulatorExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small modular application that says {@code requires com.smartfile.sdk;} and nothing else of
 * ours compiles against the SDK and its runtime dependencies on the module path, and runs against
 * the emulator: uploads, lists across pages, reads a model, uses OkHttp (required transitively).
 * On the JDK running the build and on Temurin 25 ({@code SMARTFILE_JDK25} overrides its place).
 */
class ModularApplicationTest {

    @RegisterExtension
    static SmartFileEmulatorExtension emulator = new SmartFileEmulatorExtension();

    /** The SDK and what it needs at run time, as they appear on this test's class path. */
    private static final Pattern SDK_RUNTIME = Pattern.compile(
            "(okhttp-jvm|okio-jvm|retrofit|converter-moshi|converter-scalars|moshi|kotlin-stdlib|annotations|jspecify)-[0-9][^/]*\\.jar");

    private static final String MODULE_INFO = "module app {\n    requires com.smartfile.sdk;\n}\n";

    private static final String MAIN = String.join("\n",
            "package app;",
            "",
            "import com.smartfile.sdk.SmartFile;",
            "import com.smartfile.sdk.UploadSource;",
            "import com.smartfile.sdk.model.PathInfo;",
            "",
            "public class Main {",
            "    public static void main(String[] args) {",
            "        okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();",
            "        try (SmartFile client = SmartFile.builder().baseUrl(args[0]).basicAuth(args[1], args[2])",
            "                .httpClient(http).build()) {",
            "            client.paths().mkdir(\"/modular\");",
            "            for (int i = 0; i < 3; i++) {",
            "                client.paths().upload(\"/modular\", UploadSource.of(new byte[i + 1]).named(\"f\" + i + \".bin\"));",
            "            }",
            "            for (PathInfo entry : client.paths().list(\"/modular\", 2)) {",
            "                System.out.println(\"entry \" + entry.getPath() + \" \" + entry.getSize());",
            "            }",
            "            System.out.println(\"ping \" + client.ping().getPing());",
            "            System.out.println(\"module \" + SmartFile.class.getModule().getName());",
            "        } finally {",
            "            http.dispatcher().executorService().shutdown();",
            "        }",
            "    }",
            "}",
            "");

    @TempDir
    Path work;

    @Test
    void runsOnTheBuildJdk(EmulatorCredentials credentials) throws Exception {
        compileAndRun(Paths.get(System.getProperty("java.home")), credentials);
    }

    @Test
    void runsOnJdk25(EmulatorCredentials credentials) throws Exception {
        String configured = System.getenv("SMARTFILE_JDK25");
        Path jdk = Paths.get(configured != null && !configured.isEmpty() ? configured : "/usr/lib/jvm/temurin-25-jdk-amd64");
        Assumptions.assumeTrue(Files.isExecutable(jdk.resolve("bin/javac")), "no JDK 25 at " + jdk);
        compileAndRun(jdk, credentials);
    }

    private void compileAndRun(Path jdk, EmulatorCredentials credentials) throws Exception {
        Path src = Files.createDirectories(work.resolve("src/app"));
        Files.write(work.resolve("src/module-info.java"), MODULE_INFO.getBytes(StandardCharsets.UTF_8));
        Files.write(src.resolve("Main.java"), MAIN.getBytes(StandardCharsets.UTF_8));
        Path out = work.resolve("out");
        String modulePath = sdkModulePath();

        Result javac = run(work, jdk.resolve("bin/javac").toString(), "--release", "11", "--module-path", modulePath,
                "-d", out.toString(), work.resolve("src/module-info.java").toString(), src.resolve("Main.java").toString());
        assertEquals(0, javac.code, "javac failed:\n" + javac.output);

        Result java = run(work, jdk.resolve("bin/java").toString(), "--module-path", out + File.pathSeparator + modulePath,
                "-m", "app/app.Main", credentials.baseUrl(), credentials.key(), credentials.password());
        assertEquals(0, java.code, "the modular application failed:\n" + java.output);
        List<String> entries = Arrays.stream(java.output.split("\n")).filter(l -> l.startsWith("entry "))
                .collect(Collectors.toList());
        assertEquals(List.of("entry /modular/f0.bin 1", "entry /modular/f1.bin 2", "entry /modular/f2.bin 3"), entries,
                java.output);
        assertTrue(java.output.contains("ping pong"), java.output);
        assertTrue(java.output.contains("module com.smartfile.sdk"), "the SDK ran as a named module:\n" + java.output);
        assertFalse(java.output.contains("WARNING"), java.output);
    }

    /** The SDK (its classes or jar) and its run-time dependencies, nothing of the emulator or the tests. */
    private static String sdkModulePath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Paths.get(entry).getFileName().toString();
            String path = entry.replace('\\', '/');
            boolean sdk = path.contains("/sdk-ext/target/") || name.startsWith("smartfile-sdk-")
                    || path.contains("/delta/target/") || name.startsWith("smartfile-delta-");
            if (sdk || SDK_RUNTIME.matcher(name).matches()) {
                entries.add(entry);
            }
        }
        assertTrue(entries.stream().anyMatch(e -> e.contains("sdk-ext") || e.contains("smartfile-sdk-")), entries.toString());
        return String.join(File.pathSeparator, entries);
    }

    private static final class Result {
        final int code;
        final String output;

        Result(int code, String output) {
            this.code = code;
            this.output = output;
        }
    }

    private static Result run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "timed out: " + String.join(" ", command));
        return new Result(p.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
