package com.smartfile.sdk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.smartfile.sdk.api.PathsApi;
import com.smartfile.sdk.model.ExchangeUrl;
import com.smartfile.sdk.model.PathInfo;
import com.smartfile.sdk.model.Task;
import retrofit2.Call;

/**
 * Files and folders: information, listing, folder creation, renames, and the operations that run
 * as server-side tasks (move, copy, remove, checksum, compress). Get it from
 * {@link SmartFile#paths()}.
 *
 * <p>Paths are absolute SmartFile paths such as {@code /Documents/report.pdf}; the leading
 * {@code /} is optional and any character is allowed in a name except control characters. They
 * are encoded for you. Methods ending in {@code Async} return at once with a future.
 */
public final class Paths {

    /** Page size used when the caller does not choose one (what the official node client uses). */
    static final int DEFAULT_PAGE_SIZE = 100;

    private final PathsApi api;
    private final Invoker invoker;
    private final Tasks tasks;

    Paths(PathsApi api, Invoker invoker, Tasks tasks) {
        this.api = api;
        this.invoker = invoker;
        this.tasks = tasks;
    }

    /**
     * All entries of a folder, fetched {@value #DEFAULT_PAGE_SIZE} at a time as iteration reaches
     * them.
     *
     * @param folder the folder's path
     * @return the entries, lazily
     */
    public PagedIterable<PathInfo> list(String folder) {
        return list(folder, DEFAULT_PAGE_SIZE);
    }

    /**
     * All entries of a folder, fetched {@code pageSize} at a time as iteration reaches them.
     *
     * @param folder the folder's path
     * @param pageSize entries per request, at least 1
     * @return the entries, lazily
     */
    public PagedIterable<PathInfo> list(String folder, int pageSize) {
        String id = PathIds.v2(folder);
        Paging.limit(pageSize);
        return new PagedIterable<>(page -> {
            PathInfo listing = invoker.sync(api.getPathInfo(id, true, page, pageSize, null));
            return new PagedIterable.Page<>(listing.getChildren(), listing.getPages());
        }, pageSize);
    }

    /**
     * Reads a file's or folder's information.
     *
     * @param path the SmartFile path, {@code /} for the root
     * @return the information
     * @throws NotFoundException when the path does not exist
     */
    public PathInfo info(String path) {
        return invoker.sync(infoCall(path));
    }

    /**
     * Reads a file's or folder's information, asynchronously.
     *
     * @param path the SmartFile path, {@code /} for the root
     * @return a future of the information
     */
    public CompletableFuture<PathInfo> infoAsync(String path) {
        return invoker.async(infoCall(path));
    }

    private Call<PathInfo> infoCall(String path) {
        return api.getPathInfo(PathIds.v2(path), null, null, null, null);
    }

    /**
     * Reads one page of a folder's children. The folder's own information and the paging fields
     * ({@code page}, {@code pages}, {@code perPage}, {@code total}) come with it.
     *
     * @param folder the folder's path
     * @param page the page number, from 1
     * @param limit the page size, at least 1
     * @return the folder with one page of {@code children}
     */
    public PathInfo listPage(String folder, int page, int limit) {
        return invoker.sync(listPageCall(folder, page, limit));
    }

    /**
     * Reads one page of a folder's children, asynchronously.
     *
     * @param folder the folder's path
     * @param page the page number, from 1
     * @param limit the page size, at least 1
     * @return a future of the folder with one page of {@code children}
     */
    public CompletableFuture<PathInfo> listPageAsync(String folder, int page, int limit) {
        return invoker.async(listPageCall(folder, page, limit));
    }

    private Call<PathInfo> listPageCall(String folder, int page, int limit) {
        return api.getPathInfo(PathIds.v2(folder), true, Paging.page(page), Paging.limit(limit), null);
    }

    /**
     * Creates a folder. Completes at once (no task).
     *
     * @param path the new folder's path
     * @return the new folder's information
     */
    public PathInfo mkdir(String path) {
        return invoker.sync(mkdirCall(path));
    }

    /**
     * Creates a folder, asynchronously.
     *
     * @param path the new folder's path
     * @return a future of the new folder's information
     */
    public CompletableFuture<PathInfo> mkdirAsync(String path) {
        return invoker.async(mkdirCall(path));
    }

    private Call<PathInfo> mkdirCall(String path) {
        return api.makeDirectory(PathIds.formValue(path));
    }

    /**
     * Renames a file or folder. Completes at once (no task).
     *
     * @param path the current path
     * @param newPath the full new path
     * @return the renamed item's information
     */
    public PathInfo rename(String path, String newPath) {
        return invoker.sync(renameCall(path, newPath));
    }

    /**
     * Renames a file or folder, asynchronously.
     *
     * @param path the current path
     * @param newPath the full new path
     * @return a future of the renamed item's information
     */
    public CompletableFuture<PathInfo> renameAsync(String path, String newPath) {
        return invoker.async(renameCall(path, newPath));
    }

    private Call<PathInfo> renameCall(String path, String newPath) {
        return api.renamePath(PathIds.formValue(path), PathIds.formValue(newPath));
    }

    /**
     * Starts moving files or folders into a folder. The server works on it as a task.
     *
     * @param sources the paths to move (at least one)
     * @param destinationFolder the folder they go into
     * @return the started task; {@code await()} it for the outcome
     */
    public PendingTask move(Collection<String> sources, String destinationFolder) {
        return pending(invoker.sync(moveCall(sources, destinationFolder)));
    }

    /**
     * Starts moving files or folders into a folder, asynchronously.
     *
     * @param sources the paths to move (at least one)
     * @param destinationFolder the folder they go into
     * @return a future of the started task
     */
    public CompletableFuture<PendingTask> moveAsync(Collection<String> sources, String destinationFolder) {
        return invoker.async(moveCall(sources, destinationFolder)).thenApply(this::pending);
    }

    private Call<Task> moveCall(Collection<String> sources, String destinationFolder) {
        return api.movePaths(formValues("sources", sources), PathIds.formValue(destinationFolder));
    }

    /**
     * Starts copying files or folders into a folder. The server works on it as a task.
     *
     * @param sources the paths to copy (at least one)
     * @param destinationFolder the folder the copies go into
     * @return the started task; {@code await()} it for the outcome
     */
    public PendingTask copy(Collection<String> sources, String destinationFolder) {
        return pending(invoker.sync(copyCall(sources, destinationFolder)));
    }

    /**
     * Starts copying files or folders into a folder, asynchronously.
     *
     * @param sources the paths to copy (at least one)
     * @param destinationFolder the folder the copies go into
     * @return a future of the started task
     */
    public CompletableFuture<PendingTask> copyAsync(Collection<String> sources, String destinationFolder) {
        return invoker.async(copyCall(sources, destinationFolder)).thenApply(this::pending);
    }

    private Call<Task> copyCall(Collection<String> sources, String destinationFolder) {
        return api.copyPaths(formValues("sources", sources), PathIds.formValue(destinationFolder));
    }

    /**
     * Starts deleting files or folders. The server works on it as a task.
     *
     * @param paths the paths to delete (at least one)
     * @return the started task; {@code await()} it for the outcome
     */
    public PendingTask remove(String... paths) {
        return pending(invoker.sync(removeCall(Arrays.asList(paths))));
    }

    /**
     * Starts deleting files or folders, asynchronously.
     *
     * @param paths the paths to delete (at least one)
     * @return a future of the started task
     */
    public CompletableFuture<PendingTask> removeAsync(String... paths) {
        return invoker.async(removeCall(Arrays.asList(paths))).thenApply(this::pending);
    }

    private Call<Task> removeCall(List<String> paths) {
        return api.removePaths(formValues("paths", paths));
    }

    /**
     * Starts computing checksums of files on the server. The server works on it as a task whose
     * result maps each path to its hex digest.
     *
     * @param algorithm the digest: {@code md5}, {@code sha1}, {@code sha256} or {@code sha512}
     * @param paths the files (at least one)
     * @return the started task; {@code await()} it for the outcome
     */
    public PendingTask checksum(String algorithm, String... paths) {
        return pending(invoker.sync(checksumCall(algorithm, Arrays.asList(paths))));
    }

    /**
     * Starts computing checksums, asynchronously.
     *
     * @param algorithm the digest: {@code md5}, {@code sha1}, {@code sha256} or {@code sha512}
     * @param paths the files (at least one)
     * @return a future of the started task
     */
    public CompletableFuture<PendingTask> checksumAsync(String algorithm, String... paths) {
        return invoker.async(checksumCall(algorithm, Arrays.asList(paths))).thenApply(this::pending);
    }

    private Call<Task> checksumCall(String algorithm, List<String> paths) {
        String a = Ids.name("checksum algorithm", algorithm).toLowerCase(Locale.ROOT);
        if (!a.matches("md5|sha1|sha256|sha512")) {
            throw new InvalidInputException("Unknown checksum algorithm '" + algorithm + "'; use md5, sha1, sha256 or sha512.");
        }
        return api.computeChecksums(formValues("paths", paths), a);
    }

    /**
     * Starts packing files or folders into a zip file stored in SmartFile. The server works on it
     * as a task.
     *
     * @param paths the paths to pack (at least one)
     * @param destinationFolder the folder the zip file goes into
     * @param zipName the zip file's name
     * @return the started task; {@code await()} it for the outcome
     */
    public PendingTask compress(Collection<String> paths, String destinationFolder, String zipName) {
        return pending(invoker.sync(compressCall(paths, destinationFolder, zipName)));
    }

    /**
     * Starts packing files or folders into a zip file, asynchronously.
     *
     * @param paths the paths to pack (at least one)
     * @param destinationFolder the folder the zip file goes into
     * @param zipName the zip file's name
     * @return a future of the started task
     */
    public CompletableFuture<PendingTask> compressAsync(Collection<String> paths, String destinationFolder, String zipName) {
        return invoker.async(compressCall(paths, destinationFolder, zipName)).thenApply(this::pending);
    }

    private Call<Task> compressCall(Collection<String> paths, String destinationFolder, String zipName) {
        return api.compressPaths(formValues("paths", paths), PathIds.formValue(destinationFolder),
                Ids.name("zip file name", zipName));
    }

    /**
     * Sets custom attributes on a file or folder (for example a checksum you computed).
     *
     * @param path the file or folder
     * @param attributes names and values; names must not contain {@code =}
     * @return the item's information
     */
    public PathInfo setAttributes(String path, Map<String, String> attributes) {
        return invoker.sync(setAttributesCall(path, attributes));
    }

    /**
     * Sets custom attributes, asynchronously.
     *
     * @param path the file or folder
     * @param attributes names and values; names must not contain {@code =}
     * @return a future of the item's information
     */
    public CompletableFuture<PathInfo> setAttributesAsync(String path, Map<String, String> attributes) {
        return invoker.async(setAttributesCall(path, attributes));
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

    /**
     * Creates a temporary direct URL for a file, which works without credentials until it expires.
     *
     * @param path the file
     * @param expiresInSeconds how long the URL stays valid, in seconds (at least 1)
     * @return the URL
     */
    public ExchangeUrl exchangeUrl(String path, long expiresInSeconds) {
        return invoker.sync(exchangeCall(path, expiresInSeconds));
    }

    /**
     * Creates a temporary direct URL, asynchronously.
     *
     * @param path the file
     * @param expiresInSeconds how long the URL stays valid, in seconds (at least 1)
     * @return a future of the URL
     */
    public CompletableFuture<ExchangeUrl> exchangeUrlAsync(String path, long expiresInSeconds) {
        return invoker.async(exchangeCall(path, expiresInSeconds));
    }

    private Call<ExchangeUrl> exchangeCall(String path, long expiresInSeconds) {
        return api.createExchangeUrl(PathIds.formValue(path), null, "r", Ids.number("expiry in seconds", expiresInSeconds));
    }

    private PendingTask pending(Task task) {
        return new PendingTask(task, tasks);
    }

    /** Normalises a non-empty list of paths for a form field. */
    static List<String> formValues(String what, Collection<String> paths) {
        if (paths == null || paths.isEmpty()) {
            throw new InvalidInputException("Give at least one path in " + what + ".");
        }
        List<String> values = new ArrayList<>(paths.size());
        for (String p : paths) {
            values.add(PathIds.formValue(p));
        }
        return values;
    }
}
