package com.smartfile.sdk.tree;

import org.jspecify.annotations.Nullable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import com.smartfile.sdk.InvalidInputException;
import com.smartfile.sdk.NotFoundException;
import com.smartfile.sdk.SmartFile;
import com.smartfile.sdk.SmartFileException;
import com.smartfile.sdk.TaskPartialFailureException;
import com.smartfile.sdk.model.PathInfo;
import com.smartfile.sdk.model.Task;
import com.smartfile.sdk.tree.SyncPlan.Entry;
import com.smartfile.sdk.tree.SyncPlan.Reason;

/**
 * Builds a {@link SyncPlan}: lists both trees folder by folder (each level's folders in parallel),
 * compares them, and settles files of equal size by checksum in batches.
 */
final class Planner {

    /** Paths per checksum task. */
    static final int CHECKSUM_BATCH = 200;
    /** Entries per listing page: fewer requests for big folders, below the size old clients saw time out. */
    static final int LIST_PAGE_SIZE = 500;
    private static final String PART_SUFFIX = ".smartfile-part";

    private enum Kind { FILE, FOLDER, SYMLINK, SYMLINK_LOOP, SPECIAL }

    /** One listed entry of either side. */
    private static final class Node {
        final String name;
        final Kind kind;
        final long size;
        final @Nullable Instant time;
        final String location;
        final @Nullable Path realPath;

        Node(String name, Kind kind, long size, @Nullable Instant time, String location, @Nullable Path realPath) {
            this.name = name;
            this.kind = kind;
            this.size = size;
            this.time = time;
            this.location = location;
            this.realPath = realPath;
        }
    }

    /** A folder pair to compare. */
    private static final class Job {
        final String rel;
        final @Nullable String src;
        final String dst;
        final boolean dstExists;
        final List<Path> ancestors;

        /** A folder pair; {@code dst} is where the destination folder is (or will be created). */
        Job(String rel, @Nullable String src, String dst, boolean dstExists, List<Path> ancestors) {
            this.rel = rel;
            this.src = src;
            this.dst = dst;
            this.dstExists = dstExists;
            this.ancestors = ancestors;
        }
    }

    /** What one folder pair contributed. */
    private static final class Part {
        final List<Entry> transfers = new ArrayList<>();
        final List<Entry> skipped = new ArrayList<>();
        final List<Entry> folders = new ArrayList<>();
        final List<Entry> deletions = new ArrayList<>();
        final List<Entry> conflicts = new ArrayList<>();
        final List<Entry> checksumCandidates = new ArrayList<>();
        final List<Job> next = new ArrayList<>();
        final List<Entry> folderCandidates = new ArrayList<>();
        final List<String> kept = new ArrayList<>();
        int destinationEntries;
    }

    private final SmartFile client;
    private final TreeLocation source;
    private final TreeLocation destination;
    private final SyncOptions options;
    private final PathFilter filter;
    private final boolean upload;
    private final ExecutorService pool;
    private boolean caseInsensitive;

    Planner(SmartFile client, TreeLocation source, TreeLocation destination, SyncOptions options, ExecutorService pool) {
        this.client = client;
        this.source = source;
        this.destination = destination;
        this.options = options;
        this.filter = options.filter();
        this.upload = source.isLocal();
        this.pool = pool;
    }

    SyncPlan plan() {
        Part all = new Part();
        boolean dstExists = checkRoots();
        if (!dstExists) {
            all.folders.add(new Entry("", true, 0, Reason.NEW, location(source), location(destination)));
        }
        caseInsensitive = !upload && (options.getCaseInsensitiveLocal() != null
                ? options.getCaseInsensitiveLocal() : probeCaseInsensitive(destination.localFolder()));
        List<Job> level = List.of(new Job("", location(source), location(destination), dstExists,
                upload && options.isFollowSymlinks() ? List.of(realPath(source.localFolder())) : List.of()));
        boolean root = true;
        while (!level.isEmpty()) {
            List<Future<Part>> running = new ArrayList<>();
            for (Job job : level) {
                running.add(pool.submit(() -> compare(job)));
            }
            List<Job> next = new ArrayList<>();
            for (Future<Part> f : running) {
                Part p = join(f);
                all.transfers.addAll(p.transfers);
                all.skipped.addAll(p.skipped);
                all.folders.addAll(p.folders);
                all.deletions.addAll(p.deletions);
                all.conflicts.addAll(p.conflicts);
                all.checksumCandidates.addAll(p.checksumCandidates);
                all.folderCandidates.addAll(p.folderCandidates);
                all.kept.addAll(p.kept);
                next.addAll(p.next);
                if (root) {
                    all.destinationEntries = p.destinationEntries;
                }
            }
            root = false;
            level = next;
        }
        settleByChecksum(all.checksumCandidates, all.transfers, all.skipped);
        Comparator<Entry> byPath = Comparator.comparing(Entry::getRelativePath);
        all.folderCandidates.sort(byPath);
        wholeFolders(all.folderCandidates, all.kept, all.deletions);
        for (List<Entry> list : List.of(all.transfers, all.skipped, all.folders, all.deletions, all.conflicts)) {
            list.sort(byPath);
        }
        long rootDeletions = all.deletions.stream().filter(e -> e.getRelativePath().indexOf('/') < 0).count();
        boolean everything = options.isDelete() && all.destinationEntries > 0 && rootDeletions == all.destinationEntries;
        return new SyncPlan(source, destination, options, all.transfers, all.skipped, all.folders,
                all.deletions, all.conflicts, everything);
    }

    /** Checks both roots before the walk; returns whether the destination exists. */
    private boolean checkRoots() {
        if (upload) {
            Path src = source.localFolder();
            if (!Files.exists(src, LinkOption.NOFOLLOW_LINKS) && !Files.exists(src)) {
                throw new InvalidInputException("The local folder " + src + " does not exist.");
            }
            if (!Files.isDirectory(src)) {
                throw new InvalidInputException(src + " is a file, not a folder; upload a single file with paths().upload.");
            }
            try {
                PathInfo dst = client.paths().info(destination.remoteFolder());
                if (!dst.isDirectory()) {
                    throw new InvalidInputException("The destination " + destination + " is a file, not a folder.");
                }
                return true;
            } catch (NotFoundException e) {
                return false;
            }
        }
        PathInfo src;
        try {
            src = client.paths().info(source.remoteFolder());
        } catch (NotFoundException e) {
            throw new InvalidInputException("The SmartFile folder " + source.remoteFolder() + " does not exist.");
        }
        if (!src.isDirectory()) {
            throw new InvalidInputException(source + " is a file, not a folder; download a single file with paths().download.");
        }
        Path dst = destination.localFolder();
        if (Files.exists(dst) && !Files.isDirectory(dst)) {
            throw new InvalidInputException("The destination " + dst + " is a file, not a folder.");
        }
        return Files.isDirectory(dst);
    }

    private Part compare(Job job) {
        Part part = new Part();
        List<Node> src = list(upload, job.src, job.ancestors);
        List<Node> dst = job.dstExists ? list(!upload, job.dst, List.of()) : List.of();
        part.destinationEntries = dst.size();
        Map<String, Node> dstByKey = new LinkedHashMap<>();
        for (Node d : dst) {
            dstByKey.put(key(d.name), d);
        }
        Set<String> collisions = new HashSet<>();
        if (caseInsensitive) {
            Map<String, Integer> counts = new HashMap<>();
            for (Node s : src) {
                counts.merge(key(s.name), 1, Integer::sum);
            }
            counts.forEach((k, n) -> {
                if (n > 1) {
                    collisions.add(k);
                }
            });
        }
        Set<String> seen = new HashSet<>();
        for (Node s : src) {
            String k = key(s.name);
            seen.add(k);
            String rel = join(job.rel, s.name);
            boolean folder = s.kind == Kind.FOLDER;
            Reason skip = skipReason(s, rel);
            if (skip != null) {
                part.skipped.add(new Entry(rel, folder, s.size, skip, s.location, null));
                continue;
            }
            if (collisions.contains(k)) {
                part.conflicts.add(new Entry(rel, folder, s.size, Reason.CASE_COLLISION, s.location, null));
                continue;
            }
            Node d = dstByKey.get(k);
            String target;
            if (d != null) {
                target = d.location;
            } else {
                try {
                    target = child(!upload, job.dst, s.name);
                } catch (InvalidPathException e) {
                    part.conflicts.add(new Entry(rel, folder, s.size, Reason.NAME_NOT_ALLOWED, s.location, null));
                    continue;
                }
            }
            if (folder) {
                if (d == null) {
                    part.folders.add(new Entry(rel, true, 0, Reason.NEW, s.location, target));
                    part.next.add(new Job(rel, s.location, target, false, descend(job, s)));
                } else if (d.kind == Kind.FOLDER) {
                    part.next.add(new Job(rel, s.location, d.location, true, descend(job, s)));
                } else {
                    part.conflicts.add(new Entry(rel, true, 0, Reason.TYPE_MISMATCH, s.location, target));
                }
                continue;
            }
            if (d == null) {
                part.transfers.add(new Entry(rel, false, s.size, Reason.NEW, s.location, target));
            } else if (d.kind != Kind.FILE) {
                part.conflicts.add(new Entry(rel, false, s.size, Reason.TYPE_MISMATCH, s.location, target));
            } else if (d.size != s.size) {
                part.transfers.add(new Entry(rel, false, s.size, Reason.SIZE_DIFFERS, s.location, target));
            } else if (options.getComparison() == Comparison.SIZE_ONLY) {
                part.skipped.add(new Entry(rel, false, s.size, Reason.SAME_SIZE, s.location, target));
            } else if (options.getComparison() == Comparison.NEWER_BY_UPLOAD_TIME) {
                // the server's time has whole seconds: compare at that resolution
                boolean newer = s.time != null && (d.time == null
                        || s.time.truncatedTo(ChronoUnit.SECONDS).isAfter(d.time.truncatedTo(ChronoUnit.SECONDS)));
                (newer ? part.transfers : part.skipped).add(new Entry(rel, false, s.size,
                        newer ? Reason.NEWER : Reason.NOT_NEWER, s.location, target));
            } else {
                part.checksumCandidates.add(new Entry(rel, false, s.size, Reason.SAME_CONTENT, s.location, target));
            }
        }
        if (!options.isDelete()) {
            return part;
        }
        for (Node d : dst) {
            if (seen.contains(key(d.name))) {
                continue;
            }
            String rel = join(job.rel, d.name);
            boolean folder = d.kind == Kind.FOLDER;
            if (d.kind == Kind.SYMLINK || d.kind == Kind.SYMLINK_LOOP || d.kind == Kind.SPECIAL
                    || isPartFile(d.name) || (options.isSkipHidden() && d.name.startsWith("."))
                    || filter.excludes(rel, folder)) {
                part.kept.add(rel);
                continue;   // what the sync does not manage is never deleted
            }
            if (folder && !filter.isEmpty()) {
                part.next.add(new Job(rel, null, d.location, true, List.of()));   // delete only what the filters let through
                part.folderCandidates.add(new Entry(rel, true, d.size, Reason.EXTRANEOUS, null, d.location));
            } else {
                part.deletions.add(new Entry(rel, folder, d.size, Reason.EXTRANEOUS, null, d.location));
            }
        }
        return part;
    }

    /**
     * With filters, an extraneous folder was walked so that filtered entries in it survive; where
     * nothing in it is kept, the folder is deleted whole instead of file by file.
     */
    private static void wholeFolders(List<Entry> candidates, List<String> kept, List<Entry> deletions) {
        String covered = null;
        for (Entry c : candidates) {
            String prefix = c.getRelativePath() + "/";
            if (covered != null && prefix.startsWith(covered)) {
                continue;
            }
            if (kept.stream().anyMatch(k -> k.startsWith(prefix))) {
                continue;
            }
            deletions.removeIf(d -> d.getRelativePath().startsWith(prefix));
            deletions.add(c);
            covered = prefix;
        }
    }

    private @Nullable Reason skipReason(Node s, String rel) {
        if (isPartFile(s.name)) {
            return Reason.PART_FILE;
        }
        if (options.isSkipHidden() && s.name.startsWith(".")) {
            return Reason.HIDDEN;
        }
        if (s.kind == Kind.SYMLINK) {
            return Reason.SYMLINK;
        }
        if (s.kind == Kind.SYMLINK_LOOP) {
            return Reason.SYMLINK_LOOP;
        }
        if (s.kind == Kind.SPECIAL) {
            return Reason.SPECIAL_FILE;
        }
        return filter.excludes(rel, s.kind == Kind.FOLDER) ? Reason.FILTERED : null;
    }

    private static boolean isPartFile(String name) {
        return name.startsWith(".") && name.endsWith(PART_SUFFIX);
    }

    private List<Path> descend(Job job, Node folder) {
        if (folder.realPath == null) {
            return job.ancestors;
        }
        List<Path> chain = new ArrayList<>(job.ancestors);
        chain.add(folder.realPath);
        return chain;
    }

    /** The key two names match by: NFC (macOS writes NFD), and case-folded on a case-insensitive disk. */
    private String key(String name) {
        String nfc = Normalizer.normalize(name, Normalizer.Form.NFC);
        return caseInsensitive ? nfc.toLowerCase(Locale.ROOT) : nfc;
    }

    private static String join(String rel, String name) {
        return rel.isEmpty() ? name : rel + "/" + name;
    }

    private static String child(boolean local, String folder, String name) {
        if (local) {
            Path p = Paths.get(folder).resolve(name);
            if (!p.getFileName().toString().equals(name)) {
                throw new InvalidPathException(name, "not a single name here");
            }
            return p.toString();
        }
        String nfc = Normalizer.normalize(name, Normalizer.Form.NFC);
        return folder.equals("/") ? "/" + nfc : folder + "/" + nfc;
    }

    private List<Node> list(boolean local, @Nullable String folder, List<Path> ancestors) {
        if (folder == null) {
            return List.of();
        }
        return local ? listLocal(Paths.get(folder), ancestors) : listRemote(folder);
    }

    private List<Node> listRemote(String folder) {
        List<Node> nodes = new ArrayList<>();
        for (PathInfo e : client.paths().list(folder, LIST_PAGE_SIZE)) {
            String name = e.getName();
            if (name == null || name.isEmpty()) {
                String p = e.getPath() == null ? "" : e.getPath();
                name = p.substring(p.lastIndexOf('/', p.length() - 2) + 1).replace("/", "");
            }
            boolean dir = e.isDirectory();
            Instant time = e.getTime() == null ? null : e.getTime().atZone(options.getServerTimeZone()).toInstant();
            long size = dir || e.getSize() == null ? 0 : e.getSize();
            nodes.add(new Node(name, dir ? Kind.FOLDER : Kind.FILE, size, time, child(false, folder, name), null));
        }
        return nodes;
    }

    private List<Node> listLocal(Path folder, List<Path> ancestors) {
        List<Node> nodes = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path p : entries) {
                nodes.add(localNode(p, ancestors));
            }
        } catch (IOException e) {
            throw new SmartFileException("Cannot list the local folder " + folder + " (" + e + "); nothing was changed.", e);
        }
        nodes.sort(Comparator.comparing(n -> n.name));
        return nodes;
    }

    private Node localNode(Path p, List<Path> ancestors) throws IOException {
        String name = p.getFileName().toString();
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        boolean follow = options.isFollowSymlinks() && upload && !ancestors.isEmpty();
        if (a.isSymbolicLink()) {
            if (!follow) {
                return new Node(name, Kind.SYMLINK, 0, null, p.toString(), null);
            }
            try {
                a = Files.readAttributes(p, BasicFileAttributes.class);
            } catch (IOException broken) {
                return new Node(name, Kind.SYMLINK, 0, null, p.toString(), null);
            }
            if (a.isDirectory() && ancestors.contains(realPath(p))) {
                return new Node(name, Kind.SYMLINK_LOOP, 0, null, p.toString(), null);
            }
        }
        Instant mtime = a.lastModifiedTime().toInstant();
        if (a.isDirectory()) {
            return new Node(name, Kind.FOLDER, 0, mtime, p.toString(), follow ? realPath(p) : null);
        }
        if (a.isRegularFile()) {
            return new Node(name, Kind.FILE, a.size(), mtime, p.toString(), null);
        }
        return new Node(name, Kind.SPECIAL, 0, null, p.toString(), null);
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw new SmartFileException("Cannot resolve " + p + " (" + e + ").", e);
        }
    }

    /** Whether {@code folder} (or its nearest existing ancestor with a letter in its name) sits on a case-insensitive disk. */
    static boolean probeCaseInsensitive(Path folder) {
        for (Path p = folder; p != null && p.getFileName() != null; p = p.getParent()) {
            String name = p.getFileName().toString();
            String swapped = swapCase(name);
            if (!Files.exists(p) || swapped.equals(name)) {
                continue;
            }
            Path other = p.resolveSibling(swapped);
            try {
                return Files.exists(other) && Files.isSameFile(p, other);
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    private static String swapCase(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return b.toString();
    }

    /** Compares equal-sized files by SHA-256: local digests in parallel, the server's by checksum tasks of many paths each. */
    private void settleByChecksum(List<Entry> candidates, List<Entry> transfers, List<Entry> skipped) {
        if (candidates.isEmpty()) {
            return;
        }
        List<Future<Map<String, String>>> remote = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i += CHECKSUM_BATCH) {
            List<Entry> batch = candidates.subList(i, Math.min(candidates.size(), i + CHECKSUM_BATCH));
            remote.add(pool.submit(() -> remoteChecksums(batch)));
        }
        List<Future<String>> local = new ArrayList<>();
        for (Entry c : candidates) {
            local.add(pool.submit(() -> sha256(Paths.get(upload ? c.getSource() : c.getDestination()))));
        }
        Map<String, String> server = new HashMap<>();
        for (Future<Map<String, String>> f : remote) {
            server.putAll(join(f));
        }
        for (int i = 0; i < candidates.size(); i++) {
            Entry c = candidates.get(i);
            String theirs = server.get(remoteKey(upload ? c.destination() : c.source()));
            String ours = join(local.get(i));
            Reason r = theirs == null ? Reason.CHECKSUM_UNAVAILABLE
                    : theirs.equalsIgnoreCase(ours) ? Reason.SAME_CONTENT : Reason.CONTENT_DIFFERS;
            (r == Reason.SAME_CONTENT ? skipped : transfers).add(new Entry(c.getRelativePath(), false, c.getSize(), r,
                    c.getSource(), c.getDestination(), upload ? ours : theirs));
        }
    }

    private Map<String, String> remoteChecksums(List<Entry> batch) {
        String[] paths = new String[batch.size()];
        for (int i = 0; i < paths.length; i++) {
            paths[i] = upload ? batch.get(i).getDestination() : batch.get(i).getSource();
        }
        Task done;
        try {
            done = client.paths().checksum("sha256", paths).await();
        } catch (TaskPartialFailureException e) {
            done = e.getTask();       // the paths that failed have no checksum and are transferred
        } catch (SmartFileException e) {
            return Map.of();       // no checksum at all: every file of the batch is transferred
        }
        Map<String, String> sums = new HashMap<>();
        if (done != null && done.getResult() != null && done.getResult().getResult() != null
                && done.getResult().getResult().getChecksums() != null) {
            done.getResult().getResult().getChecksums().forEach((p, sum) -> sums.put(remoteKey(p), sum));
        }
        return sums;
    }

    private static String remoteKey(String path) {
        String p = Normalizer.normalize(path, Normalizer.Form.NFC);
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            StringBuilder hex = new StringBuilder();
            for (byte b : md.digest()) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (IOException e) {
            return "";   // unreadable now: compared as different, so the transfer reports the real error
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T join(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmartFileException("Interrupted while planning the sync; nothing was changed.", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException) {
                throw (RuntimeException) c;
            }
            throw new SmartFileException("Planning the sync failed: " + c, c);
        }
    }

    private static String location(TreeLocation l) {
        return l.isLocal() ? l.localFolder().toString() : l.remoteFolder();
    }
}
