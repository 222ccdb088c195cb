package com.smartfile.sdk;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import com.smartfile.sdk.internal.PathsApi;
import com.smartfile.sdk.model.PathInfo;
import com.smartfile.sdk.model.Task;
import retrofit2.Call;

/** The client's {@link PathsService}: the generated operations plus transfers, delta sync and attributes. */
final class DefaultPathsService extends DefaultPathsOperations implements PathsService {

    private final Supplier<TasksService> tasks; // made on the first task
    private final Uploads uploads;
    private final Downloads downloads;
    private final Executor transferThreads;
    private final DeltaSync deltaSync;
    private final ZipDownloads zips;

    DefaultPathsService(PathsApi api, Invoker invoker, Supplier<TasksService> tasks, Uploads uploads, Downloads downloads,
                 Executor transferThreads) {
        super(api, invoker);
        this.tasks = tasks;
        this.uploads = uploads;
        this.downloads = downloads;
        this.transferThreads = transferThreads;
        this.deltaSync = new DeltaSync(api, invoker, uploads, downloads);
        this.zips = new ZipDownloads(api, invoker);
    }

    @Override
    public CompletableFuture<List<PathInfo>> uploadAsync(String folder, List<UploadSource> sources, UploadOptions options) {
        return invoker.onThreads(() -> upload(folder, sources, options), transferThreads);
    }

    @Override
    public CompletableFuture<PathInfo> uploadAsAsync(String filePath, UploadSource source, UploadOptions options) {
        return invoker.onThreads(() -> uploadAs(filePath, source, options), transferThreads);
    }

    @Override
    public CompletableFuture<Long> downloadAsync(String path, Path localFile, DownloadOptions options) {
        return invoker.onThreads(() -> download(path, localFile, options), transferThreads);
    }

    @Override
    public PathInfo upload(String folder, UploadSource source, UploadOptions options) {
        List<PathInfo> stored = upload(folder, List.of(checkSource(source)), options);
        return stored.isEmpty() ? PathInfo.builder().build() : stored.get(0);
    }

    @Override
    public List<PathInfo> upload(String folder, List<UploadSource> sources, UploadOptions options) {
        return uploads.upload(folder, sources, options);
    }

    @Override
    public PathInfo uploadAs(String filePath, UploadSource source, UploadOptions options) {
        return uploads.uploadAs(filePath, source, options);
    }

    @Override
    public PathInfo writeAt(String filePath, long offset, UploadSource source, Instant ifUnmodifiedSince,
                            UploadOptions options) {
        return uploads.writeAt(filePath, offset, source, ifUnmodifiedSince, options);
    }

    @Override
    public long download(String path, Path localFile, DownloadOptions options) {
        return downloads.download(path, localFile, options);
    }

    @Override
    public long downloadZip(Path localFile, String... paths) {
        return zips.toFile(localFile, paths == null ? null : Arrays.asList(paths));
    }

    @Override
    public long downloadZip(OutputStream out, String... paths) {
        return zips.toStream(out, paths == null ? null : Arrays.asList(paths));
    }

    @Override
    public long download(String path, OutputStream out, DownloadOptions options) {
        return downloads.download(path, out, options);
    }

    @Override
    public InputStream openDownload(String path, DownloadOptions options) {
        return downloads.openDownload(path, options);
    }

    @Override
    public SyncResult syncUpload(Path localFile, String remotePath, UploadOptions options) {
        return deltaSync.upload(localFile, remotePath, options);
    }

    @Override
    public SyncResult syncDownload(String remotePath, Path localFile, DownloadOptions options) {
        return deltaSync.download(remotePath, localFile, options);
    }

    private static UploadSource checkSource(UploadSource source) {
        if (source == null) {
            throw new InvalidInputException("The file to upload must not be null.");
        }
        return source;
    }

    @Override
    public PathInfo setAttributes(String path, Map<String, String> attributes) {
        return invoker.sync(setAttributesCall(path, attributes));
    }

    @Override
    public CompletableFuture<PathInfo> setAttributesAsync(String path, Map<String, String> attributes) {
        return invoker.async(() -> setAttributesCall(path, attributes));
    }

    private Call<PathInfo> setAttributesCall(String path, Map<String, String> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            throw new InvalidInputException("Give at least one attribute to set.");
        }
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            String name = Ids.name("attribute name", e.getKey());
            if (name.contains("=")) {
                throw new InvalidInputException("Attribute names cannot contain '=': " + name);
            }
            pairs.add(name + "=" + (e.getValue() == null ? "" : e.getValue()));
        }
        return api.setPathAttributes(PathIds.v2(path), pairs);
    }

    @Override
    PendingTask pending(Task task) {
        return new PendingTask(task, tasks.get());
    }
}
