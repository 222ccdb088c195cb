package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;
import java.util.Locale;

/**
 * A quota to set on a user, a group or the site. Immutable; build it with {@link #builder()}.
 * Fields left unset are not sent.
 */
public final class QuotaRequest {

    final @Nullable String enforcement;
    final @Nullable String interval;
    final @Nullable Long diskBytesLimit;
    final @Nullable Long transferBytesLimit;

    private QuotaRequest(Builder b) {
        this.enforcement = b.enforcement;
        this.interval = b.interval;
        this.diskBytesLimit = b.diskBytesLimit;
        this.transferBytesLimit = b.transferBytesLimit;
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
        return "QuotaRequest{enforcement=" + enforcement + ", interval=" + interval + ", diskBytesLimit=" + diskBytesLimit
                + ", transferBytesLimit=" + transferBytesLimit + "}";
    }

    /** Builds {@link QuotaRequest}s. */
    public static final class Builder {
        private @Nullable String enforcement;
        private @Nullable String interval;
        private @Nullable Long diskBytesLimit;
        private @Nullable Long transferBytesLimit;

        private Builder() {
        }

        /**
         * What happens when the quota is exceeded: {@code notify} or {@code disable}.
         *
         * @param enforcement the enforcement
         * @return this builder
         */
        public Builder enforcement(String enforcement) {
            this.enforcement = oneOf("enforcement", enforcement, "notify", "disable");
            return this;
        }

        /**
         * The period the transfer limit counts over: {@code monthly} or {@code weekly}.
         *
         * @param interval the interval
         * @return this builder
         */
        public Builder interval(String interval) {
            this.interval = oneOf("interval", interval, "monthly", "weekly");
            return this;
        }

        /**
         * The storage limit in bytes.
         *
         * @param bytes the limit, at least 1
         * @return this builder
         */
        public Builder diskBytesLimit(long bytes) {
            this.diskBytesLimit = Ids.number("disk bytes limit", bytes);
            return this;
        }

        /**
         * The transfer limit in bytes per interval.
         *
         * @param bytes the limit, at least 1
         * @return this builder
         */
        public Builder transferBytesLimit(long bytes) {
            this.transferBytesLimit = Ids.number("transfer bytes limit", bytes);
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         */
        public QuotaRequest build() {
            return new QuotaRequest(this);
        }

        private static String oneOf(String what, String value, String... allowed) {
            String v = Ids.name(what, value).toLowerCase(Locale.ROOT);
            for (String a : allowed) {
                if (a.equals(v)) {
                    return v;
                }
            }
            throw new InvalidInputException("Unknown " + what + " '" + value + "'; use " + String.join(" or ", allowed) + ".");
        }
    }
}
