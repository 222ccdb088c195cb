package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;

import com.smartfile.delta.DeltaFormatException;
import com.smartfile.delta.DeltaStats;
import com.smartfile.delta.Librsync;
import com.smartfile.delta.Signature;
import com.smartfile.delta.SignatureFormat;
import com.smartfile.sdk.internal.PathsApi;
import com.smartfile.sdk.model.PathInfo;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Call;

/**
 * Delta transfers through SmartFile's rsync API ({@code path/sync/signature|delta|patch}), behind
 * {@link PathsService#syncUpload} and {@link PathsService#syncDownload}: only the blocks that differ cross the
 * connection, in librsync's formats. Falls back to the plain transfer of {@link Uploads} or {@link Downloads} when
 * there is nothing to patch (no remote file, no local copy), when the server lacks the routes (404/405/501, or
 * 400), or when the delta would not be smaller than the file; the {@link SyncResult} says which and why. A download offers the
 * server a BLAKE2 signature first and, on a 400, an MD4 one (servers on librsync before 1.0 read only MD4).
 */
final class DeltaSync {

    private static final MediaType OCTET = MediaType.get("application/octet-stream");

    /** librsync 0.9.7's default strong-sum length ({@code RS_DEFAULT_STRONG_LEN}), for MD4 signatures. */
    static final int MD4_STRONG_LENGTH = 8;

    private final PathsApi api;
    private final Invoker invoker;
    private final Uploads uploads;
    private final Downloads downloads;
    /** Set when this client's server refused a BLAKE2 signature with 400 and took an MD4 one. */
    private volatile boolean md4Only;

    DeltaSync(PathsApi api, Invoker invoker, Uploads uploads, Downloads downloads) {
        this.api = api;
        this.invoker = invoker;
        this.uploads = uploads;
        this.downloads = downloads;
    }

    /** Server's signature → local delta → server patches. */
    SyncResult upload(Path localFile, String remotePath, UploadOptions options) {
        UploadOptions o = options == null ? UploadOptions.defaults() : options;
        String id = PathIds.v2(remotePath);
        String filePath = PathIds.formValue(remotePath);
        if (id.isEmpty()) {
            throw new InvalidInputException("\"/\" is the root folder; give the full path of the remote file to sync "
                    + "to, e.g. \"/inbox/" + (localFile == null ? "name" : String.valueOf(localFile.getFileName())) + "\".");
        }
        long size = localSize(localFile, filePath);

        Call<ResponseBody> sigCall = api.getSyncSignature(id, null);
        Signature signature;
        long signatureBytes;
        try (ResponseBody body = invoker.sync(sigCall)) {
            CountingStream in = new CountingStream(body.byteStream(), sigCall.request(), null);
            signature = Signature.read(in);
            signatureBytes = in.count;
        } catch (ApiException e) {
            String reason = fallbackReason(e, "signature");
            if (reason == null) {
                throw e;
            }
            return plainUpload(localFile, remotePath, o, SyncResult.Fallback.SERVER_DECLINED, reason, size);
        } catch (DeltaFormatException e) {
            throw new InvalidReplyException("SmartFile's signature of " + filePath + " is not a librsync signature ("
                    + e.getMessage() + "); nothing was changed. Upload the file with paths().uploadAs(…) instead.", e);
        } catch (IOException e) {
            throw ErrorMapper.fromFailure(sigCall.request(), e);
        }

        @Nullable Path deltaFile = null;
        try {
            deltaFile = Files.createTempFile("smartfile-delta-", ".rdiff");
            DeltaStats stats;
            try (InputStream in = Files.newInputStream(localFile);
                 OutputStream out = new BufferedOutputStream(Files.newOutputStream(deltaFile), Bodies.CHUNK)) {
                stats = Librsync.delta(signature, in, out);
            }
            if (stats.deltaBytes() >= size) {
                return plainUpload(localFile, remotePath, o, SyncResult.Fallback.DELTA_NOT_SMALLER, "the delta ("
                        + stats.deltaBytes() + " bytes) would not be smaller than the file (" + size + " bytes)", size,
                        0, signatureBytes);
            }
            Progress progress = new Progress(o.progress, stats.deltaBytes());
            RequestBody body = Bodies.upload(UploadSource.of(deltaFile), progress, true);
            PathInfo patched;
            try {
                patched = invoker.sync(api.applySyncPatch(id, MultipartBody.Part.createFormData("delta", "delta", body)));
            } catch (ApiException e) {
                String reason = fallbackReason(e, "patch");
                if (reason == null) {
                    throw e;
                }
                return plainUpload(localFile, remotePath, o, SyncResult.Fallback.SERVER_DECLINED, reason, size);
            }
            if (patched != null && patched.getSize() != null && patched.getSize() != size) {
                // the server's patched copy is not the local file: replace it whole, so the run ends with a true copy
                return plainUpload(localFile, remotePath, o, SyncResult.Fallback.PATCH_NOT_VERIFIED, "SmartFile's "
                        + "patched copy has " + patched.getSize() + " bytes, not the " + size + " of the local file",
                        size, stats.deltaBytes(), signatureBytes);
            }
            return new SyncResult(true, SyncResult.Fallback.NONE, null, size, stats.deltaBytes(), signatureBytes);
        } catch (IOException e) {
            throw new SmartFileException("Could not compute the delta of " + localFile + " against " + filePath + " ("
                    + e + "); nothing was changed on SmartFile.", e);
        } finally {
            deleteQuietly(deltaFile);
        }
    }

    /** Local signature → server's delta → local patch, into a temporary file moved over the local copy. */
    SyncResult download(String remotePath, Path localFile, DownloadOptions options) {
        DownloadOptions o = options == null ? DownloadOptions.defaults() : options;
        String id = DownloadSession.fileId(remotePath);
        String filePath = PathIds.formValue(remotePath);
        Path target = LocalFiles.checkTarget(localFile);
        if (!Files.isRegularFile(target)) {
            long received = downloads.download(remotePath, target, o);
            return new SyncResult(false, SyncResult.Fallback.NO_LOCAL_COPY, "there is no local copy to patch",
                    received, 0, received);
        }
        // librsync 2.2+'s default first; a server on librsync before 1.0 knows only MD4 and answers 400 to it, and
        // once one has, this client offers MD4 straight away
        boolean md4 = md4Only;
        byte[] signature = localSignature(target, md4 ? SignatureFormat.MD4_ROLLSUM : SignatureFormat.BLAKE2_RABINKARP);
        long signatureBytes = signature.length;
        Call<ResponseBody> call = deltaCall(id, signature);
        ResponseBody body;
        try {
            body = invoker.sync(call);
        } catch (ApiException first) {
            if (md4 || first.getStatusCode() != 400) {
                return plainDownload(first, remotePath, target, o, signatureBytes);
            }
            signature = localSignature(target, SignatureFormat.MD4_ROLLSUM);
            signatureBytes += signature.length;
            call = deltaCall(id, signature);
            try {
                body = invoker.sync(call);
            } catch (ApiException second) {
                return plainDownload(second, remotePath, target, o, signatureBytes);
            }
            md4Only = true;
        }
        Path temp = LocalFiles.createTemp(target);
        boolean moved = false;
        try (ResponseBody reply = body) {
            Progress progress = new Progress(o.progress, reply.contentLength());
            CountingStream in = new CountingStream(reply.byteStream(), call.request(), progress);
            MessageDigest digest = o.newDigest();
            long written;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream file = new BufferedOutputStream(Channels.newOutputStream(channel), Bodies.CHUNK);
                OutputStream out = digest == null ? file : new DigestOutputStream(file, digest);
                written = Librsync.patch(target, in, out);
                out.flush();
                if (o.durable) {
                    channel.force(true);
                    Downloads.FORCED.incrementAndGet();
                }
            }
            if (digest != null) {
                String actual = DownloadSession.hex(digest.digest());
                if (!actual.equals(o.expectedDigest)) {
                    throw new ChecksumMismatchException("The " + o.algorithm + " digest of " + filePath
                            + " rebuilt from its delta is " + actual + ", not the expected " + o.expectedDigest
                            + "; " + target + " was left as it was. Download the whole file with paths().download(…), "
                            + "and if it fails the same way check the expected digest.",
                            java.util.Objects.requireNonNull(o.algorithm), java.util.Objects.requireNonNull(o.expectedDigest), actual);
                }
            }
            LocalFiles.move(temp, target);
            moved = true;
            return new SyncResult(true, SyncResult.Fallback.NONE, null, written, signatureBytes, in.count);
        } catch (DeltaFormatException e) {
            throw new InvalidReplyException("SmartFile's delta for " + filePath + " does not apply to " + target + " ("
                    + e.getMessage() + "); the local file was left as it was. Download the whole file with "
                    + "paths().download(…).", e);
        } catch (IOException e) {
            throw new SmartFileException("Could not write the patched copy of " + filePath + " to " + temp + " (" + e
                    + "); " + target + " was left as it was.", e);
        } finally {
            if (!moved) {
                deleteQuietly(temp);
            }
        }
    }

    private SyncResult plainUpload(Path localFile, String remotePath, UploadOptions o, SyncResult.Fallback fallback,
            String reason, long size) {
        return plainUpload(localFile, remotePath, o, fallback, reason, size, 0, 0);
    }

    /** The whole file, after the bytes already spent on the delta attempt. */
    private SyncResult plainUpload(Path localFile, String remotePath, UploadOptions o, SyncResult.Fallback fallback,
            String reason, long size, long sentBefore, long receivedBefore) {
        uploads.uploadAs(remotePath, UploadSource.of(localFile), o);
        return new SyncResult(false, fallback, reason, size, sentBefore + size, receivedBefore);
    }

    private SyncResult plainDownload(ApiException e, String remotePath, Path target, DownloadOptions o, long sent) {
        String reason = fallbackReason(e, "delta");
        if (reason == null) {
            throw e;
        }
        long received = downloads.download(remotePath, target, o);
        return new SyncResult(false, SyncResult.Fallback.SERVER_DECLINED, reason, received, sent, received);
    }

    private Call<ResponseBody> deltaCall(String id, byte[] signature) {
        return api.getSyncDelta(id, MultipartBody.Part.createFormData("signature", "signature",
                RequestBody.create(signature, OCTET)));
    }

    /**
     * The local copy's signature: BLAKE2 with librsync's current defaults, or MD4 with librsync 0.9.7's (2048-byte
     * blocks, 8-byte strong sums), the only kind servers on librsync before 1.0 read.
     */
    private static byte[] localSignature(Path target, SignatureFormat f) {
        try (InputStream in = Files.newInputStream(target)) {
            ByteArrayOutputStream sig = new ByteArrayOutputStream();
            if (f == SignatureFormat.MD4_ROLLSUM) {
                Librsync.signature(in, sig, f, Librsync.DEFAULT_BLOCK_LENGTH, MD4_STRONG_LENGTH);
            } else {
                Librsync.signature(in, sig, f, Librsync.recommendedBlockLength(Files.size(target)), f.maxStrongLength());
            }
            return sig.toByteArray();
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read the local copy " + target + " (" + e + "); nothing was sent.");
        }
    }

    /**
     * Why a refusal of a {@code path/sync} route means "transfer plainly", or null when it is a real error: 404, 405
     * and 501 are what a server without the routes answers, and 400 what one answers that reads the route as a
     * path or cannot read the signature or delta it was sent.
     */
    static @Nullable String fallbackReason(ApiException e, String route) {
        switch (e.getStatusCode()) {
            case 404:
                return "SmartFile answered 404 to path/sync/" + route + ": the remote file does not exist "
                        + "(or the server has no delta routes)";
            case 405:
            case 501:
                return "SmartFile answered " + e.getStatusCode() + " to path/sync/" + route
                        + ": the server does not offer delta transfers";
            case 400:
                return "path/sync/" + route + " was refused (" + e.getMessage()
                        + "): the server does not take this delta transfer";
            default:
                return null;
        }
    }

    private static long localSize(Path localFile, String filePath) {
        if (localFile == null) {
            throw new InvalidInputException("The local file to sync to " + filePath + " must not be null.");
        }
        if (!Files.isRegularFile(localFile)) {
            throw new InvalidInputException(localFile + (Files.isDirectory(localFile) ? " is a folder" : " does not exist")
                    + "; give the local file to sync to " + filePath + ".");
        }
        try {
            return Files.size(localFile);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read " + localFile + " (" + e + "); nothing was sent.");
        }
    }

    private static void deleteQuietly(@Nullable Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: a temporary file
        }
    }

    /** Counts the reply's bytes (into the progress, if any); a failed read is the connection's failure. */
    private static final class CountingStream extends FilterInputStream {
        private final Request request;
        private final @Nullable Progress progress;
        long count;

        CountingStream(InputStream in, Request request, @Nullable Progress progress) {
            super(in);
            this.request = request;
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n;
            try {
                n = in.read(b, off, len);
            } catch (IOException e) {
                throw ErrorMapper.fromFailure(request, e);
            }
            if (n > 0) {
                count += n;
                if (progress != null) {
                    progress.advance(n);
                }
            }
            return n;
        }
    }
}
