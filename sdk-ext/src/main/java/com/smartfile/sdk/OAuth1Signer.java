package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import okhttp3.HttpUrl;

/**
 * OAuth 1.0a request signing per RFC 5849: PLAINTEXT (what SmartFile documents and every
 * official client uses; the default) or HMAC-SHA1. Thread-safe.
 *
 * <p>Parameters are {@code Map.Entry<String, String>} pairs in their decoded form; a name may
 * repeat.
 */
final class OAuth1Signer {

    private static final char[] NONCE_CHARS =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final int NONCE_LENGTH = 32;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final OAuthSignatureMethod method;
    private final Supplier<String> nonces;
    private final LongSupplier epochSeconds;

    /**
     * @param method the signature method
     * @param nonces yields a fresh nonce per request
     * @param epochSeconds yields the current time in seconds since the epoch
     */
    OAuth1Signer(OAuthSignatureMethod method, Supplier<String> nonces, LongSupplier epochSeconds) {
        this.method = method;
        this.nonces = nonces;
        this.epochSeconds = epochSeconds;
    }

    /** A signer with random nonces and the system clock. */
    static OAuth1Signer of(OAuthSignatureMethod method) {
        return new OAuth1Signer(method, OAuth1Signer::randomNonce, () -> System.currentTimeMillis() / 1000L);
    }

    OAuthSignatureMethod method() {
        return method;
    }

    /** 32 alphanumeric characters from a {@link SecureRandom}. */
    static String randomNonce() {
        char[] out = new char[NONCE_LENGTH];
        for (int i = 0; i < out.length; i++) {
            out[i] = NONCE_CHARS[NonceSource.RANDOM.nextInt(NONCE_CHARS.length)];
        }
        return new String(out);
    }

    /** Made on the first nonce: a client with Basic credentials never seeds a {@link SecureRandom}. */
    private static final class NonceSource {
        static final SecureRandom RANDOM = new SecureRandom();
    }

    /**
     * The protocol parameters for one request, {@code oauth_signature} last.
     *
     * @param httpMethod the request method
     * @param url the request URL (its query takes part in an HMAC-SHA1 signature)
     * @param formParams the decoded {@code application/x-www-form-urlencoded} body parameters,
     *     empty for other bodies
     * @param consumerKey the client token
     * @param consumerSecret the client secret
     * @param token the request or access token, or null when there is none yet
     * @param tokenSecret the token's secret, or null when there is none yet
     * @param extra more protocol parameters such as {@code oauth_callback} or
     *     {@code oauth_verifier}
     */
    List<Map.Entry<String, String>> sign(String httpMethod, HttpUrl url, List<Map.Entry<String, String>> formParams,
                                         String consumerKey, String consumerSecret, @Nullable String token,
                                         @Nullable String tokenSecret, List<Map.Entry<String, String>> extra) {
        List<Map.Entry<String, String>> oauth = new ArrayList<>();
        oauth.add(Map.entry("oauth_consumer_key", consumerKey));
        if (token != null) {
            oauth.add(Map.entry("oauth_token", token));
        }
        oauth.add(Map.entry("oauth_signature_method", method.wireName));
        oauth.add(Map.entry("oauth_timestamp", Long.toString(epochSeconds.getAsLong())));
        oauth.add(Map.entry("oauth_nonce", nonces.get()));
        oauth.add(Map.entry("oauth_version", "1.0"));
        oauth.addAll(extra);
        String signature;
        if (method == OAuthSignatureMethod.PLAINTEXT) {
            signature = plaintextSignature(consumerSecret, tokenSecret);
        } else {
            signature = hmacSha1(baseString(httpMethod, url, formParams, oauth), consumerSecret, tokenSecret);
        }
        oauth.add(Map.entry("oauth_signature", signature));
        return oauth;
    }

    /**
     * The {@code Authorization} header value for a request: {@code OAuth name="value", …}.
     * Arguments as for {@link #sign}.
     */
    String authorizationHeader(String httpMethod, HttpUrl url, List<Map.Entry<String, String>> formParams,
                               String consumerKey, String consumerSecret, @Nullable String token, @Nullable String tokenSecret,
                               List<Map.Entry<String, String>> extra) {
        return header(sign(httpMethod, url, formParams, consumerKey, consumerSecret, token, tokenSecret, extra));
    }

    /** Formats protocol parameters as an {@code Authorization} header value (RFC 5849 §3.5.1). */
    static String header(List<Map.Entry<String, String>> oauthParams) {
        StringBuilder sb = new StringBuilder("OAuth ");
        for (int i = 0; i < oauthParams.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Map.Entry<String, String> p = oauthParams.get(i);
            sb.append(encode(p.getKey())).append("=\"").append(encode(p.getValue())).append('"');
        }
        return sb.toString();
    }

    /** RFC 5849 §3.4.4: {@code enc(consumerSecret)&enc(tokenSecret)}, the token part empty when absent. */
    static String plaintextSignature(String consumerSecret, @Nullable String tokenSecret) {
        return encode(consumerSecret) + "&" + encode(tokenSecret == null ? "" : tokenSecret);
    }

    /** RFC 5849 §3.4.2: base64 of HMAC-SHA1 over the base string, keyed with the PLAINTEXT signature. */
    static String hmacSha1(String baseString, String consumerSecret, @Nullable String tokenSecret) {
        byte[] key = plaintextSignature(consumerSecret, tokenSecret).getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is required of every Java runtime", e);
        }
    }

    /**
     * RFC 5849 §3.4.1: {@code METHOD&enc(base URI)&enc(normalized parameters)}. The parameters
     * are the URL's query, the form body and the protocol parameters, minus
     * {@code oauth_signature} and {@code realm}.
     */
    static String baseString(String httpMethod, HttpUrl url, List<Map.Entry<String, String>> formParams,
                             List<Map.Entry<String, String>> oauthParams) {
        List<String[]> encoded = new ArrayList<>();
        for (int i = 0; i < url.querySize(); i++) {
            String value = url.queryParameterValue(i);
            encoded.add(new String[] {encode(url.queryParameterName(i)), encode(value == null ? "" : value)});
        }
        for (Map.Entry<String, String> p : formParams) {
            encoded.add(new String[] {encode(p.getKey()), encode(p.getValue())});
        }
        for (Map.Entry<String, String> p : oauthParams) {
            if (!p.getKey().equals("oauth_signature") && !p.getKey().equals("realm")) {
                encoded.add(new String[] {encode(p.getKey()), encode(p.getValue())});
            }
        }
        // Encoded strings are ASCII, so String order is the byte order §3.4.1.3.2 asks for.
        encoded.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        StringBuilder normalized = new StringBuilder();
        for (String[] p : encoded) {
            if (normalized.length() > 0) {
                normalized.append('&');
            }
            normalized.append(p[0]).append('=').append(p[1]);
        }
        return httpMethod.toUpperCase(Locale.ROOT) + "&" + encode(baseUri(url)) + "&"
                + encode(normalized.toString());
    }

    /** RFC 5849 §3.4.1.2: lowercase scheme and host, default port dropped, no query or fragment. */
    static String baseUri(HttpUrl url) {
        String scheme = url.scheme().toLowerCase(Locale.ROOT);
        String host = url.host().toLowerCase(Locale.ROOT);
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        String port = url.port() == HttpUrl.defaultPort(scheme) ? "" : ":" + url.port();
        return scheme + "://" + host + port + url.encodedPath();
    }

    /** RFC 5849 §3.6: UTF-8, unreserved characters kept, everything else {@code %XX} uppercase. */
    static String encode(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return sb.toString();
    }

    /**
     * Decodes an {@code application/x-www-form-urlencoded} string: {@code &}-separated pairs,
     * {@code +} as space, {@code %XX} as UTF-8 bytes; a malformed escape is kept as written and
     * a pair without {@code =} has an empty value.
     */
    static List<Map.Entry<String, String>> parseForm(String form) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (form.isEmpty()) {
            return out;
        }
        for (String pair : form.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.add(Map.entry(formDecode(name), formDecode(value)));
        }
        return out;
    }

    private static String formDecode(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                bytes.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    raw = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(raw, 0, raw.length);
            }
        }
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
