package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * How to download: a progress listener, a checksum to verify, and how often to resume after a
 * dropped connection. Immutable; build it with {@link #builder()}, or use {@link #defaults()}.
 */
public final class DownloadOptions {

    /** How many times a download resumes after a dropped connection unless told otherwise. */
    public static final int DEFAULT_MAX_RESUMES = 5;

    private static final DownloadOptions DEFAULTS = builder().build();

    final @Nullable ProgressListener progress;
    final @Nullable String algorithm;
    final @Nullable String expectedDigest;
    final int maxResumes;
    final boolean durable;

    private DownloadOptions(Builder b) {
        this.progress = b.progress;
        this.algorithm = b.algorithm;
        this.expectedDigest = b.expectedDigest;
        this.maxResumes = b.maxResumes;
        this.durable = b.durable;
    }

    /**
     * No listener, no checksum, {@value #DEFAULT_MAX_RESUMES} resumes, not durable (no fsync).
     *
     * @return the default options
     */
    public static DownloadOptions defaults() {
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

    /** A fresh digest for the checksum, or null when none is to be verified. */
    @Nullable MessageDigest newDigest() {
        return algorithm == null ? null : digest(algorithm);
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new InvalidInputException("Unknown checksum algorithm '" + algorithm
                    + "'; use SHA-256, SHA-512, SHA-1 or MD5.");
        }
    }

    /** The JDK name for an algorithm name as SmartFile's checksum task spells it ({@code sha256}) or the JDK does. */
    static String jdkName(@Nullable String algorithm) {
        if (algorithm == null || algorithm.trim().isEmpty()) {
            throw new InvalidInputException("The checksum algorithm must not be " + (algorithm == null ? "null" : "blank")
                    + "; use SHA-256, SHA-512, SHA-1 or MD5.");
        }
        String a = algorithm.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        switch (a) {
            case "SHA256":
                return "SHA-256";
            case "SHA512":
                return "SHA-512";
            case "SHA384":
                return "SHA-384";
            case "SHA1":
                return "SHA-1";
            case "MD5":
                return "MD5";
            default:
                return algorithm.trim();
        }
    }

    @Override
    public String toString() {
        return "DownloadOptions{progress=" + (progress != null) + ", checksum=" + (algorithm == null ? "none" : algorithm)
                + ", maxResumes=" + maxResumes + ", durable=" + durable + "}";
    }

    /** Builds {@link DownloadOptions}. */
    public static final class Builder {
        private @Nullable ProgressListener progress;
        private @Nullable String algorithm;
        private @Nullable String expectedDigest;
        private int maxResumes = DEFAULT_MAX_RESUMES;
        private boolean durable;

        private Builder() {
        }

        /**
         * Hears the bytes as they arrive.
         *
         * @param listener the listener, or null for none
         * @return this builder
         */
        public Builder progress(@Nullable ProgressListener listener) {
            this.progress = listener;
            return this;
        }

        /**
         * Verifies the download against a digest you know, for instance from
         * {@code paths().checksum("sha256", path).await()}. The digest is computed while the
         * bytes stream; a mismatch throws {@link ChecksumMismatchException} and, for a download
         * to a file, leaves nothing under the file's name.
         *
         * @param algorithm {@code SHA-256} (or {@code sha256}), {@code SHA-512}, {@code SHA-1},
         *     {@code MD5}, or any other {@link MessageDigest} name
         * @param expectedHex the expected digest in hexadecimal, either case
         * @return this builder
         * @throws InvalidInputException when the algorithm is unknown or the digest is not
         *     hexadecimal of the algorithm's length
         */
        public Builder checksum(String algorithm, String expectedHex) {
            String name = jdkName(algorithm);
            int length = digest(name).getDigestLength();
            if (expectedHex == null || !expectedHex.trim().matches("[0-9A-Fa-f]*") || expectedHex.trim().length() != length * 2) {
                throw new InvalidInputException("The expected " + name + " digest must be " + (length * 2)
                        + " hexadecimal digits, got " + (expectedHex == null ? "null" : "'" + expectedHex + "'") + ".");
            }
            this.algorithm = name;
            this.expectedDigest = expectedHex.trim().toLowerCase(Locale.ROOT);
            return this;
        }

        /**
         * How many times a download may resume after its connection drops (each time from the
         * last byte received, with {@code Range: bytes=N-}). Default
         * {@value DownloadOptions#DEFAULT_MAX_RESUMES}; 0 turns resuming off. A resume is a retry:
         * all requests of one download (the first, the retries of each, the resumes) count
         * towards the client's {@link RetryPolicy#getMaxAttempts()} together, so with the default
         * policy of 3 attempts a download resumes at most twice; raise both for more.
         *
         * @param maxResumes zero or more
         * @return this builder
         * @throws InvalidInputException when negative
         */
        public Builder maxResumes(int maxResumes) {
            if (maxResumes < 0) {
                throw new InvalidInputException("maxResumes must be zero or more, got " + maxResumes + ".");
            }
            this.maxResumes = maxResumes;
            return this;
        }

        /**
         * Whether a download to a file is forced to disk ({@code fsync}) before it is moved over
         * the target. Off by default, as in curl, wget and the AWS SDK: the temporary file and the
         * atomic move still guarantee that the target is either the old file or the complete new
         * one for every reader, but after a power failure or an operating-system crash shortly
         * after the download the new file may be empty or short. Turn it on when the file must
         * survive such a crash the moment the call returns; it costs a flush of the whole file
         * (a quarter of the time of a warm 256 MiB download, seconds on slow disks). It has no
         * effect on downloads to a stream.
         *
         * @param durable true to force the file to disk before the move
         * @return this builder
         */
        public Builder durable(boolean durable) {
            this.durable = durable;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public DownloadOptions build() {
            return new DownloadOptions(this);
        }
    }
}
