package com.smartfile.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.smartfile.sdk.model.Watch;

/**
 * The caller's watches: {@code watch/paths/} (POST {@code path}), {@code watch/users/} (POST
 * {@code user}), {@code watch/groups/} (POST {@code group}) list as plain arrays and create with 201
 * (watching twice keeps one watch); {@code DELETE watch/path/{path}} (the root is {@code watch/path/}),
 * {@code watch/user/{username}/} and {@code watch/group/{name}/} answer 204, or 404 when not watched.
 * The path, user or group must exist (404 for a path, 400 {@code field_errors} otherwise). Watches are
 * kept per caller and are records only: nothing is ever notified.
 */
final class WatchRoutes {

    private enum Kind { PATH, USER, GROUP }

    private final FileStore files;
    private final AccountStore accounts;
    /** Caller → kind → watched ids, in creation order. */
    private final Map<String, Map<Kind, Set<String>>> watches = new HashMap<>();

    WatchRoutes(FileStore files, AccountStore accounts) {
        this.files = files;
        this.accounts = accounts;
    }

    void register(Router v2) {
        v2.add("GET", "watch/paths", (req, vars) -> list(req, Kind.PATH));
        v2.add("POST", "watch/paths", this::watchPath);
        v2.add("DELETE", "watch/path/**", this::unwatchPath);
        v2.add("GET", "watch/users", (req, vars) -> list(req, Kind.USER));
        v2.add("POST", "watch/users", (req, vars) -> watchName(req, Kind.USER, "user"));
        v2.add("DELETE", "watch/user/*", (req, vars) -> unwatch(req, Kind.USER, vars.get(0)));
        v2.add("GET", "watch/groups", (req, vars) -> list(req, Kind.GROUP));
        v2.add("POST", "watch/groups", (req, vars) -> watchName(req, Kind.GROUP, "group"));
        v2.add("DELETE", "watch/group/*", (req, vars) -> unwatch(req, Kind.GROUP, vars.get(0)));
    }

    private Set<String> of(ApiRequest req, Kind kind) {
        return watches.computeIfAbsent(String.valueOf(req.principal()), k -> new HashMap<>())
                .computeIfAbsent(kind, k -> new LinkedHashSet<>());
    }

    private static Watch watch(Kind kind, String id) {
        switch (kind) {
            case PATH:
                return Watch.builder().path(id).build();
            case USER:
                return Watch.builder().user(id).build();
            default:
                return Watch.builder().group(id).build();
        }
    }

    private void list(ApiRequest req, Kind kind) throws IOException {
        List<Watch> out = new ArrayList<>();
        synchronized (watches) {
            for (String id : of(req, kind)) {
                out.add(watch(kind, id));
            }
        }
        req.json(200, out);
    }

    private void watchPath(ApiRequest req, List<String> vars) throws IOException, ApiException {
        Params params = Params.fieldErrors(req.params());
        String value = params.required("path");
        List<String> segments;
        Path p;
        try {
            segments = files.guard().fromFormPath(value);
            p = files.guard().resolve(segments);
        } catch (PathGuard.BadPathException e) {
            throw params.invalid("path", e.getMessage());
        }
        if (!Files.exists(p)) {
            throw ApiException.notFound();
        }
        String id = PathGuard.apiPath(segments);
        synchronized (watches) {
            of(req, Kind.PATH).add(id);
        }
        req.json(201, watch(Kind.PATH, id));
    }

    private void unwatchPath(ApiRequest req, List<String> vars) throws IOException, ApiException {
        String id;
        try {
            id = PathGuard.apiPath(files.guard().fromPathId(vars.get(0)));
        } catch (PathGuard.BadPathException e) {
            throw ApiException.notFound();
        }
        unwatch(req, Kind.PATH, id);
    }

    private void watchName(ApiRequest req, Kind kind, String field) throws IOException, ApiException {
        Params params = Params.fieldErrors(req.params());
        String name = params.required(field);
        synchronized (accounts) {
            boolean known = kind == Kind.USER ? accounts.users.containsKey(name) : accounts.groups.containsKey(name);
            if (!known) {
                throw params.invalid(field, "Object with " + (kind == Kind.USER ? "username" : "name") + "=" + name
                        + " does not exist.");
            }
        }
        synchronized (watches) {
            of(req, kind).add(name);
        }
        req.json(201, watch(kind, name));
    }

    private void unwatch(ApiRequest req, Kind kind, String id) throws IOException, ApiException {
        synchronized (watches) {
            if (!of(req, kind).remove(id)) {
                throw ApiException.notFound();
            }
        }
        req.noContent();
    }
}
