package com.smartfile.cli;

import java.util.List;
import java.util.concurrent.Callable;

import com.smartfile.sdk.ApiJson;
import com.smartfile.sdk.PendingTask;
import com.smartfile.sdk.SmartFile;
import com.smartfile.sdk.model.PathInfo;
import com.smartfile.sdk.model.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Commands on remote paths: info, ls, mkdir, rename, mv, cp, rm. */
final class PathCommands {

    private PathCommands() {
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = "Show a file's or folder's information.")
    static final class Info implements Callable<Integer> {
        @ParentCommand
        SmartFileCommand root;

        @Parameters(paramLabel = "PATH", description = "The remote path.")
        String path;

        @Override
        public Integer call() {
            try (SmartFile client = root.client()) {
                PathInfo info = client.paths().info(path);
                if (root.json) {
                    Output.json(root.console.out(), info);
                } else {
                    root.console.out().println(Output.row(info));
                    root.console.out().println("  path: " + info.getPath());
                    root.console.out().println("  mime: " + info.getMime());
                    root.console.out().println("  size: " + info.getSize() + " bytes");
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "ls", mixinStandardHelpOptions = true, description = "List a folder: every entry, across all pages.")
    static final class Ls implements Callable<Integer> {
        @ParentCommand
        SmartFileCommand root;

        @Parameters(paramLabel = "PATH", defaultValue = "/", description = "The remote folder (default /).")
        String path;

        @Option(names = "--page-size", defaultValue = "100", description = "Entries fetched per request (default 100).")
        int pageSize;

        @Override
        public Integer call() {
            try (SmartFile client = root.client()) {
                if (root.json) {
                    // One JSON array, written entry by entry: memory stays at one page.
                    root.console.out().println("[");
                    boolean first = true;
                    for (PathInfo p : client.paths().list(path, pageSize)) {
                        root.console.out().print(first ? "" : ",\n");
                        root.console.out().print(ApiJson.write(p));
                        first = false;
                    }
                    root.console.out().println(first ? "]" : "\n]");
                } else {
                    for (PathInfo p : client.paths().list(path, pageSize)) {
                        root.console.out().println(Output.row(p));
                    }
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "mkdir", mixinStandardHelpOptions = true, description = "Create a folder.")
    static final class Mkdir implements Callable<Integer> {
        @ParentCommand
        SmartFileCommand root;

        @Parameters(paramLabel = "PATH", description = "The new folder.")
        String path;

        @Override
        public Integer call() {
            try (SmartFile client = root.client()) {
                PathInfo made = client.paths().mkdir(path);
                report(root, made, "created " + made.getPath());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "rename", mixinStandardHelpOptions = true, description = "Rename a file or folder.")
    static final class Rename implements Callable<Integer> {
        @ParentCommand
        SmartFileCommand root;

        @Parameters(index = "0", paramLabel = "SRC", description = "The current path.")
        String src;

        @Parameters(index = "1", paramLabel = "DST", description = "The full new path.")
        String dst;

        @Override
        public Integer call() {
            try (SmartFile client = root.client()) {
                PathInfo renamed = client.paths().rename(src, dst);
                report(root, renamed, "renamed " + src + " -> " + (renamed.getPath() == null ? dst : renamed.getPath()));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "mv", mixinStandardHelpOptions = true, description = "Move files or folders into a folder (waits for the task).")
    static final class Mv implements Callable<Integer> {
        @ParentCommand
        SmartFileCommand root;

        @Parameters(arity = "2..*", paramLabel = "SRC... DST", description = "The paths to move, then the destination folder.")
        List<String> paths;

        @Override
        public Integer call() {
            try (SmartFile client = root.client()) {
                PendingTask task = client.paths().move(sources(paths), last(paths));
                return finish(root, task, "moved");
            }
        }
    }

    @Command(name = "cp", mixinStandardHelpOptions = true, description = {"Copy files or folders into a folder (waits for the task).",
        "With -r: copy a whole folder between here and SmartFile (written sf:/path), in parallel."})
    static final class Cp implements Callable<Integer> {
        @ParentCommand
        SmartFileCommand root;

        @Parameters(arity = "2..*", paramLabel = "SRC... DST", description = "The paths to copy, then the destination folder.")
        List<String> paths;

        @Option(names = {"-r", "--recursive"}, description = "Copy a folder tree: cp -r ./photos sf:/photos, or cp -r sf:/photos ./photos.")
        boolean recursive;

        @picocli.CommandLine.Mixin
        TreeCommands.TreeOptions tree;

        @Override
        public Integer call() {
            if (recursive) {
                return TreeCommands.copy(root, paths, tree);
            }
            try (SmartFile client = root.client()) {
                PendingTask task = client.paths().copy(sources(paths), last(paths));
                return finish(root, task, "copied");
            }
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Delete files or folders (waits for the task).")
    static final class Rm implements Callable<Integer> {
        @ParentCommand
        SmartFileCommand root;

        @Parameters(arity = "1..*", paramLabel = "PATH", description = "The paths to delete.")
        List<String> paths;

        @Override
        public Integer call() {
            try (SmartFile client = root.client()) {
                PendingTask task = client.paths().remove(paths.toArray(new String[0]));
                return finish(root, task, "removed");
            }
        }
    }

    static List<String> sources(List<String> args) {
        return args.subList(0, args.size() - 1);
    }

    static String last(List<String> args) {
        return args.get(args.size() - 1);
    }

    static void report(SmartFileCommand root, PathInfo info, String line) {
        if (root.json) {
            Output.json(root.console.out(), info);
        } else {
            root.status().println(line);
        }
    }

    /** Waits for a task, showing its progress, then prints its outcome. Failures surface as exceptions. */
    static int finish(SmartFileCommand root, PendingTask pending, String verb) {
        if (!root.json && !root.quiet) {
            root.console.err().println("task " + pending.getUuid() + " started; waiting…");
        }
        Task done = pending.await();
        if (root.json) {
            Output.json(root.console.out(), done);
        } else {
            root.status().println(verb + " (task " + pending.getUuid() + ": " + status(done) + ")");
        }
        return ExitCodes.OK;
    }

    static String status(Task task) {
        if (task.getResult() != null && task.getResult().getStatusValue() != null) {
            return task.getResult().getStatusValue();
        }
        return task.getStatusValue() == null ? "unknown" : task.getStatusValue();
    }
}
