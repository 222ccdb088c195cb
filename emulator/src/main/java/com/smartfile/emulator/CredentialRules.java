package com.smartfile.emulator;

/**
 * The rules SmartFile clients apply to keys, passwords, tokens and secrets (the SDK's
 * {@code Credentials}: at least {@value #MIN_LENGTH} characters after trimming, no {@code :} in a
 * Basic key), applied to what the emulator is told to accept, so that it never accepts a value
 * every client refuses. A value with white space at either end is refused as well: clients trim
 * it off and would never match. Messages say what is wrong, never the value.
 */
final class CredentialRules {

    /** The shortest value SmartFile clients accept. */
    static final int MIN_LENGTH = 30;

    private CredentialRules() {
    }

    /**
     * Checks a Basic API key.
     *
     * @param key the key
     * @return the key
     * @throws IllegalArgumentException when clients would refuse it
     */
    static String key(String key) {
        String k = require(key, "The API key");
        if (k.indexOf(':') >= 0) {
            throw new IllegalArgumentException("The API key contains ':', which HTTP Basic authentication cannot"
                    + " carry, so SmartFile clients refuse it: use letters and digits.");
        }
        return k;
    }

    /**
     * Checks a password, token or secret.
     *
     * @param value the value
     * @param what what it is, capitalised, e.g. {@code "The API password"}
     * @return the value
     * @throws IllegalArgumentException when clients would refuse it
     */
    static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is missing or blank.");
        }
        if (!value.equals(value.trim())) {
            throw new IllegalArgumentException(what + " starts or ends with white space, which SmartFile clients"
                    + " trim off, so they would never match it: remove it.");
        }
        if (value.length() < MIN_LENGTH) {
            throw new IllegalArgumentException(what + " is " + value.length() + " characters long; SmartFile clients"
                    + " refuse keys, passwords, tokens and secrets shorter than " + MIN_LENGTH + " characters, so"
                    + " none could connect. Use at least " + MIN_LENGTH + " characters, or leave it out to have one"
                    + " generated.");
        }
        return value;
    }
}
