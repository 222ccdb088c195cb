package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;

/**
 * What to create or change in a share link. Immutable; build it with {@link #builder()}. Fields
 * left unset are not sent.
 */
public final class LinkRequest {

    final @Nullable String path;
    final @Nullable String name;
    final AccessRights rights;
    final @Nullable Long cacheSeconds;
    final @Nullable Boolean recursive;
    final @Nullable Long usageLimit;
    final @Nullable String expiration;

    private LinkRequest(Builder b) {
        this.path = b.path;
        this.name = b.name;
        this.rights = b.rights;
        this.cacheSeconds = b.cacheSeconds;
        this.recursive = b.recursive;
        this.usageLimit = b.usageLimit;
        this.expiration = b.expiration;
    }

    /**
     * Starts a request.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "LinkRequest{path=" + path + ", name=" + name + ", rights=" + rights + ", cacheSeconds=" + cacheSeconds
                + ", recursive=" + recursive + ", usageLimit=" + usageLimit + ", expiration=" + expiration + "}";
    }

    /** Builds {@link LinkRequest}s. */
    public static final class Builder {
        private @Nullable String path;
        private @Nullable String name;
        private AccessRights rights = AccessRights.unset();
        private @Nullable Long cacheSeconds;
        private @Nullable Boolean recursive;
        private @Nullable Long usageLimit;
        private @Nullable String expiration;

        private Builder() {
        }

        /**
         * The shared file or folder.
         *
         * @param path the SmartFile path
         * @return this builder
         */
        public Builder path(String path) {
            this.path = PathIds.formValue(path);
            return this;
        }

        /**
         * The link's display name.
         *
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Ids.name("link name", name);
            return this;
        }

        /**
         * What people with the link may do.
         *
         * @param rights the rights
         * @return this builder
         */
        public Builder rights(AccessRights rights) {
            this.rights = rights == null ? AccessRights.unset() : rights;
            return this;
        }

        /**
         * How long the link's content may be cached, in seconds.
         *
         * @param seconds the cache time, zero or more
         * @return this builder
         */
        public Builder cacheSeconds(long seconds) {
            if (seconds < 0) {
                throw new InvalidInputException("Cache time cannot be negative: " + seconds);
            }
            this.cacheSeconds = seconds;
            return this;
        }

        /**
         * Whether a folder link includes subfolders.
         *
         * @param recursive true to include subfolders
         * @return this builder
         */
        public Builder recursive(boolean recursive) {
            this.recursive = recursive;
            return this;
        }

        /**
         * How many times the link may be used.
         *
         * @param uses the limit, at least 1
         * @return this builder
         */
        public Builder usageLimit(long uses) {
            this.usageLimit = Ids.number("usage limit", uses);
            return this;
        }

        /**
         * When the link expires, as the server expects it (e.g. {@code 2026-12-31T23:59:59}).
         *
         * @param expiration the expiry
         * @return this builder
         */
        public Builder expiration(String expiration) {
            this.expiration = Ids.name("expiration", expiration);
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         */
        public LinkRequest build() {
            return new LinkRequest(this);
        }
    }
}
