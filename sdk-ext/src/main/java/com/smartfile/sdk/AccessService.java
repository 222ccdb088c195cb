package com.smartfile.sdk;

import java.util.concurrent.CompletableFuture;

import com.smartfile.sdk.api.AccessApi;
import com.smartfile.sdk.model.AccessRule;
import com.smartfile.sdk.model.AccessRulePage;
import com.smartfile.sdk.model.PathAccess;

/**
 * Access rules: which user or group may list, read, write or remove under a path. Get it from
 * {@link SmartFile#access()}.
 */
public final class AccessService {

    private final AccessApi api;
    private final Invoker invoker;

    AccessService(AccessApi api, Invoker invoker) {
        this.api = api;
        this.invoker = invoker;
    }

    /**
     * Reads who may do what on a path.
     *
     * @param path the SmartFile path
     * @return the rules in effect on the path
     */
    public PathAccess onPath(String path) {
        return invoker.sync(api.getPathAccess(PathIds.v2(path)));
    }

    /**
     * Reads who may do what on a path, asynchronously.
     *
     * @param path the SmartFile path
     * @return a future of the rules in effect on the path
     */
    public CompletableFuture<PathAccess> onPathAsync(String path) {
        return invoker.async(api.getPathAccess(PathIds.v2(path)));
    }

    /**
     * All of a user's access rules, fetched a page at a time as iteration reaches them.
     *
     * @param username the user
     * @return the rules, lazily
     */
    public PagedIterable<AccessRule> userRules(String username) {
        String user = Ids.name("username", username);
        return new PagedIterable<>(page -> page(api.listAccessRulesForUser(user, page, PagedIterable.DEFAULT_PAGE_SIZE)),
                PagedIterable.DEFAULT_PAGE_SIZE);
    }

    /**
     * All of a group's access rules, fetched a page at a time as iteration reaches them.
     *
     * @param group the group's name
     * @return the rules, lazily
     */
    public PagedIterable<AccessRule> groupRules(String group) {
        String name = Ids.name("group name", group);
        return new PagedIterable<>(page -> page(api.listAccessRulesForGroup(name, page, PagedIterable.DEFAULT_PAGE_SIZE)),
                PagedIterable.DEFAULT_PAGE_SIZE);
    }

    private PagedIterable.Page<AccessRule> page(retrofit2.Call<AccessRulePage> call) {
        AccessRulePage p = invoker.sync(call);
        return new PagedIterable.Page<>(p.getResults(), p.getPages());
    }

    /**
     * Reads one page of a user's access rules.
     *
     * @param username the user
     * @param page the page number, from 1
     * @param limit the page size, at least 1
     * @return the page
     */
    public AccessRulePage userRules(String username, int page, int limit) {
        return invoker.sync(api.listAccessRulesForUser(Ids.name("username", username), Paging.page(page), Paging.limit(limit)));
    }

    /**
     * Reads one page of a user's access rules, asynchronously.
     *
     * @param username the user
     * @param page the page number, from 1
     * @param limit the page size, at least 1
     * @return a future of the page
     */
    public CompletableFuture<AccessRulePage> userRulesAsync(String username, int page, int limit) {
        return invoker.async(api.listAccessRulesForUser(Ids.name("username", username), Paging.page(page), Paging.limit(limit)));
    }

    /**
     * Reads one page of a group's access rules.
     *
     * @param group the group's name
     * @param page the page number, from 1
     * @param limit the page size, at least 1
     * @return the page
     */
    public AccessRulePage groupRules(String group, int page, int limit) {
        return invoker.sync(api.listAccessRulesForGroup(Ids.name("group name", group), Paging.page(page), Paging.limit(limit)));
    }

    /**
     * Reads one page of a group's access rules, asynchronously.
     *
     * @param group the group's name
     * @param page the page number, from 1
     * @param limit the page size, at least 1
     * @return a future of the page
     */
    public CompletableFuture<AccessRulePage> groupRulesAsync(String group, int page, int limit) {
        return invoker.async(api.listAccessRulesForGroup(Ids.name("group name", group), Paging.page(page), Paging.limit(limit)));
    }

    /**
     * Grants a user rights under a path.
     *
     * @param username the user
     * @param path the SmartFile path
     * @param rights the rights to grant
     * @return the new rule, with its id
     */
    public AccessRule grantUser(String username, String path, AccessRights rights) {
        AccessRights r = rightsOrUnset(rights);
        return invoker.sync(api.createUserAccessRule(Ids.name("username", username), PathIds.formValue(path),
                r.read(), r.write(), r.list(), r.remove()));
    }

    /**
     * Grants a group rights under a path.
     *
     * @param group the group's name
     * @param path the SmartFile path
     * @param rights the rights to grant
     * @return the new rule, with its id
     */
    public AccessRule grantGroup(String group, String path, AccessRights rights) {
        AccessRights r = rightsOrUnset(rights);
        return invoker.sync(api.createGroupAccessRule(Ids.name("group name", group), PathIds.formValue(path),
                r.read(), r.write(), r.list(), r.remove()));
    }

    /**
     * Grants a group rights under a path, asynchronously.
     *
     * @param group the group's name
     * @param path the SmartFile path
     * @param rights the rights to grant
     * @return a future of the new rule, with its id
     */
    public CompletableFuture<AccessRule> grantGroupAsync(String group, String path, AccessRights rights) {
        AccessRights r = rightsOrUnset(rights);
        return invoker.async(api.createGroupAccessRule(Ids.name("group name", group), PathIds.formValue(path),
                r.read(), r.write(), r.list(), r.remove()));
    }

    /**
     * Grants a user rights under a path, asynchronously.
     *
     * @param username the user
     * @param path the SmartFile path
     * @param rights the rights to grant
     * @return a future of the new rule
     */
    public CompletableFuture<AccessRule> grantUserAsync(String username, String path, AccessRights rights) {
        AccessRights r = rightsOrUnset(rights);
        return invoker.async(api.createUserAccessRule(Ids.name("username", username), PathIds.formValue(path),
                r.read(), r.write(), r.list(), r.remove()));
    }

    /**
     * Reads one of a user's rules.
     *
     * @param username the user
     * @param ruleId the rule's id
     * @return the rule
     */
    public AccessRule userRule(String username, long ruleId) {
        return invoker.sync(api.getUserAccessRule(Ids.name("username", username), Ids.number("rule id", ruleId)));
    }

    /**
     * Reads one of a user's rules, asynchronously.
     *
     * @param username the user
     * @param ruleId the rule's id
     * @return a future of the rule
     */
    public CompletableFuture<AccessRule> userRuleAsync(String username, long ruleId) {
        return invoker.async(api.getUserAccessRule(Ids.name("username", username), Ids.number("rule id", ruleId)));
    }

    /**
     * Reads one of a group's rules.
     *
     * @param group the group's name
     * @param ruleId the rule's id
     * @return the rule
     */
    public AccessRule groupRule(String group, long ruleId) {
        return invoker.sync(api.getGroupAccessRule(Ids.name("group name", group), Ids.number("rule id", ruleId)));
    }

    /**
     * Reads one of a group's rules, asynchronously.
     *
     * @param group the group's name
     * @param ruleId the rule's id
     * @return a future of the rule
     */
    public CompletableFuture<AccessRule> groupRuleAsync(String group, long ruleId) {
        return invoker.async(api.getGroupAccessRule(Ids.name("group name", group), Ids.number("rule id", ruleId)));
    }

    /**
     * Changes the rights of one of a user's rules; rights left unset stay as they are.
     *
     * @param username the user
     * @param ruleId the rule's id
     * @param rights the new rights
     * @return the updated rule
     */
    public AccessRule updateUserRule(String username, long ruleId, AccessRights rights) {
        AccessRights r = rightsOrUnset(rights);
        return invoker.sync(api.updateUserAccessRule(Ids.name("username", username), Ids.number("rule id", ruleId),
                r.read(), r.write(), r.list(), r.remove()));
    }

    /**
     * Changes the rights of one of a user's rules; rights left unset stay as they are, asynchronously.
     *
     * @param username the user
     * @param ruleId the rule's id
     * @param rights the new rights
     * @return a future of the updated rule
     */
    public CompletableFuture<AccessRule> updateUserRuleAsync(String username, long ruleId, AccessRights rights) {
        AccessRights r = rightsOrUnset(rights);
        return invoker.async(api.updateUserAccessRule(Ids.name("username", username), Ids.number("rule id", ruleId),
                r.read(), r.write(), r.list(), r.remove()));
    }

    /**
     * Changes the rights of one of a group's rules; rights left unset stay as they are.
     *
     * @param group the group's name
     * @param ruleId the rule's id
     * @param rights the new rights
     * @return the updated rule
     */
    public AccessRule updateGroupRule(String group, long ruleId, AccessRights rights) {
        AccessRights r = rightsOrUnset(rights);
        return invoker.sync(api.updateGroupAccessRule(Ids.name("group name", group), Ids.number("rule id", ruleId),
                r.read(), r.write(), r.list(), r.remove()));
    }

    /**
     * Changes the rights of one of a group's rules; rights left unset stay as they are, asynchronously.
     *
     * @param group the group's name
     * @param ruleId the rule's id
     * @param rights the new rights
     * @return a future of the updated rule
     */
    public CompletableFuture<AccessRule> updateGroupRuleAsync(String group, long ruleId, AccessRights rights) {
        AccessRights r = rightsOrUnset(rights);
        return invoker.async(api.updateGroupAccessRule(Ids.name("group name", group), Ids.number("rule id", ruleId),
                r.read(), r.write(), r.list(), r.remove()));
    }

    /**
     * Deletes one of a user's rules.
     *
     * @param username the user
     * @param ruleId the rule's id
     */
    public void revokeUserRule(String username, long ruleId) {
        invoker.sync(api.deleteUserAccessRule(Ids.name("username", username), Ids.number("rule id", ruleId)));
    }

    /**
     * Deletes one of a user's rules, asynchronously.
     *
     * @param username the user
     * @param ruleId the rule's id
     * @return a future that completes when the server has answered
     */
    public CompletableFuture<Void> revokeUserRuleAsync(String username, long ruleId) {
        return invoker.async(api.deleteUserAccessRule(Ids.name("username", username), Ids.number("rule id", ruleId)));
    }

    /**
     * Deletes one of a group's rules.
     *
     * @param group the group's name
     * @param ruleId the rule's id
     */
    public void revokeGroupRule(String group, long ruleId) {
        invoker.sync(api.deleteGroupAccessRule(Ids.name("group name", group), Ids.number("rule id", ruleId)));
    }

    /**
     * Deletes one of a group's rules, asynchronously.
     *
     * @param group the group's name
     * @param ruleId the rule's id
     * @return a future that completes when the server has answered
     */
    public CompletableFuture<Void> revokeGroupRuleAsync(String group, long ruleId) {
        return invoker.async(api.deleteGroupAccessRule(Ids.name("group name", group), Ids.number("rule id", ruleId)));
    }

    /**
     * Reads one page of all user rules, optionally only those on one path.
     *
     * @param path the path to filter on, or null for all
     * @param page the page number, from 1
     * @param limit the page size, at least 1
     * @return the page
     */
    public AccessRulePage allUserRules(String path, int page, int limit) {
        return invoker.sync(api.listUserAccessRules(path == null ? null : PathIds.formValue(path), Paging.page(page), Paging.limit(limit)));
    }

    /**
     * Reads one page of all user rules, optionally only those on one path, asynchronously.
     *
     * @param path the path to filter on, or null for all
     * @param page the page number, from 1
     * @param limit the page size, at least 1
     * @return a future of the page
     */
    public CompletableFuture<AccessRulePage> allUserRulesAsync(String path, int page, int limit) {
        return invoker.async(api.listUserAccessRules(path == null ? null : PathIds.formValue(path), Paging.page(page), Paging.limit(limit)));
    }

    /**
     * Reads one page of all group rules, optionally only those on one path.
     *
     * @param path the path to filter on, or null for all
     * @param page the page number, from 1
     * @param limit the page size, at least 1
     * @return the page
     */
    public AccessRulePage allGroupRules(String path, int page, int limit) {
        return invoker.sync(api.listGroupAccessRules(path == null ? null : PathIds.formValue(path), Paging.page(page), Paging.limit(limit)));
    }

    /**
     * Reads one page of all group rules, optionally only those on one path, asynchronously.
     *
     * @param path the path to filter on, or null for all
     * @param page the page number, from 1
     * @param limit the page size, at least 1
     * @return a future of the page
     */
    public CompletableFuture<AccessRulePage> allGroupRulesAsync(String path, int page, int limit) {
        return invoker.async(api.listGroupAccessRules(path == null ? null : PathIds.formValue(path), Paging.page(page), Paging.limit(limit)));
    }

    private static AccessRights rightsOrUnset(AccessRights rights) {
        return rights == null ? AccessRights.unset() : rights;
    }
}
