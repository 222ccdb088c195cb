package com.smartfile.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.smartfile.sdk.ApiJson;
import com.smartfile.sdk.DownloadOptions;
import com.smartfile.sdk.SmartFile;
import com.smartfile.sdk.UploadOptions;
import com.smartfile.sdk.UploadSource;
import com.smartfile.sdk.model.PathInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code upload} and {@code download}: files of any size, streamed, with progress. */
final class TransferCommands {

    private TransferCommands() {
    }

    @Command(name = "upload", mixinStandardHelpOptions = true,
            description = "Upload local files into a remote folder, in one request.")
    static final class Upload implements Callable<Integer> {
        @ParentCommand
        SmartFileCommand root;

        @Parameters(arity = "2..*", paramLabel = "LOCAL... REMOTE_DIR", hideParamSyntax = true, description = "The local files, then the remote folder.")
        List<Path> args;

        @Option(names = {"-p", "--parents"}, description = "Create the remote folder (and its parents) when it is missing.")
        boolean parents;

        @Option(names = {"-r", "--recursive"}, description = "Upload folders into REMOTE_DIR, each under its name (see sync for options).")
        boolean recursive;

        @Override
        public Integer call() {
            if (recursive) {
                return TreeCommands.uploadFolders(root, args, new TreeCommands.TreeOptions());
            }
            List<UploadSource> sources = new ArrayList<>();
            for (Path local : args.subList(0, args.size() - 1)) {
                if (Files.isDirectory(local)) {
                    throw new UsageException(local + " is a folder; upload folders with upload -r (or sync).");
                }
                if (!Files.isRegularFile(local)) {
                    throw new UsageException("No such local file: " + local);
                }
                sources.add(UploadSource.of(local));
            }
            String folder = args.get(args.size() - 1).toString();
            ProgressBar bar = root.progressBar("upload");
            UploadOptions options = UploadOptions.builder().createFolders(parents).progress(bar::update).build();
            try (SmartFile client = root.client()) {
                List<PathInfo> stored = client.paths().upload(folder, sources, options);
                bar.finish();
                if (root.json) {
                    Output.json(root.console.out(), stored);
                } else {
                    for (PathInfo p : stored) {
                        root.status().println("uploaded " + p.getPath() + " (" + Output.human(p.getSize() == null ? 0 : p.getSize()) + ")");
                    }
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "download", mixinStandardHelpOptions = true,
            description = {"Download a remote file. The file appears under its name only when complete;",
                "a dropped connection is resumed where it stopped."})
    static final class Download implements Callable<Integer> {
        @ParentCommand
        SmartFileCommand root;

        @Parameters(index = "0", paramLabel = "REMOTE", description = "The remote file.")
        String remote;

        @Parameters(index = "1", paramLabel = "LOCAL", description = "The local file, an existing folder to put it in, or - for standard output.")
        Path local;

        @Option(names = "--sha256", paramLabel = "HEX", description = "Fail unless the file's SHA-256 is this.")
        String sha256;

        @Option(names = {"-r", "--recursive"}, description = "Download a folder into LOCAL, under its name (see sync for options).")
        boolean recursive;

        @Option(names = "--fsync", description = {"Force the file to disk before it appears under its name, so that it survives",
            "a power failure right after the command ends (slower; off by default, as in curl and wget)."})
        boolean fsync;

        @Option(names = "--zip", description = {"Download REMOTE (a file or a folder with its contents) as one zip made by the server;",
            "LOCAL is the zip file, an existing folder to put <name>.zip in, or -. Not resumable."})
        boolean zip;

        @Override
        public Integer call() {
            if (zip) {
                return asZip();
            }
            if (recursive) {
                return TreeCommands.downloadFolder(root, remote, local, new TreeCommands.TreeOptions());
            }
            if (local.toString().equals("-")) {
                return toStandardOutput();
            }
            Path target = Files.isDirectory(local) ? local.resolve(remoteName(remote)) : local;
            if (target.getParent() != null && !Files.isDirectory(target.getParent())) {
                throw new UsageException("No such local folder: " + target.getParent());
            }
            ProgressBar bar = root.progressBar("download");
            DownloadOptions.Builder options = DownloadOptions.builder().progress(bar::update).durable(fsync);
            if (sha256 != null) {
                options.checksum("SHA-256", sha256);
            }
            try (SmartFile client = root.client()) {
                long bytes = client.paths().download(remote, target, options.build());
                bar.finish();
                if (root.json) {
                    root.console.out().println("{\"path\": " + ApiJson.write(target.toString()) + ", \"bytes\": " + bytes + "}");
                } else {
                    root.status().println("downloaded " + remote + " to " + target + " (" + Output.human(bytes) + ")");
                }
            }
            return ExitCodes.OK;
        }

        /** {@code download --zip REMOTE LOCAL}: {@code path/oper/downloadmultiple/}, streamed to the file or standard output. */
        private Integer asZip() {
            if (recursive || sha256 != null || fsync) {
                throw new UsageException("--zip cannot be combined with --recursive, --sha256 or --fsync.");
            }
            try (SmartFile client = root.client()) {
                if (local.toString().equals("-")) {
                    client.paths().downloadZip(root.console.outStream(), remote);
                    return ExitCodes.OK;
                }
                String trimmed = remote.replaceAll("/+$", "");
                String name = trimmed.substring(trimmed.lastIndexOf('/') + 1);
                Path target = Files.isDirectory(local) ? local.resolve((name.isEmpty() ? "smartfile" : name) + ".zip") : local;
                if (target.getParent() != null && !Files.isDirectory(target.getParent())) {
                    throw new UsageException("No such local folder: " + target.getParent());
                }
                long bytes = client.paths().downloadZip(target, remote);
                if (root.json) {
                    root.console.out().println("{\"path\": " + ApiJson.write(target.toString()) + ", \"bytes\": " + bytes + "}");
                } else {
                    root.status().println("downloaded " + remote + " as a zip to " + target + " (" + Output.human(bytes) + ")");
                }
            }
            return ExitCodes.OK;
        }

        /** {@code download REMOTE -}: the bytes to standard output, nothing else there. */
        private Integer toStandardOutput() {
            ProgressBar bar = root.progressBar("download");
            DownloadOptions.Builder options = DownloadOptions.builder().progress(bar::update);
            if (sha256 != null) {
                options.checksum("SHA-256", sha256);
            }
            try (SmartFile client = root.client()) {
                client.paths().download(remote, root.console.outStream(), options.build());
                bar.finish();
            }
            return ExitCodes.OK;
        }

        private static String remoteName(String remote) {
            String trimmed = remote.replaceAll("/+$", "");
            String name = trimmed.substring(trimmed.lastIndexOf('/') + 1);
            if (name.isEmpty()) {
                throw new UsageException("Name a remote file, not a folder: " + remote);
            }
            return name;
        }
    }
}
