package com.smartfile.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a server in the suite's JVM costs per request, while the clients run in other processes:
 * the CPU time of this whole process (every server thread, its JIT and GC) over a measurement,
 * divided by the requests it answered; and where that CPU goes, from a JFR recording of
 * execution samples (threads running Java code, sampled every 10 ms), summarised by the code at
 * the top of each stack and by the nearest frame of the server.
 */
final class ServerCost implements AutoCloseable {

    private static final List<String[]> KINDS = List.of(
            new String[] {"sun.nio.ch.", "socket and selector I/O (sun.nio.ch)"},
            new String[] {"java.net.", "socket I/O (java.net)"},
            new String[] {"sun.net.httpserver.", "JDK HTTP server (sun.net.httpserver)"},
            new String[] {"org.eclipse.jetty.", "Jetty"},
            new String[] {"io.undertow.", "Undertow"},
            new String[] {"org.xnio.", "Undertow (XNIO)"},
            new String[] {"io.netty.", "Netty"},
            new String[] {"com.smartfile.emulator.", "emulator code (com.smartfile.emulator)"},
            new String[] {"com.squareup.moshi.", "JSON (Moshi)"},
            new String[] {"java.util.regex.", "regular expressions"},
            new String[] {"sun.nio.fs.", "file system (sun.nio.fs)"},
            new String[] {"java.nio.file.", "file system (java.nio.file)"},
            new String[] {"java.util.logging.", "logging"},
            new String[] {"java.time.", "dates (java.time)"},
            new String[] {"java.util.concurrent.", "thread pools and locks (java.util.concurrent)"},
            new String[] {"java.security.", "security (MessageDigest, …)"},
            new String[] {"java.lang.", "JDK core (java.lang: strings, …)"},
            new String[] {"java.util.", "JDK collections (java.util)"},
            new String[] {"jdk.internal.", "JDK internals"},
            new String[] {"sun.", "JDK internals"});

    private final LongSupplier requests;
    private final long cpuStart;
    private final long requestsStart;
    private final long wallStart;
    private final Recording recording;

    private ServerCost(LongSupplier requests, boolean profile) {
        this.requests = requests;
        this.recording = profile ? new Recording() : null;
        if (recording != null) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
        }
        this.requestsStart = requests.getAsLong();
        this.cpuStart = processCpuNanos();
        this.wallStart = System.nanoTime();
    }

    /**
     * Starts measuring.
     *
     * @param requests the server's count of requests answered
     * @param profile whether to record where the CPU goes (JFR)
     * @return the measurement; {@link #stop()} it
     */
    static ServerCost start(LongSupplier requests, boolean profile) {
        return new ServerCost(requests, profile);
    }

    /**
     * Stops measuring.
     *
     * @return {@code requests}, {@code cpuSeconds}, {@code cpuMicrosPerRequest},
     *     {@code cpuCoresBusy} (CPU seconds per second) and, when profiled, {@code profile}
     */
    Map<String, Object> stop() {
        long cpu = processCpuNanos() - cpuStart;
        long wall = System.nanoTime() - wallStart;
        long n = requests.getAsLong() - requestsStart;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", n);
        m.put("cpuSeconds", cpu / 1e9);
        m.put("cpuMicrosPerRequest", n == 0 ? null : cpu / 1e3 / n);
        m.put("cpuCoresBusy", cpu / (double) wall);
        if (recording != null) {
            recording.stop();
            m.put("profile", summarise(recording));
            recording.close();
        }
        return m;
    }

    @Override
    public void close() {
        if (recording != null) {
            recording.close();
        }
    }

    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
        }
        return -1;
    }

    private static Map<String, Object> summarise(Recording recording) {
        Map<String, Object> out = new LinkedHashMap<>();
        Path file = null;
        try {
            file = Files.createTempFile("bench-server-", ".jfr");
            recording.dump(file);
            Map<String, Long> kinds = new HashMap<>();
            Map<String, Long> leaves = new HashMap<>();
            Map<String, Long> serverFrames = new HashMap<>();
            long samples = 0;
            for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                RecordedStackTrace st = e.getStackTrace();
                if (!e.getEventType().getName().equals("jdk.ExecutionSample") || st == null || st.getFrames().isEmpty()) {
                    continue;
                }
                List<RecordedFrame> frames = st.getFrames();
                String top = frames.get(0).getMethod().getType().getName();
                if (isHarness(frames)) {
                    continue; // the suite's own threads (starting children, reading their output)
                }
                samples++;
                kinds.merge(kind(top), 1L, Long::sum);
                leaves.merge(top + "." + frames.get(0).getMethod().getName(), 1L, Long::sum);
                for (RecordedFrame f : frames) {
                    String type = f.getMethod().getType().getName();
                    if (type.startsWith("com.smartfile.emulator.")) {
                        serverFrames.merge(type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName(), 1L,
                                Long::sum);
                        break;
                    }
                }
            }
            out.put("samples", samples);
            out.put("byTopFrame", shares(kinds, samples, 8));
            out.put("topMethods", shares(leaves, samples, 8));
            out.put("nearestEmulatorFrame", shares(serverFrames, samples, 8));
        } catch (IOException e) {
            out.put("error", e.toString());
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temp file
                }
            }
        }
        return out;
    }

    private static boolean isHarness(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            if (type.startsWith("com.smartfile.benchmarks.") || type.startsWith("jdk.jfr.")) {
                return !type.equals(MiniHttpServer.class.getName()) && !type.startsWith(MiniHttpServer.class.getName() + "$")
                        && !type.equals(CannedPathInfoServer.class.getName()) && !type.startsWith(CannedPathInfoServer.class.getName() + "$");
            }
        }
        return false;
    }

    private static String kind(String type) {
        for (String[] k : KINDS) {
            if (type.startsWith(k[0])) {
                return k[1];
            }
        }
        int dot = type.lastIndexOf('.');
        return dot < 0 ? type : type.substring(0, dot);
    }

    private static List<Object> shares(Map<String, Long> counts, long total, int limit) {
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        List<Object> out = new ArrayList<>();
        for (Map.Entry<String, Long> e : sorted.subList(0, Math.min(limit, sorted.size()))) {
            out.add(List.of(e.getKey(), total == 0 ? 0.0 : e.getValue() * 100.0 / total));
        }
        return out;
    }
}
