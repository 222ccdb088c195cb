package com.smartfile.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM set-ups the cold first call is measured in ({@link ColdCall}, run by {@link CallLatency}):
 * for the suite's own JDK and one JDK of each other feature version found (17, 21, 25, … under
 * {@code /usr/lib/jvm}, or the homes listed in {@code SMARTFILE_BENCH_JDKS}, separated by
 * {@code :}), the JVM's defaults, and the same JVM with an AppCDS archive of the classes a first
 * call loads, which a user can add to their own test JVM or application:
 * <ul>
 *   <li>JDK 17/18: a training run with {@code -XX:ArchiveClassesAtExit=F}, then
 *       {@code -XX:SharedArchiveFile=F};</li>
 *   <li>JDK 19+: {@code -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=F} on every run (the
 *       first run writes it, later runs map it; a stale one is renewed);</li>
 *   <li>JDK 25+ also its AOT cache (JEP 483/514): a training run with {@code -XX:AOTCacheOutput=F},
 *       then {@code -XX:AOTCache=F} (classes loaded and linked ahead of time).</li>
 * </ul>
 * The training runs are not counted. After the timed rounds, one more run of each set-up with
 * {@code -Xlog:class+load} counts the classes loaded and how many came from an archive.
 */
final class ColdJvms {

    /** One JVM set-up. */
    static final class Setup {
        final String name;
        final Path javaHome;
        final int feature;
        final String kind;
        final List<String> options = new ArrayList<>();

        Setup(Path javaHome, int feature, String kind) {
            this.javaHome = javaHome;
            this.feature = feature;
            this.kind = kind;
            this.name = "JDK " + feature + ", " + kind;
        }

        Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("javaHome", javaHome.toString());
            m.put("feature", feature);
            m.put("kind", kind);
            m.put("jvmOptions", options);
            return m;
        }
    }

    static final String DEFAULTS = "defaults";
    static final String APP_CDS = "AppCDS archive";
    static final String AOT_CACHE = "AOT cache";

    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    private ColdJvms() {
    }

    /**
     * The set-ups, the suite's JDK first.
     *
     * @param dir where the archives are written
     * @return defaults, AppCDS (and AOT cache on 25+) per JDK found
     */
    static List<Setup> setups(Path dir) {
        Map<Integer, Path> jdks = new TreeMap<>();
        Path own = Path.of(System.getProperty("java.home"));
        int ownFeature = Runtime.version().feature();
        for (Path home : candidates()) {
            int f = feature(home);
            if (f >= 17 && f != ownFeature && Files.isExecutable(home.resolve("bin").resolve("java"))) {
                jdks.putIfAbsent(f, home);
            }
        }
        List<Setup> out = new ArrayList<>();
        addSetups(out, own, ownFeature, dir);
        jdks.forEach((f, home) -> addSetups(out, home, f, dir));
        return out;
    }

    private static void addSetups(List<Setup> out, Path home, int feature, Path dir) {
        out.add(new Setup(home, feature, DEFAULTS));
        Setup cds = new Setup(home, feature, APP_CDS);
        Path archive = dir.resolve("cold-jdk" + feature + ".jsa");
        if (feature >= 19) {
            cds.options.addAll(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive));
        } else {
            cds.options.add("-XX:SharedArchiveFile=" + archive);
        }
        out.add(cds);
        if (feature >= 25) {
            Setup aot = new Setup(home, feature, AOT_CACHE);
            aot.options.add("-XX:AOTCache=" + dir.resolve("cold-jdk" + feature + ".aot"));
            out.add(aot);
        }
    }

    /**
     * Makes a set-up's archive with one training run of the same first call (nothing for the defaults).
     *
     * @param s the set-up
     * @param args ColdCall's arguments
     * @param credentials the run's credentials
     */
    static void train(Setup s, List<String> args, LocalCredentials credentials) {
        List<String> training;
        if (s.kind.equals(APP_CDS)) {
            String archive = s.options.get(s.options.size() - 1).substring("-XX:SharedArchiveFile=".length());
            training = s.feature >= 19 ? s.options : List.of("-XX:ArchiveClassesAtExit=" + archive);
        } else if (s.kind.equals(AOT_CACHE)) {
            training = List.of("-XX:AOTCacheOutput=" + s.options.get(0).substring("-XX:AOTCache=".length()));
        } else {
            return;
        }
        ChildJvm.run(s.javaHome, ColdCall.class, training, args, credentials, 180);
        Path made = Path.of(s.options.get(s.options.size() - 1).replaceFirst("^-XX:[A-Za-z]+=", ""));
        if (!Files.isRegularFile(made)) {
            // e.g. a class path with a folder on it, which CDS refuses: say so rather than time the defaults twice
            throw new BenchmarkFailure(s.name + ": the training run wrote no archive " + made
                    + " (CDS needs a class path of jars only: run the suite from its jar)");
        }
    }

    /**
     * One more run of a set-up that logs every class loaded: how many, and how many were mapped
     * from an archive (the JDK's own default archive counts too).
     *
     * @param s the set-up
     * @param args ColdCall's arguments
     * @param credentials the run's credentials
     * @param dir where the log is written (and deleted)
     * @return {@code classesLoaded}, {@code fromArchive}, {@code sdkStackClasses} (OkHttp, Okio,
     *         Kotlin, Retrofit, Moshi, the SDK), {@code sdkStackFromArchive}
     */
    static Map<String, Object> countClasses(Setup s, List<String> args, LocalCredentials credentials, Path dir) {
        Path log = dir.resolve("class-load-" + s.feature + "-" + s.kind.replaceAll("\\W", "") + ".log");
        List<String> options = new ArrayList<>(s.options);
        options.add("-Xlog:class+load=info:file=" + log);
        ChildJvm.run(s.javaHome, ColdCall.class, options, args, credentials, 180);
        try {
            long total = 0;
            long shared = 0;
            long stack = 0;
            long stackShared = 0;
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                int at = line.indexOf("[class,load] ");
                if (at < 0) {
                    continue;
                }
                String rest = line.substring(at + 13);
                boolean fromArchive = rest.contains("source: shared objects file") || rest.contains("source: AOT cache");
                String name = rest.split(" ")[0];
                boolean ours = name.startsWith("okhttp3.") || name.startsWith("okio.") || name.startsWith("kotlin.")
                        || name.startsWith("retrofit2.") || name.startsWith("com.squareup.moshi.") || name.startsWith("com.smartfile.");
                total++;
                shared += fromArchive ? 1 : 0;
                stack += ours ? 1 : 0;
                stackShared += ours && fromArchive ? 1 : 0;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("classesLoaded", total);
            m.put("fromArchive", shared);
            m.put("sdkStackClasses", stack);
            m.put("sdkStackFromArchive", stackShared);
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(log);
            } catch (IOException ignored) {
                // a log in the work folder
            }
        }
    }

    private static List<Path> candidates() {
        List<Path> out = new ArrayList<>();
        String listed = System.getenv("SMARTFILE_BENCH_JDKS");
        if (listed != null && !listed.isBlank()) {
            for (String p : listed.split(":")) {
                if (!p.isBlank()) {
                    out.add(Path.of(p.trim()));
                }
            }
            return out;
        }
        Path jvm = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvm)) {
            try (DirectoryStream<Path> homes = Files.newDirectoryStream(jvm)) {
                for (Path home : homes) {
                    out.add(home);
                }
            } catch (IOException e) {
                return out;
            }
        }
        out.sort(null);
        return out;
    }

    /** The feature version in a JDK's {@code release} file, or -1. */
    static int feature(Path home) {
        try {
            Matcher m = VERSION.matcher(Files.readString(home.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
