package com.smartfile.sdk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactionTest {

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "proxy-authorization", "Cookie", "Set-Cookie", "X-CSRFToken",
        "X-Api-Key", "X-Auth-Token", "X-Authorization", "X-Session-Secret"})
    void secretHeaders(String name) {
        assertTrue(Redaction.isSecretHeader(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Type", "User-Agent", "X-Throttle", "Retry-After", "X-Upload-UUID", "x-unique-id",
        "Location", "Content-Disposition"})
    void ordinaryHeaders(String name) {
        assertFalse(Redaction.isSecretHeader(name), name);
    }
}
