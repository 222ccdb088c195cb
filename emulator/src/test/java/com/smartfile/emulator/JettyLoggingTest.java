package com.smartfile.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import com.smartfile.emulator.internal.Slf4jToSystemLogger;

/**
 * With no SLF4J provider on the class path (as here), Jetty's warnings and errors reach System.Logger
 * (here java.util.logging) with query strings and exchange tokens masked; its INFO, DEBUG and TRACE
 * lines (DEBUG shows request headers, Authorization among them) go nowhere.
 */
class JettyLoggingTest {

    @Test
    void jettyLogsReachSystemLoggerWithoutAnSlf4jProvider() {
        try (SmartFileEmulator e = SmartFileEmulator.builder().build().start()) {
            assertEquals(Slf4jToSystemLogger.class.getName(), System.getProperty("slf4j.provider"));
        }
        Logger jul = Logger.getLogger("org.eclipse.jetty.emulator-test");
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.addHandler(handler);
        jul.setLevel(Level.ALL);
        jul.setUseParentHandlers(false);
        try {
            org.slf4j.Logger jetty = LoggerFactory.getLogger("org.eclipse.jetty.emulator-test");
            jetty.warn("connection {} failed", 7, new IllegalStateException("boom"));
            jetty.info("started {}", "Server@1");
            jetty.debug("HEADER --> FIELD(Authorization: Basic c2VjcmV0)");
            jetty.trace("bytes");
            jetty.error("failed {}", "POST@1 http://x/api/2/path/info/a?oauth_signature=s3cr3t HTTP/1.1");
            jetty.warn("failed GET@2 http://x/exchange/t0k3n/a.txt HTTP/1.1");
        } finally {
            jul.removeHandler(handler);
        }
        assertEquals(3, records.size(), records.toString());
        assertEquals(Level.WARNING, records.get(0).getLevel());
        assertEquals("connection 7 failed", records.get(0).getMessage());
        assertTrue(records.get(0).getThrown() instanceof IllegalStateException);
        assertEquals(Level.SEVERE, records.get(1).getLevel());
        assertEquals("failed POST@1 http://x/api/2/path/info/a?*** HTTP/1.1", records.get(1).getMessage());
        assertEquals("failed GET@2 http://x/exchange/***/a.txt HTTP/1.1", records.get(2).getMessage());
    }
}
