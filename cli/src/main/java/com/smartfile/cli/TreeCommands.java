package com.smartfile.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.smartfile.sdk.SmartFile;
import com.smartfile.sdk.SmartFileException;
import com.smartfile.sdk.model.PathInfo;
import com.smartfile.sdk.ApiJson;
import com.smartfile.sdk.tree.Comparison;
import com.smartfile.sdk.tree.SyncOptions;
import com.smartfile.sdk.tree.SyncPlan;
import com.smartfile.sdk.tree.TreeResult;
import com.smartfile.sdk.tree.TreeListener;
import com.smartfile.sdk.tree.TreeLocation;
import com.smartfile.sdk.tree.TreeProgress;
import com.smartfile.sdk.tree.TreeSyncException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * Whole folders: {@code sync}, {@code cp -r}, {@code upload -r}/{@code download -r}, and the read
 * commands {@code cat}, {@code stat} and {@code du}. In {@code sync} and {@code cp -r} a SmartFile
 * path is written {@code sf:/path}; a plain path is local.
 */
final class TreeCommands {

    static final String REMOTE_PREFIX = "sf:";

    private TreeCommands() {
    }

    /** The options {@code sync} and the recursive forms of {@code cp}, {@code upload} and {@code download} share. */
    static final class TreeOptions {
        @Option(names = "--dry-run", description = "Show the plan (what would be transferred, created and deleted) and change nothing.")
        boolean dryRun;

        @ArgGroup(exclusive = true)
        ComparisonChoice comparison;

        @Option(names = "--include", paramLabel = "GLOB", description = "Only files matching a glob take part (repeatable; gitignore-like).")
        List<String> includes = new ArrayList<>();

        @Option(names = "--exclude", paramLabel = "GLOB", description = "Ignore entries matching a glob on both sides (repeatable; gitignore-like).")
        List<String> excludes = new ArrayList<>();

        @Option(names = "--transfers", paramLabel = "N", defaultValue = "4", description = "Files transferred at once (default 4).")
        int transfers = SyncOptions.DEFAULT_TRANSFERS;

        @Option(names = "--skip-hidden", description = "Ignore names starting with '.'.")
        boolean skipHidden;

        @Option(names = "--follow-symlinks", description = "Follow local symbolic links (loops are detected); by default they are skipped.")
        boolean followSymlinks;

        @Option(names = "--no-delta", description = "Transfer changed files whole; by default a changed file of 1 MiB or more that "
                + "exists on both sides moves as a librsync delta (only the blocks that differ).")
        boolean noDelta;

        SyncOptions.Builder toOptions() {
            SyncOptions.Builder b = SyncOptions.builder().transfers(transfers).skipHidden(skipHidden).followSymlinks(followSymlinks)
                    .delta(!noDelta)
                    .include(includes.toArray(new String[0])).exclude(excludes.toArray(new String[0]));
            if (comparison != null) {
                b.comparison(comparison.sizeOnly ? Comparison.SIZE_ONLY : comparison.newer ? Comparison.NEWER_BY_UPLOAD_TIME : Comparison.CHECKSUM);
            }
            return b;
        }
    }

    /** How files of equal size are compared. */
    static final class ComparisonChoice {
        @Option(names = "--checksum", description = "Compare files of equal size by SHA-256 (the default; never misses a change).")
        boolean checksum;

        @Option(names = "--size-only", description = "Take files of equal size as equal (fast; misses a same-size change).")
        boolean sizeOnly;

        @Option(names = "--newer", description = "Transfer files of equal size when the source is newer than the server's upload time.")
        boolean newer;
    }

    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = {"Bring DST in step with SRC: transfer what is new or changed, in parallel.",
                "One side is local, the other written sf:/path. Run it again to finish after a failure:",
                "what is done is skipped."})
    static final class Sync implements Callable<Integer> {
        @ParentCommand
        SmartFileCommand root;

        @Parameters(index = "0", paramLabel = "SRC", description = "The source folder: a local path or sf:/path.")
        String src;

        @Parameters(index = "1", paramLabel = "DST", description = "The destination folder: sf:/path or a local path.")
        String dst;

        @Option(names = "--delete", description = "Delete destination entries the source does not have, after every transfer succeeded.")
        boolean delete;

        @Option(names = "--force", description = "Allow a --delete that would empty the whole destination.")
        boolean force;

        @Mixin
        TreeOptions tree;

        @Override
        public Integer call() {
            return run(root, location(src), location(dst), tree, delete, force);
        }
    }

    /** {@code cp -r SRC DST}: a sync that never deletes (the hook in {@link PathCommands.Cp}). */
    static int copy(SmartFileCommand root, List<String> args, TreeOptions tree) {
        if (args.size() != 2) {
            throw new UsageException("cp -r takes one source folder and one destination, e.g. cp -r ./photos sf:/photos");
        }
        return run(root, location(args.get(0)), location(args.get(1)), tree, false, false);
    }

    /** {@code upload -r LOCAL... REMOTE_DIR}: each local folder goes into the remote folder under its own name. */
    static int uploadFolders(SmartFileCommand root, List<Path> args, TreeOptions tree) {
        String remote = args.get(args.size() - 1).toString();
        int code = ExitCodes.OK;
        for (Path folder : args.subList(0, args.size() - 1)) {
            Path abs = folder.toAbsolutePath().normalize();
            String name = abs.getFileName() == null ? "" : abs.getFileName().toString();
            code = Math.max(code, run(root, TreeLocation.local(abs),
                    TreeLocation.remote(remote.endsWith("/") ? remote + name : remote + "/" + name), tree, false, false));
        }
        return code;
    }

    /** {@code download -r REMOTE_DIR LOCAL}: the remote folder goes into the local folder under its own name. */
    static int downloadFolder(SmartFileCommand root, String remote, Path local, TreeOptions tree) {
        TreeLocation from = TreeLocation.remote(remote);
        String name = from.getRemotePath().substring(from.getRemotePath().lastIndexOf('/') + 1);
        return run(root, from, TreeLocation.local(name.isEmpty() ? local : local.resolve(name)), tree, false, false);
    }

    /** {@code sf:/path} is SmartFile, anything else local. */
    static TreeLocation location(String arg) {
        if (arg.startsWith(REMOTE_PREFIX)) {
            String path = arg.substring(REMOTE_PREFIX.length());
            return TreeLocation.remote(path.isEmpty() ? "/" : path);
        }
        return TreeLocation.local(Paths.get(arg));
    }

    private static int run(SmartFileCommand root, TreeLocation src, TreeLocation dst, TreeOptions tree, boolean delete, boolean force) {
        if (src.isLocal() == dst.isLocal()) {
            throw new UsageException(src.isLocal()
                    ? "Both " + src + " and " + dst + " are local; write the SmartFile side as sf:/path, e.g. sync ./photos sf:/photos"
                    : "Both sides are on SmartFile; one must be a local folder (for a copy inside SmartFile use cp without -r).");
        }
        SyncOptions options = tree.toOptions().delete(delete).allowDeletingEverything(force).build();
        PrintWriter out = root.console.out();
        PrintWriter err = root.console.err();
        try (SmartFile client = root.client()) {
            SyncPlan plan = client.trees().plan(src, dst, options);
            if (plan.isDeletingEverything() && !force) {
                throw new UsageException("This sync would delete everything in " + dst + " (" + plan.getDeletions().size()
                        + " entries) because " + src + " has nothing to keep; check SRC, or add --force if it is meant.");
            }
            if (tree.dryRun) {
                if (root.json) {
                    json(out, planJson(plan));
                } else {
                    printPlan(out, plan);
                    out.println("dry run: " + plan.getSummary());
                }
                return ExitCodes.OK;
            }
            // the root's rule for progress (--progress/--no-progress, -q, a terminal), and never beside --json
            boolean show = !root.json && (root.progress != null ? root.progress : !root.quiet && root.console.stderrTerminal());
            Line line = new Line(err, show);
            TreeResult result;
            try {
                result = client.trees().execute(plan, line);
            } catch (TreeSyncException failed) {
                line.end();
                report(root, failed.getResult());
                for (Map.Entry<SyncPlan.Entry, SmartFileException> f : failed.getResult().getFailures().entrySet()) {
                    err.println("failed: " + f.getKey().getRelativePath() + ": " + f.getValue().getMessage());
                }
                err.println("smartfile: " + failed.getResult().getFailures().size() + " failed; run the same command again to retry them.");
                return ExitCodes.API_ERROR;
            }
            line.end();
            report(root, result);
            return ExitCodes.OK;
        }
    }

    private static void report(SmartFileCommand root, TreeResult result) {
        if (root.json) {
            json(root.console.out(), resultJson(result));
        } else {
            root.status().println(result.getSummary());
        }
    }

    private static void printPlan(PrintWriter out, SyncPlan plan) {
        String verb = plan.getDirection() == SyncPlan.Direction.UPLOAD ? "upload" : "download";
        for (SyncPlan.Entry f : plan.getFoldersToCreate()) {
            out.println("mkdir    " + (f.getRelativePath().isEmpty() ? "." : f.getRelativePath()) + "/");
        }
        for (SyncPlan.Entry t : plan.getTransfers()) {
            out.println(String.format("%-8s %s (%s, %s)", verb, t.getRelativePath(), Output.human(t.getSize()), reason(t)));
        }
        for (SyncPlan.Entry d : plan.getDeletions()) {
            out.println("delete   " + d.getRelativePath() + (d.isFolder() ? "/" : ""));
        }
        for (SyncPlan.Entry c : plan.getConflicts()) {
            out.println("conflict " + c.getRelativePath() + " (" + reason(c) + ")");
        }
    }

    private static String reason(SyncPlan.Entry e) {
        return e.getReason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static List<Object> entries(List<SyncPlan.Entry> list) {
        List<Object> out = new ArrayList<>();
        for (SyncPlan.Entry e : list) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", e.getRelativePath());
            m.put("folder", e.isFolder());
            m.put("size", e.getSize());
            m.put("reason", e.getReason().name());
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> planJson(SyncPlan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", plan.getSource().toString());
        m.put("destination", plan.getDestination().toString());
        m.put("direction", plan.getDirection().name());
        m.put("inSync", plan.isInSync());
        m.put("bytesToTransfer", plan.getBytesToTransfer());
        m.put("transfers", entries(plan.getTransfers()));
        m.put("foldersToCreate", entries(plan.getFoldersToCreate()));
        m.put("deletions", entries(plan.getDeletions()));
        m.put("conflicts", entries(plan.getConflicts()));
        m.put("skipped", entries(plan.getSkipped()));
        return m;
    }

    private static Map<String, Object> resultJson(TreeResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("summary", r.getSummary());
        m.put("complete", r.isComplete());
        m.put("bytesTransferred", r.getBytesTransferred());
        m.put("bytesSent", r.getBytesSent());
        m.put("bytesReceived", r.getBytesReceived());
        m.put("deltaFiles", r.getDeltaFiles());
        m.put("deltaFallback", r.getDeltaFallback());
        m.put("transferred", entries(r.getTransferred()));
        m.put("foldersCreated", entries(r.getFoldersCreated()));
        m.put("deleted", entries(r.getDeleted()));
        List<Object> failures = new ArrayList<>();
        for (Map.Entry<SyncPlan.Entry, SmartFileException> f : r.getFailures().entrySet()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("path", f.getKey().getRelativePath());
            one.put("error", f.getValue().getClass().getSimpleName());
            one.put("message", f.getValue().getMessage());
            failures.add(one);
        }
        m.put("failures", failures);
        return m;
    }

    private static void json(PrintWriter out, Object value) {
        out.println(ApiJson.writeIndented(value));
    }

    /** The one overall progress line on a terminal: files and bytes, rate, time left. */
    static final class Line implements TreeListener {
        private final PrintWriter err;
        private final boolean shown;
        private final long started = System.nanoTime();
        private long lastDraw;
        private boolean drawn;

        Line(PrintWriter err, boolean shown) {
            this.err = err;
            this.shown = shown;
        }

        @Override
        public void onProgress(TreeProgress p) {
            long now = System.nanoTime();
            if (!shown || (now - lastDraw < 100_000_000L && p.getFilesDone() < p.getFilesTotal())) {
                return;
            }
            lastDraw = now;
            drawn = true;
            err.print("\r" + text(p, (now - started) / 1e9) + "   ");
            err.flush();
        }

        static String text(TreeProgress p, double seconds) {
            double rate = seconds > 0 ? p.getBytesDone() / seconds : 0;
            String eta = rate > 0 && p.getBytesTotal() > p.getBytesDone()
                    ? ", " + Math.round((p.getBytesTotal() - p.getBytesDone()) / rate) + " s left" : "";
            return p.getFilesDone() + "/" + p.getFilesTotal() + " files, " + Output.human(p.getBytesDone()) + " of "
                    + Output.human(p.getBytesTotal()) + ", " + Output.human((long) rate) + "/s" + eta;
        }

        void end() {
            if (drawn) {
                err.println();
                err.flush();
            }
        }
    }

    @Command(name = "cat", mixinStandardHelpOptions = true, description = "Write a remote file to standard output.")
    static final class Cat implements Callable<Integer> {
        @ParentCommand
        SmartFileCommand root;

        @Parameters(arity = "1..*", paramLabel = "PATH", description = "The remote files, written one after the other.")
        List<String> paths;

        @Override
        public Integer call() {
            try (SmartFile client = root.client()) {
                for (String p : paths) {
                    client.paths().download(p, root.console.outStream());
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "stat", mixinStandardHelpOptions = true, description = "Show a remote file's or folder's details, one per line.")
    static final class Stat implements Callable<Integer> {
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
                    return ExitCodes.OK;
                }
                boolean dir = info.isDirectory();
                PrintWriter out = root.console.out();
                out.println("path:  " + info.getPath());
                out.println("type:  " + (dir ? "folder" : "file"));
                if (dir) {
                    out.println("items: " + (info.getItems() == null ? "?" : info.getItems()));
                } else {
                    out.println("size:  " + (info.getSize() == null ? "?" : info.getSize() + " bytes (" + Output.human(info.getSize()) + ")"));
                    out.println("mime:  " + info.getMime());
                }
                out.println("time:  " + (info.getTime() == null ? "?" : info.getTime() + " (server time, no zone)"));
                if (info.getAttributes() != null && !info.getAttributes().isEmpty()) {
                    out.println("attributes: " + info.getAttributes());
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "du", mixinStandardHelpOptions = true, description = "Sizes of a remote tree: each top-level folder and the total.")
    static final class Du implements Callable<Integer> {
        @ParentCommand
        SmartFileCommand root;

        @Parameters(paramLabel = "PATH", defaultValue = "/", description = "The remote folder (default /).")
        String path;

        @Option(names = {"-s", "--summarize"}, description = "Only the total.")
        boolean summarize;

        /** Files, folders and bytes under a folder. */
        private static final class Usage {
            long files;
            long folders;
            long bytes;

            void add(Usage u) {
                files += u.files;
                folders += u.folders;
                bytes += u.bytes;
            }
        }

        @Override
        public Integer call() {
            Map<String, Object> children = new LinkedHashMap<>();
            Usage total = new Usage();
            PrintWriter out = root.console.out();
            try (SmartFile client = root.client()) {
                for (PathInfo e : client.paths().list(path, 500)) {
                    if (e.isDirectory()) {
                        Usage u = walk(client, e.getPath());
                        u.folders++;
                        total.add(u);
                        if (root.json) {
                            children.put(e.getPath(), map(u));
                        } else if (!summarize) {
                            out.println(String.format("%10s  %6d files  %s/", Output.human(u.bytes), u.files, e.getPath()));
                        }
                    } else {
                        total.files++;
                        total.bytes += e.getSize() == null ? 0 : e.getSize();
                    }
                }
            }
            if (root.json) {
                Map<String, Object> m = map(total);
                m.put("path", path);
                m.put("folders_below", children);
                json(out, m);
            } else {
                out.println(String.format("%10s  %6d files  %d folders  total %s", Output.human(total.bytes), total.files,
                        total.folders, path));
            }
            return ExitCodes.OK;
        }

        private static Usage walk(SmartFile client, String folder) {
            Usage u = new Usage();
            for (PathInfo e : client.paths().list(folder, 500)) {
                if (e.isDirectory()) {
                    u.add(walk(client, e.getPath()));
                    u.folders++;
                } else {
                    u.files++;
                    u.bytes += e.getSize() == null ? 0 : e.getSize();
                }
            }
            return u;
        }

        private static Map<String, Object> map(Usage u) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("files", u.files);
            m.put("folders", u.folders);
            m.put("bytes", u.bytes);
            return m;
        }
    }
}
