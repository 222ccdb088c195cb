package com.smartfile.sdk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import mockwebserver3.MockWebServer;

/** What the transfer tests share: a client aimed at MockWebServer, test data, a progress recorder. */
final class TransferTestSupport {

    private TransferTestSupport() {
    }

    static SmartFile.Builder builder(MockWebServer server, Path home) {
        return SmartFile.builder()
                .baseUrl(server.url("/").toString())
                .environment(name -> null, home)
                .basicAuth(SmartFileClientTest.KEY, SmartFileClientTest.PASSWORD)
                .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5)).build());
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Records every progress call and checks, as they come, that the count only grows. */
    static final class Recorder implements ProgressListener {
        final List<long[]> calls = new ArrayList<>();

        @Override
        public void onProgress(long bytesTransferred, long totalBytes) {
            if (!calls.isEmpty() && bytesTransferred <= last()) {
                throw new AssertionError("progress went from " + last() + " to " + bytesTransferred);
            }
            calls.add(new long[] {bytesTransferred, totalBytes});
        }

        long last() {
            return calls.isEmpty() ? 0 : calls.get(calls.size() - 1)[0];
        }

        long lastTotal() {
            return calls.isEmpty() ? -2 : calls.get(calls.size() - 1)[1];
        }
    }
}
