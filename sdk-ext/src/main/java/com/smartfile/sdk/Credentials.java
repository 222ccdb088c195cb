package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;

/**
 * How the client authenticates: an API key and password (HTTP Basic), or OAuth 1.0a tokens.
 * Immutable and thread-safe.
 *
 * <p>Every value is trimmed and must then be at least {@value #MIN_LENGTH} characters long, as
 * SmartFile's keys, passwords, tokens and secrets are (the official clients check the same).
 * {@link #toString()} shows the kind and the first characters of the key or tokens, never a
 * password or secret.
 *
 * <pre>{@code
 * Credentials basic = Credentials.basic(apiKey, apiPassword);
 * Credentials oauth = Credentials.oauth1(clientToken, clientSecret, accessToken, accessSecret);
 * }</pre>
 */
public final class Credentials {

    /** The minimum length of every key, password, token and secret, after trimming. */
    public static final int MIN_LENGTH = 30;

    /** How the credentials authenticate a request. */
    public enum Kind {
        /** {@code Authorization: Basic}, with an API key and password. */
        BASIC,
        /** OAuth 1.0a, signed with the client's and the access token's secrets. */
        OAUTH1
    }

    private final Kind kind;
    private final String key;
    private final String secret;
    private final @Nullable String accessToken;
    private final @Nullable String accessSecret;

    private Credentials(Kind kind, String key, String secret, @Nullable String accessToken, @Nullable String accessSecret) {
        this.kind = kind;
        this.key = key;
        this.secret = secret;
        this.accessToken = accessToken;
        this.accessSecret = accessSecret;
    }

    /**
     * API key and password, sent as HTTP Basic authentication. Create them in SmartFile's web
     * interface; they act as your own account.
     *
     * @param key the API key
     * @param password the API password
     * @return the credentials
     * @throws ConfigurationException when a value is missing, blank, or shorter than
     *     {@value #MIN_LENGTH} characters after trimming, or the key contains {@code :}
     */
    public static Credentials basic(String key, String password) {
        String k = require(key, "API key");
        if (k.indexOf(':') >= 0) {
            throw new ConfigurationException("The API key contains ':', which HTTP Basic authentication "
                    + "cannot carry. SmartFile API keys are letters and digits: check the value.");
        }
        return new Credentials(Kind.BASIC, k, require(password, "API password"), null, null);
    }

    /**
     * OAuth 1.0a credentials for calls on behalf of a user who authorized your application.
     *
     * @param clientToken your application's client token
     * @param clientSecret your application's client secret
     * @param accessToken the user's access token, from {@link OAuth1Flow}
     * @param accessSecret the access token's secret
     * @return the credentials
     * @throws ConfigurationException when a value is missing, blank, or shorter than
     *     {@value #MIN_LENGTH} characters after trimming
     */
    public static Credentials oauth1(String clientToken, String clientSecret, String accessToken,
                                     String accessSecret) {
        return new Credentials(Kind.OAUTH1, require(clientToken, "OAuth client token"),
                require(clientSecret, "OAuth client secret"), require(accessToken, "OAuth access token"),
                require(accessSecret, "OAuth access secret"));
    }

    /**
     * OAuth 1.0a credentials from an access token that {@link OAuth1Flow#accessToken} returned.
     *
     * @param clientToken your application's client token
     * @param clientSecret your application's client secret
     * @param accessToken the access token and its secret
     * @return the credentials
     * @throws ConfigurationException when a value is missing, blank or too short
     */
    public static Credentials oauth1(String clientToken, String clientSecret, AccessToken accessToken) {
        if (accessToken == null) {
            throw new ConfigurationException("The OAuth access token is missing. Run OAuth1Flow "
                    + "(requestToken, authorizationUrl, accessToken) to obtain one.");
        }
        return oauth1(clientToken, clientSecret, accessToken.getToken(), accessToken.getSecret());
    }

    /**
     * OAuth 1.0a client credentials without an access token yet. Enough to configure a client,
     * but every API call then fails with a {@link ConfigurationException} before anything is
     * sent: first run {@link OAuth1Flow} to obtain an access token.
     *
     * @param clientToken your application's client token
     * @param clientSecret your application's client secret
     * @return the credentials
     * @throws ConfigurationException when a value is missing, blank or too short
     */
    public static Credentials oauth1Client(String clientToken, String clientSecret) {
        return new Credentials(Kind.OAUTH1, require(clientToken, "OAuth client token"),
                require(clientSecret, "OAuth client secret"), null, null);
    }

    /**
     * Basic or OAuth 1.0a.
     *
     * @return the kind
     */
    public Kind getKind() {
        return kind;
    }

    /**
     * Whether API calls can be made: always for {@link Kind#BASIC}; for {@link Kind#OAUTH1} only
     * once an access token is present.
     *
     * @return true when requests can be authenticated
     */
    public boolean canAuthenticateRequests() {
        return kind == Kind.BASIC || accessToken != null;
    }

    /** The API key (Basic) or client token (OAuth). */
    String key() {
        return key;
    }

    /** The API password (Basic) or client secret (OAuth). */
    String secret() {
        return secret;
    }

    /** The OAuth access token, or null. */
    @Nullable String accessToken() {
        return accessToken;
    }

    /** The values that must never be shown: password or client secret, and the access secret. */
    java.util.List<String> secretValues() {
        java.util.List<String> values = new java.util.ArrayList<>();
        if (secret != null) {
            values.add(secret);
        }
        if (accessSecret != null) {
            values.add(accessSecret);
        }
        return values;
    }

    /** The OAuth access token's secret, or null. */
    @Nullable String accessSecret() {
        return accessSecret;
    }

    /**
     * The problem with a credential value, or null when it is usable. Never contains the value.
     *
     * @param value the raw value
     * @param what what the value is, e.g. {@code "SMARTFILE_API_KEY"}
     */
    static @Nullable String problem(@Nullable String value, String what) {
        if (value == null) {
            return what + " is missing";
        }
        String t = value.trim();
        if (t.isEmpty()) {
            return what + " is blank";
        }
        if (t.length() < MIN_LENGTH) {
            return what + " is " + t.length() + " characters long after trimming; SmartFile keys, "
                    + "passwords, tokens and secrets are at least " + MIN_LENGTH
                    + " characters (check that the whole value was copied)";
        }
        return null;
    }

    private static String require(@Nullable String value, String what) {
        String problem = problem(value, what);
        if (problem != null) {
            throw new ConfigurationException(problem + ".");
        }
        return java.util.Objects.requireNonNull(value, what).trim(); // problem() refused null
    }

    /** The first 4 characters, then a mask: enough to tell keys apart in logs. */
    static String mask(String identifier) {
        return identifier.substring(0, Math.min(4, identifier.length())) + Redaction.MASK;
    }

    /**
     * The kind and the masked key or tokens; never a password or secret.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        if (kind == Kind.BASIC) {
            return "Credentials[BASIC key=" + mask(key) + "]";
        }
        return "Credentials[OAUTH1 clientToken=" + mask(key) + ", accessToken="
                + (accessToken == null ? "none (run OAuth1Flow)" : mask(accessToken)) + "]";
    }
}
