package com.smartfile.sdk;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;

import com.smartfile.sdk.api.GroupsApi;
import com.smartfile.sdk.model.Group;
import com.smartfile.sdk.model.GroupPage;

/** GroupsService of the site. Get it from {@link SmartFile#groups()}. */
public final class GroupsService {

    private final GroupsApi api;
    private final Invoker invoker;

    GroupsService(GroupsApi api, Invoker invoker) {
        this.api = api;
        this.invoker = invoker;
    }

    /**
     * All groups, fetched {@value PagedIterable#DEFAULT_PAGE_SIZE} at a time as iteration reaches them.
     *
     * @return the groups, lazily
     */
    public PagedIterable<Group> list() {
        return new PagedIterable<>(page -> {
            GroupPage p = invoker.sync(api.listGroups(page, PagedIterable.DEFAULT_PAGE_SIZE));
            return new PagedIterable.Page<>(p.getResults(), p.getPages());
        }, PagedIterable.DEFAULT_PAGE_SIZE);
    }

    /**
     * Reads one page of groups.
     *
     * @param page the page number, from 1
     * @param limit the page size, at least 1
     * @return the page
     */
    public GroupPage listPage(int page, int limit) {
        return invoker.sync(api.listGroups(Paging.page(page), Paging.limit(limit)));
    }

    /**
     * Reads one page of groups, asynchronously.
     *
     * @param page the page number, from 1
     * @param limit the page size, at least 1
     * @return a future of the page
     */
    public CompletableFuture<GroupPage> listPageAsync(int page, int limit) {
        return invoker.async(api.listGroups(Paging.page(page), Paging.limit(limit)));
    }

    /**
     * Reads a group.
     *
     * @param name the group's name
     * @return the group
     */
    public Group get(String name) {
        return invoker.sync(api.getGroup(Ids.name("group name", name)));
    }

    /**
     * Reads a group, asynchronously.
     *
     * @param name the group's name
     * @return a future of the group
     */
    public CompletableFuture<Group> getAsync(String name) {
        return invoker.async(api.getGroup(Ids.name("group name", name)));
    }

    /**
     * Creates a group.
     *
     * @param name the new group's name
     * @param users the member user names
     * @return the created group
     */
    public Group create(String name, Collection<String> users) {
        return invoker.sync(api.createGroup(Ids.name("group name", name), Ids.names("users entry", users)));
    }

    /**
     * Creates a group, asynchronously.
     *
     * @param name the new group's name
     * @param users the member user names
     * @return a future of the created group
     */
    public CompletableFuture<Group> createAsync(String name, Collection<String> users) {
        return invoker.async(api.createGroup(Ids.name("group name", name), Ids.names("users entry", users)));
    }

    /**
     * Changes a group: its name and/or its users. A null argument leaves that part as it is.
     *
     * @param name the group's current name
     * @param newName the new name, or null
     * @param users the new the member user names (replacing the old ones), or null
     * @return the updated group
     */
    public Group update(String name, String newName, Collection<String> users) {
        return invoker.sync(api.updateGroup(Ids.name("group name", name), newName == null ? null : Ids.name("new name", newName),
                users == null ? null : Ids.names("users entry", users)));
    }

    /**
     * Changes a group, asynchronously.
     *
     * @param name the group's current name
     * @param newName the new name, or null
     * @param users the new the member user names, or null
     * @return a future of the updated group
     */
    public CompletableFuture<Group> updateAsync(String name, String newName, Collection<String> users) {
        return invoker.async(api.updateGroup(Ids.name("group name", name), newName == null ? null : Ids.name("new name", newName),
                users == null ? null : Ids.names("users entry", users)));
    }

    /**
     * Deletes a group.
     *
     * @param name the group's name
     */
    public void delete(String name) {
        invoker.sync(api.deleteGroup(Ids.name("group name", name)));
    }

    /**
     * Deletes a group, asynchronously.
     *
     * @param name the group's name
     * @return a future that completes when the server has answered
     */
    public CompletableFuture<Void> deleteAsync(String name) {
        return invoker.async(api.deleteGroup(Ids.name("group name", name)));
    }
}
