package com.smartfile.emulator;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.smartfile.sdk.model.Quota;

/**
 * Quotas of users, groups and the site: GET (404 when none is set or the user/group is unknown),
 * POST (201 when created, 200 when changed; an empty limit clears it), DELETE (204, 404 when none).
 * New quotas default to {@code notify} / {@code monthly} with no limits. Quotas are records only:
 * nothing is enforced.
 */
final class QuotaRoutes {

    private final AccountStore store;

    QuotaRoutes(AccountStore store) {
        this.store = store;
    }

    void register(Router v2) {
        v2.add("GET", "quota/user/*", (req, vars) -> get(req, store.userQuotas, vars.get(0)));
        v2.add("POST", "quota/user/*", (req, vars) -> set(req, "user", vars.get(0)));
        v2.add("DELETE", "quota/user/*", (req, vars) -> delete(req, store.userQuotas, vars.get(0)));
        v2.add("GET", "quota/group/*", (req, vars) -> get(req, store.groupQuotas, vars.get(0)));
        v2.add("POST", "quota/group/*", (req, vars) -> set(req, "group", vars.get(0)));
        v2.add("DELETE", "quota/group/*", (req, vars) -> delete(req, store.groupQuotas, vars.get(0)));
        v2.add("GET", "quota/site", this::getSite);
        v2.add("POST", "quota/site", (req, vars) -> set(req, "site", null));
        v2.add("DELETE", "quota/site", this::deleteSite);
    }

    private void get(ApiRequest req, Map<String, Quota> quotas, String name) throws IOException, ApiException {
        Quota q;
        synchronized (store) {
            q = quotas.get(name);
        }
        if (q == null) {
            throw ApiException.notFound();
        }
        req.json(200, q);
    }

    private void getSite(ApiRequest req, List<String> vars) throws IOException, ApiException {
        Quota q;
        synchronized (store) {
            q = store.siteQuota;
        }
        if (q == null) {
            throw ApiException.notFound();
        }
        req.json(200, q);
    }

    private void set(ApiRequest req, String kind, String name) throws IOException, ApiException {
        Params params = Params.fieldErrors(req.params());
        String enforcement = params.choice("enforcement", List.of("notify", "disable"));
        String interval = params.choice("interval", List.of("monthly", "weekly"));
        Long disk = params.number("disk_bytes_limit", 0);
        Long xfer = params.number("xfer_bytes_limit", 0);
        Quota result;
        boolean created;
        synchronized (store) {
            Quota old;
            if (kind.equals("user")) {
                if (!store.users.containsKey(name)) {
                    throw ApiException.notFound();
                }
                old = store.userQuotas.get(name);
            } else if (kind.equals("group")) {
                if (!store.groups.containsKey(name)) {
                    throw ApiException.notFound();
                }
                old = store.groupQuotas.get(name);
            } else {
                old = store.siteQuota;
            }
            created = old == null;
            Quota.Builder b = created ? Quota.builder().enforcementValue("notify").intervalValue("monthly")
                    : old.toBuilder();
            if (kind.equals("user")) {
                b.user(name);
            } else if (kind.equals("group")) {
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
            if (kind.equals("user")) {
                store.userQuotas.put(name, result);
            } else if (kind.equals("group")) {
                store.groupQuotas.put(name, result);
            } else {
                store.siteQuota = result;
            }
        }
        req.json(created ? 201 : 200, result);
    }

    private void delete(ApiRequest req, Map<String, Quota> quotas, String name) throws IOException, ApiException {
        synchronized (store) {
            if (quotas.remove(name) == null) {
                throw ApiException.notFound();
            }
        }
        req.noContent();
    }

    private void deleteSite(ApiRequest req, List<String> vars) throws IOException, ApiException {
        synchronized (store) {
            if (store.siteQuota == null) {
                throw ApiException.notFound();
            }
            store.siteQuota = null;
        }
        req.noContent();
    }
}
