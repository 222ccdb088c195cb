package com.smartfile.emulator;

import com.smartfile.sdk.SmartFile;

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

    static AutoCloseable client(SmartFileEmulator emulator) {
        EmulatorCredentials c = emulator.credentials();
        return SmartFile.builder().baseUrl(c.baseUrl()).basicAuth(c.key(), c.password()).build();
    }
}
