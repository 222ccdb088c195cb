package com.smartfile.emulator;

import javax.net.ssl.X509TrustManager;

import com.smartfile.sdk.SmartFile;

import okhttp3.OkHttpClient;

/**
 * Builds SDK clients for {@link SmartFileEmulatorExtension}. The SDK is an optional dependency of
 * the emulator: this class is touched only after {@link #isClientType} found it on the class path.
 */
final class SdkClients {

    private static final String CLIENT_CLASS = "com.smartfile.sdk.SmartFile";

    private SdkClients() {
    }

    static boolean isClientType(Class<?> type) {
        return type.getName().equals(CLIENT_CLASS);
    }

    /**
     * A client with the emulator's Basic credentials: over HTTPS, trusting the emulator's certificate,
     * when the emulator has an HTTPS listener; over HTTP otherwise.
     *
     * @param emulator the running emulator
     * @return the client, and what closes it (with its HTTP client when this made one)
     */
    static Made client(SmartFileEmulator emulator) {
        EmulatorCredentials c = emulator.credentials();
        if (!emulator.hasHttps()) {
            SmartFile client = SmartFile.builder().baseUrl(c.baseUrl()).basicAuth(c.key(), c.password()).build();
            return new Made(client, client);
        }
        X509TrustManager trust = emulator.trustManager();
        OkHttpClient http = new OkHttpClient.Builder()
                .sslSocketFactory(emulator.sslContext().getSocketFactory(), trust)
                .build();
        SmartFile client = SmartFile.builder().baseUrl(emulator.httpsBaseUrl()).basicAuth(c.key(), c.password())
                .httpClient(http).build();
        return new Made(client, () -> {
            client.close();
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        });
    }

    /** A client and what closes it. */
    record Made(Object client, AutoCloseable closer) {
    }
}
