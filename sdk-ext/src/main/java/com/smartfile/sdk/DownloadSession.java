package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.security.MessageDigest;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.smartfile.sdk.internal.PathsApi;
import com.smartfile.sdk.internal.SmartFileJson;
import com.squareup.moshi.JsonAdapter;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * One download, read by the caller chunk by chunk, that resumes by itself after a dropped
 * connection, and never joins two versions of a file:
 * <ol>
 *   <li>The first request has no {@code Range}. Its reply gives the size ({@code Content-Length})
 *       and the validators ({@code ETag}, {@code Last-Modified}, {@code Date}).</li>
 *   <li>A resume needs a <em>strong</em> validator, as RFC 9110 13.1.5 asks of {@code If-Range}: a
 *       strong {@code ETag} (not {@code W/…}), else a {@code Last-Modified} at least one second
 *       before the first reply's {@code Date} (a date within the same second as the reply can be
 *       shared by two versions written in that second). Without one there is no resume: a download
 *       to a file starts again from byte 0, a download to a caller's stream fails with
 *       {@link IncompleteDownloadException}.</li>
 *   <li>When reading fails (connection dropped, read timeout, body shorter than announced), it
 *       asks again with {@code Range: bytes=N-} and {@code If-Range: <validator>}, N being the
 *       bytes already received, at most {@link DownloadOptions#maxResumes} times. All requests of
 *       one download share one {@link RetryBudget} of the retry policy's
 *       {@link RetryPolicy#getMaxAttempts()}: a resume is a retry like the interceptor's, counted
 *       and waited for (the policy's next backoff) by {@link RetryInterceptor}.</li>
 *   <li>It goes on only with a 206 whose {@code Content-Range} starts at N and names the same size,
 *       and that carries the same validator (so a server that ignores {@code If-Range} cannot
 *       splice either). Otherwise (a 200, a 416, a 206 of another version): with a
 *       {@link Restart} (a local file that can be truncated) the download starts again from byte 0
 *       with the full reply; without one (bytes already handed to a caller's stream) it skips the
 *       first N bytes of a full reply only when it carries the same strong validator and size, and
 *       else gives up with an {@link IncompleteDownloadException}.</li>
 *   <li>At the end it checks the size and the expected digest, if any.</li>
 * </ol>
 * Requests go through the {@link Invoker} and the client's interceptors (auth, retries, error mapping) and ask for
 * {@code Accept-Encoding: identity}, so byte offsets mean the same thing in every reply.
 */
final class DownloadSession implements Closeable {

    /** Throws away what was received so far, for a download that starts again from byte 0. */
    interface Restart {
        void restart() throws IOException;

        /** Hears the validator of the version being received (null: none), to resume it in a later run. */
        default void validator(@Nullable String ifRange) {
        }
    }

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)", Pattern.CASE_INSENSITIVE);
    private static final JsonAdapter<Object> JSON = SmartFileJson.moshi().adapter(Object.class);
    private static final long JSON_PEEK_BYTES = 64 * 1024;

    private final Invoker invoker;
    private final PathsApi api;
    private final String id;
    private final String path;
    private final RetryBudget budget;
    private final int maxResumes;
    private final @Nullable String algorithm;
    private final @Nullable String expectedDigest;
    private final @Nullable MessageDigest digest;
    private final Progress progress;
    private final @Nullable Restart restart;

    private @Nullable Response response;
    private @Nullable BufferedSource source;
    private long received;
    private long total = -1;
    private long skip;
    /** The strong validator of the version being received, sent as {@code If-Range}; null when there is none. */
    private @Nullable String validator;
    private int resumes;
    private boolean finished;
    /** A read failure not yet acted on (see {@link #read(byte[], int, int, boolean)}). */
    private @Nullable Exception pending;

    DownloadSession(Invoker invoker, PathsApi api, String path, DownloadOptions options, RetryBudget budget,
                    @Nullable Restart restart) {
        this.invoker = invoker;
        this.api = api;
        this.path = PathIds.formValue(path);
        this.id = fileId(path);
        this.budget = budget;
        this.maxResumes = options.maxResumes;
        this.algorithm = options.algorithm;
        this.expectedDigest = options.expectedDigest;
        this.digest = options.newDigest();
        this.progress = new Progress(options.progress, -1);
        this.restart = restart;
    }

    /** The v2 id of a file; the root is refused before any request (it is a folder). */
    static String fileId(String path) {
        String id = PathIds.v2(path);
        if (id.isEmpty()) {
            throw new InvalidInputException("\"/\" is the root folder; SmartFile cannot download folders. Download the "
                    + "files in it one by one, or pack it with paths().compress(…) and download the zip file.");
        }
        return id;
    }

    /** Sends the first request; the reply's status and kind are checked here, before any byte is read. */
    void open() {
        adoptFull(request(null, null));
    }

    /**
     * Continues a download an earlier run left in a local file: asks for the bytes after
     * {@code have} with {@code If-Range: validator}, and starts again from byte 0 (through the
     * {@link Restart}) unless the server sends exactly the rest of that version.
     *
     * @param existing the {@code have} bytes already on disk, read for the digest when one is checked
     */
    void openFrom(long have, @Nullable String validator, InputStream existing) throws IOException {
        if (have <= 0 || validator == null || restart == null) {
            open();
            return;
        }
        if (digest != null) {
            byte[] buffer = new byte[Bodies.CHUNK];
            long left = have;
            for (int n; left > 0 && (n = existing.read(buffer, 0, (int) Math.min(buffer.length, left))) != -1; left -= n) {
                digest.update(buffer, 0, n);
            }
        }
        this.received = have;
        this.validator = validator;
        progress.seek(have);
        reopen();
    }

    /** The strong validator of the version being received, or null. */
    @Nullable String validator() {
        return validator;
    }

    /** Bytes of the file received so far (in order, from byte 0). */
    long received() {
        return received;
    }

    /**
     * Reads the next bytes of the file, resuming as needed; -1 once the whole file arrived and
     * checked out.
     *
     * @throws IncompleteDownloadException when resumes run out or the server will not resume
     * @throws ChecksumMismatchException at the end, when the digest differs from the expected one
     */
    int read(byte[] b, int off, int len) {
        return read(b, off, len, true);
    }

    /**
     * {@link #read(byte[], int, int)}, or with {@code goOn} false: returns 0 instead of doing
     * anything that follows a failure (the backoff, a resume, a restart from byte 0) or the end
     * (the checks), leaving it to the next call, so the bytes a caller already holds are written
     * before any of it (a restart truncates the file they go to; a failure reports the bytes written).
     */
    private int read(byte[] b, int off, int len, boolean goOn) {
        if (finished) {
            return -1;
        }
        while (true) {
            if (pending != null) {
                if (!goOn) {
                    return 0;
                }
                Exception cause = pending;
                pending = null;
                failed(cause);
            }
            BufferedSource in = source;
            if (in == null) {
                if (!goOn) {
                    return 0;
                }
                try {
                    reopen();
                } catch (IncompleteDownloadException e) {
                    throw e;
                } catch (TransportException e) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw e;
                    }
                    // The retry mechanism already tried as often as the budget allows.
                    throw incomplete(e);
                }
                continue; // reopen() adopted a reply (or threw)
            }
            int n;
            try {
                if (skip > 0) {
                    in.skip(skip);
                    skip = 0;
                }
                n = in.read(b, off, len);
            } catch (IOException e) {
                if (!resumable(e)) {
                    closeResponse();
                    throw ErrorMapper.fromFailure(Objects.requireNonNull(response, "a source comes with its reply")
                            .request(), e);
                }
                closeResponse();
                pending = e;
                continue;
            }
            if (n < 0) {
                if (total >= 0 && received < total) {
                    closeResponse();
                    pending = new EOFException("the reply ended after " + received + " of " + total + " bytes");
                    continue;
                }
                if (!goOn) {
                    return 0; // the source stays at its end: the next call finishes
                }
                finish();
                return -1;
            }
            received += n;
            if (digest != null) {
                digest.update(b, off, n);
            }
            progress.advance(n);
            return n;
        }
    }

    /**
     * Reads until {@code len} bytes arrived, the file ended or a read failed (what follows a failure
     * is done by the next call), resuming as needed; -1 at the end.
     * For writers that gain from large writes (a file takes one system call per write): a single
     * {@link #read} hands out at most one 8 KiB Okio segment.
     */
    int readFully(byte[] b, int off, int len) {
        int got = 0;
        while (got < len) {
            int n = read(b, off + got, len - got, got == 0);
            if (n < 0) {
                return -1; // only when nothing was read in this call
            }
            if (n == 0) {
                return got; // a failure or the end is next: the caller writes what it holds first
            }
            got += n;
        }
        return got;
    }

    @Override
    public void close() {
        closeResponse();
    }

    private void closeResponse() {
        if (response != null) {
            response.close();
        }
        source = null;
    }

    private void finish() {
        finished = true;
        closeResponse();
        if (digest != null) {
            String actual = hex(digest.digest());
            String algorithm = Objects.requireNonNull(this.algorithm, "a digest comes with its algorithm");
            String expectedDigest = Objects.requireNonNull(this.expectedDigest, "a digest comes with its expected value");
            if (!actual.equals(expectedDigest)) {
                throw new ChecksumMismatchException("The " + algorithm + " digest of the " + received + " bytes downloaded from "
                        + path + " is " + actual + ", not the expected " + expectedDigest + ". The data was damaged on the way "
                        + "or the file is not the version the digest belongs to; download it again, and if it fails the "
                        + "same way check the expected digest.", algorithm, expectedDigest, actual);
            }
        }
    }

    /**
     * A read failed: give up when resumes or the budget ran out, else the next request resumes
     * (after the backoff the retry mechanism waits for it).
     */
    private void failed(Exception cause) {
        closeResponse();
        if (resumes >= maxResumes || !budget.left()) {
            throw incomplete(cause);
        }
        resumes++;
        budget.failedWhileRead();
    }

    private IncompleteDownloadException incomplete(Exception cause) {
        closeResponse();
        String why = maxResumes == 0 ? " (resuming is off)"
                : " and " + resumes + " resume" + (resumes == 1 ? "" : "s") + " (" + budget.used() + " request"
                + (budget.used() == 1 ? "" : "s") + " of the " + budget.maxAttempts() + " its retry policy allows)";
        return new IncompleteDownloadException("The download of " + path + " failed after " + received + " of "
                + (total < 0 ? "an unknown number of" : String.valueOf(total)) + " bytes" + why + ": "
                + String.valueOf(cause.getMessage()).replaceAll("\\.$", "") + ". Try again later, or allow more attempts with "
                + "RetryPolicy.builder().maxAttempts(…) in SmartFile.builder().retryPolicy(…)"
                + (resumes >= maxResumes ? " and more resumes with DownloadOptions.builder().maxResumes(…)" : "") + ".",
                received, total, cause);
    }

    /** Asks for the rest of the file after a failure, if the version can be pinned. */
    private void reopen() {
        if (received == 0) {
            adoptFull(request(null, null));
            return;
        }
        if (validator == null) {
            notHonoured(null); // nothing proves a later reply is the same version: no resume
            return;
        }
        Response r;
        try {
            r = request("bytes=" + received + "-", validator);
        } catch (ApiException e) {
            if (e.getStatusCode() != 416) {
                throw e;
            }
            notHonoured(null);
            return;
        }
        if (r.code() == 206 && rangeMatches(r)) {
            adopt(r);
            return;
        }
        if (r.code() != 200) {
            r.close();
            r = null;
        }
        notHonoured(r);
    }

    /**
     * The server did not send the rest of the file as asked. {@code full} is its reply when that
     * was the whole file (200), else null.
     */
    private void notHonoured(@Nullable Response full) {
        if (full == null && !budget.left()) {
            throw incomplete(new IOException("SmartFile did not send the rest of the file from byte " + received
                    + " as asked, and no attempt is left to fetch it again from the start"));
        }
        Response r = full != null ? full : request(null, null);
        if (restart != null) {
            try {
                restart.restart();
            } catch (IOException e) {
                r.close();
                throw new LocalFileException("Could not start the download of " + path + " again: the local copy could "
                        + "not be truncated (" + e.getMessage() + ").", e);
            }
            received = 0;
            if (digest != null) {
                digest.reset();
            }
            progress.seek(0);
            adoptFull(r);
            return;
        }
        long length = r.body().contentLength();
        boolean sameFile = total >= 0 && length == total && sameVersion(r) && r.code() == 200;
        if (!sameFile) {
            r.close();
            throw new IncompleteDownloadException("SmartFile did not resume the download of " + path + " at byte " + received
                    + (validator == null ? " and sends no strong validator (an ETag, or a Last-Modified a second older than "
                            + "its Date) that would prove the rest comes from the same version of the file"
                            : " and the file may have changed since the download began (size or version differ)")
                    + ", so the " + received + " bytes already written to your stream cannot be completed. Discard them and "
                    + "download again from the start.", received, total, null);
        }
        adopt(r);
        skip = received;
    }

    /** Takes a reply that starts at byte 0: checks it is file data, learns the size and validators. */
    private void adoptFull(Response r) {
        if (r.code() == 206) {
            ContentRange cr = ContentRange.parse(r.header("Content-Range"));
            if (cr == null || cr.start != 0) {
                r.close();
                throw new InvalidReplyException("SmartFile answered a download of " + path + " with part of the file ("
                        + r.header("Content-Range") + ") though the whole file was asked for.", null);
            }
            total = cr.total;
        } else {
            total = r.body().contentLength();
        }
        checkNotAFolder(r);
        validator = strongValidator(r);
        if (restart != null) {
            restart.validator(validator);
        }
        progress.total(total);
        adopt(r);
    }

    private void adopt(Response r) {
        response = r;
        source = r.body().source();
        // Okio's per-read timeout wakes its watchdog thread on every 8 KiB read of the body (a futex
        // wake and a context switch each: a fifth of a download's CPU). The socket's SO_TIMEOUT,
        // which OkHttp sets to the same read timeout on every HTTP/1 exchange, still ends a read
        // that waits too long, with the same SocketTimeoutException (resumed below). Over HTTP/2
        // there is no socket timeout per stream, so the Okio timeout stays.
        if (r.protocol() == Protocol.HTTP_1_1 || r.protocol() == Protocol.HTTP_1_0) {
            source.timeout().clearTimeout();
        }
    }

    private boolean rangeMatches(Response r) {
        ContentRange cr = ContentRange.parse(r.header("Content-Range"));
        if (cr == null || cr.start != received || cr.end < cr.start || !sameVersion(r)) {
            return false;
        }
        if (cr.total >= 0 && total >= 0 && cr.total != total) {
            return false;
        }
        if (total < 0 && cr.total >= 0) {
            total = cr.total;
            progress.total(total);
        }
        return true;
    }

    /**
     * True only when the reply carries the strong validator of the version being received: the
     * same strong ETag, or the same Last-Modified when that is the validator.
     */
    private boolean sameVersion(Response r) {
        if (validator == null) {
            return false;
        }
        String v = validator.startsWith("\"") ? r.header("ETag") : r.header("Last-Modified");
        return v != null && validator.equals(v.trim());
    }

    /**
     * The reply's strong validator, as {@code If-Range} may carry it (RFC 9110 13.1.5): a strong
     * ETag; else a Last-Modified at least one second before the reply's Date (RFC 9110 8.8.2.2);
     * else null.
     */
    static @Nullable String strongValidator(Response r) {
        String etag = r.header("ETag");
        if (etag != null && etag.trim().startsWith("\"") && etag.trim().length() >= 2 && etag.trim().endsWith("\"")) {
            return etag.trim();
        }
        String modified = r.header("Last-Modified");
        Date lm = r.headers().getDate("Last-Modified");
        Date date = r.headers().getDate("Date");
        if (modified != null && lm != null && date != null && date.getTime() / 1000 - lm.getTime() / 1000 >= 1) {
            return modified;
        }
        return null;
    }

    /** A JSON reply describing a folder, where file bytes were expected. */
    private void checkNotAFolder(Response r) {
        MediaType type = r.body().contentType();
        if (type == null || !"json".equalsIgnoreCase(type.subtype())) {
            return;
        }
        Object json;
        try {
            json = JSON.fromJson(r.peekBody(JSON_PEEK_BYTES).string());
        } catch (IOException | RuntimeException e) {
            return; // not parseable: a JSON file's own bytes, or more than the peek holds
        }
        if (json instanceof Map && Boolean.TRUE.equals(((Map<?, ?>) json).get("isdir"))) {
            r.close();
            throw new InvalidInputException(path + " is a folder; SmartFile cannot download folders. Download the files "
                    + "in it one by one (paths().list(…)), or pack it with paths().compress(…) and download the zip file.");
        }
    }

    /**
     * Sends one GET (retried within the download's budget) through the client's interceptors,
     * without compression so byte offsets hold.
     */
    private Response request(@Nullable String range, @Nullable String ifRange) {
        Request.Builder b = api.downloadFile(id, range).request().newBuilder().header("Accept-Encoding", "identity");
        if (ifRange != null) {
            b.header("If-Range", ifRange);
        }
        Request request = b.tag(RetryBudget.class, budget).build();
        Response r = invoker.send(request);
        if (r.body() == null) {
            r.close();
            throw new InvalidReplyException("SmartFile answered the download of " + path + " without a body.", null);
        }
        return r;
    }

    private boolean resumable(IOException e) {
        if (Thread.currentThread().isInterrupted() || e instanceof SmartFileIOException || invoker.isClosed()) {
            return false;
        }
        return !(e instanceof InterruptedIOException) || e instanceof SocketTimeoutException;
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte x : bytes) {
            sb.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** A parsed {@code Content-Range: bytes start-end/total} ({@code total} -1 for {@code *}). */
    static final class ContentRange {
        final long start;
        final long end;
        final long total;

        private ContentRange(long start, long end, long total) {
            this.start = start;
            this.end = end;
            this.total = total;
        }

        static @Nullable ContentRange parse(@Nullable String header) {
            if (header == null) {
                return null;
            }
            Matcher m = CONTENT_RANGE.matcher(header.trim());
            if (!m.matches()) {
                return null;
            }
            try {
                return new ContentRange(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                        m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3)));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
