package com.smartfile.sdk;

import java.util.concurrent.CompletableFuture;

import com.smartfile.sdk.api.QuotasApi;
import com.smartfile.sdk.model.Quota;

/**
 * Storage and transfer quotas of users, groups and the whole site. Get it from
 * {@link SmartFile#quotas()}.
 */
public final class QuotasService {

    private final QuotasApi api;
    private final Invoker invoker;

    QuotasService(QuotasApi api, Invoker invoker) {
        this.api = api;
        this.invoker = invoker;
    }

    /**
     * Reads a user's quota.
     *
     * @param username the user
     * @return the quota
     */
    public Quota user(String username) {
        return invoker.sync(api.getUserQuota(Ids.name("username", username)));
    }

    /**
     * Reads a user's quota, asynchronously.
     *
     * @param username the user
     * @return a future of the quota
     */
    public CompletableFuture<Quota> userAsync(String username) {
        return invoker.async(api.getUserQuota(Ids.name("username", username)));
    }

    /**
     * Sets a user's quota.
     *
     * @param username the user
     * @param quota the limits
     * @return the quota now in force
     */
    public Quota setUser(String username, QuotaRequest quota) {
        QuotaRequest q = required(quota);
        return invoker.sync(api.setUserQuota(Ids.name("username", username), q.enforcement, q.interval,
                q.diskBytesLimit, q.transferBytesLimit));
    }

    /**
     * Sets a user's quota, asynchronously.
     *
     * @param username the user
     * @param quota the limits
     * @return a future of the quota now in force
     */
    public CompletableFuture<Quota> setUserAsync(String username, QuotaRequest quota) {
        QuotaRequest q = required(quota);
        return invoker.async(api.setUserQuota(Ids.name("username", username), q.enforcement, q.interval,
                q.diskBytesLimit, q.transferBytesLimit));
    }

    /**
     * Removes a user's quota.
     *
     * @param username the user
     */
    public void deleteUser(String username) {
        invoker.sync(api.deleteUserQuota(Ids.name("username", username)));
    }

    /**
     * Removes a user's quota, asynchronously.
     *
     * @param username the user
     * @return a future that completes when the server has answered
     */
    public CompletableFuture<Void> deleteUserAsync(String username) {
        return invoker.async(api.deleteUserQuota(Ids.name("username", username)));
    }

    /**
     * Reads a group's quota.
     *
     * @param group the group's name
     * @return the quota
     */
    public Quota group(String group) {
        return invoker.sync(api.getGroupQuota(Ids.name("group name", group)));
    }

    /**
     * Reads a group's quota, asynchronously.
     *
     * @param group the group's name
     * @return a future of the quota
     */
    public CompletableFuture<Quota> groupAsync(String group) {
        return invoker.async(api.getGroupQuota(Ids.name("group name", group)));
    }

    /**
     * Sets a group's quota.
     *
     * @param group the group's name
     * @param quota the limits
     * @return the quota now in force
     */
    public Quota setGroup(String group, QuotaRequest quota) {
        QuotaRequest q = required(quota);
        return invoker.sync(api.setGroupQuota(Ids.name("group name", group), q.enforcement, q.interval,
                q.diskBytesLimit, q.transferBytesLimit));
    }

    /**
     * Sets a group's quota, asynchronously.
     *
     * @param group the group's name
     * @param quota the limits
     * @return a future of the quota now in force
     */
    public CompletableFuture<Quota> setGroupAsync(String group, QuotaRequest quota) {
        QuotaRequest q = required(quota);
        return invoker.async(api.setGroupQuota(Ids.name("group name", group), q.enforcement, q.interval,
                q.diskBytesLimit, q.transferBytesLimit));
    }

    /**
     * Removes a group's quota.
     *
     * @param group the group's name
     */
    public void deleteGroup(String group) {
        invoker.sync(api.deleteGroupQuota(Ids.name("group name", group)));
    }

    /**
     * Removes a group's quota, asynchronously.
     *
     * @param group the group's name
     * @return a future that completes when the server has answered
     */
    public CompletableFuture<Void> deleteGroupAsync(String group) {
        return invoker.async(api.deleteGroupQuota(Ids.name("group name", group)));
    }

    /**
     * Reads the site's quota.
     *
     * @return the quota
     */
    public Quota site() {
        return invoker.sync(api.getSiteQuota());
    }

    /**
     * Reads the site's quota, asynchronously.
     *
     * @return a future of the quota
     */
    public CompletableFuture<Quota> siteAsync() {
        return invoker.async(api.getSiteQuota());
    }

    /**
     * Sets the site's quota.
     *
     * @param quota the limits
     * @return the quota now in force
     */
    public Quota setSite(QuotaRequest quota) {
        QuotaRequest q = required(quota);
        return invoker.sync(api.setSiteQuota(q.enforcement, q.interval, q.diskBytesLimit, q.transferBytesLimit));
    }

    /**
     * Sets the site's quota, asynchronously.
     *
     * @param quota the limits
     * @return a future of the quota now in force
     */
    public CompletableFuture<Quota> setSiteAsync(QuotaRequest quota) {
        QuotaRequest q = required(quota);
        return invoker.async(api.setSiteQuota(q.enforcement, q.interval, q.diskBytesLimit, q.transferBytesLimit));
    }

    /** Removes the site's quota. */
    public void deleteSite() {
        invoker.sync(api.deleteSiteQuota());
    }

    /**
     * Removes the site's quota, asynchronously.
     *
     * @return a future that completes when the server has answered
     */
    public CompletableFuture<Void> deleteSiteAsync() {
        return invoker.async(api.deleteSiteQuota());
    }

    private static QuotaRequest required(QuotaRequest quota) {
        if (quota == null) {
            throw new InvalidInputException("Give the limits as a QuotaRequest.");
        }
        return quota;
    }
}
