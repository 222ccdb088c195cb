package com.smartfile.emulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An independent OAuth 1.0a (RFC 5849) signature verifier, for {@code PLAINTEXT} and
 * {@code HMAC-SHA1}. It deliberately shares no code with the SDK's signer, so that the emulator
 * checks it.
 *
 * <p>The signature base string (§3.4.1) is the upper-case method, the base string URI (scheme and
 * host in lower case, default port dropped, the path as sent) and the normalised parameters: the
 * query's pairs, a form body's pairs and the {@code oauth_*} values of the Authorization header
 * (without {@code realm} and {@code oauth_signature}), each name and value percent-encoded, sorted
 * by name then value, joined as {@code name=value} with {@code &}.
 */
final class OAuthSignature {

    /** The text of every OAuth refusal. */
    static final String FAILED = "Could not verify OAuth request.";

    private OAuthSignature() {
    }

    /**
     * Parses an {@code Authorization: OAuth …} header.
     *
     * @param header the header value, may be null
     * @return the decoded parameters (including {@code realm} if sent), or null when it is not an OAuth header
     * @throws IllegalArgumentException when the header is malformed
     */
    static Map<String, String> parseHeader(String header) {
        if (header == null || !header.regionMatches(true, 0, "OAuth ", 0, 6)) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        String rest = header.substring(6).trim();
        int i = 0;
        while (i < rest.length()) {
            while (i < rest.length() && (rest.charAt(i) == ',' || Character.isWhitespace(rest.charAt(i)))) {
                i++;
            }
            if (i >= rest.length()) {
                break;
            }
            int eq = rest.indexOf('=', i);
            if (eq < 0) {
                throw new IllegalArgumentException("malformed OAuth header");
            }
            String name = PercentCodec.decodeForm(rest.substring(i, eq).trim());
            i = eq + 1;
            String value;
            if (i < rest.length() && rest.charAt(i) == '"') {
                int end = rest.indexOf('"', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("malformed OAuth header");
                }
                value = rest.substring(i + 1, end);
                i = end + 1;
            } else {
                int end = rest.indexOf(',', i);
                end = end < 0 ? rest.length() : end;
                value = rest.substring(i, end).trim();
                i = end;
            }
            params.put(name, PercentCodec.decodePathSegment(value));
        }
        return params;
    }

    /**
     * Builds the base string URI of a request.
     *
     * @param host the Host header (may carry a port)
     * @param rawPath the request path as sent (still percent-encoded)
     * @return e.g. {@code http://127.0.0.1:8123/api/2/whoami/}
     */
    static String baseUri(String host, String rawPath) {
        String authority = host.toLowerCase(Locale.ROOT);
        if (authority.endsWith(":80")) {
            authority = authority.substring(0, authority.length() - 3);
        }
        return "http://" + authority + rawPath;
    }

    /**
     * Builds the signature base string.
     *
     * @param method the HTTP method
     * @param baseUri the base string URI
     * @param params every signed parameter, decoded: query, form body and OAuth header values
     *     (without {@code realm} and {@code oauth_signature})
     * @return the base string
     */
    static String baseString(String method, String baseUri, List<String[]> params) {
        List<String[]> encoded = new ArrayList<>();
        for (String[] p : params) {
            encoded.add(new String[] {PercentCodec.encodeStrict(p[0]), PercentCodec.encodeStrict(p[1])});
        }
        encoded.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        StringBuilder normalized = new StringBuilder();
        for (String[] p : encoded) {
            if (normalized.length() > 0) {
                normalized.append('&');
            }
            normalized.append(p[0]).append('=').append(p[1]);
        }
        return method.toUpperCase(Locale.ROOT) + "&" + PercentCodec.encodeStrict(baseUri) + "&"
                + PercentCodec.encodeStrict(normalized.toString());
    }

    /**
     * Checks a signature.
     *
     * @param signatureMethod {@code PLAINTEXT} or {@code HMAC-SHA1}
     * @param signature the decoded {@code oauth_signature}
     * @param baseString the base string (used by HMAC-SHA1 only)
     * @param clientSecret the client secret
     * @param tokenSecret the token secret ({@code ""} when there is no token)
     * @return true when it matches
     */
    static boolean verify(String signatureMethod, String signature, String baseString, String clientSecret,
            String tokenSecret) {
        if (signatureMethod == null || signature == null) {
            return false;
        }
        String key = PercentCodec.encodeStrict(clientSecret) + "&" + PercentCodec.encodeStrict(tokenSecret);
        switch (signatureMethod.toUpperCase(Locale.ROOT)) {
            case "PLAINTEXT":
                return constantTimeEquals(signature, key)
                        || constantTimeEquals(signature, clientSecret + "&" + tokenSecret);
            case "HMAC-SHA1":
                return constantTimeEquals(signature, hmacSha1(key, baseString));
            default:
                return false;
        }
    }

    /**
     * Computes an HMAC-SHA1 signature, Base64-encoded.
     *
     * @param key the signing key ({@code enc(client secret)&enc(token secret)})
     * @param baseString the base string
     * @return the signature
     */
    static String hmacSha1(String key, String baseString) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
