package com.smartfile.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A throwaway API key and password for the benchmark servers, generated per run. They reach child
 * JVMs through the environment ({@code SMARTFILE_API_KEY}, {@code SMARTFILE_API_PASSWORD}), never
 * through command lines or results.
 *
 * @param key the API key (30 letters and digits)
 * @param password the API password (30 letters and digits)
 */
public record LocalCredentials(String key, String password) {

    /** The environment variable holding the key, as the SDK reads it. */
    public static final String ENV_KEY = "SMARTFILE_API_KEY";
    /** The environment variable holding the password, as the SDK reads it. */
    public static final String ENV_PASSWORD = "SMARTFILE_API_PASSWORD";

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /**
     * New random credentials.
     *
     * @return the credentials
     */
    public static LocalCredentials random() {
        return new LocalCredentials(randomText(30), randomText(30));
    }

    /**
     * The credentials a parent process put in the environment.
     *
     * @return the credentials
     * @throws IllegalStateException when they are missing
     */
    public static LocalCredentials fromEnvironment() {
        String key = System.getenv(ENV_KEY);
        String password = System.getenv(ENV_PASSWORD);
        if (key == null || password == null) {
            throw new IllegalStateException(ENV_KEY + " and " + ENV_PASSWORD + " must be set");
        }
        return new LocalCredentials(key, password);
    }

    /**
     * The {@code Authorization} header value.
     *
     * @return {@code Basic base64(key:password)}
     */
    public String basicHeader() {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "LocalCredentials[***]";
    }

    private static String randomText(int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
