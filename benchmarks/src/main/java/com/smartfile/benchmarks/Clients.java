package com.smartfile.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import com.smartfile.sdk.SmartFile;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The two clients compared in every small-call measurement: the SDK's {@link SmartFile}, and a
 * bare {@link OkHttpClient} sending the very same request (same URL, same headers, as learned
 * from one SDK request) without the SDK's layers.
 */
public final class Clients {

    /** Headers OkHttp adds itself on the wire; the bare request leaves them to it, like the SDK. */
    private static final Set<String> TRANSPORT_HEADERS = Set.of("host", "connection", "accept-encoding", "content-length");

    private Clients() {
    }

    /**
     * The SDK client for a local server, with its defaults (retries, timeouts, interceptors).
     *
     * @param baseUrl the server's root URL
     * @param credentials the Basic credentials
     * @return the client; close it
     */
    public static SmartFile sdk(String baseUrl, LocalCredentials credentials) {
        return SmartFile.builder().baseUrl(baseUrl).basicAuth(credentials.key(), credentials.password()).build();
    }

    /**
     * A bare OkHttp client with OkHttp's defaults.
     *
     * @return the client
     */
    public static OkHttpClient bare() {
        return new OkHttpClient();
    }

    /**
     * The {@code paths().info(path)} request as the SDK sends it, for a bare client: one real SDK
     * call is made (through a network interceptor that records the final headers) and its URL and
     * headers are copied, minus the transport headers OkHttp adds itself.
     *
     * @param baseUrl the server's root URL; the server must answer the info call
     * @param credentials the Basic credentials
     * @param path the SmartFile path
     * @return the equivalent request
     */
    public static Request sameRequestAsSdkInfo(String baseUrl, LocalCredentials credentials, String path) {
        AtomicReference<Request> seen = new AtomicReference<>();
        OkHttpClient recorder = new OkHttpClient.Builder().addNetworkInterceptor(chain -> {
            seen.set(chain.request());
            return chain.proceed(chain.request());
        }).build();
        try (SmartFile sdk = SmartFile.builder().baseUrl(baseUrl).basicAuth(credentials.key(), credentials.password())
                .httpClient(recorder).build()) {
            sdk.paths().info(path);
        } finally {
            recorder.dispatcher().executorService().shutdown();
            recorder.connectionPool().evictAll();
        }
        Request wire = seen.get();
        Headers.Builder headers = new Headers.Builder();
        for (int i = 0; i < wire.headers().size(); i++) {
            if (!TRANSPORT_HEADERS.contains(wire.headers().name(i).toLowerCase(Locale.ROOT))) {
                headers.add(wire.headers().name(i), wire.headers().value(i));
            }
        }
        return new Request.Builder().url(wire.url()).headers(headers.build()).get().build();
    }

    /**
     * Sends a request with a bare client and reads the whole body.
     *
     * @param client the client
     * @param request the request
     * @return the body
     * @throws UncheckedIOException when the call fails or the status is not 2xx
     */
    public static byte[] fetch(OkHttpClient client, Request request) {
        try (okhttp3.Response response = client.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code() + " for " + request.url().encodedPath());
            }
            return response.body().bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The names of a request's headers, lower case, in order (for checks).
     *
     * @param headers name-value pairs
     * @return the names
     */
    static List<String> names(List<String[]> headers) {
        List<String> names = new ArrayList<>();
        for (String[] h : headers) {
            names.add(h[0]);
        }
        return names;
    }
}
