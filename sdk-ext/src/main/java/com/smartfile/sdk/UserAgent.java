package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import okhttp3.Interceptor;
import okhttp3.Request;

/**
 * The SDK's {@code User-Agent}:
 * {@code SmartFile-Java-SDK/<sdk version> (Java <java.version>; <os.name> <os.arch>)}, followed by
 * an optional suffix of the caller's (e.g. {@code my-backup-tool/1.2}).
 */
final class UserAgent {

    static final String PRODUCT = "SmartFile-Java-SDK";

    /** Longest caller suffix accepted. */
    static final int MAX_SUFFIX_CHARS = 200;

    private static final String RESOURCE = "smartfile-sdk.properties";
    private static final String VERSION = readVersion();

    private UserAgent() {
    }

    /** The SDK version from the build, or {@code unknown} when the resource is missing or unfiltered. */
    static String sdkVersion() {
        return VERSION;
    }

    /**
     * The full header value for this JVM.
     *
     * @param suffix the caller's product token(s), or null for none
     * @throws InvalidInputException when the suffix is blank, too long, or not printable ASCII
     */
    static String of(@Nullable String suffix) {
        return of(suffix, VERSION, System.getProperty("java.version"), System.getProperty("os.name"),
                System.getProperty("os.arch"));
    }

    static String of(@Nullable String suffix, String sdkVersion, String javaVersion, String osName, String osArch) {
        String base = PRODUCT + "/" + clean(sdkVersion) + " (Java " + clean(javaVersion) + "; " + clean(osName)
                + " " + clean(osArch) + ")";
        return suffix == null ? base : base + " " + checkSuffix(suffix);
    }

    /**
     * An application interceptor that sets {@code User-Agent} on requests that have none (a
     * caller who sets the header on a request keeps it).
     */
    static Interceptor interceptor(String userAgent) {
        return chain -> {
            Request request = chain.request();
            if (request.header("User-Agent") != null) {
                return chain.proceed(request);
            }
            return chain.proceed(request.newBuilder().header("User-Agent", userAgent).build());
        };
    }

    private static String checkSuffix(String suffix) {
        if (suffix.trim().isEmpty()) {
            throw new InvalidInputException("user agent suffix " + PathIds.echo(suffix)
                    + " is blank; pass null for none");
        }
        if (suffix.length() > MAX_SUFFIX_CHARS) {
            throw new InvalidInputException("user agent suffix " + PathIds.echo(suffix) + " is " + suffix.length()
                    + " characters long; at most " + MAX_SUFFIX_CHARS + " are accepted");
        }
        for (int i = 0; i < suffix.length(); i++) {
            char c = suffix.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new InvalidInputException("user agent suffix " + PathIds.echo(suffix)
                        + " contains " + String.format("U+%04X", (int) c) + " at index " + i
                        + "; only printable ASCII is allowed in an HTTP header");
            }
        }
        return suffix;
    }

    /** System properties are not ours to trust in a header: anything but printable ASCII becomes '_'. */
    private static String clean(String value) {
        if (value == null || value.isEmpty()) {
            return "unknown";
        }
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            sb.append(c >= 0x20 && c <= 0x7e ? c : '_');
        }
        return sb.toString();
    }

    private static String readVersion() {
        try (InputStream in = UserAgent.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "").trim();
            return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
        } catch (IOException | IllegalArgumentException e) {
            return "unknown";
        }
    }
}
