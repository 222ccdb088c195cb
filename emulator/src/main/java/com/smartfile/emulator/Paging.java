package com.smartfile.emulator;

import java.util.List;

/**
 * Page arithmetic of the v2 lists: {@code page} is 1-based, {@code limit} defaults to 100 and is
 * capped at 1024 (the node client ran with {@code limit=1024} in production; the real maximum is
 * unknown), an empty list still has one (empty) page, and a page past the end answers 404
 * {@code Invalid page.} as Django REST Framework does.
 */
final class Paging {

    /** Page size when none (or an unusable one) is asked for. */
    static final int DEFAULT_LIMIT = 100;
    /** Largest page size served. */
    static final int MAX_LIMIT = 1024;

    final int page;
    final int pages;
    final int perPage;
    final long total;

    private Paging(int page, int pages, int perPage, long total) {
        this.page = page;
        this.pages = pages;
        this.perPage = perPage;
        this.total = total;
    }

    /**
     * Computes a page.
     *
     * @param total the number of items
     * @param pageParam the {@code page} parameter, may be null
     * @param limitParam the {@code limit} parameter, may be null
     * @return the page
     * @throws ApiException 404 for a page that is not a number, below 1 or past the end
     */
    static Paging of(long total, String pageParam, String limitParam) throws ApiException {
        int limit = DEFAULT_LIMIT;
        if (limitParam != null) {
            try {
                int asked = Integer.parseInt(limitParam.trim());
                if (asked > 0) {
                    limit = Math.min(asked, MAX_LIMIT);
                }
            } catch (NumberFormatException e) {
                // DRF ignores an unusable limit
            }
        }
        int pages = (int) Math.max(1, (total + limit - 1) / limit);
        int page = 1;
        if (pageParam != null) {
            try {
                page = Integer.parseInt(pageParam.trim());
            } catch (NumberFormatException e) {
                throw ApiException.detail(404, "Invalid page.");
            }
        }
        if (page < 1 || page > pages) {
            throw ApiException.detail(404, "Invalid page.");
        }
        return new Paging(page, pages, limit, total);
    }

    /**
     * Cuts this page out of a list.
     *
     * @param <T> the item type
     * @param all every item, in order
     * @return this page's items
     */
    <T> List<T> slice(List<T> all) {
        int from = (int) Math.min(all.size(), (long) (page - 1) * perPage);
        int to = (int) Math.min(all.size(), (long) from + perPage);
        return all.subList(from, to);
    }

    /**
     * The URL of the next page, or null on the last page.
     *
     * @param req the request
     * @return the URL or null
     */
    String next(ApiRequest req) {
        return page < pages ? req.urlWith("page", String.valueOf(page + 1)) : null;
    }

    /**
     * The URL of the previous page, or null on the first page.
     *
     * @param req the request
     * @return the URL or null
     */
    String previous(ApiRequest req) {
        return page > 1 ? req.urlWith("page", String.valueOf(page - 1)) : null;
    }

    /**
     * Computes the page a request asks for ({@code page} and {@code limit} query parameters).
     *
     * @param req the request
     * @param total the number of items
     * @return the page
     * @throws ApiException 404 for an invalid page
     */
    static Paging of(ApiRequest req, long total) throws ApiException {
        return of(total, req.query().first("page"), req.query().first("limit"));
    }
}
