package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;

/**
 * What to create or change in a user account. Immutable; build it with {@link #builder()}.
 * Fields left unset are not sent. {@link #toString()} never shows the password.
 */
public final class UserRequest {

    final @Nullable String username;
    final @Nullable String name;
    final @Nullable String email;
    final @Nullable String password;
    final @Nullable String role;
    final @Nullable Boolean active;
    final @Nullable Boolean sendEmail;

    private UserRequest(Builder b) {
        this.username = b.username;
        this.name = b.name;
        this.email = b.email;
        this.password = b.password;
        this.role = b.role;
        this.active = b.active;
        this.sendEmail = b.sendEmail;
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
        return "UserRequest{username=" + username + ", name=" + name + ", email=" + email
                + ", password=" + (password == null ? null : Redaction.MASK) + ", role=" + role
                + ", active=" + active + ", sendEmail=" + sendEmail + "}";
    }

    /** Builds {@link UserRequest}s. */
    public static final class Builder {
        private @Nullable String username;
        private @Nullable String name;
        private @Nullable String email;
        private @Nullable String password;
        private @Nullable String role;
        private @Nullable Boolean active;
        private @Nullable Boolean sendEmail;

        private Builder() {
        }

        /**
         * The login name (for an update: the new login name).
         *
         * @param username the user name
         * @return this builder
         */
        public Builder username(String username) {
            this.username = Ids.name("username", username);
            return this;
        }

        /**
         * The person's full name.
         *
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Ids.name("name", name);
            return this;
        }

        /**
         * The e-mail address.
         *
         * @param email the address
         * @return this builder
         */
        public Builder email(String email) {
            this.email = Ids.name("email", email);
            return this;
        }

        /**
         * The password (never logged or shown).
         *
         * @param password the password
         * @return this builder
         */
        public Builder password(String password) {
            if (password == null || password.isEmpty()) {
                throw new InvalidInputException("The password must not be empty.");
            }
            this.password = password;
            return this;
        }

        /**
         * The role, e.g. {@code User}, {@code Manager} or {@code Administrator}.
         *
         * @param role the role's name
         * @return this builder
         */
        public Builder role(String role) {
            this.role = Ids.name("role", role);
            return this;
        }

        /**
         * Whether the account may log in (updates only).
         *
         * @param active false to disable the account
         * @return this builder
         */
        public Builder active(boolean active) {
            this.active = active;
            return this;
        }

        /**
         * Whether SmartFile e-mails the new user (creation only).
         *
         * @param sendEmail true to send the welcome e-mail
         * @return this builder
         */
        public Builder sendEmail(boolean sendEmail) {
            this.sendEmail = sendEmail;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         */
        public UserRequest build() {
            return new UserRequest(this);
        }
    }
}
