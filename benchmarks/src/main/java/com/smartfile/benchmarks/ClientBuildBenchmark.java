package com.smartfile.benchmarks;

import java.util.concurrent.TimeUnit;

import com.smartfile.sdk.SmartFile;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of building (and closing) a client, which sends no request: the SDK's
 * {@link SmartFile} with its own OkHttp client, the SDK built on a shared OkHttp client (what an
 * application creating many clients should do), and a bare {@link OkHttpClient} as the floor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class ClientBuildBenchmark {

    private static final String BASE_URL = "http://127.0.0.1:9/";

    private LocalCredentials credentials;
    private OkHttpClient shared;

    /** Creates the credentials and the shared OkHttp client. */
    @Setup(Level.Trial)
    public void setUp() {
        credentials = LocalCredentials.random();
        shared = new OkHttpClient();
    }

    /** Releases the shared client. */
    @TearDown(Level.Trial)
    public void tearDown() {
        shared.dispatcher().executorService().shutdown();
        shared.connectionPool().evictAll();
    }

    /**
     * {@code SmartFile.builder()…build()}, then {@code close()}.
     *
     * @return the closed client
     */
    @Benchmark
    public SmartFile sdkBuildAndClose() {
        SmartFile client = SmartFile.builder().baseUrl(BASE_URL).basicAuth(credentials.key(), credentials.password())
                .build();
        client.close();
        return client;
    }

    /**
     * The same on a shared OkHttp client ({@code httpClient(shared)}).
     *
     * @return the client
     */
    @Benchmark
    public SmartFile sdkBuildOnSharedOkHttp() {
        SmartFile client = SmartFile.builder().baseUrl(BASE_URL).basicAuth(credentials.key(), credentials.password())
                .httpClient(shared).build();
        client.close();
        return client;
    }

    /**
     * {@code new OkHttpClient()}, then releasing its pool.
     *
     * @return the client
     */
    @Benchmark
    public OkHttpClient bareOkHttpBuildAndClose() {
        OkHttpClient client = new OkHttpClient();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
        return client;
    }
}
