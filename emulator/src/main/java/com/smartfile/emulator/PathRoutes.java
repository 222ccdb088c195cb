package com.smartfile.emulator;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.smartfile.sdk.model.PathInfo;

/**
 * The v2 path routes: {@code path/info/{path}} (GET with optional children paging and
 * {@code fields}, POST custom attributes) and {@code path/data/{path}} (GET download, POST
 * multipart upload into a folder).
 *
 * <p>A path id the {@link PathGuard} refuses answers 404 on the read routes (whose spec lists no
 * 400) and 400 on the write routes; the {@code detail} says why.
 */
final class PathRoutes {

    private final FileStore store;
    private final PathGuard guard;
    private final Downloads downloads;

    PathRoutes(FileStore store, Downloads downloads) {
        this.store = store;
        this.guard = store.guard();
        this.downloads = downloads;
    }

    void register(Router v2) {
        v2.add("GET", "path/info/**", this::info);
        v2.add("POST", "path/info/**", this::setAttributes);
        v2.add("GET", "path/data/**", this::download);
        v2.add("POST", "path/data/**", this::upload);
    }

    /**
     * Decodes a path id from the URL.
     *
     * @param raw the raw id
     * @param status the status to answer when it is refused
     * @return the segments
     * @throws ApiException when refused
     */
    List<String> segments(String raw, int status) throws ApiException {
        try {
            return guard.fromPathId(raw);
        } catch (PathGuard.BadPathException e) {
            throw ApiException.detail(status, e.getMessage());
        }
    }

    /**
     * Resolves segments to a file-system path.
     *
     * @param segments the segments
     * @param status the status to answer when refused
     * @return the path
     * @throws ApiException when refused
     */
    Path resolve(List<String> segments, int status) throws ApiException {
        try {
            return guard.resolve(segments);
        } catch (PathGuard.BadPathException e) {
            throw ApiException.detail(status, e.getMessage());
        }
    }

    private void info(ApiRequest req, List<String> vars) throws IOException, ApiException {
        List<String> segments = segments(vars.get(0), 404);
        Path p = resolve(segments, 404);
        if (!Files.exists(p)) {
            throw ApiException.notFound();
        }
        PathInfo info = store.info(p, segments, req.baseUrl(), req.apiVersion());
        PathInfo.Builder listing = info.toBuilder();
        String children = req.query().first("children");
        if (children != null && Boolean.TRUE.equals(Params.parseBoolean(children)) && Files.isDirectory(p)) {
            List<Path> all = store.children(p);
            Paging paging = Paging.of(all.size(), req.query().first("page"), req.query().first("limit"));
            List<PathInfo> page = new ArrayList<>();
            for (Path child : paging.slice(all)) {
                List<String> childSegments = new ArrayList<>(segments);
                childSegments.add(child.getFileName().toString());
                try {
                    page.add(store.info(child, childSegments, req.baseUrl(), req.apiVersion()));
                } catch (NoSuchFileException gone) {
                    // removed while listing
                }
            }
            listing.children(page).page(paging.page).pages(paging.pages).perPage(paging.perPage)
                    .total(paging.total);
        }
        List<String> fields = req.query().all("fields");
        if (fields.isEmpty()) {
            req.json(200, listing.build());
        } else {
            req.json(200, restrict(JsonReplies.toJsonValue(req.variants().jsonValue(listing.build())), fields));
        }
    }

    /** Keeps only the asked keys (and the paging keys) of an item and its children. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> restrict(Object value, List<String> fields) {
        List<String> wanted = new ArrayList<>();
        for (String f : fields) {
            for (String part : f.split(",")) {
                wanted.add(part.trim());
            }
        }
        Map<String, Object> all = (Map<String, Object>) value;
        Map<String, Object> out = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (wanted.contains(k) || List.of("page", "pages", "per_page", "total").contains(k)) {
                out.put(k, v);
            } else if (k.equals("children")) {
                List<Object> kids = new ArrayList<>();
                for (Object child : (List<Object>) v) {
                    kids.add(restrict(child, wanted));
                }
                out.put(k, kids);
            }
        });
        return out;
    }

    private void setAttributes(ApiRequest req, List<String> vars) throws IOException, ApiException {
        List<String> segments = segments(vars.get(0), 400);
        Params params = Params.fieldLists(req.params());
        Map<String, Object> values = new LinkedHashMap<>();
        for (String pair : params.requiredList("attributes")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw params.invalid("attributes", "Expected key=value, got \"" + pair + "\".");
            }
            values.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        Path p = resolve(segments, 400);
        if (!Files.exists(p)) {
            throw ApiException.notFound();
        }
        store.putAttributes(PathGuard.apiPath(segments), values);
        req.json(200, store.info(p, segments, req.baseUrl(), req.apiVersion()));
    }

    private void download(ApiRequest req, List<String> vars) throws IOException, ApiException {
        List<String> segments = segments(vars.get(0), 404);
        sendFile(req, resolve(segments, 404));
    }

    /**
     * Answers a download of a path: 404 when missing, 400 for a folder, else the file.
     *
     * @param req the request
     * @param p the resolved path
     * @throws IOException when the connection fails
     * @throws ApiException 404 or 400
     */
    void sendFile(ApiRequest req, Path p) throws IOException, ApiException {
        if (!Files.exists(p)) {
            throw ApiException.notFound();
        }
        if (Files.isDirectory(p)) {
            throw ApiException.detail(400, "You cannot download folders; use path/oper/compress/ to zip them.");
        }
        downloads.send(req, p, store);
    }

    /** The {@code X-Upload-UUID} progress of v2 uploads ({@code path/progress/{uuid}/}). */
    final UploadProgressRoutes progress = new UploadProgressRoutes();

    private void upload(ApiRequest req, List<String> vars) throws IOException, ApiException {
        try {
            storeUpload(req, vars);
            progress.finished(req, req.status());
        } catch (ApiException e) {
            progress.finished(req, e.status());
            throw e;
        }
    }

    private void storeUpload(ApiRequest req, List<String> vars) throws IOException, ApiException {
        List<String> segments = segments(vars.get(0), 400);
        Path folder = resolve(segments, 400);
        if (!Files.isDirectory(folder)) {
            throw ApiException.detail(409, Files.exists(folder) ? "The destination is not a folder."
                    : "The destination folder does not exist.");
        }
        String boundary = MultipartParser.boundary(req.header("Content-Type"));
        if (boundary == null) {
            throw ApiException.detail(400, "Expected a multipart/form-data body with a boundary.");
        }
        MultipartParser parser = new MultipartParser(progress.track(req, req.body()), boundary);
        // Every part is staged first; the files are put in place together once the whole body
        // has been read, so a cut or malformed request stores none of them.
        List<Path> staged = new ArrayList<>();
        List<Path> targets = new ArrayList<>();
        List<List<String>> names = new ArrayList<>();
        try {
            MultipartParser.Part part;
            try {
                while ((part = parser.next()) != null) {
                    String filename = part.filename();
                    if (filename == null) {
                        continue;
                    }
                    String name = baseName(filename);
                    try {
                        PathGuard.check(name, segments.isEmpty());
                    } catch (PathGuard.BadPathException e) {
                        throw ApiException.fieldList(part.name() == null ? "file" : part.name(), e.getMessage());
                    }
                    List<String> fileSegments = concat(segments, name);
                    Path target = resolve(fileSegments, 400);
                    if (Files.isDirectory(target)) {
                        throw ApiException.detail(409, "A folder named \"" + name + "\" already exists.");
                    }
                    Path file = store.newStagingFile();
                    staged.add(file);
                    try (FileSink out = new FileSink(FileChannel.open(file, StandardOpenOption.WRITE))) {
                        part.transferTo(out);
                    }
                    targets.add(target);
                    names.add(fileSegments);
                }
            } catch (IOException e) {
                if (e instanceof ConnectionCut) {
                    throw e;
                }
                throw ApiException.detail(400, "Malformed or incomplete multipart body: " + e.getMessage());
            }
            if (targets.isEmpty()) {
                throw ApiException.fieldList("file", "No file was submitted.");
            }
            try {
                store.commitAll(staged, targets);
            } catch (NoSuchFileException e) {
                throw ApiException.detail(409, "The destination folder does not exist.");
            } catch (FileAlreadyExistsException e) {
                throw ApiException.detail(409, "A folder named \"" + e.getFile() + "\" already exists.");
            }
        } finally {
            for (Path file : staged) {
                Files.deleteIfExists(file);
            }
        }
        List<PathInfo> stored = new ArrayList<>();
        for (List<String> fileSegments : names) {
            stored.add(store.info(resolve(fileSegments, 400), fileSegments, req.baseUrl(), req.apiVersion()));
        }
        req.json(200, req.variants().uploadReply(stored));
    }

    private static String baseName(String filename) {
        int cut = Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\'));
        return filename.substring(cut + 1);
    }

    static List<String> concat(List<String> segments, String name) {
        List<String> out = new ArrayList<>(segments);
        out.add(name);
        return out;
    }
}
