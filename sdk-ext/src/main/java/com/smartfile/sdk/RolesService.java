package com.smartfile.sdk;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;

import com.smartfile.sdk.api.RolesApi;
import com.smartfile.sdk.model.Role;
import com.smartfile.sdk.model.RolePage;

/** RolesService of the site. Get it from {@link SmartFile#roles()}. */
public final class RolesService {

    private final RolesApi api;
    private final Invoker invoker;

    RolesService(RolesApi api, Invoker invoker) {
        this.api = api;
        this.invoker = invoker;
    }

    /**
     * All roles, fetched {@value PagedIterable#DEFAULT_PAGE_SIZE} at a time as iteration reaches them.
     *
     * @return the roles, lazily
     */
    public PagedIterable<Role> list() {
        return new PagedIterable<>(page -> {
            RolePage p = invoker.sync(api.listRoles(page, PagedIterable.DEFAULT_PAGE_SIZE));
            return new PagedIterable.Page<>(p.getResults(), p.getPages());
        }, PagedIterable.DEFAULT_PAGE_SIZE);
    }

    /**
     * Reads one page of roles.
     *
     * @param page the page number, from 1
     * @param limit the page size, at least 1
     * @return the page
     */
    public RolePage listPage(int page, int limit) {
        return invoker.sync(api.listRoles(Paging.page(page), Paging.limit(limit)));
    }

    /**
     * Reads one page of roles, asynchronously.
     *
     * @param page the page number, from 1
     * @param limit the page size, at least 1
     * @return a future of the page
     */
    public CompletableFuture<RolePage> listPageAsync(int page, int limit) {
        return invoker.async(api.listRoles(Paging.page(page), Paging.limit(limit)));
    }

    /**
     * Reads a role.
     *
     * @param name the role's name
     * @return the role
     */
    public Role get(String name) {
        return invoker.sync(api.getRole(Ids.name("role name", name)));
    }

    /**
     * Reads a role, asynchronously.
     *
     * @param name the role's name
     * @return a future of the role
     */
    public CompletableFuture<Role> getAsync(String name) {
        return invoker.async(api.getRole(Ids.name("role name", name)));
    }

    /**
     * Creates a role.
     *
     * @param name the new role's name
     * @param rights the rights, e.g. {@code self_manage}
     * @return the created role
     */
    public Role create(String name, Collection<String> rights) {
        return invoker.sync(api.createRole(Ids.name("role name", name), Ids.names("rights entry", rights)));
    }

    /**
     * Creates a role, asynchronously.
     *
     * @param name the new role's name
     * @param rights the rights, e.g. {@code self_manage}
     * @return a future of the created role
     */
    public CompletableFuture<Role> createAsync(String name, Collection<String> rights) {
        return invoker.async(api.createRole(Ids.name("role name", name), Ids.names("rights entry", rights)));
    }

    /**
     * Changes a role: its name and/or its rights. A null argument leaves that part as it is.
     *
     * @param name the role's current name
     * @param newName the new name, or null
     * @param rights the new the rights, e.g. {@code self_manage} (replacing the old ones), or null
     * @return the updated role
     */
    public Role update(String name, String newName, Collection<String> rights) {
        return invoker.sync(api.updateRole(Ids.name("role name", name), newName == null ? null : Ids.name("new name", newName),
                rights == null ? null : Ids.names("rights entry", rights)));
    }

    /**
     * Changes a role, asynchronously.
     *
     * @param name the role's current name
     * @param newName the new name, or null
     * @param rights the new the rights, e.g. {@code self_manage}, or null
     * @return a future of the updated role
     */
    public CompletableFuture<Role> updateAsync(String name, String newName, Collection<String> rights) {
        return invoker.async(api.updateRole(Ids.name("role name", name), newName == null ? null : Ids.name("new name", newName),
                rights == null ? null : Ids.names("rights entry", rights)));
    }

    /**
     * Deletes a role.
     *
     * @param name the role's name
     */
    public void delete(String name) {
        invoker.sync(api.deleteRole(Ids.name("role name", name)));
    }

    /**
     * Deletes a role, asynchronously.
     *
     * @param name the role's name
     * @return a future that completes when the server has answered
     */
    public CompletableFuture<Void> deleteAsync(String name) {
        return invoker.async(api.deleteRole(Ids.name("role name", name)));
    }
}
