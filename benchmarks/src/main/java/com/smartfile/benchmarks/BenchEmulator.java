package com.smartfile.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.smartfile.emulator.SmartFileEmulator;

/**
 * The SmartFile emulator as the benchmarks run it: the project's own {@link SmartFileEmulator}
 * with its defaults (threads, server, buffers), the run's credentials, and a root folder holding
 * the file the small calls ask about ({@link CannedPathInfoServer#PATH}) and the folder the
 * transfers use ({@link TransferClient#FOLDER}). Its INFO log is turned down to WARNING, so that
 * the log does not weigh on its cost per request.
 */
public final class BenchEmulator implements AutoCloseable {

    private final SmartFileEmulator emulator;
    private final Path root;
    private final boolean ownsRoot;

    private BenchEmulator(Path root, boolean ownsRoot, LocalCredentials credentials) throws IOException {
        Logger.getLogger("com.smartfile.emulator").setLevel(Level.WARNING);
        this.root = root;
        this.ownsRoot = ownsRoot;
        Path info = root.resolve(CannedPathInfoServer.PATH.substring(1));
        Files.createDirectories(info.getParent());
        if (!Files.exists(info)) {
            Files.write(info, new byte[4096]);
        }
        Files.createDirectories(root.resolve(TransferClient.FOLDER.substring(1)));
        this.emulator = SmartFileEmulator.builder().root(root).basicCredentials(credentials.key(), credentials.password())
                .build().start();
    }

    /**
     * Starts an emulator on a fresh temporary root (deleted on close).
     *
     * @param credentials the Basic credentials it accepts
     * @return the running emulator
     * @throws IOException when the root cannot be made
     */
    public static BenchEmulator start(LocalCredentials credentials) throws IOException {
        return new BenchEmulator(Files.createTempDirectory("smartfile-bench-emulator-"), true, credentials);
    }

    /**
     * Starts an emulator on a given root (kept on close).
     *
     * @param root its root folder
     * @param credentials the Basic credentials it accepts
     * @return the running emulator
     * @throws IOException when the root cannot be made
     */
    public static BenchEmulator start(Path root, LocalCredentials credentials) throws IOException {
        return new BenchEmulator(root, false, credentials);
    }

    /**
     * The root URL.
     *
     * @return {@code http://127.0.0.1:PORT/}
     */
    public String baseUrl() {
        return emulator.baseUrl();
    }

    /**
     * The file a SmartFile path is stored in.
     *
     * @param smartFilePath e.g. {@code /bench/big.bin}
     * @return the local file
     */
    public Path file(String smartFilePath) {
        return root.resolve(smartFilePath.substring(1));
    }

    /**
     * Requests answered so far.
     *
     * @return the count
     */
    public long requestCount() {
        return emulator.requestCount();
    }

    /** Stops the emulator (and deletes its root when it made it). */
    @Override
    public void close() {
        emulator.close();
        if (ownsRoot) {
            try {
                TransferComparison.deleteTree(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
