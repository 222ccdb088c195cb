package com.smartfile.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.smartfile.sdk.model.AccessRule;
import com.smartfile.sdk.model.AccessRulePage;
import com.smartfile.sdk.model.Acl;
import com.smartfile.sdk.model.PathAccess;
import com.smartfile.sdk.model.PathAccessGroup;
import com.smartfile.sdk.model.PathAccessUser;

/**
 * Access rules granting users or groups rights on paths: {@code access/user/…},
 * {@code access/group/…} (paged lists with an optional {@code path} filter, create 201, one rule
 * GET/POST/DELETE) and the read-only {@code access/path/{path}} view. The user, group and path of
 * a new rule must exist (else 404); flags not sent are false. Rules are records only: the emulator
 * does not enforce them (every caller is the account owner).
 */
final class AccessRoutes {

    private final AccountStore store;
    private final PathGuard guard;
    private final PathRoutes paths;

    AccessRoutes(AccountStore store, PathGuard guard, PathRoutes paths) {
        this.store = store;
        this.guard = guard;
        this.paths = paths;
    }

    void register(Router v2) {
        for (String kind : List.of("user", "group")) {
            boolean user = kind.equals("user");
            v2.add("GET", "access/" + kind, (req, vars) -> list(req, user, null));
            v2.add("POST", "access/" + kind, (req, vars) -> create(req, user));
            v2.add("GET", "access/" + kind + "/*", (req, vars) -> listFor(req, user, vars.get(0)));
            v2.add("GET", "access/" + kind + "/*/*", (req, vars) -> get(req, user, vars));
            v2.add("POST", "access/" + kind + "/*/*", (req, vars) -> update(req, user, vars));
            v2.add("DELETE", "access/" + kind + "/*/*", (req, vars) -> delete(req, user, vars));
        }
        v2.add("GET", "access/path/**", this::pathAccess);
    }

    private static Object owner(AccessRule r, boolean user) {
        return user ? r.getUser() : r.getGroup();
    }

    private void list(ApiRequest req, boolean user, String name) throws IOException, ApiException {
        String pathFilter = req.query().first("path");
        String filter = null;
        if (pathFilter != null && !pathFilter.isBlank()) {
            try {
                filter = PathGuard.apiPath(guard.fromFormPath(pathFilter));
            } catch (PathGuard.BadPathException e) {
                filter = pathFilter;
            }
        }
        String wanted = filter;
        Predicate<AccessRule> match = r -> owner(r, user) != null && (name == null || name.equals(owner(r, user)))
                && (wanted == null || wanted.equals(r.getPath()));
        List<AccessRule> all = new ArrayList<>();
        synchronized (store) {
            store.rules.values().stream().filter(match).forEach(all::add);
        }
        Paging p = Paging.of(req, all.size());
        req.json(200, AccessRulePage.builder().count(p.total).page(p.page).pages(p.pages).perPage(p.perPage)
                .total(p.total).next(p.next(req)).previous(p.previous(req)).results(p.slice(all)).build());
    }

    private void listFor(ApiRequest req, boolean user, String name) throws IOException, ApiException {
        synchronized (store) {
            if (!(user ? store.users.containsKey(name) : store.groups.containsKey(name))) {
                throw ApiException.notFound();
            }
        }
        list(req, user, name);
    }

    private AccessRule.Builder flags(Params params, AccessRule.Builder b) throws ApiException {
        for (String flag : List.of("read", "write", "list", "remove")) {
            Boolean v = params.bool(flag);
            if (v != null) {
                switch (flag) {
                    case "read":
                        b.read(v);
                        break;
                    case "write":
                        b.write(v);
                        break;
                    case "list":
                        b.list(v);
                        break;
                    default:
                        b.remove(v);
                        break;
                }
            }
        }
        return b;
    }

    private void create(ApiRequest req, boolean user) throws IOException, ApiException {
        Params params = Params.fieldErrors(req.params());
        String field = user ? "user" : "group";
        String name = params.required(field);
        String value = params.required("path");
        String apiPath;
        try {
            List<String> segments = guard.fromFormPath(value);
            if (!Files.exists(guard.resolve(segments))) {
                throw ApiException.notFound();
            }
            apiPath = PathGuard.apiPath(segments);
        } catch (PathGuard.BadPathException e) {
            throw params.invalid("path", e.getMessage());
        }
        AccessRule rule;
        synchronized (store) {
            if (!(user ? store.users.containsKey(name) : store.groups.containsKey(name))) {
                throw ApiException.notFound();
            }
            AccessRule.Builder b = AccessRule.builder().id(store.nextRuleId()).path(apiPath)
                    .read(false).write(false).list(false).remove(false);
            if (user) {
                b.user(name);
            } else {
                b.group(name);
            }
            rule = flags(params, b).build();
            store.rules.put(rule.getId(), rule);
        }
        req.json(201, rule);
    }

    private AccessRule find(boolean user, List<String> vars) throws ApiException {
        long id;
        try {
            id = Long.parseLong(vars.get(1));
        } catch (NumberFormatException e) {
            throw ApiException.notFound();
        }
        AccessRule r = store.rules.get(id);
        if (r == null || !vars.get(0).equals(owner(r, user))) {
            throw ApiException.notFound();
        }
        return r;
    }

    private void get(ApiRequest req, boolean user, List<String> vars) throws IOException, ApiException {
        AccessRule r;
        synchronized (store) {
            r = find(user, vars);
        }
        req.json(200, r);
    }

    private void update(ApiRequest req, boolean user, List<String> vars) throws IOException, ApiException {
        Params params = Params.fieldErrors(req.params());
        AccessRule updated;
        synchronized (store) {
            AccessRule r = find(user, vars);
            updated = flags(params, r.toBuilder()).build();
            store.rules.put(updated.getId(), updated);
        }
        req.json(200, updated);
    }

    private void delete(ApiRequest req, boolean user, List<String> vars) throws IOException, ApiException {
        synchronized (store) {
            store.rules.remove(find(user, vars).getId());
        }
        req.noContent();
    }

    private void pathAccess(ApiRequest req, List<String> vars) throws IOException, ApiException {
        List<String> segments = paths.segments(vars.get(0), 404);
        Path p = paths.resolve(segments, 404);
        if (!Files.exists(p)) {
            throw ApiException.notFound();
        }
        String apiPath = PathGuard.apiPath(segments);
        List<PathAccessUser> users = new ArrayList<>();
        List<PathAccessGroup> groups = new ArrayList<>();
        synchronized (store) {
            for (AccessRule r : store.rules.values()) {
                if (!apiPath.equals(r.getPath())) {
                    continue;
                }
                Acl acl = Acl.builder().list(r.getList()).read(r.getRead()).remove(r.getRemove())
                        .write(r.getWrite()).build();
                if (r.getUser() != null) {
                    users.add(PathAccessUser.builder().user(r.getUser()).acl(acl).build());
                } else {
                    groups.add(PathAccessGroup.builder().group(r.getGroup()).acl(acl).build());
                }
            }
        }
        req.json(200, PathAccess.builder().users(users).groups(groups).build());
    }
}
