package com.smartfile.emulator;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import com.smartfile.delta.DeltaFormatException;
import com.smartfile.delta.Librsync;
import com.smartfile.delta.Signature;
import com.smartfile.delta.SignatureFormat;

/**
 * The v2 delta-transfer routes of SmartFile's rsync API, in librsync's formats (module {@code delta}):
 * <ul>
 *   <li>{@code GET path/sync/signature/{path}} ({@code block_size} optional): the signature of the stored file,
 *       {@code application/librsync-signature};</li>
 *   <li>{@code POST path/sync/delta/{path}} with a multipart part {@code signature}: the delta that turns the
 *       caller's file (the one the signature describes) into the stored one, {@code application/librsync-delta};</li>
 *   <li>{@code POST path/sync/patch/{path}} with a multipart part {@code delta}: patches the stored file, staged
 *       and moved in place atomically, and answers its path info.</li>
 * </ul>
 * Signatures are written as librsync 0.9.7 (the version SmartFile's server ran) wrote them by default: MD4 with
 * the original rollsum, 2048-byte blocks, 8-byte strong sums; any librsync signature kind is accepted.
 * A missing file answers 404, a folder 400, a signature or delta that does not parse 400 with the reason.
 */
final class SyncRoutes {

    /** Content-Type of a signature reply. */
    static final String SIGNATURE_TYPE = "application/librsync-signature";
    /** Content-Type of a delta reply. */
    static final String DELTA_TYPE = "application/librsync-delta";

    /** librsync 0.9.7's RS_DEFAULT_BLOCK_LEN and RS_DEFAULT_STRONG_LEN. */
    private static final int BLOCK_LENGTH = 2048;
    private static final int STRONG_LENGTH = 8;
    /** Largest signature accepted: its table is held in memory while the delta is made. */
    private static final long MAX_SIGNATURE_BYTES = 256L << 20;
    private static final int BUFFER = 64 * 1024;

    private final FileStore store;
    private final PathRoutes paths;

    SyncRoutes(FileStore store, PathRoutes paths) {
        this.store = store;
        this.paths = paths;
    }

    void register(Router v2) {
        v2.add("GET", "path/sync/signature/**", this::signature);
        v2.add("POST", "path/sync/delta/**", this::delta);
        v2.add("POST", "path/sync/patch/**", this::patch);
    }

    private Path existingFile(List<String> segments) throws ApiException {
        Path p = paths.resolve(segments, 404);
        if (!Files.exists(p)) {
            throw ApiException.notFound();
        }
        if (Files.isDirectory(p)) {
            throw ApiException.detail(400, "The path is a folder; delta transfers are for files.");
        }
        return p;
    }

    private void signature(ApiRequest req, List<String> vars) throws IOException, ApiException {
        Path file = existingFile(paths.segments(vars.get(0), 404));
        Long blockSize = Params.fieldErrors(req.query()).number("block_size", 1);
        if (blockSize != null && blockSize > Signature.MAX_BLOCK_LENGTH) {
            throw ApiException.fieldErrors("block_size",
                    "Ensure this value is less than or equal to " + Signature.MAX_BLOCK_LENGTH + ".");
        }
        Path staged = store.newStagingFile();
        try {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
                 OutputStream out = buffered(staged)) {
                Librsync.signature(in, out, SignatureFormat.MD4_ROLLSUM,
                        blockSize == null ? BLOCK_LENGTH : blockSize.intValue(), STRONG_LENGTH);
            }
            sendFile(req, SIGNATURE_TYPE, staged);
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    private void delta(ApiRequest req, List<String> vars) throws IOException, ApiException {
        Path file = existingFile(paths.segments(vars.get(0), 404));
        Path sigFile = receivePart(req, "signature");
        Path staged = null;
        try {
            if (Files.size(sigFile) > MAX_SIGNATURE_BYTES) {
                throw ApiException.fieldList("signature", "The signature is larger than " + MAX_SIGNATURE_BYTES
                        + " bytes; use a larger block size.");
            }
            Signature sig;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(sigFile), BUFFER)) {
                sig = Signature.read(in);
            } catch (DeltaFormatException e) {
                throw ApiException.fieldList("signature", "Not a valid librsync signature: " + e.getMessage());
            }
            staged = store.newStagingFile();
            try (InputStream in = Files.newInputStream(file); OutputStream out = buffered(staged)) {
                Librsync.delta(sig, in, out);
            }
            sendFile(req, DELTA_TYPE, staged);
        } finally {
            Files.deleteIfExists(sigFile);
            if (staged != null) {
                Files.deleteIfExists(staged);
            }
        }
    }

    private void patch(ApiRequest req, List<String> vars) throws IOException, ApiException {
        List<String> segments = paths.segments(vars.get(0), 404);
        Path file = existingFile(segments);
        Path deltaFile = receivePart(req, "delta");
        Path staged = store.newStagingFile();
        try {
            synchronized (store.writeLock(file)) {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(deltaFile), BUFFER);
                     OutputStream out = buffered(staged)) {
                    Librsync.patch(file, in, out);
                } catch (DeltaFormatException e) {
                    throw ApiException.fieldList("delta", "Not a valid librsync delta for this file: "
                            + e.getMessage());
                } catch (NoSuchFileException e) {
                    throw ApiException.notFound();
                }
                store.commit(staged, file);
            }
        } finally {
            Files.deleteIfExists(deltaFile);
            Files.deleteIfExists(staged);
        }
        req.json(200, store.info(file, segments, req.baseUrl(), req.apiVersion()));
    }

    /** Stages the multipart part of this name to a file (the caller deletes it). */
    private Path receivePart(ApiRequest req, String name) throws IOException, ApiException {
        String boundary = MultipartParser.boundary(req.header("Content-Type"));
        if (boundary == null) {
            throw ApiException.detail(400, "Expected a multipart/form-data body with a \"" + name + "\" part.");
        }
        MultipartParser parser = new MultipartParser(req.body(), boundary);
        Path staged = store.newStagingFile();
        boolean found = false;
        try {
            MultipartParser.Part part;
            while ((part = parser.next()) != null) {
                if (!found && name.equals(part.name())) {
                    try (OutputStream out = Files.newOutputStream(staged)) {
                        part.transferTo(out);
                    }
                    found = true;
                }
            }
        } catch (IOException e) {
            Files.deleteIfExists(staged);
            if (e instanceof ConnectionCut) {
                throw e;
            }
            throw ApiException.detail(400, "Malformed or incomplete multipart body: " + e.getMessage());
        }
        if (!found) {
            Files.deleteIfExists(staged);
            throw ApiException.fieldList(name, "No " + name + " was submitted.");
        }
        return staged;
    }

    private static OutputStream buffered(Path p) throws IOException {
        return new BufferedOutputStream(Files.newOutputStream(p), BUFFER);
    }

    /** Sends a staged reply body with its length, as {@link Downloads} does. */
    private static void sendFile(ApiRequest req, String contentType, Path body) throws IOException {
        long length = Files.size(body);
        req.replyHeaders().set("Content-Type", contentType);
        req.send(200, length == 0 ? -1 : length);
        if (length > 0) {
            try (FileChannel channel = FileChannel.open(body)) {
                req.sendFileBody(channel, 0, length);
            }
        }
    }
}
