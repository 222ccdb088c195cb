package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * The one place that decides what is secret. Logs, exception messages and {@code toString()}
 * all go through it.
 */
final class Redaction {

    static final String MASK = "██";

    /**
     * An exchange URL ({@code …/exchange/<token>/<name>}): it fetches a file without credentials
     * until it expires, so everything after {@code /exchange/} is masked.
     */
    private static final Pattern EXCHANGE_URL = Pattern.compile("(https?://[^\\s\"'<>]*?/exchange/)[^\\s\"'<>]+");

    private static final Set<String> SECRET_HEADERS = Set.of(
            "authorization", "proxy-authorization", "cookie", "set-cookie", "x-csrftoken", "x-csrf-token");

    private static final String[] SECRET_NAME_PARTS = {
        "password", "secret", "token", "signature", "verifier", "csrf", "sessionid", "apikey", "api_key", "api-key",
        "authorization"
    };

    private Redaction() {
    }

    /**
     * Whether a header's value must never be shown: the credential and cookie headers, and any
     * header whose name looks secret by {@link #isSecretName(String)} ({@code X-Api-Key},
     * {@code X-Auth-Token}…).
     */
    static boolean isSecretHeader(String name) {
        return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) || isSecretName(name);
    }

    /** Whether a query, form or JSON field of this name holds a secret. */
    static boolean isSecretName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (String part : SECRET_NAME_PARTS) {
            if (n.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Replaces every occurrence of a known secret (the client's password or OAuth secrets) in text
     * that came from elsewhere, such as a server's error message echoing a request.
     */
    static String scrub(String text, java.util.Collection<String> secrets) {
        String out = EXCHANGE_URL.matcher(text).replaceAll("$1" + MASK);
        for (String s : secrets) {
            if (!s.isEmpty()) {
                out = out.replace(s, MASK);
            }
        }
        return out;
    }

    /**
     * The known secrets plus every value the client computed from them and sent with this request:
     * the whole value of each secret header ({@code Authorization: Basic …}, {@code OAuth …},
     * cookies, CSRF tokens), each long word in it (the base64 token, {@code oauth_signature}, as
     * sent and percent-decoded), for Basic the decoded {@code key:password}, and the values of a
     * form body's secret-named fields ({@link #isSecretName}; a PLAINTEXT signature's halves too). Longest first, so
     * a value is masked whole before any part of it.
     */
    static List<String> secretsOf(Request sent, Collection<String> known) {
        Set<String> out = new LinkedHashSet<>(known);
        if (sent != null) {
            for (String name : sent.headers().names()) {
                if (!isSecretHeader(name)) {
                    continue;
                }
                for (String value : sent.headers(name)) {
                    out.add(value);
                    for (String part : value.split("[,;]")) {
                        String word = credentialIn(part.trim());
                        if (word != null && word.length() >= 8) {
                            out.add(word);
                            out.add(percentDecoded(word));
                        }
                    }
                    if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
                        String decoded = base64Decoded(value.substring(6).trim());
                        if (decoded != null) {
                            out.add(decoded);
                            int colon = decoded.indexOf(':');
                            if (colon >= 0 && decoded.length() - colon > 4) {
                                out.add(decoded.substring(colon + 1));
                            }
                        }
                    }
                }
            }
            if (sent.body() instanceof FormBody) {
                // a form that carries credentials itself (the OAuth exchanges' oauth_signature, oauth_verifier…)
                FormBody form = (FormBody) sent.body();
                for (int i = 0; i < form.size(); i++) {
                    if (isSecretName(form.name(i))) {
                        String value = form.value(i);
                        out.add(value);
                        out.add(form.encodedValue(i));
                        for (String part : value.split("&")) {   // a PLAINTEXT signature: secret&secret
                            out.add(part);
                            out.add(percentDecoded(part));
                        }
                    }
                }
            }
        }
        out.removeIf(v -> v == null || v.length() < 4);
        List<String> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return sorted;
    }

    /**
     * The credential in one part of a secret header: the value of {@code name="value"} (but not
     * of the OAuth parameters that only name a method, version or realm), else the last word
     * ({@code Basic <token>}).
     */
    private static @Nullable String credentialIn(String part) {
        int eq = part.indexOf('=');
        if (eq > 0) {
            String name = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            if (name.endsWith("_method") || name.endsWith("version") || name.endsWith("realm")) {
                return null;
            }
            return part.substring(eq + 1).trim().replace("\"", "");
        }
        String[] words = part.split("\\s+");
        return words[words.length - 1];
    }

    private static String percentDecoded(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8.name());
        } catch (IllegalArgumentException | java.io.UnsupportedEncodingException e) {
            return s;
        }
    }

    private static @Nullable String base64Decoded(String s) {
        try {
            return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The URL without user info and with secret-looking query values masked. */
    static String url(HttpUrl url) {
        HttpUrl.Builder b = url.newBuilder().username("").password("");
        for (String name : url.queryParameterNames()) {
            if (isSecretName(name)) {
                b.setQueryParameter(name, MASK);
            }
        }
        return b.build().toString();
    }
}
