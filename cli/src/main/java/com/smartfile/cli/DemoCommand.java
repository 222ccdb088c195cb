package com.smartfile.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.smartfile.emulator.EmulatorCredentials;
import com.smartfile.emulator.SmartFileEmulator;
import com.smartfile.sdk.DownloadOptions;
import com.smartfile.sdk.NotFoundException;
import com.smartfile.sdk.PendingTask;
import com.smartfile.sdk.SmartFile;
import com.smartfile.sdk.UploadOptions;
import com.smartfile.sdk.UploadSource;
import com.smartfile.sdk.model.PathInfo;
import com.smartfile.sdk.model.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code demo}: the SDK for real, against an embedded emulator, one narrated step at a time. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start an embedded SmartFile emulator and walk through the SDK against it: upload a generated",
            "file, list, read its info, move it (a server-side task), download it, compare checksums, remove it.",
            "Exits 0 when every step worked."})
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    SmartFileCommand root;

    @Option(names = "--size-mb", defaultValue = "16", description = "Size of the generated file in MiB (default 16).")
    int sizeMb;

    private int step;

    @Override
    public Integer call() throws IOException, NoSuchAlgorithmException {
        if (sizeMb < 1) {
            throw new UsageException("--size-mb must be at least 1.");
        }
        PrintWriter out = root.console.out();
        Path work = Files.createTempDirectory("smartfile-demo");
        try (SmartFileEmulator emulator = SmartFileEmulator.builder().build().start()) {
            EmulatorCredentials c = emulator.credentials();
            say("Started the embedded SmartFile emulator at " + emulator.baseUrl());
            try (SmartFile client = root.console.configure(SmartFile.builder().baseUrl(c.baseUrl()).basicAuth(c.key(), c.password())).build()) {
                run(client, work, out);
            }
        } finally {
            deleteTree(work);
        }
        out.println();
        out.println("All " + step + " steps worked.");
        return ExitCodes.OK;
    }

    private void run(SmartFile client, Path work, PrintWriter out) throws IOException, NoSuchAlgorithmException {
        say("Ping: the server answers '" + client.ping().getPing() + "'");

        Path original = work.resolve("report 2026 \u00e9t\u00e9.bin");
        String sha256 = generate(original, sizeMb * 1024L * 1024L);
        say("Generated " + original.getFileName() + " (" + Output.human(Files.size(original)) + "), SHA-256 " + sha256.substring(0, 16) + "…");

        ProgressBar up = root.progressBar("  upload");
        PathInfo stored = client.paths().upload("/demo/inbox", UploadSource.of(original),
                UploadOptions.builder().createFolders(true).progress(up::update).build());
        up.finish();
        say("Uploaded it to " + stored.getPath() + " (multipart, streamed from disk)");

        List<PathInfo> listing = client.paths().list("/demo/inbox").stream().collect(java.util.stream.Collectors.toList());
        say("Listed /demo/inbox:");
        listing.forEach(p -> out.println("      " + Output.row(p)));

        PathInfo info = client.paths().info(stored.getPath());
        say("Info: " + info.getSize() + " bytes, " + info.getMime() + ", modified " + info.getTime());

        client.paths().mkdir("/demo/archive");
        PendingTask move = client.paths().move(List.of(stored.getPath()), "/demo/archive");
        say("Moving it to /demo/archive: task " + move.getUuid() + " started, polling until it ends");
        Task moved = move.await();
        out.println("      task ended: " + PathCommands.status(moved));
        String archived = "/demo/archive/" + original.getFileName();

        Path copy = work.resolve("downloaded.bin");
        ProgressBar down = root.progressBar("  download");
        long bytes = client.paths().download(archived, copy,
                DownloadOptions.builder().checksum("SHA-256", sha256).progress(down::update).build());
        down.finish();
        say("Downloaded " + Output.human(bytes) + " to a local file; its SHA-256 matches the original (checked while streaming)");

        Task sums = client.paths().checksum("sha256", archived).await();
        String remote = sums.getResult().getResult().getChecksums().values().stream().findFirst().orElse("");
        if (!remote.equalsIgnoreCase(sha256)) {
            throw new IllegalStateException("the server's SHA-256 " + remote + " differs from the local " + sha256);
        }
        say("The server's own checksum task agrees: " + remote.substring(0, 16) + "…");

        client.paths().remove("/demo").await();
        try {
            client.paths().info("/demo");
            throw new IllegalStateException("/demo is still there after removal");
        } catch (NotFoundException expected) {
            say("Removed /demo (a task); it is gone");
        }
    }

    private void say(String line) {
        root.console.out().printf("%2d. %s%n", ++step, line);
        root.console.out().flush();
    }

    private static String generate(Path file, long size) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        Random random = new Random(2026);
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
            for (long left = size; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
