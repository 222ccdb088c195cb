package com.smartfile.sdk;

import java.util.Objects;

/**
 * An OAuth 1.0a request token (temporary credentials) and its secret: the result of
 * {@link OAuth1Flow#requestToken()}. A web application that sends the user away to authorize
 * keeps both until the user comes back, then passes them to {@link OAuth1Flow#accessToken}.
 * Immutable; {@link #toString()} never shows the secret.
 */
public final class RequestToken {

    private final String token;
    private final String secret;

    private RequestToken(String token, String secret) {
        this.token = token;
        this.secret = secret;
    }

    /**
     * A request token read back from where the application kept it between the steps.
     *
     * @param token the request token
     * @param secret the request token's secret
     * @return the request token
     * @throws InvalidInputException when either value is null or blank
     */
    public static RequestToken of(String token, String secret) {
        return new RequestToken(nonBlank(token, "request token"), nonBlank(secret, "request token secret"));
    }

    static String nonBlank(String value, String what) {
        if (value == null || value.trim().isEmpty()) {
            throw new InvalidInputException("The OAuth " + what + " is " + (value == null ? "missing" : "blank")
                    + ": pass the value SmartFile returned.");
        }
        return value.trim();
    }

    /**
     * The request token ({@code oauth_token}); it also goes into the authorization URL.
     *
     * @return the token
     */
    public String getToken() {
        return token;
    }

    /**
     * The request token's secret ({@code oauth_token_secret}). Keep it secret.
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
        if (!(o instanceof RequestToken)) {
            return false;
        }
        RequestToken other = (RequestToken) o;
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
        return "RequestToken[token=" + Credentials.mask(token) + ", secret=" + Redaction.MASK + "]";
    }
}
