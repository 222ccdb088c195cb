package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;

/**
 * The settings of a site to create or change. Immutable; build it with {@link #builder()}. Fields
 * left unset are not sent (so a change keeps them). The password is never shown by {@link #toString()}.
 */
public final class SiteRequest {

    final @Nullable String name;
    final @Nullable String industry;
    final @Nullable String contact;
    final @Nullable String email;
    final @Nullable String username;
    final @Nullable String password;

    private SiteRequest(Builder b) {
        this.name = b.name;
        this.industry = b.industry;
        this.contact = b.contact;
        this.email = b.email;
        this.username = b.username;
        this.password = b.password;
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
        return "SiteRequest{name=" + name + ", industry=" + industry + ", contact=" + contact + ", email=" + email
                + ", username=" + username + ", password=" + (password == null ? "null" : "***") + "}";
    }

    /** Builds {@link SiteRequest}s. */
    public static final class Builder {
        private @Nullable String name;
        private @Nullable String industry;
        private @Nullable String contact;
        private @Nullable String email;
        private @Nullable String username;
        private @Nullable String password;

        private Builder() {
        }

        /**
         * The site's name, its id in URLs (required on create; on a change, a new name renames the site).
         *
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Ids.name("site name", name);
            return this;
        }

        /**
         * The site's industry, e.g. {@code Other} or {@code Personal Use}.
         *
         * @param industry the industry
         * @return this builder
         */
        public Builder industry(String industry) {
            this.industry = Ids.name("industry", industry);
            return this;
        }

        /**
         * The contact person's name.
         *
         * @param contact the name
         * @return this builder
         */
        public Builder contact(String contact) {
            this.contact = Ids.name("contact", contact);
            return this;
        }

        /**
         * The contact's email address.
         *
         * @param email the address
         * @return this builder
         */
        public Builder email(String email) {
            this.email = Ids.name("email", email);
            return this;
        }

        /**
         * The username of the site's first administrator (on create).
         *
         * @param username the username
         * @return this builder
         */
        public Builder username(String username) {
            this.username = Ids.name("username", username);
            return this;
        }

        /**
         * The password of that administrator (on create). Never logged or shown.
         *
         * @param password the password
         * @return this builder
         */
        public Builder password(String password) {
            if (password == null || password.isEmpty()) {
                throw new InvalidInputException("The site administrator's password must not be empty.");
            }
            this.password = password;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         */
        public SiteRequest build() {
            return new SiteRequest(this);
        }
    }
}
