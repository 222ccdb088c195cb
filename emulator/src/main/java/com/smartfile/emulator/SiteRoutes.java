package com.smartfile.emulator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.smartfile.sdk.model.Site;
import com.smartfile.sdk.model.SitePage;

/**
 * Sites by name: {@code GET site/} (paged {@code results}), {@code POST site/} (201; {@code name}
 * required and unique, 400 {@code field_errors} otherwise), {@code GET}/{@code POST site/{name}/}
 * (200; a new {@code name} renames), {@code DELETE site/{name}/} (204; the account's own site, as
 * {@code whoami/} names it, cannot be deleted: 403). Seeded with the account's own site. {@code username}
 * and {@code password} (the first administrator, on create) are taken and dropped, never echoed.
 * Deleting a site drops its quota.
 */
final class SiteRoutes {

    private final AccountStore store;

    SiteRoutes(AccountStore store) {
        this.store = store;
    }

    void register(Router v2) {
        v2.add("GET", "site", this::list);
        v2.add("POST", "site", this::create);
        v2.add("GET", "site/*", this::get);
        v2.add("POST", "site/*", this::update);
        v2.add("DELETE", "site/*", this::delete);
    }

    private void list(ApiRequest req, List<String> vars) throws IOException, ApiException {
        List<Site> all;
        synchronized (store) {
            all = new ArrayList<>(store.sites.values());
        }
        Paging p = Paging.of(req, all.size());
        req.json(200, SitePage.builder().count(p.total).page(p.page).pages(p.pages).perPage(p.perPage)
                .total(p.total).next(p.next(req)).previous(p.previous(req)).results(p.slice(all)).build());
    }

    private void create(ApiRequest req, List<String> vars) throws IOException, ApiException {
        Params params = Params.fieldErrors(req.params());
        String name = checkedName(params, params.required("name"));
        Site site;
        synchronized (store) {
            if (store.sites.containsKey(name)) {
                throw params.invalid("name", "A site with that name already exists.");
            }
            site = apply(params, Site.builder().name(name)).build();
            store.sites.put(name, site);
        }
        req.json(201, site);
    }

    private void get(ApiRequest req, List<String> vars) throws IOException, ApiException {
        Site site;
        synchronized (store) {
            site = store.sites.get(vars.get(0));
        }
        if (site == null) {
            throw ApiException.notFound();
        }
        req.json(200, site);
    }

    private void update(ApiRequest req, List<String> vars) throws IOException, ApiException {
        Params params = Params.fieldErrors(req.params());
        String current = vars.get(0);
        Site site;
        synchronized (store) {
            Site old = store.sites.get(current);
            if (old == null) {
                throw ApiException.notFound();
            }
            String name = params.has("name") ? checkedName(params, params.required("name")) : current;
            if (!name.equals(current)) {
                if (current.equals(AccountStore.OWN_SITE)) {
                    throw params.invalid("name", "The emulator's own site cannot be renamed.");
                }
                if (store.sites.containsKey(name)) {
                    throw params.invalid("name", "A site with that name already exists.");
                }
            }
            site = apply(params, old.toBuilder().name(name)).build();
            Map<String, Site> renamed = new LinkedHashMap<>();
            store.sites.forEach((k, v) -> renamed.put(k.equals(current) ? name : k, k.equals(current) ? null : v));
            renamed.put(name, site);
            store.sites.clear();
            store.sites.putAll(renamed);
            if (!name.equals(current) && store.siteQuotas.containsKey(current)) {
                store.siteQuotas.put(name, store.siteQuotas.remove(current));
            }
        }
        req.json(200, site);
    }

    private void delete(ApiRequest req, List<String> vars) throws IOException, ApiException {
        String name = vars.get(0);
        synchronized (store) {
            if (!store.sites.containsKey(name)) {
                throw ApiException.notFound();
            }
            if (name.equals(AccountStore.OWN_SITE)) {
                throw ApiException.detail(403, "The site you are signed in to cannot be deleted.");
            }
            store.sites.remove(name);
            store.siteQuotas.remove(name);
        }
        req.noContent();
    }

    private static String checkedName(Params params, String name) throws ApiException {
        if (name.contains("/") || name.chars().anyMatch(Character::isISOControl)) {
            throw params.invalid("name", "A site name may not contain '/' or control characters.");
        }
        return name;
    }

    private static Site.Builder apply(Params params, Site.Builder b) {
        for (String field : List.of("industry", "contact", "email")) {
            String v = params.optional(field);
            if (v != null) {
                switch (field) {
                    case "industry":
                        b.industry(v);
                        break;
                    case "contact":
                        b.contact(v);
                        break;
                    default:
                        b.email(v);
                }
            }
        }
        return b;
    }
}
