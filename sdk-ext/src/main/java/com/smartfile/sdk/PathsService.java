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

import com.smartfile.sdk.internal.PathsApi;
import com.smartfile.sdk.model.PathInfo;
import com.smartfile.sdk.model.Task;
import retrofit2.Call;

/**
 * Files and folders: uploads and downloads of any size, information, listing, folder creation,
 * renames, and the operations that run as server-side tasks (move, copy, remove, checksum,
 * compress). Get it from {@link SmartFile#paths()}.
 *
 * <p>Paths are absolute SmartFile paths such as {@code /Documents/report.pdf}; the leading
 * {@code /} is optional and any character is allowed in a name except control characters. They
 * are encoded for you. Methods ending in {@code Async} return at once with a future (see
 * {@link SmartFile} for what they promise).
 *
 * <p>Transfers stream: no file is ever held in memory whole. Uploads from a {@link Path} or
 * {@code byte[]} are retried as the client's {@link RetryPolicy} allows; uploads from a stream are
 * never re-sent. Downloads resume after a dropped connection, can verify a checksum, and a
 * download to a file never leaves a partial file under the file's name.
 *
 * <pre>{@code
 * PathInfo stored = paths.upload("/inbox", UploadSource.of(Paths.get("report.pdf")));
 * paths.download("/inbox/report.pdf", Paths.get("copy.pdf"),
 *         DownloadOptions.builder().checksum("SHA-256", expectedHex).progress((n, total) -> show(n, total)).build());
 * }</pre>
 */
public interface PathsService extends PathsOperations {

    /**
     * Uploads files into a folder in one multipart request, on one of the client's threads.
     * Transfers stream through blocking I/O, so the asynchronous forms run the same code as
     * {@link #upload(String, List, UploadOptions)} on the client's worker threads; every failure,
     * bad input included, completes the future exceptionally.
     *
     * @param folder the folder
     * @param sources the files, with their names
     * @param options progress listener and folder creation
     * @return a future of the stored files' information
     */
    default CompletableFuture<List<PathInfo>> uploadAsync(String folder, List<UploadSource> sources, UploadOptions options) {
        return Fakes.supply(() -> upload(folder, sources, options));
    }

    /**
     * Writes a whole file at a full path (v3 PUT) on one of the client's threads.
     *
     * @param filePath the file's full path
     * @param source the content
     * @param options progress listener and folder creation
     * @return a future of the stored file's information
     */
    default CompletableFuture<PathInfo> uploadAsAsync(String filePath, UploadSource source, UploadOptions options) {
        return Fakes.supply(() -> uploadAs(filePath, source, options));
    }

    /**
     * Downloads a file to a local file on one of the client's threads, as
     * {@link #download(String, Path, DownloadOptions)} does.
     *
     * @param path the remote file
     * @param localFile where it goes; it appears only when complete
     * @param options progress, checksum and resume settings
     * @return a future of the number of bytes written
     */
    default CompletableFuture<Long> downloadAsync(String path, Path localFile, DownloadOptions options) {
        return Fakes.supply(() -> download(path, localFile, options));
    }

    /**
     * Uploads a file into a folder (v2 multipart), under the source's name. An existing file of
     * that name is handled as the server decides.
     *
     * @param folder the folder, which must exist (see {@link UploadOptions.Builder#createFolders})
     * @param source the content and its name
     * @return the stored file's information
     * @throws ConflictException when the folder does not exist
     * @throws InvalidInputException before any request, for a bad path, a missing or unreadable
     *     file, a folder given as the file, a stream or bytes without a name, or a stream already used
     */
    default PathInfo upload(String folder, UploadSource source) {
        return upload(folder, source, UploadOptions.defaults());
    }

    /**
     * Uploads a file into a folder (v2 multipart), under the source's name, with options.
     *
     * @param folder the folder
     * @param source the content and its name
     * @param options progress listener, folder creation
     * @return the stored file's information (when the server's reply names no file: the
     *     information it gave, possibly empty)
     * @throws ConflictException when the folder does not exist and {@code createFolders} is off
     */
    default PathInfo upload(String folder, UploadSource source, UploadOptions options) {
        throw Fakes.notFaked("PathsService.upload");
    }

    /**
     * Uploads several files into a folder in one request (v2 multipart; each is a part named
     * {@code file} with its own file name). The progress listener sees their sizes summed.
     *
     * @param folder the folder
     * @param sources the contents and their names, at least one
     * @param options progress listener, folder creation
     * @return the stored files' information, as the server lists them
     * @throws ConflictException when the folder does not exist and {@code createFolders} is off
     */
    default List<PathInfo> upload(String folder, List<UploadSource> sources, UploadOptions options) {
        throw Fakes.notFaked("PathsService.upload");
    }

    /**
     * Writes a whole file at a full path (v3 {@code PUT}), replacing its content if it exists.
     * The name comes from the path; the source's name is not used.
     *
     * @param filePath the file's full path, e.g. {@code /inbox/data.csv}
     * @param source the content
     * @return the stored file's information
     * @throws ApiException (or a subclass) when the server refuses, including when it answers
     *     200 with an error status and detail
     */
    default PathInfo uploadAs(String filePath, UploadSource source) {
        return uploadAs(filePath, source, UploadOptions.defaults());
    }

    /**
     * Writes a whole file at a full path (v3 {@code PUT}), with options.
     *
     * @param filePath the file's full path
     * @param source the content
     * @param options progress listener, creation of the parent folders
     * @return the stored file's information
     */
    default PathInfo uploadAs(String filePath, UploadSource source, UploadOptions options) {
        throw Fakes.notFaked("PathsService.uploadAs");
    }

    /**
     * Writes into an existing file from a byte offset (v3 {@code PATCH} with
     * {@code Range: bytes=offset-}), e.g. to append at its current size or to finish an
     * interrupted upload. Give the file's last known modification time so that a file changed
     * meanwhile is not overwritten.
     *
     * @param filePath the file's full path
     * @param offset where the content goes, zero or more
     * @param source the content
     * @param ifUnmodifiedSince sent as {@code If-Unmodified-Since} (an RFC 7231 date): the server
     *     refuses the write if the file changed after it; null sends no condition
     * @return the file's information
     * @throws InvalidInputException before any request, for a negative offset
     */
    default PathInfo writeAt(String filePath, long offset, UploadSource source, Instant ifUnmodifiedSince) {
        return writeAt(filePath, offset, source, ifUnmodifiedSince, UploadOptions.defaults());
    }

    /**
     * Writes into an existing file from a byte offset (v3 {@code PATCH}), with options
     * ({@code createFolders} does not apply: the file must exist).
     *
     * @param filePath the file's full path
     * @param offset where the content goes, zero or more
     * @param source the content
     * @param ifUnmodifiedSince the {@code If-Unmodified-Since} condition, or null for none
     * @param options progress listener
     * @return the file's information
     */
    default PathInfo writeAt(String filePath, long offset, UploadSource source, Instant ifUnmodifiedSince,
                            UploadOptions options) {
        throw Fakes.notFaked("PathsService.writeAt");
    }

    /**
     * Downloads a file to a local file, replacing it if it exists. The bytes go to a temporary
     * file in the same folder ({@code .<name>.<random>.smartfile-part}), which is moved over the
     * target only once complete (and verified, with a checksum option); on any failure it is
     * deleted and the target is left as it was.
     *
     * @param path the SmartFile file
     * @param localFile where to write it; its folder must exist
     * @return the number of bytes written
     * @throws InvalidInputException before any request when the path is the root or the local
     *     file is a folder or in a missing folder; after the first reply when the path is a folder
     * @throws IncompleteDownloadException when the connection kept dropping
     */
    default long download(String path, Path localFile) {
        return download(path, localFile, DownloadOptions.defaults());
    }

    /**
     * Downloads a file to a local file, with options (progress, checksum, resumes). When the
     * server does not resume a dropped download from where it stopped, it starts again from the
     * first byte.
     *
     * @param path the SmartFile file
     * @param localFile where to write it; its folder must exist
     * @param options progress listener, expected checksum, resume limit
     * @return the number of bytes written
     * @throws ChecksumMismatchException when the digest differs (nothing is left under
     *     {@code localFile}'s name)
     */
    default long download(String path, Path localFile, DownloadOptions options) {
        throw Fakes.notFaked("PathsService.download");
    }

    /**
     * Downloads a file into a stream, which is flushed but not closed.
     *
     * @param path the SmartFile file
     * @param out where the bytes go
     * @return the number of bytes written
     * @throws IncompleteDownloadException when the connection kept dropping, or the server did
     *     not resume and the file may have changed (bytes already written cannot be taken back)
     */
    default long download(String path, OutputStream out) {
        return download(path, out, DownloadOptions.defaults());
    }

    /**
     * Downloads a file into a stream, with options. After a dropped connection it resumes from
     * the last byte written; a server that sends the whole file again has its first bytes
     * skipped, as long as the file's size and version are unchanged.
     *
     * @param path the SmartFile file
     * @param out where the bytes go; flushed, not closed
     * @param options progress listener, expected checksum, resume limit
     * @return the number of bytes written
     * @throws ChecksumMismatchException at the end, when the digest differs: discard what was written
     */
    default long download(String path, OutputStream out, DownloadOptions options) {
        throw Fakes.notFaked("PathsService.download");
    }

    /**
     * Downloads several files and folders as one zip archive, made by the server
     * ({@code path/oper/downloadmultiple/}): the way to download a folder. The archive streams into a
     * hidden file beside {@code localFile}, which is moved over it only once the whole archive has
     * arrived; nothing is held in memory. A server-made archive cannot be resumed: when the connection
     * drops, nothing is left under {@code localFile}'s name and the download must start again.
     *
     * @param localFile where to write the zip; its folder must exist (its name is sent as the zip's name)
     * @param paths the SmartFile files and folders (at least one; the root means everything)
     * @return the number of bytes written
     * @throws InvalidInputException before any request, for no paths or a bad local file
     * @throws TransportException when the connection dropped during the archive
     * @throws LocalFileException when the local file cannot be written
     */
    default long downloadZip(Path localFile, String... paths) {
        throw Fakes.notFaked("PathsService.downloadZip");
    }

    /**
     * Downloads several files and folders as one zip archive into a stream, which is flushed but not
     * closed. The archive is copied as it arrives; when the connection drops, what was written so far
     * is an incomplete archive the caller must discard.
     *
     * @param out where the zip goes
     * @param paths the SmartFile files and folders (at least one)
     * @return the number of bytes written
     * @throws InvalidInputException before any request, for no paths or a null stream
     * @throws TransportException when the connection dropped during the archive
     */
    default long downloadZip(OutputStream out, String... paths) {
        throw Fakes.notFaked("PathsService.downloadZip");
    }

    /**
     * Opens a file for reading as it downloads. Close the stream (try-with-resources) to free the
     * connection.
     *
     * @param path the SmartFile file
     * @return the file's bytes
     * @throws NotFoundException (and other API errors) at once, before the stream is returned
     */
    default InputStream openDownload(String path) {
        return openDownload(path, DownloadOptions.defaults());
    }

    /**
     * Opens a file for reading as it downloads, with options. The stream resumes by itself after
     * a dropped connection. Its {@code read} methods throw the SDK's unchecked exceptions
     * ({@link IncompleteDownloadException}, {@link ChecksumMismatchException} at the end of the
     * file, {@link ApiException}) and {@code IOException} only once closed.
     *
     * @param path the SmartFile file
     * @param options progress listener, expected checksum, resume limit
     * @return the file's bytes; close it
     */
    default InputStream openDownload(String path, DownloadOptions options) {
        throw Fakes.notFaked("PathsService.openDownload");
    }

    /**
     * Uploads a local file over a remote one by sending only the blocks that differ (a librsync delta through
     * SmartFile's {@code path/sync} routes); a plain upload when there is no remote file, the server has no delta
     * routes, or the delta would not be smaller. The progress listener counts the bytes actually sent.
     *
     * @param localFile the new version
     * @param remotePath the remote file's full path
     * @return delta or plain (and why), bytes sent and received against the file's size
     * @throws InvalidInputException before any request, when the local file is missing or a folder
     */
    default SyncResult syncUpload(Path localFile, String remotePath) {
        return syncUpload(localFile, remotePath, UploadOptions.defaults());
    }

    /**
     * {@link #syncUpload(Path, String)} with options (progress; {@code createFolders} applies to a plain upload).
     *
     * @param localFile the new version
     * @param remotePath the remote file's full path
     * @param options progress listener, folder creation
     * @return delta or plain (and why), bytes sent and received against the file's size
     */
    default SyncResult syncUpload(Path localFile, String remotePath, UploadOptions options) {
        throw Fakes.notFaked("PathsService.syncUpload");
    }

    /**
     * Brings a local copy up to date with a remote file by receiving only the blocks that differ (a librsync
     * delta); a plain download when there is no local copy or the server has no delta routes. The new version is
     * written beside the local file and moved over it only once complete.
     *
     * @param remotePath the remote file
     * @param localFile the local copy, replaced atomically
     * @return delta or plain (and why), bytes sent and received against the file's size
     */
    default SyncResult syncDownload(String remotePath, Path localFile) {
        return syncDownload(remotePath, localFile, DownloadOptions.defaults());
    }

    /**
     * {@link #syncDownload(String, Path)} with options (progress counts delta bytes received; a checksum is
     * verified on the rebuilt file before it replaces the local copy).
     *
     * @param remotePath the remote file
     * @param localFile the local copy, replaced atomically
     * @param options progress listener, expected checksum
     * @return delta or plain (and why), bytes sent and received against the file's size
     */
    default SyncResult syncDownload(String remotePath, Path localFile, DownloadOptions options) {
        throw Fakes.notFaked("PathsService.syncDownload");
    }

    /**
     * Sets custom attributes on a file or folder (for example a checksum you computed).
     *
     * @param path the file or folder
     * @param attributes names and values; names must not contain {@code =}
     * @return the item's information
     */
    default PathInfo setAttributes(String path, Map<String, String> attributes) {
        throw Fakes.notFaked("PathsService.setAttributes");
    }

    /**
     * Sets custom attributes, asynchronously.
     *
     * @param path the file or folder
     * @param attributes names and values; names must not contain {@code =}
     * @return a future of the item's information
     */
    default CompletableFuture<PathInfo> setAttributesAsync(String path, Map<String, String> attributes) {
        return Fakes.supply(() -> setAttributes(path, attributes));
    }
}
