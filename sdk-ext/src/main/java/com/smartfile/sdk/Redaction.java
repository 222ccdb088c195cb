package com.smartfile.sdk;

import java.util.Locale;
import java.util.Set;

import okhttp3.HttpUrl;

/**
 * The one place that decides what is secret. Logs, exception messages and {@code toString()}
 * all go through it.
 */
final class Redaction {

    static final String MASK = "██";

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
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : secrets) {
            if (!s.isEmpty()) {
                out = out.replace(s, MASK);
            }
        }
        return out;
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
