package com.smartfile.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.smartfile.sdk.model.Acl;
import com.smartfile.sdk.model.Link;
import com.smartfile.sdk.model.LinkPage;

/**
 * Public links: paged list, create (201; the path must exist, else 404), get, update (POST),
 * delete (204). Links are records only: their {@code href} ({@code <base>link/<uid>/}) is not
 * served.
 */
final class LinkRoutes {

    private final AccountStore store;
    private final PathGuard guard;
    private final ZoneId zone;

    LinkRoutes(AccountStore store, PathGuard guard, ZoneId zone) {
        this.store = store;
        this.guard = guard;
        this.zone = zone;
    }

    void register(Router v2) {
        v2.add("GET", "link", this::list);
        v2.add("POST", "link", this::create);
        v2.add("GET", "link/*", this::get);
        v2.add("POST", "link/*", this::update);
        v2.add("DELETE", "link/*", this::delete);
    }

    private void list(ApiRequest req, List<String> vars) throws IOException, ApiException {
        List<Link> all;
        synchronized (store) {
            all = new ArrayList<>(store.links.values());
        }
        Paging p = Paging.of(req, all.size());
        req.json(200, LinkPage.builder().count(p.total).page(p.page).pages(p.pages).perPage(p.perPage)
                .total(p.total).next(p.next(req)).previous(p.previous(req)).results(p.slice(all)).build());
    }

    private String existingPath(Params params, String value) throws ApiException {
        try {
            List<String> segments = guard.fromFormPath(value);
            Path p = guard.resolve(segments);
            if (!Files.exists(p)) {
                throw ApiException.notFound();
            }
            return PathGuard.apiPath(segments);
        } catch (PathGuard.BadPathException e) {
            throw params.invalid("path", e.getMessage());
        }
    }

    private Link.Builder apply(Params params, Link.Builder b, Acl acl) throws ApiException {
        if (params.optional("name") != null) {
            b.name(params.optional("name"));
        }
        Acl.Builder a = acl.toBuilder();
        Boolean read = params.bool("read");
        Boolean write = params.bool("write");
        Boolean list = params.bool("list");
        Boolean remove = params.bool("remove");
        if (read != null) {
            a.read(read);
        }
        if (write != null) {
            a.write(write);
        }
        if (list != null) {
            a.list(list);
        }
        if (remove != null) {
            a.remove(remove);
        }
        b.acl(a.build());
        Long cache = params.number("cache", 0);
        if (cache != null) {
            b.cache(cache);
        }
        Boolean recursive = params.bool("recursive");
        if (recursive != null) {
            b.recursive(recursive);
        }
        Long limit = params.number("usage_limit", 1);
        if (limit != null) {
            b.usageLimit(limit);
        }
        String expiration = params.optional("expiration");
        if (expiration != null && !expiration.isBlank()) {
            try {
                b.expiration(LocalDateTime.parse(expiration.trim().replace(' ', 'T')).truncatedTo(ChronoUnit.SECONDS)
                        .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
            } catch (DateTimeParseException e) {
                throw params.invalid("expiration", "Expected YYYY-MM-DDTHH:MM:SS.");
            }
        }
        return b;
    }

    private void create(ApiRequest req, List<String> vars) throws IOException, ApiException {
        Params params = Params.fieldErrors(req.params());
        String path = existingPath(params, params.required("path"));
        String uid = Secrets.alphanumeric(10);
        String name = path.equals("/") ? "/" : path.substring(path.lastIndexOf('/') + 1);
        Link.Builder b = Link.builder().uid(uid).href(req.baseUrl() + "link/" + uid + "/").name(name).path(path)
                .created(LocalDateTime.now(zone).truncatedTo(ChronoUnit.SECONDS)
                        .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
                .owner(req.principal()).recursive(false).usageCount(0L).cache(0L);
        Link link = apply(params, b, Acl.builder().read(true).write(false).list(true).remove(false).build()).build();
        synchronized (store) {
            store.links.put(uid, link);
        }
        req.json(201, link);
    }

    private Link find(String uid) throws ApiException {
        Link l = store.links.get(uid);
        if (l == null) {
            throw ApiException.notFound();
        }
        return l;
    }

    private void get(ApiRequest req, List<String> vars) throws IOException, ApiException {
        Link l;
        synchronized (store) {
            l = find(vars.get(0));
        }
        req.json(200, l);
    }

    private void update(ApiRequest req, List<String> vars) throws IOException, ApiException {
        Params params = Params.fieldErrors(req.params());
        Link updated;
        synchronized (store) {
            Link l = find(vars.get(0));
            Link.Builder b = l.toBuilder();
            if (params.optional("path") != null && !params.optional("path").isBlank()) {
                b.path(existingPath(params, params.optional("path")));
            }
            updated = apply(params, b, l.getAcl()).build();
            store.links.put(l.getUid(), updated);
        }
        req.json(200, updated);
    }

    private void delete(ApiRequest req, List<String> vars) throws IOException, ApiException {
        synchronized (store) {
            store.links.remove(find(vars.get(0)).getUid());
        }
        req.noContent();
    }
}
