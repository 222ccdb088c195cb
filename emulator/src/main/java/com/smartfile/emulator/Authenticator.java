package com.smartfile.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides who is calling an API route, the way SmartFile's Django REST Framework stack did.
 *
 * <ul>
 *   <li>{@code Authorization: Basic} with the configured key and password; anything else there
 *       answers 401 {@code {"detail": "Invalid username/password."}}.</li>
 *   <li>OAuth 1.0a, signed with {@code PLAINTEXT} or {@code HMAC-SHA1} (see {@link OAuthSignature}),
 *       in the Authorization header or as {@code oauth_*} query/form parameters, with the
 *       configured client and a known access token; a failure answers 403
 *       {@code {"detail": "Could not verify OAuth request."}}.</li>
 *   <li>The {@code sessionid} cookie of a session started with {@code POST session/}; unsafe
 *       methods must also send {@code X-CSRFToken} (else 403).</li>
 *   <li>No credentials at all: 401 {@code {"detail": "Authentication credentials were not provided."}}.</li>
 * </ul>
 * 401 replies carry {@code WWW-Authenticate: Basic realm="api"}.
 */
final class Authenticator {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final byte[] basicKey;
    private final byte[] basicPassword;
    private final String username;
    private final OAuthTokens tokens;
    private final Sessions sessions;

    Authenticator(String key, String password, String username, OAuthTokens tokens, Sessions sessions) {
        this.basicKey = key.getBytes(StandardCharsets.UTF_8);
        this.basicPassword = password.getBytes(StandardCharsets.UTF_8);
        this.username = username;
        this.tokens = tokens;
        this.sessions = sessions;
    }

    /** The OAuth values of a signed request, and its signature base string. */
    static final class SignedRequest {
        final Map<String, String> oauth;
        final String baseString;

        SignedRequest(Map<String, String> oauth, String baseString) {
            this.oauth = oauth;
            this.baseString = baseString;
        }

        String get(String name) {
            return oauth.get(name);
        }
    }

    /**
     * Authenticates an API request, setting {@link ApiRequest#principal}.
     *
     * @param req the request
     * @throws ApiException 401 or 403 when the caller is not accepted
     * @throws IOException when reading a form body fails
     */
    void authenticate(ApiRequest req) throws ApiException, IOException {
        String auth = req.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            basic(req, auth.substring(6).trim());
            return;
        }
        SignedRequest signed;
        try {
            signed = readSigned(req);
        } catch (IllegalArgumentException e) {
            throw oauthFailure();
        }
        if (signed != null) {
            String tokenSecret = tokens.accessSecret(signed.get("oauth_token"));
            if (tokenSecret == null || !tokens.isClient(signed.get("oauth_consumer_key"))
                    || !versionOk(signed) || !OAuthSignature.verify(signed.get("oauth_signature_method"),
                            signed.get("oauth_signature"), signed.baseString, tokens.clientSecret(), tokenSecret)) {
                throw oauthFailure();
            }
            req.principal(username);
            return;
        }
        if (auth != null) {
            throw unauthorized("Invalid authorization header.");
        }
        Sessions.Session session = sessions.find(cookie(req, "sessionid"));
        if (session != null) {
            if (!SAFE_METHODS.contains(req.method())) {
                String csrf = req.header("X-CSRFToken");
                if (csrf == null || !MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
                        session.csrfToken.getBytes(StandardCharsets.UTF_8))) {
                    throw ApiException.detail(403, "CSRF Failed: CSRF token missing or incorrect.");
                }
            }
            req.principal(session.username);
            return;
        }
        throw unauthorized("Authentication credentials were not provided.");
    }

    private void basic(ApiRequest req, String encoded) throws ApiException {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw unauthorized("Invalid basic header. Credentials not correctly base64 encoded.");
        }
        String text = new String(decoded, StandardCharsets.UTF_8);
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw unauthorized("Invalid basic header. Credentials string should not contain spaces.");
        }
        boolean keyOk = MessageDigest.isEqual(text.substring(0, colon).getBytes(StandardCharsets.UTF_8), basicKey);
        boolean passwordOk = MessageDigest.isEqual(text.substring(colon + 1).getBytes(StandardCharsets.UTF_8),
                basicPassword);
        if (!(keyOk & passwordOk)) {
            throw unauthorized("Invalid username/password.");
        }
        req.principal(username);
    }

    private static boolean versionOk(SignedRequest signed) {
        String v = signed.get("oauth_version");
        return v == null || v.equals("1.0");
    }

    static ApiException unauthorized(String detail) {
        return ApiException.detail(401, detail).header("WWW-Authenticate", "Basic realm=\"api\"");
    }

    static ApiException oauthFailure() {
        return ApiException.detail(403, OAuthSignature.FAILED);
    }

    /**
     * Reads the OAuth values of a request (Authorization header first, else {@code oauth_*} query
     * and form parameters) and builds its signature base string.
     *
     * @param req the request
     * @return the signed request, or null when it carries no OAuth values
     * @throws IOException when reading a form body fails
     * @throws ApiException for a malformed form body
     * @throws IllegalArgumentException for a malformed OAuth header
     */
    static SignedRequest readSigned(ApiRequest req) throws IOException, ApiException {
        Map<String, String> header = OAuthSignature.parseHeader(req.header("Authorization"));
        FormData form = req.form();
        List<String[]> params = new ArrayList<>();
        Map<String, String> oauth = new LinkedHashMap<>();
        addPairs(req.query(), params, oauth, header == null);
        addPairs(form, params, oauth, header == null);
        if (header != null) {
            header.forEach((k, v) -> {
                if (k.startsWith("oauth_")) {
                    oauth.put(k, v);
                    if (!k.equals("oauth_signature")) {
                        params.add(new String[] {k, v});
                    }
                }
            });
        } else if (!oauth.containsKey("oauth_consumer_key")) {
            return null;
        }
        String host = req.header("Host");
        if (host == null) {
            host = java.net.URI.create(req.baseUrl()).getRawAuthority();
        }
        String base = OAuthSignature.baseString(req.method(), OAuthSignature.baseUri(host, req.rawPath()), params);
        return new SignedRequest(oauth, base);
    }

    private static void addPairs(FormData data, List<String[]> params, Map<String, String> oauth,
            boolean collectOAuth) {
        data.asMap().forEach((name, values) -> {
            for (String value : values) {
                if (name.equals("oauth_signature")) {
                    if (collectOAuth) {
                        oauth.putIfAbsent(name, value);
                    }
                    continue;
                }
                params.add(new String[] {name, value});
                if (collectOAuth && name.startsWith("oauth_")) {
                    oauth.putIfAbsent(name, value);
                }
            }
        });
    }

    /**
     * Reads one cookie of a request.
     *
     * @param req the request
     * @param name the cookie name
     * @return its value, or null
     */
    static String cookie(ApiRequest req, String name) {
        List<String> headers = req.headers("Cookie");
        if (headers == null) {
            return null;
        }
        for (String header : headers) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
                    return pair.substring(eq + 1).trim();
                }
            }
        }
        return null;
    }
}
