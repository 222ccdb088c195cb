package com.smartfile.sdk.tree;

import org.jspecify.annotations.Nullable;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What a sync will do, computed by {@link Trees#plan} from both sides' listings before anything
 * changes: the files to transfer and why, the entries skipped and why, the folders to create, the
 * entries to delete, and the conflicts it will not resolve. Printing it is a dry run; give it to
 * {@link Trees#execute} to carry it out. Immutable.
 */
public final class SyncPlan {

    /** Which way the files go. */
    public enum Direction {
        /** Local folder to SmartFile. */
        UPLOAD,
        /** SmartFile to a local folder. */
        DOWNLOAD
    }

    /** Why an entry is in the plan. */
    public enum Reason {
        /** Transferred: absent at the destination. */
        NEW,
        /** Transferred: the sizes differ. */
        SIZE_DIFFERS,
        /** Transferred: equal sizes, different checksums. */
        CONTENT_DIFFERS,
        /** Transferred: equal sizes, and the server gave no checksum to compare. */
        CHECKSUM_UNAVAILABLE,
        /** Transferred: equal sizes, the source is newer ({@link Comparison#NEWER_BY_UPLOAD_TIME}). */
        NEWER,
        /** Skipped: equal sizes and checksums. */
        SAME_CONTENT,
        /** Skipped: equal sizes ({@link Comparison#SIZE_ONLY}). */
        SAME_SIZE,
        /** Skipped: equal sizes and the source is not newer. */
        NOT_NEWER,
        /** Skipped: excluded by a filter. */
        FILTERED,
        /** Skipped: a hidden name, with {@link SyncOptions.Builder#skipHidden}. */
        HIDDEN,
        /** Skipped: a symbolic link, not followed (or broken). */
        SYMLINK,
        /** Skipped: a link to a folder that is being walked already. */
        SYMLINK_LOOP,
        /** Skipped: neither file nor folder (a device, a socket, a pipe). */
        SPECIAL_FILE,
        /** Skipped: an unfinished download's temporary file ({@code *.smartfile-part}). */
        PART_FILE,
        /** Deleted: at the destination only. */
        EXTRANEOUS,
        /** Conflict: names differing only in case, which a case-insensitive disk cannot hold apart. */
        CASE_COLLISION,
        /** Conflict: a file on one side, a folder on the other. */
        TYPE_MISMATCH,
        /** Conflict: a name the local file system cannot hold. */
        NAME_NOT_ALLOWED
    }

    /** One entry of the plan. */
    public static final class Entry {
        private final String relativePath;
        private final boolean folder;
        private final long size;
        private final Reason reason;
        private final @Nullable String source;
        private final @Nullable String destination;
        /** The source's SHA-256 when the plan compared checksums, else null: verifies a download before its move. */
        final @Nullable String sourceSha256;

        Entry(String relativePath, boolean folder, long size, Reason reason, @Nullable String source,
              @Nullable String destination) {
            this(relativePath, folder, size, reason, source, destination, null);
        }

        Entry(String relativePath, boolean folder, long size, Reason reason, @Nullable String source,
              @Nullable String destination, @Nullable String sourceSha256) {
            this.relativePath = relativePath;
            this.folder = folder;
            this.size = size;
            this.reason = reason;
            this.source = source;
            this.destination = destination;
            this.sourceSha256 = sourceSha256;
        }

        /** {@return the path below the tree's root, {@code /}-separated, as the source names it} */
        public String getRelativePath() {
            return relativePath;
        }

        /** {@return whether the entry is a folder} */
        public boolean isFolder() {
            return folder;
        }

        /** {@return the size in bytes (of the source file, or of the destination file for a deletion); 0 for a folder} */
        public long getSize() {
            return size;
        }

        /** {@return why the entry is in the plan} */
        public Reason getReason() {
            return reason;
        }

        /** {@return the source's local path or SmartFile path, or null when there is none (a deletion)} */
        public @Nullable String getSource() {
            return source;
        }

        /** {@return the destination's local path or SmartFile path, or null when there is none (an entry skipped or in conflict)} */
        public @Nullable String getDestination() {
            return destination;
        }

        /** The source of an entry that has one (a transfer, a folder to create). */
        String source() {
            if (source == null) {
                throw new IllegalStateException(relativePath + " has no source");
            }
            return source;
        }

        /** The destination of an entry that has one (a transfer, a folder to create, a deletion). */
        String destination() {
            if (destination == null) {
                throw new IllegalStateException(relativePath + " has no destination");
            }
            return destination;
        }

        @Override
        public String toString() {
            return reason.name().toLowerCase(Locale.ROOT) + " " + relativePath + (folder ? "/" : "");
        }
    }

    private final TreeLocation source;
    private final TreeLocation destination;
    private final SyncOptions options;
    private final List<Entry> transfers;
    private final List<Entry> skipped;
    private final List<Entry> foldersToCreate;
    private final List<Entry> deletions;
    private final List<Entry> conflicts;
    private final boolean deletesEverything;

    SyncPlan(TreeLocation source, TreeLocation destination, SyncOptions options, List<Entry> transfers,
             List<Entry> skipped, List<Entry> foldersToCreate, List<Entry> deletions, List<Entry> conflicts,
             boolean deletesEverything) {
        this.source = source;
        this.destination = destination;
        this.options = options;
        this.transfers = Collections.unmodifiableList(transfers);
        this.skipped = Collections.unmodifiableList(skipped);
        this.foldersToCreate = Collections.unmodifiableList(foldersToCreate);
        this.deletions = Collections.unmodifiableList(deletions);
        this.conflicts = Collections.unmodifiableList(conflicts);
        this.deletesEverything = deletesEverything;
    }

    /** {@return the source folder} */
    public TreeLocation getSource() {
        return source;
    }

    /** {@return the destination folder} */
    public TreeLocation getDestination() {
        return destination;
    }

    /** {@return the options the plan was made with} */
    public SyncOptions getOptions() {
        return options;
    }

    /** {@return which way the files go} */
    public Direction getDirection() {
        return source.isLocal() ? Direction.UPLOAD : Direction.DOWNLOAD;
    }

    /** {@return the files to transfer, each with its reason} */
    public List<Entry> getTransfers() {
        return transfers;
    }

    /** {@return the entries left alone, each with its reason (files already in step included)} */
    public List<Entry> getSkipped() {
        return skipped;
    }

    /** {@return the folders to create at the destination, parents before children} */
    public List<Entry> getFoldersToCreate() {
        return foldersToCreate;
    }

    /** {@return the destination entries to delete, after every transfer succeeded} */
    public List<Entry> getDeletions() {
        return deletions;
    }

    /** {@return the entries neither transferred nor deleted because the two sides cannot be reconciled} */
    public List<Entry> getConflicts() {
        return conflicts;
    }

    /** {@return the bytes the transfers will move} */
    public long getBytesToTransfer() {
        long sum = 0;
        for (Entry e : transfers) {
            sum += e.size;
        }
        return sum;
    }

    /**
     * Whether the plan deletes every entry of a non-empty destination: refused by
     * {@link Trees#execute} unless {@link SyncOptions.Builder#allowDeletingEverything} is set.
     *
     * @return true when nothing at the destination would survive
     */
    public boolean isDeletingEverything() {
        return deletesEverything;
    }

    /** {@return whether there is nothing to transfer, create or delete} */
    public boolean isInSync() {
        return transfers.isEmpty() && foldersToCreate.isEmpty() && deletions.isEmpty();
    }

    /**
     * One line: what the plan does.
     *
     * @return e.g. {@code 3 files to transfer (12.0 KiB), 2 folders to create, 1 to delete, 40 skipped, 0 conflicts}
     */
    public String getSummary() {
        return transfers.size() + (transfers.size() == 1 ? " file" : " files") + " to transfer ("
                + bytes(getBytesToTransfer()) + "), " + foldersToCreate.size() + " folders to create, "
                + deletions.size() + " to delete, " + skipped.size() + " skipped, " + conflicts.size() + " conflicts";
    }

    @Override
    public String toString() {
        return "SyncPlan{" + source + " -> " + destination + ": " + getSummary() + "}";
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
