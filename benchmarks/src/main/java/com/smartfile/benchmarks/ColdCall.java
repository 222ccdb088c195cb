package com.smartfile.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

import com.smartfile.sdk.SmartFile;

/**
 * Child JVM: the first {@code paths().info(path)} of a fresh JVM, from before the client is built
 * to the parsed answer (class loading, no JIT yet: what a test class or a CLI pays for its first
 * call), split into building the client and the call; the JVM's uptime when it is done (its start
 * included), the CPU time of the process and of the main thread, and the number of classes loaded
 * (these three read after the call, so they include the few dozen classes that reading them loads).
 *
 * <pre>
 * ColdCall --base URL
 * </pre>
 * Credentials come from the environment.
 */
public final class ColdCall {

    private ColdCall() {
    }

    /**
     * Makes the call and prints its result line.
     *
     * @param args see the class comment
     */
    public static void main(String[] args) {
        long start = System.nanoTime();
        Args a = new Args(args);
        LocalCredentials credentials = LocalCredentials.fromEnvironment();
        Map<String, Object> m = new LinkedHashMap<>();
        long built;
        try (SmartFile sdk = Clients.sdk(a.require("base"), credentials)) {
            built = System.nanoTime();
            sdk.paths().info(CannedPathInfoServer.PATH);
            long answered = System.nanoTime();
            m.put("firstCallMillis", (answered - start) / 1e6);
            m.put("buildMillis", (built - start) / 1e6);
            m.put("callMillis", (answered - built) / 1e6);
        }
        // Read after the call (the management classes load here, outside the timed part). CPU is
        // the figure that survives a loaded machine: it counts what this JVM did, not its waits.
        m.put("sinceJvmStartMillis", (double) ManagementFactory.getRuntimeMXBean().getUptime());
        m.put("mainThreadCpuMillis", ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e6);
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            m.put("processCpuMillis", ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() / 1e6);
        }
        m.put("classesLoaded", ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
        m.put("java", System.getProperty("java.version"));
        ChildJvm.emit(m);
    }
}
