package com.smartfile.sdk.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;

import com.smartfile.sdk.model.SmartFileJson;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;
import retrofit2.converter.scalars.ScalarsConverterFactory;

/**
 * A download far larger than this test JVM's heap (surefire runs it with -Xmx96m) goes through
 * the generated call: only possible because the method is {@code @Streaming}.
 */
class StreamingDownloadTest {

    /** 512 MiB, about five times the heap. */
    private static final long SIZE = 512L * 1024 * 1024;

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aBodyLargerThanTheHeapStreamsThroughTheGeneratedDownloadCall() throws Exception {
        long maxHeap = Runtime.getRuntime().maxMemory();
        assertTrue(maxHeap < SIZE / 2, "the test must run with a small heap, had " + maxHeap);

        server.enqueue(new MockResponse.Builder()
                .addHeader("Content-Type", "application/octet-stream")
                .body(new PatternBody(SIZE))
                .build());
        PathsApi paths = new Retrofit.Builder()
                .baseUrl(server.url("/api/2/"))
                .client(new OkHttpClient())
                .addConverterFactory(ScalarsConverterFactory.create())
                .addConverterFactory(MoshiConverterFactory.create(SmartFileJson.moshi()))
                .build()
                .create(PathsApi.class);

        Response<ResponseBody> response = paths.downloadFile("big.bin", null).execute();
        assertTrue(response.isSuccessful());
        long count = 0;
        long mismatches = 0;
        byte[] buf = new byte[64 * 1024];
        try (ResponseBody body = response.body(); InputStream in = body.byteStream()) {
            for (int n; (n = in.read(buf)) != -1; ) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] != PatternBody.byteAt(count + i)) {
                        mismatches++;
                    }
                }
                count += n;
            }
        }
        assertEquals(SIZE, count);
        assertEquals(0, mismatches);
        assertEquals("/api/2/path/data/big.bin", server.takeRequest().getTarget());
    }

    /** A response body generated while it is written: the server holds none of it in memory. */
    static final class PatternBody implements MockResponseBody {
        private final long size;

        PatternBody(long size) {
            this.size = size;
        }

        static byte byteAt(long offset) {
            return (byte) (offset * 31 + (offset >>> 16));
        }

        @Override
        public long getContentLength() {
            return size;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            byte[] chunk = new byte[64 * 1024];
            for (long written = 0; written < size; ) {
                int n = (int) Math.min(chunk.length, size - written);
                for (int i = 0; i < n; i++) {
                    chunk[i] = byteAt(written + i);
                }
                sink.write(chunk, 0, n);
                written += n;
            }
            sink.flush();
        }
    }
}
