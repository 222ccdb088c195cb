package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The hidden file a download to {@code target} is written into before it is moved over the
 * target: {@code .<name>.<hash>.smartfile-part} beside it, the same name for the same target every
 * time, so that what a killed process left behind is found by the next download to that target,
 * which resumes from it (when the server's strong validator, kept in the file's extended attribute
 * {@code user.smartfile.validator}, still matches) or else starts it again from byte 0. At most one
 * such file exists per target.
 *
 * <p>The file is locked while in use ({@link FileChannel#tryLock()}); a second download to the same
 * target at the same time, in this process or another, gets a file of its own with a random name
 * instead and never writes into the first one's.
 */
final class PartFile implements AutoCloseable {

    /** Temporary download files end with this, so a stray one is recognisable. */
    static final String SUFFIX = ".smartfile-part";

    /** The longest stretch of the target's name kept in the part's name, in UTF-8 bytes (names are limited to 255). */
    private static final int NAME_BYTES = 200;

    private static final String VALIDATOR = "smartfile.validator";

    /** The shared part names this JVM's downloads hold; locks cannot tell threads of one process apart. */
    private static final Set<Path> IN_USE = ConcurrentHashMap.newKeySet();

    final Path path;
    private final boolean shared;
    private boolean closed;
    final FileChannel channel;
    private final @Nullable FileLock lock;
    /** Bytes a previous run left, with the validator of their version; 0 and null when starting afresh. */
    final long existing;
    final @Nullable String existingValidator;

    private PartFile(Path path, FileChannel channel, @Nullable FileLock lock, long existing, @Nullable String existingValidator,
                     boolean shared) {
        this.shared = shared;
        this.path = path;
        this.channel = channel;
        this.lock = lock;
        this.existing = existing;
        this.existingValidator = existingValidator;
    }

    /** The part name for a target: hidden, the name cut by bytes at a character boundary, a hash of the whole name. */
    static String nameFor(Path target) {
        String name = target.getFileName().toString();
        return "." + cutToBytes(name, NAME_BYTES) + "." + hash(name) + SUFFIX;
    }

    static String cutToBytes(String s, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + n > maxBytes) {
                break;
            }
            bytes += n;
            i += Character.charCount(cp);
        }
        return s.substring(0, i);
    }

    private static String hash(String name) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return DownloadSession.hex(d).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }

    /**
     * Opens (creating it if needed) and locks the part file of {@code target}, created before any
     * request; falls back to a fresh randomly named file when another download holds it.
     */
    static PartFile open(Path target) {
        Path shared = target.resolveSibling(nameFor(target));
        if (!IN_USE.add(shared)) {
            return fresh(target); // another download in this JVM writes it (its lock is not seen from here)
        }
        try {
            for (int attempt = 0; attempt < 5; attempt++) {
                Object before = identity(target, shared);
                FileChannel channel = openChannel(target, shared, false);
                FileLock lock = tryLock(channel);
                if (lock == null) {
                    close(channel);
                    IN_USE.remove(shared);
                    return fresh(target); // another process writes it
                }
                if (before != null && !before.equals(identity(target, shared))) {
                    // What we opened was moved over its target by the download that held it.
                    close(channel);
                    continue;
                }
                try {
                    long size = channel.size();
                    String validator = size > 0 ? readValidator(shared) : null;
                    if (validator == null && size > 0) {
                        channel.truncate(0);
                        size = 0;
                    }
                    return new PartFile(shared, channel, lock, size, validator, true);
                } catch (IOException e) {
                    close(channel);
                    throw cannotWrite(target, e);
                }
            }
        } catch (RuntimeException e) {
            IN_USE.remove(shared);
            throw e;
        }
        IN_USE.remove(shared);
        return fresh(target);
    }

    /**
     * The identity (device and inode) of the file at {@code part}, creating it empty if missing;
     * null where the file system has none (then an open file cannot be moved either).
     */
    private static @Nullable Object identity(Path target, Path part) {
        try {
            try {
                Files.createFile(part);
            } catch (FileAlreadyExistsException e) {
                // a previous run's part, or another process's: the lock decides
            }
            return Files.readAttributes(part, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw cannotWrite(target, e);
        }
    }

    /** A part file of its own, randomly named, for a download that runs beside another to the same target. */
    private static PartFile fresh(Path target) {
        String base = "." + cutToBytes(target.getFileName().toString(), NAME_BYTES) + ".";
        for (int attempt = 0; ; attempt++) {
            Path temp = target.resolveSibling(base + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 32) + SUFFIX);
            FileChannel channel;
            try {
                channel = openChannel(target, temp, true);
            } catch (LocalFileException e) {
                if (e.getCause() instanceof FileAlreadyExistsException && attempt < 10) {
                    continue;
                }
                throw e;
            }
            return new PartFile(temp, channel, tryLock(channel), 0, null, false);
        }
    }

    private static FileChannel openChannel(Path target, Path part, boolean createNew) {
        try {
            return FileChannel.open(part, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    createNew ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
        } catch (IOException e) {
            throw cannotWrite(target, e);
        }
    }

    private static @Nullable FileLock tryLock(FileChannel channel) {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by another download in this JVM
        } catch (IOException e) {
            return null; // locks unsupported here: do not share
        }
    }

    /** Why the part file could not be created, blaming what the failure says, not a guess. */
    static LocalFileException cannotWrite(Path target, IOException e) {
        String reason;
        if (e instanceof AccessDeniedException) {
            reason = "permission denied; check that you may write in " + target.getParent();
        } else if (e instanceof NoSuchFileException) {
            reason = "the folder " + target.getParent() + " does not exist";
        } else if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            reason = ((FileSystemException) e).getReason();
        } else {
            reason = String.valueOf(e.getMessage());
        }
        return new LocalFileException("Cannot write the temporary file for " + target + " (" + reason
                + "). Nothing was downloaded.", e);
    }

    /** Remembers the version the bytes belong to, so a later run may resume them; best effort. */
    void validator(@Nullable String validator) {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(path, UserDefinedFileAttributeView.class);
        if (view == null) {
            return;
        }
        try {
            if (validator == null) {
                if (view.list().contains(VALIDATOR)) {
                    view.delete(VALIDATOR);
                }
            } else {
                view.write(VALIDATOR, StandardCharsets.UTF_8.encode(validator));
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // no extended attributes here: a later run starts from byte 0
        }
    }

    private static @Nullable String readValidator(Path part) {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(part, UserDefinedFileAttributeView.class);
        if (view == null) {
            return null;
        }
        try {
            if (!view.list().contains(VALIDATOR)) {
                return null;
            }
            ByteBuffer b = ByteBuffer.allocate(view.size(VALIDATOR));
            view.read(VALIDATOR, b);
            b.flip();
            String v = StandardCharsets.UTF_8.decode(b).toString();
            return v.isEmpty() ? null : v;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    /** Gives the part the permissions of the file it will replace, so replacing never widens them. */
    void permissionsOf(Path target) throws IOException {
        PosixFileAttributeView from = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        PosixFileAttributeView to = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (from == null || to == null || !Files.exists(target)) {
            return;
        }
        to.setPermissions(from.readAttributes().permissions());
    }

    /** Drops the validator attribute before the part becomes the target. */
    void forget() {
        validator(null);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (lock != null && lock.isValid()) {
            try {
                lock.release();
            } catch (IOException ignored) {
                // closing the channel releases it too
            }
        }
        close(channel);
        if (shared) {
            IN_USE.remove(path);
        }
    }

    private static void close(FileChannel channel) {
        try {
            channel.close(); // releases the lock too
        } catch (IOException ignored) {
            // nothing was left to write
        }
    }

    /** Deletes the part; best effort (its name ends in {@link #SUFFIX} so it can be found). */
    void delete() {
        close();
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
