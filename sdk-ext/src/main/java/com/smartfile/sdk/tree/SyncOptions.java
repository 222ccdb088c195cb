package com.smartfile.sdk.tree;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.smartfile.sdk.InvalidInputException;

/**
 * What a tree sync or copy does: deletion, comparison, filters, links, parallelism. Immutable;
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

    private static final SyncOptions DEFAULTS = builder().build();

    private final boolean delete;
    private final Comparison comparison;
    private final List<String> includes;
    private final List<String> excludes;
    private final boolean skipHidden;
    private final boolean followSymlinks;
    private final int transfers;
    private final Boolean caseInsensitiveLocal;
    private final boolean allowDeletingEverything;
    private final ZoneId serverTimeZone;

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
        new PathFilter(includes, excludes);   // rejects bad patterns now, before any request
    }

    /**
     * The defaults: no deletion, checksum comparison, no filters, hidden files included, links not
     * followed, {@value #DEFAULT_TRANSFERS} transfers at once.
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
        return b;
    }

    /** @return whether extraneous destination entries are deleted */
    public boolean isDelete() {
        return delete;
    }

    /** @return how files of equal size are compared */
    public Comparison getComparison() {
        return comparison;
    }

    /** @return the include globs */
    public List<String> getIncludes() {
        return includes;
    }

    /** @return the exclude globs */
    public List<String> getExcludes() {
        return excludes;
    }

    /** @return whether names starting with {@code .} are skipped */
    public boolean isSkipHidden() {
        return skipHidden;
    }

    /** @return whether local symbolic links are followed */
    public boolean isFollowSymlinks() {
        return followSymlinks;
    }

    /** @return the number of transfers at once */
    public int getTransfers() {
        return transfers;
    }

    /** @return whether the local disk is taken as case-insensitive; null to detect it */
    public Boolean getCaseInsensitiveLocal() {
        return caseInsensitiveLocal;
    }

    /** @return whether a plan that deletes every destination entry may run */
    public boolean isAllowDeletingEverything() {
        return allowDeletingEverything;
    }

    /** @return the zone in which the server's naive {@code time} is read */
    public ZoneId getServerTimeZone() {
        return serverTimeZone;
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
        private Boolean caseInsensitiveLocal;
        private boolean allowDeletingEverything;
        private ZoneId serverTimeZone = ZoneId.of("America/Indiana/Indianapolis");

        private Builder() {
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
        public Builder caseInsensitiveLocal(Boolean caseInsensitive) {
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
