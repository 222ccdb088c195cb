package com.smartfile.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.smartfile.sdk.DownloadOptions;
import com.smartfile.sdk.SmartFile;
import com.smartfile.sdk.UploadSource;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Child JVM: one transfer, timed, with the heap watched from JVM start (run it with the heap limit
 * under test, e.g. {@code -Xmx64m}). A shorter transfer of the same kind warms the JIT up first.
 * The client is the SDK, or for comparison a bare OkHttp client making the same request with
 * OkHttp's defaults ({@code okhttp}) or with its connect/read/write timeouts off
 * ({@code okhttp-no-timeouts}), which shows what OkHttp's per-read and per-write timeout
 * bookkeeping costs.
 *
 * <pre>
 * TransferClient --client sdk|okhttp|okhttp-no-timeouts
 *                --op download-discard|download-file|upload-put|upload-multipart --base URL
 *                --remote NAME --local FILE [--warmup-remote NAME --warmup-local FILE]
 * </pre>
 * Remote files live in the folder {@code /bench}. Credentials come from the environment.
 */
public final class TransferClient {

    /** The SmartFile folder the transfers use. */
    static final String FOLDER = "/bench";

    private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");
    private static final int BUFFER = 64 * 1024;

    private TransferClient() {
    }

    /**
     * The options of the SDK's download to a file: its defaults, {@code durable(false)}: no fsync
     * before the atomic move, as curl, wget and Python's {@code shutil.copyfileobj} do.
     *
     * @return the options
     */
    static DownloadOptions fileDownloadOptions() {
        return DownloadOptions.builder().durable(false).build();
    }

    /**
     * Whether the file downloads compared are fsync'd: no, for the SDK ({@link #fileDownloadOptions()})
     * and its peers alike. (The figures of 2026-11-27 were made when the SDK always fsync'd, and
     * every peer fsync'd too.)
     *
     * @return false
     */
    static boolean sdkFsyncsFileDownloads() {
        return false;
    }

    /**
     * Runs the transfer and prints its result line.
     *
     * @param args see the class comment
     */
    public static void main(String[] args) {
        Args a = new Args(args);
        try (HeapWatcher heap = new HeapWatcher()) {
            Map<String, Object> result = run(a.get("client") == null ? "sdk" : a.get("client"), a.require("op"),
                    a.require("base"), a.require("remote"), Path.of(a.require("local")), a.get("warmup-remote"),
                    a.get("warmup-local") == null ? null : Path.of(a.get("warmup-local")), LocalCredentials.fromEnvironment());
            result.put("heap", heap.report());
            ChildJvm.emit(result);
        }
    }

    /**
     * Runs the transfer in this JVM.
     *
     * @param client {@code sdk}, {@code okhttp} or {@code okhttp-no-timeouts}
     * @param op the kind of transfer
     * @param baseUrl the server's root URL
     * @param remote the remote file name in {@link #FOLDER}
     * @param local the local file (source of an upload, target of a file download)
     * @param warmupRemote the warm-up's remote file, or null for no warm-up
     * @param warmupLocal the warm-up's local file
     * @param credentials the credentials
     * @return {@code client}, {@code op}, {@code bytes}, {@code seconds}, {@code bytesPerSecond}
     */
    public static Map<String, Object> run(String client, String op, String baseUrl, String remote, Path local,
                                          String warmupRemote, Path warmupLocal, LocalCredentials credentials) {
        long built = System.nanoTime();
        Transfer transfer;
        AutoCloseable closer;
        if (client.equals("sdk")) {
            SmartFile sdk = Clients.sdk(baseUrl, credentials);
            transfer = (r, l) -> sdkOnce(sdk, op, r, l);
            closer = sdk;
        } else if (client.equals("okhttp") || client.equals("okhttp-no-timeouts")) {
            OkHttpClient.Builder b = new OkHttpClient.Builder();
            if (client.equals("okhttp-no-timeouts")) {
                b.connectTimeout(0, TimeUnit.MILLISECONDS).readTimeout(0, TimeUnit.MILLISECONDS)
                        .writeTimeout(0, TimeUnit.MILLISECONDS);
            }
            OkHttpClient ok = b.build();
            transfer = (r, l) -> okHttpOnce(ok, baseUrl, credentials, op, r, l);
            closer = () -> {
                ok.dispatcher().executorService().shutdown();
                ok.connectionPool().evictAll();
            };
        } else {
            throw new IllegalArgumentException("--client sdk|okhttp|okhttp-no-timeouts, got " + client);
        }
        try {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("client", client);
            m.put("op", op);
            if (warmupRemote != null) {
                // The warm-up is the JVM's first transfer: with building the client, its rate is the cold figure.
                long bytes = transfer.once(warmupRemote, warmupLocal);
                double seconds = (System.nanoTime() - built) / 1e9;
                m.put("warmupBytes", bytes);
                m.put("warmupSeconds", seconds);
                m.put("warmupBytesPerSecond", bytes / seconds);
            }
            long start = System.nanoTime();
            long bytes = transfer.once(remote, local);
            double seconds = (System.nanoTime() - start) / 1e9;
            m.put("bytes", bytes);
            m.put("seconds", seconds);
            m.put("bytesPerSecond", bytes / seconds);
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                closer.close();
            } catch (Exception ignored) {
                // done
            }
        }
    }

    @FunctionalInterface
    private interface Transfer {
        long once(String remote, Path local) throws IOException;
    }

    private static long sdkOnce(SmartFile client, String op, String remote, Path local) throws IOException {
        String path = FOLDER + "/" + remote;
        switch (op) {
            case "download-discard":
                return client.paths().download(path, OutputStream.nullOutputStream());
            case "download-file":
                return client.paths().download(path, local, fileDownloadOptions());
            case "upload-put":
                client.paths().uploadAs(path, UploadSource.of(local));
                return Files.size(local);
            case "upload-multipart":
                client.paths().upload(FOLDER, UploadSource.of(local));
                return Files.size(local);
            default:
                throw new IllegalArgumentException("unknown --op " + op);
        }
    }

    /** The same requests as the SDK's, made with OkHttp alone. */
    private static long okHttpOnce(OkHttpClient ok, String baseUrl, LocalCredentials credentials, String op, String remote,
                                   Path local) throws IOException {
        String folder = FOLDER.substring(1);
        Request.Builder rb = new Request.Builder().header("Authorization", credentials.basicHeader());
        switch (op) {
            case "download-discard":
            case "download-file":
                rb.url(baseUrl + "api/2/path/data/" + folder + "/" + remote + "/").header("Accept-Encoding", "identity");
                break;
            case "upload-put":
                rb.url(baseUrl + "api/3/path/data/" + folder + "/" + remote).put(RequestBody.create(local.toFile(), OCTET_STREAM));
                break;
            case "upload-multipart":
                rb.url(baseUrl + "api/2/path/data/" + folder + "/").post(new MultipartBody.Builder()
                        .setType(MultipartBody.FORM)
                        .addFormDataPart("file", local.getFileName().toString(), RequestBody.create(local.toFile(), OCTET_STREAM))
                        .build());
                break;
            default:
                throw new IllegalArgumentException("unknown --op " + op);
        }
        try (Response response = ok.newCall(rb.build()).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code() + " for " + op);
            }
            if (op.startsWith("upload")) {
                response.body().bytes();
                return Files.size(local);
            }
            BufferedSource source = response.body().source();
            byte[] buffer = new byte[BUFFER];
            long total = 0;
            if (op.equals("download-discard")) {
                for (int n; (n = source.read(buffer)) != -1; ) {
                    total += n;
                }
                return total;
            }
            try (FileChannel channel = FileChannel.open(local, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                for (int n; (n = source.read(buffer)) != -1; ) {
                    ByteBuffer bb = ByteBuffer.wrap(buffer, 0, n);
                    while (bb.hasRemaining()) {
                        channel.write(bb);
                    }
                    total += n;
                }
                if (sdkFsyncsFileDownloads()) {
                    channel.force(true);
                }
            }
            return total;
        }
    }
}
