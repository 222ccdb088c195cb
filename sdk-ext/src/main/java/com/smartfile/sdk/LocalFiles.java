package com.smartfile.sdk;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The local side of a download: the target is checked before any request, written beside it in a
 * temporary file, and that file is moved over the target only when complete. (The shared,
 * resumable temporary file of a plain download is a {@link PartFile}.)
 */
final class LocalFiles {

    private LocalFiles() {
    }

    /** The absolute target of a download, refused before any request when it cannot be written. */
    static Path checkTarget(Path localFile) {
        if (localFile == null) {
            throw new InvalidInputException("The local file to download into must not be null.");
        }
        Path target = localFile.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new InvalidInputException(localFile + " is a folder; give the path of the file to write, e.g. "
                    + "folder.resolve(\"name\").");
        }
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InvalidInputException("The folder " + dir + " to download into does not exist; create it first.");
        }
        return target;
    }

    /**
     * An empty, hidden, randomly named file beside the target, created before any request, for a
     * writer that cannot use the target's {@link PartFile} (a delta sync reads the target while it
     * writes).
     */
    static Path createTemp(Path target) {
        String prefix = "." + PartFile.cutToBytes(target.getFileName().toString(), 200) + ".";
        for (int attempt = 0; ; attempt++) {
            Path temp = target.resolveSibling(prefix + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 32)
                    + PartFile.SUFFIX);
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw PartFile.cannotWrite(target, e);
                }
            } catch (IOException e) {
                throw PartFile.cannotWrite(target, e);
            }
        }
    }

    /** Moves the finished temporary file over the target, atomically where the file system can. */
    static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** What a local I/O failure says, in words: a full disk is named as such. */
    static String reason(IOException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("No space left on device") || m.contains("Disk quota exceeded")) {
            return "the disk is full: " + m;
        }
        if (e instanceof ClosedByInterruptException) {
            return "the thread was interrupted";
        }
        return e.toString();
    }
}
