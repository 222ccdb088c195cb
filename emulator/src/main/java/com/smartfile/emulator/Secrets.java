package com.smartfile.emulator;

import java.security.SecureRandom;

/** Random alphanumeric strings for generated keys, passwords, tokens and ids. */
final class Secrets {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /**
     * Returns a random alphanumeric string.
     *
     * @param length its length
     * @return the string
     */
    static String alphanumeric(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return out.toString();
    }
}
