package com.smartfile.emulator;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.smartfile.sdk.model.Acl;
import com.smartfile.sdk.model.PathInfo;

/**
 * The files under the root as the API shows them: {@link PathInfo} for a file or folder, folder
 * listings in name order, numeric path ids, custom attributes (kept in memory), and the staging
 * folder where uploads are written before an atomic move puts them in place (so a reader never sees
 * a half-written file and the last complete upload wins).
 *
 * <p>Every change of the names under the root that depends on what is there (an upload's commit,
 * rename, move, copy, mkdir) runs under one {@link #namespace()} lock, so that "check that the
 * target is free, then move" cannot interleave with another such change: two renames onto one
 * name give one success and one conflict, never a silent replacement.
 *
 * <p>Each file's content has a version ({@link #validators}): a number bumped on every write the
 * emulator makes, combined with the file's identity, size and modification time, so that the
 * {@code ETag} changes whenever the content does, even twice within one second at the same size.
 */
final class FileStore {

    private static final Acl FULL_ACL = Acl.builder().list(true).read(true).remove(true).write(true).build();

    private final PathGuard guard;
    private final ZoneId zone;
    private final Map<String, Long> ids = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<String, Map<String, Object>> attributes = new ConcurrentHashMap<>();
    private final Map<Path, Object> writeLocks = new ConcurrentHashMap<>();
    private final Object namespace = new Object();
    private final Map<Object, Long> versions = new ConcurrentHashMap<>();
    private final AtomicLong clock = new AtomicLong();

    FileStore(PathGuard guard, ZoneId zone) {
        this.guard = guard;
        this.zone = zone;
    }

    PathGuard guard() {
        return guard;
    }

    /**
     * Describes an existing file or folder.
     *
     * @param file the file-system path
     * @param segments its segments under the root
     * @param baseUrl the emulator's base URL
     * @param apiVersion the API version of the request ({@code 3} is shown as {@code 2} in {@code url})
     * @return its information
     * @throws IOException when it cannot be read
     */
    PathInfo info(Path file, List<String> segments, String baseUrl, String apiVersion) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        String apiPath = PathGuard.apiPath(segments);
        String name = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
        boolean dir = a.isDirectory();
        String version = apiVersion.startsWith("3") ? "2" : apiVersion;
        return PathInfo.builder()
                .acl(FULL_ACL)
                .attributes(new LinkedHashMap<>(attributes.getOrDefault(apiPath, Map.of())))
                .extension(dir ? "" : MimeTypes.extension(name))
                .id(ids.computeIfAbsent(apiPath, k -> nextId.getAndIncrement()))
                .directory(dir)
                .file(!dir)
                .items(dir ? children(file).size() : null)
                .mime(dir ? MimeTypes.DIRECTORY : MimeTypes.guess(name))
                .name(name)
                .path(apiPath)
                .size(dir ? folderSize(file) : a.size())
                .tags(new ArrayList<>())
                .time(time(a.lastModifiedTime()))
                .url(baseUrl + "api/" + version + "/path/info/" + PathGuard.pathId(segments))
                .build();
    }

    /**
     * Converts a file time to the API's naive local timestamp (whole seconds).
     *
     * @param time the file time
     * @return the timestamp
     */
    LocalDateTime time(FileTime time) {
        return LocalDateTime.ofInstant(time.toInstant(), zone).truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Lists a folder's visible children in name order: the staging folder and symbolic links
     * leading outside the root are hidden.
     *
     * @param dir the folder
     * @return the children
     * @throws IOException when the folder cannot be read
     */
    List<Path> children(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path child : stream) {
                if (isHidden(child)) {
                    continue;
                }
                out.add(child);
            }
        }
        out.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return out;
    }

    /**
     * Tells whether a path under the root is hidden from the API (the staging folder, or a
     * symbolic link leading outside the root).
     *
     * @param path the path
     * @return true when hidden
     */
    boolean isHidden(Path path) {
        return path.equals(guard.staging()) || !guard.staysInside(path);
    }

    private long folderSize(Path dir) throws IOException {
        AtomicLong total = new AtomicLong();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                return d.equals(guard.staging()) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    total.addAndGet(attrs.size());
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return total.get();
    }

    /**
     * Creates a fresh file in the staging folder.
     *
     * @return its path
     * @throws IOException when it cannot be created
     */
    Path newStagingFile() throws IOException {
        Files.createDirectories(guard.staging());
        return Files.createTempFile(guard.staging(), "upload-", ".part");
    }

    /**
     * Creates a fresh, empty folder in the staging folder (for a copy built before it is put in place).
     *
     * @return its path
     * @throws IOException when it cannot be created
     */
    Path newStagingFolder() throws IOException {
        Files.createDirectories(guard.staging());
        return Files.createTempDirectory(guard.staging(), "copy-");
    }

    /**
     * The lock under which name changes that depend on what exists run (see the class comment).
     * Hold it only for checks and renames, never while copying data.
     *
     * @return the lock object
     */
    Object namespace() {
        return namespace;
    }

    /**
     * Puts a staged file in place with an atomic rename, replacing an existing file (the last
     * complete upload wins).
     *
     * @param staged the staged file
     * @param target where it goes
     * @throws FileAlreadyExistsException when a folder is at the target
     * @throws java.nio.file.NoSuchFileException when the target's folder does not exist
     * @throws IOException when the move fails (the staged file is then deleted)
     */
    void commit(Path staged, Path target) throws IOException {
        commitAll(List.of(staged), List.of(target));
    }

    /**
     * Puts staged files in place, all or none: each existing target is first kept aside (a hard
     * link in the staging folder), then every staged file is renamed over its target; when one
     * rename fails, the targets already replaced get their old content back. Each file is
     * replaced atomically, so a reader sees the old or the new file, never a missing or partial
     * one.
     *
     * @param staged the staged files
     * @param targets where they go, in the same order (a name may repeat: the later one wins)
     * @throws FileAlreadyExistsException when a folder is at a target (nothing is changed)
     * @throws java.nio.file.NoSuchFileException when a target's folder does not exist (nothing is changed)
     * @throws IOException when a move fails (the targets are then restored)
     */
    void commitAll(List<Path> staged, List<Path> targets) throws IOException {
        List<Path> backups = new ArrayList<>();
        try {
            synchronized (namespace) {
                for (Path target : targets) {
                    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                        throw new FileAlreadyExistsException(target.getFileName().toString(), null,
                                "a folder is in the way");
                    }
                    if (!Files.isDirectory(target.getParent())) {
                        throw new java.nio.file.NoSuchFileException(target.getParent().getFileName() + "");
                    }
                }
                for (Path file : staged) {
                    changed(file);
                }
                int done = 0;
                try {
                    for (int i = 0; i < targets.size(); i++) {
                        Path target = targets.get(i);
                        backups.add(Files.exists(target, LinkOption.NOFOLLOW_LINKS) ? keepAside(target) : null);
                        moveReplacing(staged.get(i), target);
                        done++;
                    }
                    for (Path target : targets) {
                        try {
                            changed(target); // for file systems without file keys, where versions go by path
                        } catch (java.nio.file.NoSuchFileException deletedSince) {
                            // a concurrent DELETE: nothing to version
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    for (int i = done - 1; i >= 0; i--) {
                        Path backup = backups.get(i);
                        try {
                            if (backup == null) {
                                Files.deleteIfExists(targets.get(i));
                            } else {
                                moveReplacing(backup, targets.get(i));
                            }
                        } catch (IOException restore) {
                            e.addSuppressed(restore);
                        }
                    }
                    throw e;
                }
            }
        } finally {
            for (Path file : staged) {
                Files.deleteIfExists(file);
            }
            for (Path backup : backups) {
                if (backup != null) {
                    Files.deleteIfExists(backup);
                }
            }
        }
    }

    private Path keepAside(Path target) throws IOException {
        Path backup = guard.staging().resolve("backup-" + clock.incrementAndGet() + "-" + System.nanoTime());
        try {
            Files.createLink(backup, target);
        } catch (UnsupportedOperationException | IOException noHardLinks) {
            Files.copy(target, backup, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        }
        return backup;
    }

    private static void moveReplacing(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Records that a file's content was written by the emulator (before and after an in-place
     * write, or before a staged file is put in place), so that its {@code ETag} changes.
     *
     * @param file the file
     * @throws IOException when its attributes cannot be read
     */
    void changed(Path file) throws IOException {
        versions.put(identity(Files.readAttributes(file, BasicFileAttributes.class), file), clock.incrementAndGet());
    }

    private static Object identity(BasicFileAttributes a, Path file) {
        Object key = a.fileKey();
        return key != null ? key : file.toAbsolutePath().normalize();
    }

    /** A file's validators: a strong entity tag and its modification time. */
    static final class Validators {
        final String etag;
        final Instant modified;

        Validators(String etag, Instant modified) {
            this.etag = etag;
            this.modified = modified;
        }
    }

    /**
     * Computes a file's validators: the {@code ETag} is made of the emulator's version of the
     * content, the file's identity (inode), its size and its modification time in nanoseconds.
     *
     * @param file an existing file
     * @return its validators
     * @throws IOException when its attributes cannot be read
     */
    Validators validators(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        Object id = identity(a, file);
        long version = versions.getOrDefault(id, 0L);
        String etag = "\"" + Long.toHexString(version) + "-" + Integer.toHexString(id.hashCode()) + "-"
                + Long.toHexString(a.size()) + "-" + Long.toHexString(a.lastModifiedTime().to(TimeUnit.NANOSECONDS))
                + "\"";
        return new Validators(etag, a.lastModifiedTime().toInstant());
    }

    /**
     * Describes a failure for a task's per-path errors without the server's own file-system
     * paths: the reason and, when known, the API path of the file concerned.
     *
     * @param e the failure
     * @return the text
     */
    String describe(IOException e) {
        String root = guard.root().toString();
        if (e instanceof FileSystemException) {
            FileSystemException f = (FileSystemException) e;
            String reason = f.getReason() != null ? f.getReason()
                    : e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2");
            String file = f.getFile() == null ? null : apiPathOf(f.getFile());
            return reason + (file == null ? "" : " (" + file + ")") + ".";
        }
        String message = String.valueOf(e.getMessage());
        return message.replace(root, "");
    }

    private String apiPathOf(String file) {
        Path p = Path.of(file);
        if (p.isAbsolute() && p.normalize().startsWith(guard.root())) {
            return PathGuard.apiPath(guard.segmentsOf(p.normalize()));
        }
        return p.isAbsolute() ? null : file;
    }

    /**
     * Returns the lock object that serialises in-place writes (v3 PATCH) to one file.
     *
     * @param file the file
     * @return the lock
     */
    Object writeLock(Path file) {
        return writeLocks.computeIfAbsent(file.toAbsolutePath().normalize(), k -> new Object());
    }

    /**
     * Stores custom attributes of a path (merged into the existing ones).
     *
     * @param apiPath the API path
     * @param values the attributes
     */
    void putAttributes(String apiPath, Map<String, Object> values) {
        attributes.compute(apiPath, (k, old) -> {
            Map<String, Object> merged = old == null ? new LinkedHashMap<>() : new LinkedHashMap<>(old);
            merged.putAll(values);
            return merged;
        });
    }

    /**
     * Carries attributes along when a path moves (the path itself and everything below it).
     *
     * @param from the old API path
     * @param to the new API path
     */
    void moveMetadata(String from, String to) {
        for (String key : new ArrayList<>(attributes.keySet())) {
            if (key.equals(from) || key.startsWith(from + "/")) {
                Map<String, Object> value = attributes.remove(key);
                if (value != null) {
                    attributes.put(to + key.substring(from.length()), value);
                }
            }
        }
    }

    /**
     * Forgets attributes of a removed path and everything below it.
     *
     * @param apiPath the API path
     */
    void forgetMetadata(String apiPath) {
        attributes.keySet().removeIf(k -> k.equals(apiPath) || k.startsWith(apiPath + "/"));
    }

    /**
     * Copies a file or folder tree (symbolic links leading outside the root are skipped).
     *
     * @param source the source
     * @param target the target (must not exist)
     * @throws IOException when copying fails
     */
    void copyTree(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (isHidden(dir) && !dir.equals(source)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!isHidden(file)) {
                    Path copy = target.resolve(source.relativize(file).toString());
                    Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                    changed(copy);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Deletes a file, a symbolic link (not its target) or a folder tree.
     *
     * @param path the path
     * @throws IOException when deleting fails
     */
    static void deleteTree(Path path) throws IOException {
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(path);
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
