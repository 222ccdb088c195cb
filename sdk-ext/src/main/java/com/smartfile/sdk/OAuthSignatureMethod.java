package com.smartfile.sdk;

/** How OAuth 1.0a requests are signed (RFC 5849 §3.4). */
public enum OAuthSignatureMethod {

    /** The secrets themselves, over TLS: what SmartFile documents, and the default. */
    PLAINTEXT("PLAINTEXT"),

    /** An HMAC-SHA1 signature over the request, for servers that want the secrets never sent. */
    HMAC_SHA1("HMAC-SHA1");

    final String wireName;

    OAuthSignatureMethod(String wireName) {
        this.wireName = wireName;
    }
}
