package com.smartfile.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the figures were measured on: processors ({@code nproc}), memory ({@code free -h}), CPU
 * model ({@code /proc/cpuinfo}), OS, JDK, load average at the start, and curl's version.
 */
public final class Machine {

    private Machine() {
    }

    /**
     * Describes this machine.
     *
     * @param curl curl, or null when missing
     * @return the description
     */
    public static Map<String, Object> describe(Curl curl) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nproc", command("nproc").orElse(String.valueOf(Runtime.getRuntime().availableProcessors())));
        m.put("memory", command("free", "-h").map(Machine::memLine).orElse("unknown"));
        m.put("cpu", cpuModel());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vendor") + ")");
        m.put("jdkVersion", String.valueOf(Runtime.version().feature()));
        m.put("loadAverageAtStart", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        m.put("curl", curl == null ? "missing" : curl.version());
        return m;
    }

    private static String memLine(String free) {
        for (String line : free.split("\n")) {
            if (line.startsWith("Mem:")) {
                String[] f = line.trim().split("\\s+");
                return f.length > 1 ? f[1] + " total (free -h: " + line.trim().replaceAll("\\s+", " ") + ")" : line.trim();
            }
        }
        return free.trim();
    }

    private static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8);
            for (String line : lines) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "unknown";
    }

    private static java.util.Optional<String> command(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(out.trim());
        } catch (IOException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }
}
