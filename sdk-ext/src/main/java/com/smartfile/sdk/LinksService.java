package com.smartfile.sdk;

import java.util.concurrent.CompletableFuture;

import com.smartfile.sdk.api.LinksApi;
import com.smartfile.sdk.model.Link;
import com.smartfile.sdk.model.LinkPage;
import retrofit2.Call;

/** Share links: public URLs to a file or folder. Get it from {@link SmartFile#links()}. */
public final class LinksService {

    private final LinksApi api;
    private final Invoker invoker;

    LinksService(LinksApi api, Invoker invoker) {
        this.api = api;
        this.invoker = invoker;
    }

    /**
     * All links, fetched {@value PagedIterable#DEFAULT_PAGE_SIZE} at a time as iteration reaches them.
     *
     * @return the links, lazily
     */
    public PagedIterable<Link> list() {
        return new PagedIterable<>(page -> {
            LinkPage p = invoker.sync(api.listLinks(page, PagedIterable.DEFAULT_PAGE_SIZE));
            return new PagedIterable.Page<>(p.getResults(), p.getPages());
        }, PagedIterable.DEFAULT_PAGE_SIZE);
    }

    /**
     * Reads one page of links.
     *
     * @param page the page number, from 1
     * @param limit the page size, at least 1
     * @return the page
     */
    public LinkPage listPage(int page, int limit) {
        return invoker.sync(api.listLinks(Paging.page(page), Paging.limit(limit)));
    }

    /**
     * Reads one page of links, asynchronously.
     *
     * @param page the page number, from 1
     * @param limit the page size, at least 1
     * @return a future of the page
     */
    public CompletableFuture<LinkPage> listPageAsync(int page, int limit) {
        return invoker.async(api.listLinks(Paging.page(page), Paging.limit(limit)));
    }

    /**
     * Reads a link.
     *
     * @param uid the link's uid
     * @return the link
     */
    public Link get(String uid) {
        return invoker.sync(api.getLink(Ids.name("link uid", uid)));
    }

    /**
     * Reads a link, asynchronously.
     *
     * @param uid the link's uid
     * @return a future of the link
     */
    public CompletableFuture<Link> getAsync(String uid) {
        return invoker.async(api.getLink(Ids.name("link uid", uid)));
    }

    /**
     * Creates a link. The request must name a path.
     *
     * @param request what to share and how
     * @return the new link
     */
    public Link create(LinkRequest request) {
        return invoker.sync(createCall(request));
    }

    /**
     * Creates a link, asynchronously.
     *
     * @param request what to share and how
     * @return a future of the new link
     */
    public CompletableFuture<Link> createAsync(LinkRequest request) {
        return invoker.async(createCall(request));
    }

    private Call<Link> createCall(LinkRequest r) {
        if (r == null || r.path == null) {
            throw new InvalidInputException("A link needs a path: LinkRequest.builder().path(\"/file\")…");
        }
        return api.createLink(r.path, r.name, r.rights.read(), r.rights.write(), r.rights.list(), r.rights.remove(),
                r.cacheSeconds, r.recursive, r.usageLimit, r.expiration);
    }

    /**
     * Changes a link; fields left unset in the request stay as they are.
     *
     * @param uid the link's uid
     * @param request the changes
     * @return the updated link
     */
    public Link update(String uid, LinkRequest request) {
        return invoker.sync(updateCall(uid, request));
    }

    /**
     * Changes a link, asynchronously.
     *
     * @param uid the link's uid
     * @param request the changes
     * @return a future of the updated link
     */
    public CompletableFuture<Link> updateAsync(String uid, LinkRequest request) {
        return invoker.async(updateCall(uid, request));
    }

    private Call<Link> updateCall(String uid, LinkRequest r) {
        if (r == null) {
            throw new InvalidInputException("Give the changes as a LinkRequest.");
        }
        return api.updateLink(Ids.name("link uid", uid), r.path, r.name, r.rights.read(), r.rights.write(),
                r.rights.list(), r.rights.remove(), r.cacheSeconds, r.recursive, r.usageLimit, r.expiration);
    }

    /**
     * Deletes a link.
     *
     * @param uid the link's uid
     */
    public void delete(String uid) {
        invoker.sync(api.deleteLink(Ids.name("link uid", uid)));
    }

    /**
     * Deletes a link, asynchronously.
     *
     * @param uid the link's uid
     * @return a future that completes when the server has answered
     */
    public CompletableFuture<Void> deleteAsync(String uid) {
        return invoker.async(api.deleteLink(Ids.name("link uid", uid)));
    }
}
