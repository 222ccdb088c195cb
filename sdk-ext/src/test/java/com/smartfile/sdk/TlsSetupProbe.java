package com.smartfile.sdk;

/** Run in a JVM of its own by {@link CleartextStartupTest}: builds and closes one client for the URL in args[0]. */
public final class TlsSetupProbe {

    private TlsSetupProbe() {
    }

    /**
     * Builds a client for a base URL and closes it; no request is sent.
     *
     * @param args the base URL
     */
    public static void main(String[] args) {
        try (SmartFile client = SmartFile.builder().baseUrl(args[0]).basicAuth("probe-key-0123456789abcdefghijklmnop", "probe-password-0123456789abcdefghijkl")
                .allowInsecureHttp(true).build()) {
            System.out.println("built " + args[0] + " " + client);
        }
    }
}
