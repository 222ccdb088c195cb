package com.smartfile.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The work of the task operations (remove, move, copy, checksum, compress): each goes through its
 * paths, records a per-path error for those it cannot handle and returns a
 * {@link TaskManager.Outcome}.
 */
final class FileOperations {

    /** Error text for a path that does not exist. */
    static final String MISSING = "File or folder does not exist.";

    /** The checksum algorithms, by their API names. */
    static final Map<String, String> ALGORITHMS = Map.of("md5", "MD5", "sha1", "SHA-1", "sha256", "SHA-256",
            "sha512", "SHA-512");

    private final FileStore store;
    private final PathGuard guard;

    FileOperations(FileStore store) {
        this.store = store;
        this.guard = store.guard();
    }

    /**
     * Removes files and folders (folders recursively).
     *
     * @param paths the paths' segments
     * @return the outcome
     */
    TaskManager.Outcome remove(List<List<String>> paths) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (List<String> segments : paths) {
            String apiPath = PathGuard.apiPath(segments);
            try {
                if (segments.isEmpty()) {
                    errors.put(apiPath, "Cannot remove the root folder.");
                    continue;
                }
                Path p = guard.resolve(segments);
                if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                    errors.put(apiPath, MISSING);
                    continue;
                }
                FileStore.deleteTree(p);
                store.forgetMetadata(apiPath);
            } catch (PathGuard.BadPathException e) {
                errors.put(apiPath, String.valueOf(e.getMessage()));
            } catch (IOException e) {
                errors.put(apiPath, store.describe(e));
            }
        }
        return TaskManager.Outcome.of(paths.size(), errors, null);
    }

    /**
     * Moves or copies items into a folder.
     *
     * @param move true to move, false to copy
     * @param sources the items' segments
     * @param dst the destination folder's segments
     * @return the outcome ({@code FAILURE} when the destination is not a folder)
     */
    TaskManager.Outcome transfer(boolean move, List<List<String>> sources, List<String> dst) {
        String dstPath = PathGuard.apiPath(dst);
        Path folder;
        try {
            folder = guard.resolve(dst);
        } catch (PathGuard.BadPathException e) {
            return TaskManager.Outcome.failure(Map.of(dstPath, e.getMessage()));
        }
        if (!Files.isDirectory(folder)) {
            return TaskManager.Outcome.failure(Map.of(dstPath, "Destination folder does not exist."));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (List<String> segments : sources) {
            String apiPath = PathGuard.apiPath(segments);
            try {
                if (segments.isEmpty()) {
                    errors.put(apiPath, "Cannot " + (move ? "move" : "copy") + " the root folder.");
                    continue;
                }
                Path source = guard.resolve(segments);
                if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
                    errors.put(apiPath, MISSING);
                    continue;
                }
                String name = segments.get(segments.size() - 1);
                Path target = folder.resolve(name);
                // real paths: a symbolic link inside the root may lead back into the source
                if (Files.isDirectory(source) && folder.toRealPath().startsWith(source.toRealPath())) {
                    errors.put(apiPath, "Cannot " + (move ? "move" : "copy") + " a folder into itself.");
                    continue;
                }
                String exists = "An item named \"" + name + "\" already exists in " + dstPath + ".";
                String targetPath = PathGuard.apiPath(guard.segmentsOf(target));
                if (move) {
                    synchronized (store.namespace()) {
                        if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
                            errors.put(apiPath, MISSING);
                        } else if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                            errors.put(apiPath, exists);
                        } else {
                            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
                            store.moveMetadata(apiPath, targetPath);
                        }
                    }
                    continue;
                }
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    errors.put(apiPath, exists);
                    continue;
                }
                // built in the staging folder, then put in place in one rename: all or nothing
                Path staged = store.newStagingFolder();
                try {
                    Path copy = staged.resolve("item");
                    store.copyTree(source, copy);
                    synchronized (store.namespace()) {
                        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                            errors.put(apiPath, exists);
                        } else {
                            Files.move(copy, target, StandardCopyOption.ATOMIC_MOVE);
                        }
                    }
                } finally {
                    FileStore.deleteTree(staged);
                }
            } catch (PathGuard.BadPathException e) {
                errors.put(apiPath, String.valueOf(e.getMessage()));
            } catch (IOException e) {
                errors.put(apiPath, store.describe(e));
            }
        }
        return TaskManager.Outcome.of(sources.size(), errors, null);
    }

    /**
     * Hashes files.
     *
     * @param paths the files' segments
     * @param algorithm an API algorithm name ({@code md5}, {@code sha1}, {@code sha256}, {@code sha512})
     * @return the outcome, with lower-case hex digests
     */
    TaskManager.Outcome checksum(List<List<String>> paths, String algorithm) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> checksums = new LinkedHashMap<>();
        for (List<String> segments : paths) {
            String apiPath = PathGuard.apiPath(segments);
            try {
                Path p = guard.resolve(segments);
                if (!Files.exists(p)) {
                    errors.put(apiPath, MISSING);
                } else if (Files.isDirectory(p)) {
                    errors.put(apiPath, "Cannot compute the checksum of a folder.");
                } else {
                    checksums.put(apiPath, digest(p, algorithm));
                }
            } catch (PathGuard.BadPathException e) {
                errors.put(apiPath, String.valueOf(e.getMessage()));
            } catch (IOException e) {
                errors.put(apiPath, store.describe(e));
            }
        }
        return TaskManager.Outcome.of(paths.size(), errors, checksums);
    }

    /**
     * Streams a file through a digest.
     *
     * @param file the file
     * @param algorithm the API algorithm name
     * @return the lower-case hex digest
     * @throws IOException when reading fails
     */
    static String digest(Path file, String algorithm) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(ALGORITHMS.get(algorithm.toLowerCase(Locale.ROOT)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * Writes a zip archive of the given items into a folder (staged, then moved in place).
     *
     * @param paths the items' segments
     * @param dst the folder's segments
     * @param name the archive's file name
     * @return the outcome ({@code FAILURE} when the folder does not exist)
     * @throws IOException when the archive cannot be written
     */
    TaskManager.Outcome compress(List<List<String>> paths, List<String> dst, String name) throws IOException {
        String dstPath = PathGuard.apiPath(dst);
        Path folder;
        try {
            folder = guard.resolve(dst);
        } catch (PathGuard.BadPathException e) {
            return TaskManager.Outcome.failure(Map.of(dstPath, e.getMessage()));
        }
        if (!Files.isDirectory(folder)) {
            return TaskManager.Outcome.failure(Map.of(dstPath, "Destination folder does not exist."));
        }
        Path target = folder.resolve(name);
        if (Files.isDirectory(target)) {
            return TaskManager.Outcome.failure(Map.of(dstPath + "/" + name, "A folder with that name exists."));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Path staged = store.newStagingFile();
        try {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(staged))) {
                for (List<String> segments : paths) {
                    String apiPath = PathGuard.apiPath(segments);
                    try {
                        Path p = guard.resolve(segments);
                        if (!Files.exists(p)) {
                            errors.put(apiPath, MISSING);
                            continue;
                        }
                        String entryName = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
                        addToZip(zip, p, entryName);
                    } catch (PathGuard.BadPathException e) {
                        errors.put(apiPath, e.getMessage());
                    }
                }
            }
            store.commit(staged, target);
        } finally {
            Files.deleteIfExists(staged);
        }
        return TaskManager.Outcome.of(paths.size(), errors, null);
    }

    /**
     * Adds a file, or a folder with its contents (hidden and outside-root items skipped), to a zip.
     *
     * @param zip the archive
     * @param item the file or folder
     * @param entryName its name in the archive ({@code ""} puts a folder's contents at the top)
     * @throws IOException when reading or writing fails
     */
    void addToZip(ZipOutputStream zip, Path item, String entryName) throws IOException {
        if (!Files.isDirectory(item)) {
            putFile(zip, item, entryName);
            return;
        }
        Files.walkFileTree(item, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(item) && store.isHidden(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                String name = entryFor(dir);
                if (!name.isEmpty()) {
                    zip.putNextEntry(new ZipEntry(name + "/"));
                    zip.closeEntry();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!store.isHidden(file) && Files.isRegularFile(file)) {
                    putFile(zip, file, entryFor(file));
                }
                return FileVisitResult.CONTINUE;
            }

            private String entryFor(Path p) {
                String relative = item.relativize(p).toString().replace('\\', '/');
                if (entryName.isEmpty()) {
                    return relative;
                }
                return relative.isEmpty() ? entryName : entryName + "/" + relative;
            }
        });
    }

    private static void putFile(ZipOutputStream zip, Path file, String entryName) throws IOException {
        ZipEntry entry = new ZipEntry(entryName);
        entry.setLastModifiedTime(Files.getLastModifiedTime(file));
        zip.putNextEntry(entry);
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(zip);
        }
        zip.closeEntry();
    }

    /**
     * Copies at most {@code limit} bytes.
     *
     * @param in the source
     * @param out the sink
     * @param limit the most bytes to copy
     * @return the bytes copied
     * @throws IOException when reading or writing fails
     */
    static long copy(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long done = 0;
        while (done < limit) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, limit - done));
            if (n < 0) {
                break;
            }
            out.write(buf, 0, n);
            done += n;
        }
        return done;
    }
}
