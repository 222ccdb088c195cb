package com.smartfile.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import com.smartfile.sdk.internal.PathsApi;
import com.smartfile.sdk.internal.PathsV3Api;
import com.smartfile.sdk.model.PathInfo;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;

/**
 * Uploads, behind the upload methods of {@link PathsService}: checks the sources before any
 * request, assembles the request (bodies stream from their source, {@link Bodies#upload}),
 * creates missing folders when asked ({@link ParentFolders}) and sends it through the
 * {@link Invoker}. A v3 reply is read by {@link V3UploadResult}; what a failed upload's message
 * adds is said by {@link ErrorMapper}.
 */
final class Uploads {

    /** RFC 7231 IMF-fixdate, e.g. {@code Sun, 03 Feb 2013 03:49:30 GMT} (two-digit day, always GMT). */
    private static final class HttpDate { // made on first use: java.time's formatting is 40 classes on a cold JVM
        static final DateTimeFormatter FORMAT =
                DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    }

    private final PathsApi v2;
    private final Supplier<PathsV3Api> v3; // made on the first v3 upload
    private final Invoker invoker;
    private final ParentFolders folders;

    Uploads(PathsApi v2, Supplier<PathsV3Api> v3, Invoker invoker) {
        this.v2 = v2;
        this.v3 = v3;
        this.invoker = invoker;
        this.folders = new ParentFolders(v2, invoker);
    }

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
        long total = 0;
        for (int i = 0; i < sources.size(); i++) {
            UploadSource s = sources.get(i);
            RequestBody body = Bodies.upload(s, progress, i == 0);
            long size = lengthOf(body);
            total = total < 0 || size < 0 ? -1 : total + size;
            parts.add(MultipartBody.Part.createFormData("file", s.name, body));
        }
        progress.total(total);
        if (o.createFolders) {
            folders.ensure(folderPath);
        }
        List<PathInfo> reply = invoker.sync(v2.uploadFiles(id, parts, o.uploadId));
        return reply == null ? List.of() : reply;
    }

    /** v3 {@code PUT path/data/<path>}: the whole file at a full path. */
    PathInfo uploadAs(String path, UploadSource source, UploadOptions options) {
        String id = PathIds.v3(path);
        String filePath = PathIds.formValue(path);
        UploadOptions o = options == null ? UploadOptions.defaults() : options;
        RequestBody body = body(source, o, filePath);
        if (o.createFolders) {
            folders.ensure(ParentFolders.parentOf(filePath));
        }
        return V3UploadResult.of(invoker.execute(v3.get().uploadFileV3(id, body)));
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
        return V3UploadResult.of(invoker.execute(v3.get().patchFileV3(id, "bytes=" + offset + "-", body, since)));
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
}
