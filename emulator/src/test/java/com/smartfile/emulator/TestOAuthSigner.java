package com.smartfile.emulator;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tests' own small OAuth 1.0a signer (RFC 5849), written apart from the emulator's verifier
 * so that one checks the other: it builds the {@code Authorization: OAuth …} header for PLAINTEXT
 * or HMAC-SHA1 from the request's method, URL, form pairs and the OAuth values.
 */
final class TestOAuthSigner {

    private final String consumerKey;
    private final String consumerSecret;

    TestOAuthSigner(String consumerKey, String consumerSecret) {
        this.consumerKey = consumerKey;
        this.consumerSecret = consumerSecret;
    }

    /** RFC 3986 unreserved characters stay, everything else is %XX of its UTF-8 bytes. */
    static String pct(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append(String.format("%%%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    /**
     * Builds an Authorization header.
     *
     * @param method HTTP method
     * @param url the full request URL (its query string is signed)
     * @param formPairs decoded form body pairs (name, value, …), signed too
     * @param token the token, or null
     * @param tokenSecret the token secret ("" when none)
     * @param signatureMethod PLAINTEXT or HMAC-SHA1
     * @param extra more oauth_* values (e.g. oauth_callback, oauth_verifier), may be empty
     * @return the header value
     */
    String header(String method, String url, List<String> formPairs, String token, String tokenSecret,
            String signatureMethod, Map<String, String> extra) {
        Map<String, String> oauth = new TreeMap<>();
        oauth.put("oauth_consumer_key", consumerKey);
        oauth.put("oauth_nonce", Long.toHexString(System.nanoTime()) + "n");
        oauth.put("oauth_timestamp", String.valueOf(System.currentTimeMillis() / 1000));
        oauth.put("oauth_signature_method", signatureMethod);
        oauth.put("oauth_version", "1.0");
        if (token != null) {
            oauth.put("oauth_token", token);
        }
        oauth.putAll(extra);
        String key = pct(consumerSecret) + "&" + pct(tokenSecret);
        String signature;
        if (signatureMethod.equals("PLAINTEXT")) {
            signature = key;
        } else {
            signature = hmac(key, baseString(method, url, formPairs, oauth));
        }
        StringBuilder h = new StringBuilder("OAuth realm=\"emulator\"");
        oauth.forEach((k, v) -> h.append(", ").append(k).append("=\"").append(pct(v)).append('"'));
        h.append(", oauth_signature=\"").append(pct(signature)).append('"');
        return h.toString();
    }

    static String baseString(String method, String url, List<String> formPairs, Map<String, String> oauth) {
        URI uri = URI.create(url);
        List<String[]> params = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                params.add(new String[] {formDecode(eq < 0 ? pair : pair.substring(0, eq)),
                    eq < 0 ? "" : formDecode(pair.substring(eq + 1))});
            }
        }
        for (int i = 0; i < formPairs.size(); i += 2) {
            params.add(new String[] {formPairs.get(i), formPairs.get(i + 1)});
        }
        oauth.forEach((k, v) -> params.add(new String[] {k, v}));
        List<String[]> pairs = new ArrayList<>();
        for (String[] p : params) {
            pairs.add(new String[] {pct(p[0]), pct(p[1])});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        List<String> encoded = new ArrayList<>();
        for (String[] p : pairs) {
            encoded.add(p[0] + "=" + p[1]);
        }
        String port = uri.getPort() == -1 || uri.getPort() == 80 ? "" : ":" + uri.getPort();
        String base = uri.getScheme().toLowerCase() + "://" + uri.getHost().toLowerCase() + port + uri.getRawPath();
        return method.toUpperCase() + "&" + pct(base) + "&" + pct(String.join("&", encoded));
    }

    private static String formDecode(String s) {
        return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    static String hmac(String key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
