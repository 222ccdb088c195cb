package com.smartfile.sdk;

import java.util.Objects;

/**
 * An OAuth 1.0a access token and its secret: the result of {@link OAuth1Flow#accessToken}.
 * Store both (the secret as a secret) and build {@link Credentials#oauth1(String, String,
 * AccessToken)} from them. Immutable; {@link #toString()} never shows the secret.
 */
public final class AccessToken {

    private final String token;
    private final String secret;

    private AccessToken(String token, String secret) {
        this.token = token;
        this.secret = secret;
    }

    /**
     * An access token read back from storage.
     *
     * @param token the access token
     * @param secret the access token's secret
     * @return the access token
     * @throws InvalidInputException when either value is null or blank
     */
    public static AccessToken of(String token, String secret) {
        return new AccessToken(RequestToken.nonBlank(token, "access token"),
                RequestToken.nonBlank(secret, "access token secret"));
    }

    /**
     * The access token ({@code oauth_token}).
     *
     * @return the token
     */
    public String getToken() {
        return token;
    }

    /**
     * The access token's secret ({@code oauth_token_secret}). Keep it secret.
     *
     * @return the secret
     */
    public String getSecret() {
        return secret;
    }

    /**
     * Equal when token and secret are equal.
     *
     * @param o the other object
     * @return whether both hold the same token and secret
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AccessToken)) {
            return false;
        }
        AccessToken other = (AccessToken) o;
        return token.equals(other.token) && secret.equals(other.secret);
    }

    /**
     * A hash of token and secret.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(token, secret);
    }

    /**
     * The masked token; never the secret.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "AccessToken[token=" + Credentials.mask(token) + ", secret=" + Redaction.MASK + "]";
    }
}
