package com.smartfile.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import com.smartfile.sdk.ApiJson;
import com.smartfile.sdk.SmartFile;
import com.smartfile.sdk.model.PathInfo;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one {@code paths().info(path)} call through the SDK, beside the same request
 * (same URL and headers) through a bare OkHttp client, over loopback, against either server
 * ({@code server} parameter): {@code minimal}, the {@link CannedPathInfoServer}, or
 * {@code emulator}, the project's {@link com.smartfile.emulator.SmartFileEmulator} with its
 * defaults, started in the benchmark's JVM as a user's test starts it with the JUnit extension. {@code bareOkHttpMoshi} adds only the JSON parsing into
 * {@link PathInfo}, to split the SDK's overhead into parsing and the rest. Sampled (the median is
 * the figure compared); run with the gc profiler for the bytes allocated per call. The SDK's path
 * is longer and takes the JIT longer to compile, hence the long warm-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class InfoCallBenchmark {

    /** Which server answers: {@code minimal} or {@code emulator}. */
    @Param({"minimal", "emulator"})
    public String server;

    private AutoCloseable running;
    private SmartFile sdk;
    private OkHttpClient bare;
    private Request bareRequest;

    /**
     * Starts the server and both clients.
     *
     * @throws IOException when the server cannot start
     */
    @Setup(Level.Trial)
    public void start() throws IOException {
        LocalCredentials credentials = LocalCredentials.random();
        String baseUrl;
        if (server.equals("emulator")) {
            BenchEmulator emulator = BenchEmulator.start(credentials);
            running = emulator;
            baseUrl = emulator.baseUrl();
        } else {
            MiniHttpServer minimal = CannedPathInfoServer.start(credentials);
            running = minimal;
            baseUrl = minimal.baseUrl();
        }
        sdk = Clients.sdk(baseUrl, credentials);
        bare = Clients.bare();
        bareRequest = Clients.sameRequestAsSdkInfo(baseUrl, credentials, CannedPathInfoServer.PATH);
    }

    /** Closes the clients and the server. */
    @TearDown(Level.Trial)
    public void stop() throws Exception {
        sdk.close();
        bare.dispatcher().executorService().shutdown();
        bare.connectionPool().evictAll();
        running.close();
    }

    /**
     * Through the SDK.
     *
     * @return the parsed reply
     */
    @Benchmark
    public PathInfo sdk() {
        return sdk.paths().info(CannedPathInfoServer.PATH);
    }

    /**
     * Through a bare OkHttp client, reading the body as bytes.
     *
     * @return the body
     */
    @Benchmark
    public byte[] bareOkHttp() {
        return Clients.fetch(bare, bareRequest);
    }

    /**
     * Through a bare OkHttp client, parsing the body with the SDK's Moshi adapter.
     *
     * @return the parsed reply
     * @throws IOException when the call fails
     */
    @Benchmark
    public PathInfo bareOkHttpMoshi() throws IOException {
        try (Response response = bare.newCall(bareRequest).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code());
            }
            return ApiJson.read(response.body().byteStream(), PathInfo.class);
        }
    }
}
