package com.smartfile.sdk.tree;

import org.jspecify.annotations.Nullable;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.smartfile.sdk.InvalidInputException;

/**
 * What a tree sync or copy does: deletion, comparison, filters, links, parallelism, delta transfers. Immutable;
 * start from {@link #defaults()} or {@link #builder()}.
 *
 * <p>Filters ({@link Builder#include}, {@link Builder#exclude}) are gitignore-like globs matched
 * against each entry's path relative to the tree's root: a pattern without {@code /} matches a
 * name at any depth ({@code *.tmp}), one with a {@code /} matches from the root
 * ({@code /build}, {@code docs/*.md}), a trailing {@code /} matches folders only ({@code cache/}),
 * {@code *} and {@code ?} stay within a name, {@code **} spans folders, {@code [a-z]} is a class.
 * An excluded folder is skipped whole. When includes are given, only files matching one of them
 * take part (folders are still walked). Excludes win over includes. Filtered entries are ignored on
 * both sides: they are neither transferred nor deleted.
 */
public final class SyncOptions {

    /** The default number of transfers at once. */
    public static final int DEFAULT_TRANSFERS = 4;

    /**
     * The smallest file sent or received as a delta by default: 1 MiB. A delta transfer costs an extra request
     * (the signature, or the delta computed on the server) and CPU on both sides; below about 1 MiB the whole file
     * crosses a typical WAN link (100 Mbit/s at 80 ms round trip: about 1 MB in flight) in the time of that extra
     * round trip, so sending it plainly is as fast and simpler. Above it the saving grows with the file.
     */
    public static final long DEFAULT_DELTA_MIN_SIZE = 1L << 20;

    private static final SyncOptions DEFAULTS = builder().build();

    private final boolean delete;
    private final Comparison comparison;
    private final List<String> includes;
    private final List<String> excludes;
    private final boolean skipHidden;
    private final boolean followSymlinks;
    private final int transfers;
    private final @Nullable Boolean caseInsensitiveLocal;
    private final boolean allowDeletingEverything;
    private final ZoneId serverTimeZone;
    private final boolean delta;
    private final long deltaMinSize;

    private SyncOptions(Builder b) {
        delete = b.delete;
        comparison = b.comparison;
        includes = Collections.unmodifiableList(new ArrayList<>(b.includes));
        excludes = Collections.unmodifiableList(new ArrayList<>(b.excludes));
        skipHidden = b.skipHidden;
        followSymlinks = b.followSymlinks;
        transfers = b.transfers;
        caseInsensitiveLocal = b.caseInsensitiveLocal;
        allowDeletingEverything = b.allowDeletingEverything;
        serverTimeZone = b.serverTimeZone;
        delta = b.delta;
        deltaMinSize = b.deltaMinSize;
        new PathFilter(includes, excludes);   // rejects bad patterns now, before any request
    }

    /**
     * The defaults: no deletion, checksum comparison, no filters, hidden files included, links not
     * followed, {@value #DEFAULT_TRANSFERS} transfers at once, delta transfers for changed files of 1 MiB or more.
     *
     * @return the default options
     */
    public static SyncOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from these options.
     *
     * @return a new builder with these values
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.delete = delete;
        b.comparison = comparison;
        b.includes.addAll(includes);
        b.excludes.addAll(excludes);
        b.skipHidden = skipHidden;
        b.followSymlinks = followSymlinks;
        b.transfers = transfers;
        b.caseInsensitiveLocal = caseInsensitiveLocal;
        b.allowDeletingEverything = allowDeletingEverything;
        b.serverTimeZone = serverTimeZone;
        b.delta = delta;
        b.deltaMinSize = deltaMinSize;
        return b;
    }

    /** {@return whether extraneous destination entries are deleted} */
    public boolean isDelete() {
        return delete;
    }

    /** {@return how files of equal size are compared} */
    public Comparison getComparison() {
        return comparison;
    }

    /** {@return the include globs} */
    public List<String> getIncludes() {
        return includes;
    }

    /** {@return the exclude globs} */
    public List<String> getExcludes() {
        return excludes;
    }

    /** {@return whether names starting with {@code .} are skipped} */
    public boolean isSkipHidden() {
        return skipHidden;
    }

    /** {@return whether local symbolic links are followed} */
    public boolean isFollowSymlinks() {
        return followSymlinks;
    }

    /** {@return the number of transfers at once} */
    public int getTransfers() {
        return transfers;
    }

    /** {@return whether the local disk is taken as case-insensitive; null to detect it} */
    public @Nullable Boolean getCaseInsensitiveLocal() {
        return caseInsensitiveLocal;
    }

    /** {@return whether a plan that deletes every destination entry may run} */
    public boolean isAllowDeletingEverything() {
        return allowDeletingEverything;
    }

    /** {@return the zone in which the server's naive {@code time} is read} */
    public ZoneId getServerTimeZone() {
        return serverTimeZone;
    }

    /** {@return whether changed files that exist on both sides move as librsync deltas} */
    public boolean isDelta() {
        return delta;
    }

    /** {@return the smallest source file that moves as a delta, in bytes} */
    public long getDeltaMinSize() {
        return deltaMinSize;
    }

    PathFilter filter() {
        return new PathFilter(includes, excludes);
    }

    /** Builds {@link SyncOptions}. */
    public static final class Builder {
        private boolean delete;
        private Comparison comparison = Comparison.CHECKSUM;
        private final List<String> includes = new ArrayList<>();
        private final List<String> excludes = new ArrayList<>();
        private boolean skipHidden;
        private boolean followSymlinks;
        private int transfers = DEFAULT_TRANSFERS;
        private @Nullable Boolean caseInsensitiveLocal;
        private boolean allowDeletingEverything;
        private ZoneId serverTimeZone = ZoneId.of("America/Indiana/Indianapolis");
        private boolean delta = true;
        private long deltaMinSize = DEFAULT_DELTA_MIN_SIZE;

        private Builder() {
        }

        /**
         * Moves a changed file that exists on both sides (and is at least {@link #deltaMinSize} bytes) as a librsync
         * delta through SmartFile's {@code path/sync} routes, so only the blocks that differ cross the connection
         * (see {@link com.smartfile.sdk.PathsService#syncUpload}). On by default. When the server turns the routes
         * down (404, 405, 501 or 400), that file is transferred whole and the rest of the run transfers plainly,
         * said in {@link TreeResult#getDeltaFallback()}.
         *
         * @param delta false to transfer every file whole
         * @return this builder
         */
        public Builder delta(boolean delta) {
            this.delta = delta;
            return this;
        }

        /**
         * The smallest source file moved as a delta; smaller files are transferred whole.
         *
         * @param bytes 0 or more; default {@link SyncOptions#DEFAULT_DELTA_MIN_SIZE} (why: see there)
         * @return this builder
         */
        public Builder deltaMinSize(long bytes) {
            if (bytes < 0) {
                throw new InvalidInputException("The smallest delta file size must not be negative, not " + bytes + ".");
            }
            this.deltaMinSize = bytes;
            return this;
        }

        /**
         * Deletes destination entries that the source does not have (filtered entries excepted),
         * last, and only when every transfer succeeded. Off by default; a copy never deletes.
         *
         * @param delete whether to delete extraneous entries
         * @return this builder
         */
        public Builder delete(boolean delete) {
            this.delete = delete;
            return this;
        }

        /**
         * How files of equal size are compared (see {@link Comparison} for each mode's risk).
         *
         * @param comparison the mode; default {@link Comparison#CHECKSUM}
         * @return this builder
         */
        public Builder comparison(Comparison comparison) {
            if (comparison == null) {
                throw new InvalidInputException("The comparison must not be null.");
            }
            this.comparison = comparison;
            return this;
        }

        /**
         * Adds include globs: when any is given, only matching files take part.
         *
         * @param patterns gitignore-like globs (see {@link SyncOptions})
         * @return this builder
         */
        public Builder include(String... patterns) {
            includes.addAll(List.of(patterns));
            return this;
        }

        /**
         * Adds exclude globs: matching files and folders are ignored on both sides.
         *
         * @param patterns gitignore-like globs (see {@link SyncOptions})
         * @return this builder
         */
        public Builder exclude(String... patterns) {
            excludes.addAll(List.of(patterns));
            return this;
        }

        /**
         * Skips entries whose name starts with {@code .} on both sides. Off by default.
         *
         * @param skipHidden whether to skip hidden entries
         * @return this builder
         */
        public Builder skipHidden(boolean skipHidden) {
            this.skipHidden = skipHidden;
            return this;
        }

        /**
         * Follows local symbolic links to files and folders; a link back to a folder being walked
         * is skipped as a loop. Off by default: links are skipped and reported.
         *
         * @param followSymlinks whether to follow links
         * @return this builder
         */
        public Builder followSymlinks(boolean followSymlinks) {
            this.followSymlinks = followSymlinks;
            return this;
        }

        /**
         * How many files are transferred (and folders listed) at once, on the client's one
         * connection pool.
         *
         * @param transfers 1 to 64; default {@value SyncOptions#DEFAULT_TRANSFERS}
         * @return this builder
         */
        public Builder transfers(int transfers) {
            if (transfers < 1 || transfers > 64) {
                throw new InvalidInputException("The number of transfers must be between 1 and 64, not " + transfers + ".");
            }
            this.transfers = transfers;
            return this;
        }

        /**
         * Takes the local disk as case-insensitive (as macOS and Windows disks usually are) or
         * case-sensitive, instead of probing the local folder. On a case-insensitive disk, remote
         * names that differ only in case are reported as conflicts and none of them is downloaded.
         *
         * @param caseInsensitive true or false; null (the default) probes the disk
         * @return this builder
         */
        public Builder caseInsensitiveLocal(@Nullable Boolean caseInsensitive) {
            this.caseInsensitiveLocal = caseInsensitive;
            return this;
        }

        /**
         * Lets a plan run that deletes every entry of a non-empty destination (an empty source,
         * or a mistyped one). Off by default: such a plan is refused before any request.
         *
         * @param allow whether to allow it
         * @return this builder
         */
        public Builder allowDeletingEverything(boolean allow) {
            this.allowDeletingEverything = allow;
            return this;
        }

        /**
         * The zone in which the server's naive {@code time} is read, for
         * {@link Comparison#NEWER_BY_UPLOAD_TIME}.
         *
         * @param zone the zone; default {@code America/Indiana/Indianapolis}
         * @return this builder
         */
        public Builder serverTimeZone(ZoneId zone) {
            if (zone == null) {
                throw new InvalidInputException("The server time zone must not be null.");
            }
            this.serverTimeZone = zone;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws InvalidInputException for a malformed glob
         */
        public SyncOptions build() {
            return new SyncOptions(this);
        }
    }
}
