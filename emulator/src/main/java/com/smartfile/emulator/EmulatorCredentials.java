package com.smartfile.emulator;

import java.util.Objects;

/**
 * Where a running emulator listens and the credentials it accepts: the Basic API key and password,
 * and the OAuth 1.0a client (consumer) and access token pairs. What a test needs to build a
 * client against the emulator. {@link #toString()} never shows the secrets.
 */
public final class EmulatorCredentials {

    private final String baseUrl;
    private final String key;
    private final String password;
    private final String clientToken;
    private final String clientSecret;
    private final String accessToken;
    private final String accessSecret;

    EmulatorCredentials(String baseUrl, String key, String password, String clientToken, String clientSecret,
            String accessToken, String accessSecret) {
        this.baseUrl = baseUrl;
        this.key = key;
        this.password = password;
        this.clientToken = clientToken;
        this.clientSecret = clientSecret;
        this.accessToken = accessToken;
        this.accessSecret = accessSecret;
    }

    /**
     * The base URL, e.g. {@code http://127.0.0.1:8123/}; API calls go to {@code <base>api/2/…}.
     *
     * @return the base URL, ending in {@code /}
     */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * The API key (the Basic user name).
     *
     * @return the key
     */
    public String key() {
        return key;
    }

    /**
     * The API password (the Basic password).
     *
     * @return the password
     */
    public String password() {
        return password;
    }

    /**
     * The OAuth client (consumer) token.
     *
     * @return the token
     */
    public String clientToken() {
        return clientToken;
    }

    /**
     * The OAuth client (consumer) secret.
     *
     * @return the secret
     */
    public String clientSecret() {
        return clientSecret;
    }

    /**
     * The pre-authorised OAuth access token.
     *
     * @return the token
     */
    public String accessToken() {
        return accessToken;
    }

    /**
     * The pre-authorised OAuth access token's secret.
     *
     * @return the secret
     */
    public String accessSecret() {
        return accessSecret;
    }

    EmulatorCredentials withBaseUrl(String url) {
        return new EmulatorCredentials(url, key, password, clientToken, clientSecret, accessToken, accessSecret);
    }

    /**
     * Compares every field.
     *
     * @param o the other object
     * @return true when equal
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof EmulatorCredentials)) {
            return false;
        }
        EmulatorCredentials other = (EmulatorCredentials) o;
        return Objects.equals(baseUrl, other.baseUrl) && key.equals(other.key) && password.equals(other.password)
                && clientToken.equals(other.clientToken) && clientSecret.equals(other.clientSecret)
                && accessToken.equals(other.accessToken) && accessSecret.equals(other.accessSecret);
    }

    /**
     * Hashes every field.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return Objects.hash(baseUrl, key, password, clientToken, clientSecret, accessToken, accessSecret);
    }

    /**
     * Shows the base URL and the public tokens; secrets and the password are redacted.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "EmulatorCredentials{baseUrl=" + baseUrl + ", key=" + key + ", password=***, clientToken="
                + clientToken + ", clientSecret=***, accessToken=" + accessToken + ", accessSecret=***}";
    }
}
