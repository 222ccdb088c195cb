package com.smartfile.emulator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.smartfile.sdk.model.Quota;
import com.smartfile.sdk.model.QuotaPage;

/**
 * Quotas of users, groups and sites. Item URLs ({@code quota/user/{username}/},
 * {@code quota/group/{name}/}, {@code quota/site/{name}/} and {@code quota/site/} for the account's own
 * site): GET (404 when none is set or the user/group/site is unknown), POST (201 when created, 200 when
 * changed; an empty limit clears it), DELETE (204, 404 when none). Collections, as the python client's
 * 2012 tests used them: {@code GET quota/user/} and {@code quota/group/} list (paged {@code results});
 * {@code POST quota/user/} with {@code user=}, {@code quota/group/} with {@code group=} and
 * {@code quota/site/} with {@code site=} create (201; 400 {@code field_errors} when the entity is
 * unknown or already has a quota). {@code POST quota/site/} without {@code site} sets the own site's
 * quota as before. New quotas default to {@code notify} / {@code monthly} with no limits. Quotas are
 * records only: nothing is enforced.
 */
final class QuotaRoutes {

    private enum Kind {
        USER("user", "username"), GROUP("group", "name"), SITE("site", "name");

        final String field;
        final String key;

        Kind(String field, String key) {
            this.field = field;
            this.key = key;
        }
    }

    private final AccountStore store;

    QuotaRoutes(AccountStore store) {
        this.store = store;
    }

    void register(Router v2) {
        v2.add("GET", "quota/user", (req, vars) -> list(req, Kind.USER));
        v2.add("POST", "quota/user", (req, vars) -> create(req, Kind.USER));
        v2.add("GET", "quota/user/*", (req, vars) -> get(req, Kind.USER, vars.get(0)));
        v2.add("POST", "quota/user/*", (req, vars) -> set(req, Kind.USER, vars.get(0), false));
        v2.add("DELETE", "quota/user/*", (req, vars) -> delete(req, Kind.USER, vars.get(0)));
        v2.add("GET", "quota/group", (req, vars) -> list(req, Kind.GROUP));
        v2.add("POST", "quota/group", (req, vars) -> create(req, Kind.GROUP));
        v2.add("GET", "quota/group/*", (req, vars) -> get(req, Kind.GROUP, vars.get(0)));
        v2.add("POST", "quota/group/*", (req, vars) -> set(req, Kind.GROUP, vars.get(0), false));
        v2.add("DELETE", "quota/group/*", (req, vars) -> delete(req, Kind.GROUP, vars.get(0)));
        v2.add("GET", "quota/site", (req, vars) -> get(req, Kind.SITE, AccountStore.OWN_SITE));
        v2.add("POST", "quota/site", this::postSite);
        v2.add("DELETE", "quota/site", (req, vars) -> delete(req, Kind.SITE, AccountStore.OWN_SITE));
        v2.add("GET", "quota/site/*", (req, vars) -> get(req, Kind.SITE, vars.get(0)));
        v2.add("POST", "quota/site/*", (req, vars) -> set(req, Kind.SITE, vars.get(0), false));
        v2.add("DELETE", "quota/site/*", (req, vars) -> delete(req, Kind.SITE, vars.get(0)));
    }

    private Map<String, Quota> quotas(Kind kind) {
        return kind == Kind.USER ? store.userQuotas : kind == Kind.GROUP ? store.groupQuotas : store.siteQuotas;
    }

    private boolean exists(Kind kind, String name) {
        return kind == Kind.USER ? store.users.containsKey(name)
                : kind == Kind.GROUP ? store.groups.containsKey(name) : store.sites.containsKey(name);
    }

    private void list(ApiRequest req, Kind kind) throws IOException, ApiException {
        List<Quota> all;
        synchronized (store) {
            all = new ArrayList<>(quotas(kind).values());
        }
        Paging p = Paging.of(req, all.size());
        req.json(200, QuotaPage.builder().count(p.total).page(p.page).pages(p.pages).perPage(p.perPage)
                .total(p.total).next(p.next(req)).previous(p.previous(req)).results(p.slice(all)).build());
    }

    private void get(ApiRequest req, Kind kind, String name) throws IOException, ApiException {
        Quota q;
        synchronized (store) {
            q = quotas(kind).get(name);
        }
        if (q == null) {
            throw ApiException.notFound();
        }
        req.json(200, q);
    }

    private void create(ApiRequest req, Kind kind) throws IOException, ApiException {
        set(req, kind, Params.fieldErrors(req.params()).required(kind.field), true);
    }

    private void postSite(ApiRequest req, List<String> vars) throws IOException, ApiException {
        Params params = Params.fieldErrors(req.params());
        if (params.has("site")) {
            create(req, Kind.SITE);
        } else {
            set(req, Kind.SITE, AccountStore.OWN_SITE, false);
        }
    }

    /**
     * Creates or changes a quota.
     *
     * @param fromCollection true for a POST to the collection: the entity is named in the form (400 when
     *     unknown or when it has a quota already), false for its item URL (404 when unknown)
     */
    private void set(ApiRequest req, Kind kind, String name, boolean fromCollection) throws IOException, ApiException {
        Params params = Params.fieldErrors(req.params());
        String enforcement = params.choice("enforcement", List.of("notify", "disable"));
        String interval = params.choice("interval", List.of("monthly", "weekly"));
        Long disk = params.number("disk_bytes_limit", 0);
        Long xfer = params.number("xfer_bytes_limit", 0);
        Quota result;
        boolean created;
        synchronized (store) {
            if (!exists(kind, name)) {
                if (fromCollection) {
                    throw params.invalid(kind.field, "Object with " + kind.key + "=" + name + " does not exist.");
                }
                throw ApiException.notFound();
            }
            Quota old = quotas(kind).get(name);
            if (fromCollection && old != null) {
                throw params.invalid(kind.field, "This " + kind.field + " has a quota already; change it at quota/"
                        + kind.field + "/" + name + "/.");
            }
            created = old == null;
            Quota.Builder b = created ? Quota.builder().enforcementValue("notify").intervalValue("monthly")
                    : old.toBuilder();
            if (kind == Kind.USER) {
                b.user(name);
            } else if (kind == Kind.GROUP) {
                b.group(name);
            }
            if (enforcement != null) {
                b.enforcementValue(enforcement);
            }
            if (interval != null) {
                b.intervalValue(interval);
            }
            if (params.has("disk_bytes_limit")) {
                b.diskBytesLimit(disk);
            }
            if (params.has("xfer_bytes_limit")) {
                b.xferBytesLimit(xfer);
            }
            result = b.build();
            quotas(kind).put(name, result);
        }
        req.json(created ? 201 : 200, result);
    }

    private void delete(ApiRequest req, Kind kind, String name) throws IOException, ApiException {
        synchronized (store) {
            if (quotas(kind).remove(name) == null) {
                throw ApiException.notFound();
            }
        }
        req.noContent();
    }
}
