package com.smartfile.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The JUnit extension injects one running emulator per class (shared with nested classes). */
@ExtendWith(SmartFileEmulatorExtension.class)
class ExtensionTest {

    static SmartFileEmulator first;

    @BeforeAll
    static void remember(SmartFileEmulator emulator) {
        first = emulator;
    }

    @Test
    void injectsCredentialsBaseUrlEmulatorAndFaults(EmulatorCredentials c, URI base, SmartFileEmulator e,
            Faults faults) {
        assertSame(first, e);
        assertEquals(e.baseUrl(), c.baseUrl());
        assertEquals(URI.create(c.baseUrl()), base);
        assertTrue(c.baseUrl().matches("http://127\\.0\\.0\\.1:\\d+/"), c.baseUrl());
        assertSame(e.faults(), faults);
        Checks.json(TestClient.basic(c).get("api/2/whoami/"), 200);
    }

    @Nested
    class Inner {
        @Test
        void sharesTheEnclosingClassEmulator(SmartFileEmulator e) {
            assertSame(first, e);
        }
    }
}
