package com.smartfile.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.smartfile.emulator.EmulatorCredentials;
import com.smartfile.emulator.Faults;
import com.smartfile.emulator.SmartFileEmulator;
import com.smartfile.emulator.SmartFileEmulatorExtension;
import com.smartfile.sdk.RetryPolicy;
import com.smartfile.sdk.SmartFile;
import com.smartfile.sdk.TransportException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A slow or unreachable server: the connect, read and call timeouts fire with messages that say
 * which, and nothing hangs. The emulator holds every reply back ({@link Faults#delayResponses});
 * an unreachable server is a local socket whose accept queue is full, so connection attempts are
 * never answered. {@code assertTimeoutPreemptively} only guards against a hang: the assertions are
 * about what failed and how often it was sent, not about how long it took.
 */
class TimeoutsTest {

    /** Its own emulator: replies held back for seconds keep its threads busy until it closes. */
    @RegisterExtension
    static final SmartFileEmulatorExtension EMULATOR = new SmartFileEmulatorExtension(b -> { });

    private static final Duration NO_HANG = Duration.ofSeconds(30);
    private static final RetryPolicy QUICK = RetryPolicy.builder().initialBackoff(Duration.ofMillis(20))
            .maxBackoff(Duration.ofMillis(50)).build();

    @AfterEach
    void clearFaults(Faults faults) {
        faults.reset();
    }

    private static SmartFile.Builder client(String baseUrl, EmulatorCredentials c) {
        return SmartFile.builder().baseUrl(baseUrl).basicAuth(c.key(), c.password()).retryPolicy(QUICK);
    }

    @Test
    void readTimeoutFiresAndOnlyIdempotentRequestsAreSentAgain(EmulatorCredentials c, SmartFileEmulator e, Faults faults) {
        faults.delayResponses(Duration.ofSeconds(5));
        try (SmartFile client = client(c.baseUrl(), c).readTimeout(Duration.ofMillis(300)).build()) {
            long before = e.requestCount();
            TransportException get = assertTimeoutPreemptively(NO_HANG,
                    () -> assertThrows(TransportException.class, client::whoami));
            assertInstanceOf(SocketTimeoutException.class, get.getCause());
            assertTrue(get.getMessage().startsWith("Timed out on GET " + c.baseUrl() + "api/2/whoami/"), get.getMessage());
            assertTrue(get.getMessage().contains("raise the timeouts"), get.getMessage());
            assertEquals(3, e.requestCount() - before, "a GET is sent again after a read timeout");

            before = e.requestCount();
            TransportException post = assertTimeoutPreemptively(NO_HANG,
                    () -> assertThrows(TransportException.class, () -> client.paths().mkdir("/slow")));
            assertEquals(1, e.requestCount() - before, "a POST is not: the server may still act on it");
            assertTrue(post.getMessage().contains("no reply came within the read timeout, so the server may have "
                    + "received it and acted on it"), post.getMessage());
        }
    }

    @Test
    void callTimeoutBoundsTheWholeCallRetriesIncluded(EmulatorCredentials c, SmartFileEmulator e, Faults faults) {
        faults.delayResponses(Duration.ofSeconds(5));
        try (SmartFile client = client(c.baseUrl(), c).readTimeout(Duration.ofSeconds(60))
                .callTimeout(Duration.ofMillis(500)).build()) {
            long before = e.requestCount();
            TransportException t = assertTimeoutPreemptively(NO_HANG,
                    () -> assertThrows(TransportException.class, () -> client.paths().info("/")));
            assertInstanceOf(InterruptedIOException.class, t.getCause());
            assertTrue(t.getMessage().contains("call timeout"), t.getMessage());
            assertTrue(t.getMessage().contains("GET " + c.baseUrl() + "api/2/path/info/"), t.getMessage());
            assertEquals(1, e.requestCount() - before, "a call that ran out of time is not sent again");
        }
    }

    @Test
    void connectTimeoutFiresForAServerThatNeverAccepts(EmulatorCredentials c) throws IOException {
        try (ServerSocket deaf = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> queued = fillAcceptQueue(deaf);
            try (SmartFile client = client("http://127.0.0.1:" + deaf.getLocalPort() + "/", c)
                    .connectTimeout(Duration.ofMillis(300)).build()) {
                TransportException t = assertTimeoutPreemptively(NO_HANG,
                        () -> assertThrows(TransportException.class, client::whoami));
                assertInstanceOf(SocketTimeoutException.class, t.getCause(), t.toString());
                assertTrue(t.getMessage().startsWith("Timed out on GET http://127.0.0.1:" + deaf.getLocalPort()), t.getMessage());
                assertTrue(t.getMessage().toLowerCase().contains("connect"), t.getMessage());
            } finally {
                for (Socket s : queued) {
                    s.close();
                }
            }
        }
    }

    /** Connects until the listen queue is full, so that further connection attempts go unanswered. */
    private static List<Socket> fillAcceptQueue(ServerSocket server) throws IOException {
        List<Socket> queued = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            Socket s = new Socket();
            try {
                s.connect(server.getLocalSocketAddress(), 200);
                queued.add(s);
            } catch (SocketTimeoutException full) {
                s.close();
                return queued;
            }
        }
        throw new IllegalStateException("the listen queue never filled up");
    }
}
