package com.smartfile.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

import com.smartfile.sdk.SmartFile;

/**
 * Child JVM: the first {@code paths().info(path)} of a fresh JVM, from before the client is built
 * to the parsed answer (class loading, no JIT yet: what a test class or a CLI pays for its first
 * call), and the JVM's uptime when it is done (its start included).
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
        try (SmartFile sdk = Clients.sdk(a.require("base"), credentials)) {
            sdk.paths().info(CannedPathInfoServer.PATH);
            m.put("firstCallMillis", (System.nanoTime() - start) / 1e6);
        }
        m.put("sinceJvmStartMillis", (double) ManagementFactory.getRuntimeMXBean().getUptime());
        ChildJvm.emit(m);
    }
}
