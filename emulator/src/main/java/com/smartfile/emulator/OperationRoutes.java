package com.smartfile.emulator;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code path/oper/*} routes. {@code mkdir} and {@code rename} act at once and answer the
 * item's {@code PathInfo}; {@code remove}, {@code move}, {@code copy}, {@code checksum} and
 * {@code compress} start a task ({@link TaskManager}) and answer it {@code PENDING}.
 *
 * <p>Missing or refused parameters answer 400 with per-field lists ({@code {"src": ["…"]}}).
 * {@code mkdir} creates missing parents and answers 200 for a folder that already exists; a file
 * in the way answers 409. {@code remove} answers 404 when none of its paths exists; {@code move}
 * and {@code copy} answer 400 {@code {"src": […]}} in that case.
 */
final class OperationRoutes {

    private final FileStore store;
    private final PathGuard guard;
    private final FileOperations operations;
    private final TaskManager tasks;

    OperationRoutes(FileStore store, FileOperations operations, TaskManager tasks) {
        this.store = store;
        this.guard = store.guard();
        this.operations = operations;
        this.tasks = tasks;
    }

    void register(Router v2) {
        v2.add("POST", "path/oper/mkdir", this::mkdir);
        v2.add("PUT", "path/oper/mkdir/**", this::mkdirAt);
        v2.add("POST", "path/oper/rename", this::rename);
        v2.add("POST", "path/oper/remove", this::remove);
        v2.add("POST", "path/oper/move", (req, vars) -> transfer(req, true));
        v2.add("POST", "path/oper/copy", (req, vars) -> transfer(req, false));
        v2.add("POST", "path/oper/checksum", this::checksum);
        v2.add("POST", "path/oper/compress", this::compress);
        v2.add("DELETE", "path/oper/remove/**", this::removeAt);
        v2.add("POST", "path/oper/downloadmultiple", this::downloadMultiple);
    }

    /** {@code DELETE path/oper/remove/{path}}: one path in the URL, otherwise as {@code POST path/oper/remove/}. */
    private void removeAt(ApiRequest req, List<String> vars) throws IOException, ApiException {
        List<String> segments;
        Path p;
        try {
            segments = guard.fromPathId(vars.get(0));
            p = guard.resolve(segments);
        } catch (PathGuard.BadPathException e) {
            throw ApiException.detail(400, e.getMessage());
        }
        if (segments.isEmpty()) {
            throw ApiException.detail(400, "Cannot remove the root folder.");
        }
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            throw ApiException.notFound();
        }
        List<List<String>> targets = List.of(segments);
        req.json(200, tasks.submit("Remove", req.apiVersion(), apiPaths(targets), () -> operations.remove(targets)));
    }

    /**
     * {@code POST path/oper/downloadmultiple/}: a zip of the given files and folders, made while it
     * streams (chunked; nothing is staged or stored). Each item is an entry under its own name, folders
     * with their contents; the root's contents go at the top. 404 when none of the paths exists; missing
     * ones among existing ones are left out. {@code filename} names the archive in
     * {@code Content-Disposition} (default {@code download.zip}).
     */
    private void downloadMultiple(ApiRequest req, List<String> vars) throws IOException, ApiException {
        Params params = Params.fieldLists(req.params());
        List<List<String>> targets = formPaths(params, "path");
        String filename = params.optional("filename");
        if (filename == null || filename.isBlank()) {
            filename = "download.zip";
        }
        try {
            PathGuard.check(filename, false);
        } catch (PathGuard.BadPathException e) {
            throw params.invalid("filename", e.getMessage());
        }
        List<Path> items = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        for (List<String> segments : targets) {
            Path p = resolve(params, "path", segments);
            if (Files.exists(p)) {
                items.add(p);
                entries.add(segments.isEmpty() ? "" : segments.get(segments.size() - 1));
            }
        }
        if (items.isEmpty()) {
            throw ApiException.notFound();
        }
        String ascii = filename.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
        req.replyHeaders().set("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + PercentCodec.encodeStrict(filename));
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(req.streamBody(200, "application/zip"))) {
            for (int i = 0; i < items.size(); i++) {
                operations.addToZip(zip, items.get(i), entries.get(i));
            }
        }
    }

    private List<String> formPath(Params params, String field, String value) throws ApiException {
        try {
            return guard.fromFormPath(value);
        } catch (PathGuard.BadPathException e) {
            throw params.invalid(field, e.getMessage());
        }
    }

    private Path resolve(Params params, String field, List<String> segments) throws ApiException {
        try {
            return guard.resolve(segments);
        } catch (PathGuard.BadPathException e) {
            throw params.invalid(field, e.getMessage());
        }
    }

    private List<List<String>> formPaths(Params params, String field) throws ApiException {
        List<List<String>> out = new ArrayList<>();
        for (String value : params.requiredList(field)) {
            List<String> segments = formPath(params, field, value);
            resolve(params, field, segments);
            out.add(segments);
        }
        return out;
    }

    private static List<String> apiPaths(List<List<String>> paths) {
        List<String> out = new ArrayList<>();
        for (List<String> p : paths) {
            out.add(PathGuard.apiPath(p));
        }
        return out;
    }

    private void mkdir(ApiRequest req, List<String> vars) throws IOException, ApiException {
        Params params = Params.fieldLists(req.params());
        List<String> segments = formPath(params, "path", params.required("path"));
        resolve(params, "path", segments);
        try {
            makeDirectory(req, segments);
        } catch (PathGuard.BadPathException e) {
            throw params.invalid("path", e.getMessage());
        }
    }

    /**
     * {@code PUT path/oper/mkdir/{path}}: the form the old java client's live tests, the 2013 python
     * client and later scripts used. The folder is the path id; a body, if any, is not read.
     */
    private void mkdirAt(ApiRequest req, List<String> vars) throws IOException, ApiException {
        try {
            makeDirectory(req, guard.fromPathId(vars.get(0)));
        } catch (PathGuard.BadPathException e) {
            throw ApiException.detail(400, e.getMessage());
        }
    }

    private void makeDirectory(ApiRequest req, List<String> segments)
            throws IOException, ApiException, PathGuard.BadPathException {
        Path dir = guard.resolve(segments);
        for (int i = 1; i <= segments.size(); i++) {
            Path step = guard.resolve(segments.subList(0, i));
            if (Files.exists(step) && !Files.isDirectory(step)) {
                throw ApiException.detail(409, "A file is in the way: " + PathGuard.apiPath(segments.subList(0, i)));
            }
        }
        try {
            synchronized (store.namespace()) {
                Files.createDirectories(dir);
            }
        } catch (FileAlreadyExistsException e) {
            throw ApiException.detail(409, "A file is in the way: " + PathGuard.apiPath(segments));
        }
        req.json(200, store.info(dir, segments, req.baseUrl(), req.apiVersion()));
    }

    private void rename(ApiRequest req, List<String> vars) throws IOException, ApiException {
        Params params = Params.fieldLists(req.params());
        List<String> src = formPath(params, "src", params.required("src"));
        List<String> dst = formPath(params, "dst", params.required("dst"));
        if (src.isEmpty()) {
            throw params.invalid("src", "Cannot rename the root folder.");
        }
        if (dst.isEmpty()) {
            throw params.invalid("dst", "Cannot rename to the root folder.");
        }
        Path from = resolve(params, "src", src);
        Path to = resolve(params, "dst", dst);
        if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
            throw ApiException.notFound();
        }
        if (dst.size() > src.size() && dst.subList(0, src.size()).equals(src)) {
            throw params.invalid("dst", "Cannot move a folder into itself.");
        }
        synchronized (store.namespace()) {
            if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
                throw ApiException.notFound();
            }
            if (!Files.isDirectory(to.getParent())) {
                throw ApiException.detail(409, "The destination folder does not exist.");
            }
            if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
                throw ApiException.detail(409, "The destination already exists.");
            }
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            store.moveMetadata(PathGuard.apiPath(src), PathGuard.apiPath(dst));
        }
        req.json(200, store.info(to, dst, req.baseUrl(), req.apiVersion()));
    }

    private void remove(ApiRequest req, List<String> vars) throws IOException, ApiException {
        Params params = Params.fieldLists(req.params());
        List<List<String>> targets = formPaths(params, "path");
        boolean any = false;
        for (List<String> segments : targets) {
            any |= Files.exists(resolve(params, "path", segments), LinkOption.NOFOLLOW_LINKS);
        }
        if (!any) {
            throw ApiException.notFound();
        }
        req.json(200, tasks.submit("Remove", req.apiVersion(), apiPaths(targets),
                () -> operations.remove(targets)));
    }

    private void transfer(ApiRequest req, boolean move) throws IOException, ApiException {
        Params params = Params.fieldLists(req.params());
        List<List<String>> sources = formPaths(params, "src");
        List<String> dst = formPath(params, "dst", params.required("dst"));
        resolve(params, "dst", dst);
        boolean any = false;
        for (List<String> segments : sources) {
            any |= Files.exists(resolve(params, "src", segments), LinkOption.NOFOLLOW_LINKS);
        }
        if (!any) {
            throw params.invalid("src", "None of the given paths exists.");
        }
        req.json(200, tasks.submit(move ? "Move" : "Copy", req.apiVersion(), apiPaths(sources),
                () -> operations.transfer(move, sources, dst)));
    }

    private void checksum(ApiRequest req, List<String> vars) throws IOException, ApiException {
        Params params = Params.fieldLists(req.params());
        List<List<String>> targets = formPaths(params, "path");
        params.required("algorithm");
        String algorithm = params.choice("algorithm", List.of("md5", "sha1", "sha256", "sha512"));
        req.json(200, tasks.submit("Checksum", req.apiVersion(), apiPaths(targets),
                () -> operations.checksum(targets, algorithm)));
    }

    private void compress(ApiRequest req, List<String> vars) throws IOException, ApiException {
        Params params = Params.fieldLists(req.params());
        List<List<String>> targets = formPaths(params, "path");
        List<String> dst = formPath(params, "dst", params.required("dst"));
        resolve(params, "dst", dst);
        String name = params.required("name");
        try {
            PathGuard.check(name, dst.isEmpty());
        } catch (PathGuard.BadPathException e) {
            throw params.invalid("name", e.getMessage());
        }
        req.json(200, tasks.submit("Compress", req.apiVersion(), apiPaths(targets),
                () -> {
                    try {
                        return operations.compress(targets, dst, name);
                    } catch (IOException e) {
                        // said without the server's own file-system paths
                        return TaskManager.Outcome.failure(Map.of(PathGuard.apiPath(PathRoutes.concat(dst, name)),
                                store.describe(e)));
                    }
                }));
    }
}
