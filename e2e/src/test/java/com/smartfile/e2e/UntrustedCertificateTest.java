package com.smartfile.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

import com.smartfile.emulator.SmartFileEmulator;
import com.smartfile.sdk.SmartFile;
import com.smartfile.sdk.SmartFileException;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * README "Guarantees": nothing is re-sent after a certificate failure, which another attempt cannot
 * cure. The emulator's HTTPS listener has a self-signed certificate the client was not told to
 * trust; the connections the client opens are counted by an OkHttp event listener.
 */
class UntrustedCertificateTest {

    @Test
    void aCertificateTheClientDoesNotTrustIsNotTriedAgain() {
        AtomicInteger connections = new AtomicInteger();
        EventListener counting = new EventListener() {
            @Override
            public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
                connections.incrementAndGet();
            }
        };
        try (SmartFileEmulator e = SmartFileEmulator.builder().https().build().start();
                SmartFile client = SmartFile.builder().baseUrl(e.httpsBaseUrl())
                        .basicAuth(e.credentials().key(), e.credentials().password())
                        .httpClient(new OkHttpClient.Builder().eventListener(counting).build()).build()) {
            long before = e.requestCount();
            SmartFileException failed = assertThrows(SmartFileException.class, () -> client.paths().info("/"));
            assertTrue(failed.getMessage().contains("certificate is not trusted"), failed.getMessage());
            assertEquals(1, connections.get(), "one connection: the handshake failure was not tried again");
            assertEquals(before, e.requestCount(), "no request reached the emulator");
        }
    }
}
