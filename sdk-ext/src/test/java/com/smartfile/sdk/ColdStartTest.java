package com.smartfile.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * What a fresh JVM loads for its first call: a client built, one {@code paths().info()} against
 * MockWebServer, counted with {@code -verbose:class} in a JVM of its own ({@link FirstCallProbe}).
 * Counting classes, not timing: each class left out is one a cold JVM does not read, verify and
 * link.
 */
class ColdStartTest {

    private static final String INFO = "{\"name\": \"report.pdf\", \"path\": \"/Documents/report.pdf\", \"isfile\": true,"
            + " \"size\": 4096, \"time\": \"2013-02-23T22:49:30\", \"owner\": {\"name\": \"probe\"}, \"acl\": {\"read\": true},"
            + " \"tags\": [], \"attributes\": {}, \"not_in_the_spec\": [1, {\"a\": null}]}";

    @Test
    void aFirstInfoCallLoadsThePathsInterfaceAndNoOtherService() throws Exception {
        List<String> loaded = firstCallClasses();
        List<String> apis = loaded.stream().filter(c -> c.matches("com\\.smartfile\\.sdk\\.internal\\.\\w+Api"))
                .collect(Collectors.toList());
        assertEquals(List.of("com.smartfile.sdk.internal.PathsApi"), apis,
                "the other services and their Retrofit proxies are made on first use");
        List<String> services = loaded.stream().filter(c -> c.matches("com\\.smartfile\\.sdk\\.Default\\w+Service"))
                .collect(Collectors.toList());
        assertEquals(List.of("com.smartfile.sdk.DefaultPathsService"), services);
        assertFalse(loaded.contains("jdk.internal.logger.LazyLoggers"), "no System.Logger before a retry or a wire log");
    }

    @Test
    void aFirstReplyWithATimestampSetsUpNoJavaTimeFormatter() throws Exception {
        List<String> loaded = firstCallClasses();
        assertTrue(loaded.contains("com.smartfile.sdk.model.PathInfo"), "the probe read a PathInfo");
        assertFalse(loaded.contains("java.time.format.DateTimeFormatter"),
                "the usual yyyy-MM-ddTHH:mm:ss is read without java.time's formatters");
    }

    @Test
    void theSdksStringConcatenationLinksNoMethodHandles() throws Exception {
        // Compiled with -XDstringConcat=inline (sdk-ext/pom.xml): an invokedynamic concatenation would make a
        // cold JVM spin method-handle classes for each message and header shape on first use.
        Path classes = Paths.get(DefaultSmartFile.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> indy = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                checked++;
                if (new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains("makeConcatWithConstants")) {
                    indy.add(classes.relativize(f).toString());
                }
            }
        }
        assertTrue(checked > 100, "the SDK's classes were found in " + classes);
        assertEquals(List.of(), indy);
    }

    @Test
    void aServiceIsMadeOnceWhateverTheThreadsThatAskFirst() throws Exception {
        try (SmartFile client = SmartFile.builder().baseUrl("http://127.0.0.1:9/")
                .basicAuth("probe-key-0123456789abcdefghijklmnop", "probe-password-0123456789abcdefghijkl").build()) {
            Set<Object> seen = ConcurrentHashMap.newKeySet();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    seen.add(client.users());
                    seen.add(client.sshKeys());
                    seen.add(client.tasks());
                });
                threads.add(t);
                t.start();
            }
            go.countDown();
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(3, seen.size(), "one users(), one sshKeys(), one tasks() service: " + seen);
            assertSame(client.users(), client.users());
        }
    }

    /** The classes a fresh JVM loads to build a client and make one info() call, in load order. */
    static List<String> firstCallClasses() throws IOException, InterruptedException {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body(INFO).build());
            String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-verbose:class", "-cp", System.getProperty("java.class.path"),
                    FirstCallProbe.class.getName(), server.url("/").toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String tail = out.substring(Math.max(0, out.length() - 3000));
            assertEquals(0, p.waitFor(), tail);
            assertTrue(out.contains("answered report.pdf"), tail);
            // JDK 17 and 25: "[0.123s][info][class,load] com.example.Name source: ..."
            return out.lines().filter(l -> l.contains("[class,load] "))
                    .map(l -> l.substring(l.indexOf("[class,load] ") + 13).split(" ")[0])
                    .collect(Collectors.toList());
        }
    }
}
