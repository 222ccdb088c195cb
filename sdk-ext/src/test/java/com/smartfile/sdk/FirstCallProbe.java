package com.smartfile.sdk;

/**
 * Run in a JVM of its own by {@link ColdStartTest}: builds a client for the URL in args[0], makes
 * one {@code paths().info()} and closes the client, as a CLI command or a short test does.
 */
public final class FirstCallProbe {

    private FirstCallProbe() {
    }

    /**
     * Makes the call.
     *
     * @param args the base URL
     */
    public static void main(String[] args) {
        try (SmartFile client = SmartFile.builder().baseUrl(args[0])
                .basicAuth("probe-key-0123456789abcdefghijklmnop", "probe-password-0123456789abcdefghijkl").build()) {
            System.out.println("answered " + client.paths().info("/Documents/report.pdf").getName());
        }
    }
}
