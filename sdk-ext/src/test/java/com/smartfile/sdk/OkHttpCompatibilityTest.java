package com.smartfile.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The OkHttp 4 check; .ci/run's consumer projects prove it with real OkHttp 4 jars on the class path. */
class OkHttpCompatibilityTest {

    @Test
    void theOkHttpOfThisBuildPasses() {
        OkHttpCompatibility.check();
        assertEquals(OkHttpCompatibility.REQUIRED_MAJOR, OkHttpCompatibility.major(okhttp3.OkHttp.VERSION));
    }

    @Test
    void okHttp5IsAccepted() {
        assertNull(OkHttpCompatibility.problem("5.5.1", "/m2/okhttp-jvm-5.5.1.jar", List.of("/m2/okhttp-jvm-5.5.1.jar")));
    }

    @Test
    void okHttp4NamesTheJarBothCopiesAndTheFix() {
        String m = OkHttpCompatibility.problem("4.12.0", "/m2/okhttp-4.12.0.jar",
                List.of("/m2/okhttp-4.12.0.jar", "/m2/okhttp-jvm-5.5.1.jar"));
        assertTrue(m.contains("OkHttp 4.12.0 was loaded from /m2/okhttp-4.12.0.jar."), m);
        assertTrue(m.contains("/m2/okhttp-jvm-5.5.1.jar"), m);
        assertTrue(m.contains("smartfile-bom"), m);
        assertTrue(m.contains("exclude com.squareup.okhttp3:okhttp"), m);
        assertTrue(!m.contains(".."), m);
    }

    @Test
    void anUnreadableVersionIsRefusedToo() {
        String m = OkHttpCompatibility.problem(null, "/m2/okhttp-3.14.9.jar", List.of("/m2/okhttp-3.14.9.jar"));
        assertTrue(m.startsWith("The SmartFile SDK needs OkHttp 5"), m);
        assertTrue(m.contains("an old OkHttp (its version could not be read) was loaded from /m2/okhttp-3.14.9.jar."), m);
    }

    @Test
    void aSupportedOkHttpIsCheckedWithoutScanningTheClassPath() {
        AtomicInteger lookups = new AtomicInteger();
        OkHttpCompatibility.Origin origin = new OkHttpCompatibility.Origin() {
            @Override
            public String loadedFrom() {
                lookups.incrementAndGet();
                return "/m2/okhttp-4.12.0.jar";
            }

            @Override
            public List<String> copies() {
                lookups.incrementAndGet();
                return List.of("/m2/okhttp-4.12.0.jar", "/m2/okhttp-jvm-5.5.1.jar");
            }
        };
        OkHttpCompatibility.check("5.5.1", origin);
        assertEquals(0, lookups.get(), "where OkHttp 5 came from is looked up only to explain a problem");

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> OkHttpCompatibility.check("4.12.0", origin));
        assertEquals(2, lookups.get());
        assertTrue(e.getMessage().contains("OkHttp 4.12.0 was loaded from /m2/okhttp-4.12.0.jar."), e.getMessage());
        assertTrue(e.getMessage().contains("2 copies of OkHttp"), e.getMessage());
    }
}
