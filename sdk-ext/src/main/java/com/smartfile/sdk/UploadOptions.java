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
    final @Nullable String uploadId;

    private UploadOptions(Builder b) {
        this.progress = b.progress;
        this.createFolders = b.createFolders;
        this.uploadId = b.uploadId;
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
        return "UploadOptions{progress=" + (progress != null) + ", createFolders=" + createFolders
                + (uploadId == null ? "" : ", uploadId=" + uploadId) + "}";
    }

    /** Builds {@link UploadOptions}. */
    public static final class Builder {
        private @Nullable ProgressListener progress;
        private boolean createFolders;
        private @Nullable String uploadId;

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
         * Names a multipart upload ({@link PathsService#upload(String, UploadSource, UploadOptions)}) with the
         * {@code X-Upload-UUID} header, so that {@link PathsService#progress(String)} can read the server's view
         * of its progress, e.g. from another thread. v3 uploads ({@code uploadAs}, {@code writeAt}) do not send it.
         *
         * @param id a client-chosen id, such as {@code UUID.randomUUID().toString()}; null for none
         * @return this builder
         * @throws InvalidInputException for a blank id or one with control characters
         */
        public Builder uploadId(@Nullable String id) {
            this.uploadId = id == null ? null : Ids.name("upload id", id);
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
