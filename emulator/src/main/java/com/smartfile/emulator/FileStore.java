package com.smartfile.emulator;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.smartfile.sdk.model.Acl;
import com.smartfile.sdk.model.PathInfo;

/**
 * The files under the root as the API shows them: {@link PathInfo} for a file or folder, folder
 * listings in name order, numeric path ids, custom attributes (kept in memory), and the staging
 * folder where uploads are written before an atomic move puts them in place (so a reader never sees
 * a half-written file and the last complete upload wins).
 */
final class FileStore {

    private static final Acl FULL_ACL = Acl.builder().list(true).read(true).remove(true).write(true).build();

    private final PathGuard guard;
    private final ZoneId zone;
    private final Map<String, Long> ids = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<String, Map<String, Object>> attributes = new ConcurrentHashMap<>();
    private final Map<Path, Object> writeLocks = new ConcurrentHashMap<>();

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
                .isdir(dir)
                .isfile(!dir)
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
     * Puts a staged file in place with an atomic rename, replacing an existing file.
     *
     * @param staged the staged file
     * @param target where it goes
     * @throws IOException when the move fails (the staged file is then deleted)
     */
    void commit(Path staged, Path target) throws IOException {
        try {
            try {
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(staged);
        }
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
                    Files.copy(file, target.resolve(source.relativize(file).toString()),
                            StandardCopyOption.COPY_ATTRIBUTES);
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
