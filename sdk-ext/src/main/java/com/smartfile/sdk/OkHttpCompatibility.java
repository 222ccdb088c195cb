package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Checks, once per JVM, that the OkHttp on the class path is the OkHttp 5 the client is built
 * against. OkHttp 4 ({@code com.squareup.okhttp3:okhttp:4.x}) and OkHttp 5
 * ({@code okhttp-jvm:5.x}) share the package {@code okhttp3}; Maven keeps both jars when another
 * library brings OkHttp 4, and whichever comes first wins. Without this check the first call
 * would fail deep inside OkHttp with a {@code NoSuchMethodError}; with it, {@code build()}
 * fails at once with a {@link ConfigurationException} that names the jar and the fix.
 */
final class OkHttpCompatibility {

    static final int REQUIRED_MAJOR = 5;
    private static final String CLASS_FILE = "okhttp3/OkHttpClient.class";

    private static volatile boolean checked;

    private OkHttpCompatibility() {
    }

    /** Throws {@link ConfigurationException} when the OkHttp in use is not OkHttp 5. */
    static void check() {
        if (checked) {
            return;
        }
        check(loadedVersion(), new ClassPathOrigin());
        checked = true;
    }

    /** Where the OkHttp classes came from; looked up only to explain a problem. */
    interface Origin {
        /** The jar {@code okhttp3.OkHttpClient} was loaded from. */
        String loadedFrom();

        /** Every class-path entry that holds {@code okhttp3.OkHttpClient}. */
        List<String> copies();
    }

    /** The class path this class was loaded from (a class, not lambdas: nothing to link at start-up). */
    private static final class ClassPathOrigin implements Origin {
        @Override
        public String loadedFrom() {
            return OkHttpCompatibility.loadedFrom();
        }

        @Override
        public List<String> copies() {
            return OkHttpCompatibility.copies();
        }
    }

    /**
     * Throws {@link ConfigurationException} when {@code version} is not OkHttp 5. Where the jar came
     * from and which copies the class path holds are looked up only then: finding the copies opens
     * every jar of the class path, which a client's start-up should not pay for when all is well.
     */
    static void check(@Nullable String version, Origin origin) {
        if (supported(version)) {
            return;
        }
        String problem = problem(version, origin.loadedFrom(), origin.copies());
        throw new ConfigurationException(problem == null ? "OkHttp " + version + " is not supported." : problem);
    }

    private static boolean supported(@Nullable String version) {
        return version != null && major(version) >= REQUIRED_MAJOR;
    }

    /**
     * What is wrong with the OkHttp found, or null when nothing is.
     *
     * @param version {@code okhttp3.OkHttp.VERSION} as loaded, or null when unreadable
     * @param loadedFrom where {@code okhttp3.OkHttpClient} was loaded from
     * @param copies every class-path entry that holds {@code okhttp3.OkHttpClient}
     */
    static @Nullable String problem(@Nullable String version, String loadedFrom, List<String> copies) {
        if (supported(version)) {
            return null;
        }
        String found = version == null ? "an old OkHttp (its version could not be read)" : "OkHttp " + version;
        StringBuilder m = new StringBuilder("The SmartFile SDK needs OkHttp " + REQUIRED_MAJOR + " (com.squareup.okhttp3:okhttp-jvm), but ")
                .append(found).append(" was loaded from ").append(loadedFrom).append('.');
        if (copies.size() > 1) {
            m.append(" The class path holds ").append(copies.size()).append(" copies of OkHttp (all in the package okhttp3): ")
                    .append(String.join(", ", copies)).append('.');
        }
        return m.append(" Fix: import com.smartfile.sdk:smartfile-bom in <dependencyManagement> (type pom, scope import),"
                + " which moves com.squareup.okhttp3:okhttp to version 5, or exclude com.squareup.okhttp3:okhttp from the"
                + " dependency that brings OkHttp 4 (mvn dependency:tree -Dincludes=com.squareup.okhttp3 shows which).")
                .toString();
    }

    static int major(String version) {
        int end = 0;
        while (end < version.length() && Character.isDigit(version.charAt(end))) {
            end++;
        }
        return end == 0 ? -1 : Integer.parseInt(version.substring(0, end));
    }

    private static @Nullable String loadedVersion() {
        try {
            // Read reflectively: the constant would otherwise be compiled into this class.
            return String.valueOf(Class.forName("okhttp3.OkHttp").getField("VERSION").get(null));
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    private static String loadedFrom() {
        URL url = OkHttpCompatibility.class.getClassLoader() == null ? null
                : OkHttpCompatibility.class.getClassLoader().getResource(CLASS_FILE);
        return url == null ? "an unknown location" : jar(url);
    }

    private static List<String> copies() {
        ClassLoader loader = OkHttpCompatibility.class.getClassLoader();
        if (loader == null) {
            return List.of();
        }
        try {
            List<String> out = new ArrayList<>();
            for (URL url : Collections.list(loader.getResources(CLASS_FILE))) {
                out.add(jar(url));
            }
            return out;
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The jar a class file URL points into ({@code jar:file:/x/okhttp-4.12.0.jar!/okhttp3/…} → {@code /x/okhttp-4.12.0.jar}). */
    private static String jar(URL url) {
        String s = url.toString();
        int bang = s.indexOf("!/");
        if (s.startsWith("jar:") && bang > 0) {
            s = s.substring(4, bang);
        } else if (s.endsWith(CLASS_FILE)) {
            s = s.substring(0, s.length() - CLASS_FILE.length());
        }
        return s.startsWith("file:") ? s.substring(5) : s;
    }
}
