package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;

/**
 * How to upload: a progress listener, and whether to create missing folders first. Immutable;
 * build it with {@link #builder()}, or use {@link #defaults()}.
 */
public final class UploadOptions {

    private static final UploadOptions DEFAULTS = builder().build();

    final @Nullable ProgressListener progress;
    final boolean createFolders;

    private UploadOptions(Builder b) {
        this.progress = b.progress;
        this.createFolders = b.createFolders;
    }

    /**
     * No listener, no folder creation.
     *
     * @return the default options
     */
    public static UploadOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Starts building options.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "UploadOptions{progress=" + (progress != null) + ", createFolders=" + createFolders + "}";
    }

    /** Builds {@link UploadOptions}. */
    public static final class Builder {
        private @Nullable ProgressListener progress;
        private boolean createFolders;

        private Builder() {
        }

        /**
         * Hears the bytes as they are sent.
         *
         * @param listener the listener, or null for none
         * @return this builder
         */
        public Builder progress(@Nullable ProgressListener listener) {
            this.progress = listener;
            return this;
        }

        /**
         * Whether to create the target folder, and its missing parents, before uploading.
         * Default false: an upload into a folder that does not exist fails with a
         * {@link ConflictException}. Checking costs one request per folder level looked at.
         *
         * @param createFolders true to create missing folders
         * @return this builder
         */
        public Builder createFolders(boolean createFolders) {
            this.createFolders = createFolders;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public UploadOptions build() {
            return new UploadOptions(this);
        }
    }
}
