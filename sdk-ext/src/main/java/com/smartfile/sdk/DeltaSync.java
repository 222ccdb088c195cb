package com.smartfile.sdk;

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
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Call;

/**
 * Delta transfers through SmartFile's rsync API ({@code path/sync/signature|delta|patch}), behind
 * {@link PathsService#syncUpload} and {@link PathsService#syncDownload}: only the blocks that differ cross the
 * connection, in librsync's formats. Falls back to the plain transfer of {@link Uploads} or {@link Downloads} when there is nothing
 * to patch (no remote file, no local copy), when the server lacks the routes (404/405), or when the delta would
 * not be smaller than the file; the {@link SyncResult} says which and why.
 */
final class DeltaSync {

    private static final MediaType OCTET = MediaType.get("application/octet-stream");

    private final PathsApi api;
    private final Invoker invoker;
    private final Uploads uploads;
    private final Downloads downloads;

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
            return plainUpload(localFile, remotePath, o, reason, size);
        } catch (DeltaFormatException e) {
            throw new InvalidReplyException("SmartFile's signature of " + filePath + " is not a librsync signature ("
                    + e.getMessage() + "); nothing was changed. Upload the file with paths().uploadAs(…) instead.", e);
        } catch (IOException e) {
            throw ErrorMapper.fromFailure(sigCall.request(), e);
        }

        Path deltaFile = null;
        try {
            deltaFile = Files.createTempFile("smartfile-delta-", ".rdiff");
            DeltaStats stats;
            try (InputStream in = Files.newInputStream(localFile);
                 OutputStream out = new BufferedOutputStream(Files.newOutputStream(deltaFile), Bodies.CHUNK)) {
                stats = Librsync.delta(signature, in, out);
            }
            if (stats.deltaBytes() >= size) {
                return plainUpload(localFile, remotePath, o, "the delta (" + stats.deltaBytes()
                        + " bytes) would not be smaller than the file (" + size + " bytes)", size);
            }
            Progress progress = new Progress(o.progress, stats.deltaBytes());
            RequestBody body = Bodies.upload(UploadSource.of(deltaFile), progress, true);
            try {
                invoker.sync(api.applySyncPatch(id, MultipartBody.Part.createFormData("delta", "delta", body)));
            } catch (ApiException e) {
                String reason = fallbackReason(e, "patch");
                if (reason == null) {
                    throw e;
                }
                return plainUpload(localFile, remotePath, o, reason, size);
            }
            return new SyncResult(true, null, size, stats.deltaBytes(), signatureBytes);
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
            return SyncResult.plain("there is no local copy to patch",
                    downloads.download(remotePath, target, o), false);
        }
        byte[] signature;
        try (InputStream in = Files.newInputStream(target)) {
            ByteArrayOutputStream sig = new ByteArrayOutputStream();
            SignatureFormat f = SignatureFormat.BLAKE2_RABINKARP;
            Librsync.signature(in, sig, f, Librsync.recommendedBlockLength(Files.size(target)), f.maxStrongLength());
            signature = sig.toByteArray();
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read the local copy " + target + " (" + e + "); nothing was sent.");
        }

        Call<ResponseBody> call = api.getSyncDelta(id, MultipartBody.Part.createFormData("signature", "signature",
                RequestBody.create(signature, OCTET)));
        ResponseBody body;
        try {
            body = invoker.sync(call);
        } catch (ApiException e) {
            String reason = fallbackReason(e, "delta");
            if (reason == null) {
                throw e;
            }
            return SyncResult.plain(reason, downloads.download(remotePath, target, o), false);
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
                channel.force(true);
            }
            if (digest != null) {
                String actual = DownloadSession.hex(digest.digest());
                if (!actual.equals(o.expectedDigest)) {
                    throw new ChecksumMismatchException("The " + o.algorithm + " digest of " + filePath
                            + " rebuilt from its delta is " + actual + ", not the expected " + o.expectedDigest
                            + "; " + target + " was left as it was. Download the whole file with paths().download(…), "
                            + "and if it fails the same way check the expected digest.",
                            o.algorithm, o.expectedDigest, actual);
                }
            }
            LocalFiles.move(temp, target);
            moved = true;
            return new SyncResult(true, null, written, signature.length, in.count);
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

    private SyncResult plainUpload(Path localFile, String remotePath, UploadOptions o, String reason, long size) {
        uploads.uploadAs(remotePath, UploadSource.of(localFile), o);
        return SyncResult.plain(reason, size, true);
    }

    /** Why a refusal of a {@code path/sync} route means "transfer plainly", or null when it is a real error. */
    private static String fallbackReason(ApiException e, String route) {
        if (e.getStatusCode() == 404) {
            return "SmartFile answered 404 to path/sync/" + route + ": the remote file does not exist "
                    + "(or the server has no delta routes)";
        }
        if (e.getStatusCode() == 405) {
            return "SmartFile answered 405 to path/sync/" + route + ": the server does not offer delta transfers";
        }
        return null;
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

    private static void deleteQuietly(Path p) {
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
        private final Progress progress;
        long count;

        CountingStream(InputStream in, Request request, Progress progress) {
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
