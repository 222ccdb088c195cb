package com.smartfile.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.smartfile.sdk.internal.PathsApi;
import com.smartfile.sdk.internal.PathsV3Api;
import com.smartfile.sdk.model.PathInfo;
import com.smartfile.sdk.internal.V3UploadReply;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Uploads and downloads of any size, behind the transfer methods of {@link PathsService}. Bodies stream
 * from their source ({@link Bodies#upload}); downloads stream to their destination and resume
 * ({@link DownloadSession}); a download to a file goes to a temporary file in the same folder
 * that is moved over the target only when complete and verified.
 */
final class Transfers {

    /** RFC 7231 IMF-fixdate, e.g. {@code Sun, 03 Feb 2013 03:49:30 GMT} (two-digit day, always GMT). */
    private static final class HttpDate { // made on first use: java.time's formatting is 40 classes on a cold JVM
        static final DateTimeFormatter FORMAT =
                DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    }

    private static final String STREAM_NOT_RETRIED = " The upload was not retried because its InputStream can be read "
            + "only once: upload from a Path or byte[] to have such failures retried where that is safe, or call again with a new stream.";

    private final PathsApi v2;
    private final PathsV3Api v3;
    private final okhttp3.Call.Factory http;
    private final Invoker invoker;
    private final RetryPolicy policy;
    private final Sleeper sleeper;

    Transfers(PathsApi v2, PathsV3Api v3, okhttp3.Call.Factory http, Invoker invoker, RetryPolicy policy, Sleeper sleeper) {
        this.v2 = v2;
        this.v3 = v3;
        this.http = http;
        this.invoker = invoker;
        this.policy = policy;
        this.sleeper = sleeper;
    }

    // ---------------------------------------------------------------- uploads

    /** v2 multipart: {@code POST path/data/<folder>/}, one part named {@code file} per source. */
    List<PathInfo> upload(String folder, List<UploadSource> sources, UploadOptions options) {
        String id = PathIds.v2(folder);
        String folderPath = PathIds.formValue(folder);
        UploadOptions o = options == null ? UploadOptions.defaults() : options;
        if (sources == null || sources.isEmpty()) {
            throw new InvalidInputException("Give at least one file to upload into " + folderPath + ".");
        }
        Set<InputStream> streams = Collections.newSetFromMap(new IdentityHashMap<>());
        for (UploadSource s : sources) {
            if (s == null) {
                throw new InvalidInputException("The files to upload into " + folderPath + " must not include null.");
            }
            if (s.stream != null && !streams.add(s.stream)) {
                throw new InvalidInputException("The same stream appears twice among the files to upload into " + folderPath
                        + "; a stream can be read only once.");
            }
            if (s.name == null) {
                throw new InvalidInputException("The " + (s.kind == UploadSource.Kind.BYTES ? "bytes" : "stream")
                        + " to upload into " + folderPath + " has no file name; give one with UploadSource.of(…).named(\"name\").");
            }
        }
        Progress progress = new Progress(o.progress, -1);
        List<MultipartBody.Part> parts = new ArrayList<>();
        boolean oneShot = false;
        long total = 0;
        for (int i = 0; i < sources.size(); i++) {
            UploadSource s = sources.get(i);
            RequestBody body = Bodies.upload(s, progress, i == 0);
            long size = lengthOf(body);
            total = total < 0 || size < 0 ? -1 : total + size;
            oneShot |= !s.isReplayable();
            parts.add(MultipartBody.Part.createFormData("file", s.name, body));
        }
        progress.total(total);
        if (o.createFolders) {
            ensureFolder(folderPath);
        }
        try {
            List<PathInfo> reply = invoker.sync(v2.uploadFiles(id, parts, null));
            return reply == null ? List.of() : reply;
        } catch (ApiException | TransportException e) {
            throw explain(e, folderPath, false, oneShot);
        }
    }

    /** v3 {@code PUT path/data/<path>}: the whole file at a full path. */
    PathInfo uploadAs(String path, UploadSource source, UploadOptions options) {
        String id = PathIds.v3(path);
        String filePath = PathIds.formValue(path);
        UploadOptions o = options == null ? UploadOptions.defaults() : options;
        RequestBody body = body(source, o, filePath);
        if (o.createFolders) {
            ensureFolder(parentOf(filePath));
        }
        return v3Result(v3.uploadFileV3(id, body), parentOf(filePath), true, !source.isReplayable());
    }

    /** v3 {@code PATCH path/data/<path>} with {@code Range: bytes=<offset>-}. */
    PathInfo writeAt(String path, long offset, UploadSource source, Instant ifUnmodifiedSince, UploadOptions options) {
        String id = PathIds.v3(path);
        String filePath = PathIds.formValue(path);
        if (offset < 0) {
            throw new InvalidInputException("The offset to write " + filePath + " from must be zero or more, got " + offset + ".");
        }
        UploadOptions o = options == null ? UploadOptions.defaults() : options;
        RequestBody body = body(source, o, filePath);
        String since = ifUnmodifiedSince == null ? null : httpDate(ifUnmodifiedSince);
        return v3Result(v3.patchFileV3(id, "bytes=" + offset + "-", body, since), null, false, !source.isReplayable());
    }

    private static RequestBody body(UploadSource source, UploadOptions o, String filePath) {
        if (source == null) {
            throw new InvalidInputException("The content to upload to " + filePath + " must not be null.");
        }
        Progress progress = new Progress(o.progress, -1);
        RequestBody body = Bodies.upload(source, progress, true);
        progress.total(lengthOf(body));
        return body;
    }

    private static long lengthOf(RequestBody body) {
        try {
            return body.contentLength();
        } catch (IOException e) {
            return -1; // upload bodies know their length without I/O; never reached
        }
    }

    /** An RFC 7231 HTTP-date. */
    static String httpDate(Instant instant) {
        return HttpDate.FORMAT.format(instant);
    }

    /** Runs a v3 upload; a 200 carrying {@code {status, detail}} becomes the typed error. */
    private PathInfo v3Result(Call<V3UploadReply> call, String folder, boolean idempotent, boolean oneShot) {
        Response<V3UploadReply> response;
        try {
            try {
                response = call.execute();
            } catch (IOException | RuntimeException e) {
                throw Invoker.translate(call.request(), e);
            }
            if (!response.isSuccessful()) {
                // The error interceptor maps errors first; this is only reached if that chain was bypassed.
                throw ErrorMapper.fromResponse(response.raw());
            }
            V3UploadReply reply = response.body();
            if (reply == null) {
                throw new InvalidReplyException("SmartFile answered " + call.request().method() + " "
                        + Redaction.url(call.request().url()) + " with an empty body; the upload may have taken effect, "
                        + "check with paths().info(…).", null);
            }
            if (reply.getDetail() != null || (reply.getStatus() != null && reply.getStatus() >= 300)) {
                int status = reply.getStatus() != null ? reply.getStatus() : response.code();
                String detail = reply.getDetail() != null ? reply.getDetail() : "failed (no detail given)";
                throw ErrorMapper.fromV3Reply(call.request(), status, detail, response.headers().get("x-unique-id"));
            }
            return toPathInfo(reply);
        } catch (ApiException | TransportException e) {
            throw explain(e, folder, idempotent, oneShot);
        }
    }

    /**
     * Adds what the caller should know to an upload's failure: a 409 on an upload into
     * {@code folder} (null: not such an upload) most likely means the folder is missing; a failure
     * that would have been retried was not, because the body was a stream.
     */
    static SmartFileException explain(SmartFileException e, String folder, boolean idempotent, boolean oneShot) {
        // A connection lost while a replayable body was being sent is re-sent whatever the method
        // (see RetryInterceptor), so a stream upload that failed on the way always says why it was not.
        boolean notRetried = oneShot && (e instanceof ThrottledException || e instanceof TransportException
                || (idempotent && e instanceof ApiException && ((ApiException) e).statusCode() >= 500));
        String note = "";
        if (e instanceof ConflictException && folder != null) {
            note = " Uploading into " + folder + " conflicts with its state, most likely because the folder does not "
                    + "exist: create it with paths().mkdir(\"" + folder + "\"), or upload with "
                    + "UploadOptions.builder().createFolders(true).";
        }
        if (notRetried) {
            note += STREAM_NOT_RETRIED;
        }
        if (note.isEmpty()) {
            return e;
        }
        if (e instanceof ApiException) {
            return withNote((ApiException) e, note.trim());
        }
        // The retry outcome Invoker added says the same as the note, less helpfully.
        String said = e.getMessage().replaceFirst(" It was tried (once|\\d+ times) and not again: .*$", "");
        return new TransportException(said + note, e.getCause() != null ? e.getCause() : e);
    }

    /** The same exception type and fields, with {@code note} after the server's words. */
    private static ApiException withNote(ApiException e, String note) {
        String said = e.detail() != null && !e.detail().isEmpty() ? e.detail().replaceAll("[.\\s]+$", "") : null;
        String summary = (said == null ? note : said + ". " + note).replaceAll("\\.$", ""); // the message adds ". <hint>"
        ErrorReply reply = new ErrorReply(e.statusCode(), e.method(), e.url(), e.detail(), e.fieldErrors(), e.requestId(),
                e.rawBody(), summary, e instanceof ConflictException);
        ApiException out;
        if (e instanceof ThrottledException) {
            out = new ThrottledException(reply, ((ThrottledException) e).retryAfter());
        } else if (e instanceof ConflictException) {
            out = new ConflictException(reply);
        } else if (e instanceof NotFoundException) {
            out = new NotFoundException(reply);
        } else if (e instanceof PermissionDeniedException) {
            out = new PermissionDeniedException(reply);
        } else if (e instanceof AuthenticationException) {
            out = new AuthenticationException(reply);
        } else if (e instanceof ValidationException) {
            out = new ValidationException(reply);
        } else {
            out = new ApiException(reply);
        }
        out.initCause(e);
        return out;
    }

    /** Creates {@code folder} and its missing parents, looking from the folder upwards. */
    void ensureFolder(String folder) {
        List<String> missing = new ArrayList<>();
        for (String dir = folder; !dir.equals("/"); dir = parentOf(dir)) {
            PathInfo info;
            try {
                info = invoker.sync(v2.getPathInfo(PathIds.v2(dir), null, null, null, null));
            } catch (NotFoundException e) {
                missing.add(0, dir);
                continue;
            }
            checkIsFolder(dir, info);
            break;
        }
        for (String dir : missing) {
            try {
                invoker.sync(v2.makeDirectory(dir));
            } catch (ApiException e) {
                // Someone else may have created it meanwhile; anything else is the real failure.
                PathInfo info;
                try {
                    info = invoker.sync(v2.getPathInfo(PathIds.v2(dir), null, null, null, null));
                } catch (ApiException again) {
                    throw e;
                }
                checkIsFolder(dir, info);
            }
        }
    }

    private static void checkIsFolder(String dir, PathInfo info) {
        if (Boolean.FALSE.equals(info.getIsdir()) || (info.getIsdir() == null && Boolean.TRUE.equals(info.getIsfile()))) {
            throw new InvalidInputException(dir + " is a file, not a folder; choose another target folder.");
        }
    }

    static String parentOf(String absolutePath) {
        int slash = absolutePath.lastIndexOf('/');
        return slash <= 0 ? "/" : absolutePath.substring(0, slash);
    }

    static PathInfo toPathInfo(V3UploadReply r) {
        return PathInfo.builder().acl(r.getAcl()).attributes(r.getAttributes()).extension(r.getExtension()).id(r.getId())
                .isdir(r.getIsdir()).isfile(r.getIsfile()).items(r.getItems()).mime(r.getMime()).name(r.getName())
                .owner(r.getOwner()).path(r.getPath()).size(r.getSize()).tags(r.getTags()).time(r.getTime()).url(r.getUrl())
                .children(r.getChildren()).page(r.getPage()).pages(r.getPages()).perPage(r.getPerPage()).total(r.getTotal())
                .build();
    }

    // ---------------------------------------------------------------- downloads

    private DownloadSession session(String path, DownloadOptions options, DownloadSession.Restart restart) {
        return new DownloadSession(http, v2, path, options == null ? DownloadOptions.defaults() : options, policy, sleeper,
                restart);
    }

    /** Downloads forced to disk before their move, counted for the tests of {@link DownloadOptions.Builder#durable}. */
    static final AtomicLong FORCED = new AtomicLong();

    /**
     * To a file: the target's {@link PartFile} (resumed when a previous run left one of the same
     * version), moved over the target once complete and verified (and, when
     * {@link DownloadOptions#durable} asks, forced to disk first).
     */
    long download(String path, Path localFile, DownloadOptions options) {
        DownloadSession.fileId(path);
        DownloadOptions o = options == null ? DownloadOptions.defaults() : options;
        Path target = checkTarget(localFile);
        PartFile part = PartFile.open(target);
        boolean moved = false;
        try {
            FileChannel channel = part.channel;
            DownloadSession.Restart truncate = new DownloadSession.Restart() {
                @Override
                public void restart() throws IOException {
                    channel.truncate(0);
                    channel.position(0);
                }

                @Override
                public void validator(String ifRange) {
                    part.validator(ifRange);
                }
            };
            long received;
            try (DownloadSession session = session(path, o, truncate)) {
                if (part.existing > 0 && o.maxResumes > 0) {
                    channel.position(0);
                    session.openFrom(part.existing, part.existingValidator, Channels.newInputStream(channel));
                    channel.position(session.received());
                } else {
                    channel.truncate(0);
                    session.open();
                }
                byte[] buffer = new byte[Bodies.CHUNK];
                for (int n; (n = session.readFully(buffer, 0, buffer.length)) != -1; ) {
                    ByteBuffer bb = ByteBuffer.wrap(buffer, 0, n);
                    while (bb.hasRemaining()) {
                        channel.write(bb);
                    }
                }
                received = session.received();
            }
            if (o.durable) {
                channel.force(true);
                FORCED.incrementAndGet();
            }
            part.forget();
            part.permissionsOf(target);
            move(part.path, target);
            moved = true;
            return received;
        } catch (IOException e) {
            throw new LocalFileException("Could not write the download of " + PathIds.formValue(path) + " to " + part.path
                    + " (" + localReason(e) + "). Nothing was left under " + target + ".", e);
        } finally {
            if (moved) {
                part.close();
            } else {
                part.delete();
            }
        }
    }

    /** What a local I/O failure says, in words: a full disk is named as such. */
    static String localReason(IOException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("No space left on device") || m.contains("Disk quota exceeded")) {
            return "the disk is full: " + m;
        }
        if (e instanceof ClosedByInterruptException) {
            return "the thread was interrupted";
        }
        return e.toString();
    }

    /** To a caller's stream, which is flushed but not closed. */
    long download(String path, OutputStream out, DownloadOptions options) {
        DownloadSession.fileId(path);
        if (out == null) {
            throw new InvalidInputException("The stream to download " + PathIds.formValue(path) + " into must not be null.");
        }
        try (DownloadSession session = session(path, options, null)) {
            session.open();
            byte[] buffer = new byte[Bodies.CHUNK];
            try {
                for (int n; (n = session.readFully(buffer, 0, buffer.length)) != -1; ) {
                    out.write(buffer, 0, n);
                }
                out.flush();
            } catch (IOException e) {
                throw new LocalFileException("Could not write the download of " + PathIds.formValue(path)
                        + " to the given stream after " + session.received() + " bytes (" + e + ").", e);
            }
            return session.received();
        }
    }

    /** As a stream the caller reads and closes. */
    InputStream openDownload(String path, DownloadOptions options) {
        DownloadSession session = session(path, options, null);
        session.open();
        return new InputStream() {
            private boolean closed;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n;
                while ((n = read(one, 0, 1)) == 0) {
                    // read(byte[]) may return 0 only for len 0; loop for safety
                }
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (closed) {
                    throw new IOException("The download stream of " + PathIds.formValue(path) + " is closed.");
                }
                if (off < 0 || len < 0 || len > b.length - off) {
                    throw new IndexOutOfBoundsException("off " + off + ", len " + len + ", length " + b.length);
                }
                if (len == 0) {
                    return 0;
                }
                try {
                    return session.read(b, off, len);
                } catch (RuntimeException e) {
                    close(); // a failed download is over: later reads say so instead of starting again
                    throw e;
                }
            }

            @Override
            public void close() {
                closed = true;
                session.close();
            }
        };
    }

    static Path checkTarget(Path localFile) {
        if (localFile == null) {
            throw new InvalidInputException("The local file to download into must not be null.");
        }
        Path target = localFile.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new InvalidInputException(localFile + " is a folder; give the path of the file to write, e.g. "
                    + "folder.resolve(\"name\").");
        }
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InvalidInputException("The folder " + dir + " to download into does not exist; create it first.");
        }
        return target;
    }

    /**
     * An empty, hidden, randomly named file beside the target, created before any request, for a
     * writer that cannot use the target's {@link PartFile} (a delta sync reads the target while it
     * writes).
     */
    static Path createTemp(Path target) {
        String prefix = "." + PartFile.cutToBytes(target.getFileName().toString(), 200) + ".";
        for (int attempt = 0; ; attempt++) {
            Path temp = target.resolveSibling(prefix + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 32)
                    + PartFile.SUFFIX);
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw PartFile.cannotWrite(target, e);
                }
            } catch (IOException e) {
                throw PartFile.cannotWrite(target, e);
            }
        }
    }

    static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
