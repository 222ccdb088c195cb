package com.smartfile.emulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OAuth 1.0a token state: the configured client (consumer), the access tokens that API calls
 * may use (the configured one plus those issued by the token flow) and the request tokens of flows
 * in progress. Thread-safe.
 */
final class OAuthTokens {

    /** A request token waiting for authorisation and exchange. */
    static final class RequestToken {
        final String token;
        final String secret;
        final String callback;
        volatile String verifier;

        RequestToken(String token, String secret, String callback) {
            this.token = token;
            this.secret = secret;
            this.callback = callback;
        }
    }

    private final String clientToken;
    private final String clientSecret;
    private final Map<String, String> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, RequestToken> requestTokens = new ConcurrentHashMap<>();

    OAuthTokens(String clientToken, String clientSecret, String accessToken, String accessSecret) {
        this.clientToken = clientToken;
        this.clientSecret = clientSecret;
        accessTokens.put(accessToken, accessSecret);
    }

    /**
     * Tells whether a consumer key is the configured client token.
     *
     * @param consumerKey the {@code oauth_consumer_key}
     * @return true when it is
     */
    boolean isClient(String consumerKey) {
        return clientToken.equals(consumerKey);
    }

    String clientSecret() {
        return clientSecret;
    }

    /**
     * Looks up an access token's secret.
     *
     * @param token the access token
     * @return the secret, or null when unknown
     */
    String accessSecret(String token) {
        return token == null ? null : accessTokens.get(token);
    }

    /**
     * Issues a request token.
     *
     * @param callback the callback URL, or null/{@code oob} for out-of-band
     * @return the token
     */
    RequestToken issueRequestToken(String callback) {
        RequestToken t = new RequestToken(Secrets.alphanumeric(30), Secrets.alphanumeric(30),
                callback == null || callback.equals("oob") || callback.isBlank() ? null : callback);
        requestTokens.put(t.token, t);
        return t;
    }

    /**
     * Looks up a request token.
     *
     * @param token the token
     * @return it, or null
     */
    RequestToken requestToken(String token) {
        return token == null ? null : requestTokens.get(token);
    }

    /**
     * Authorises a request token (the user said yes): gives it a verifier.
     *
     * @param token the request token
     * @return the verifier
     */
    String authorize(RequestToken token) {
        if (token.verifier == null) {
            token.verifier = Secrets.alphanumeric(20);
        }
        return token.verifier;
    }

    /**
     * Exchanges an authorised request token for a new access token, once.
     *
     * @param token the request token
     * @return {@code {token, secret}} of the new access token, or null if it was already used
     */
    String[] exchange(RequestToken token) {
        if (requestTokens.remove(token.token) == null) {
            return null;
        }
        String access = Secrets.alphanumeric(30);
        String secret = Secrets.alphanumeric(30);
        accessTokens.put(access, secret);
        return new String[] {access, secret};
    }
}
