package com.smartfile.sdk;

import java.util.concurrent.CompletableFuture;

import com.smartfile.sdk.api.UsersApi;
import com.smartfile.sdk.model.User;
import com.smartfile.sdk.model.UserPage;
import retrofit2.Call;

/** User accounts of the site. Get it from {@link SmartFile#users()}. */
public final class UsersService {

    private final UsersApi api;
    private final Invoker invoker;

    UsersService(UsersApi api, Invoker invoker) {
        this.api = api;
        this.invoker = invoker;
    }

    /**
     * All users, fetched {@value PagedIterable#DEFAULT_PAGE_SIZE} at a time as iteration reaches them.
     *
     * @return the users, lazily
     */
    public PagedIterable<User> list() {
        return new PagedIterable<>(page -> {
            UserPage p = invoker.sync(api.listUsers(page, PagedIterable.DEFAULT_PAGE_SIZE));
            return new PagedIterable.Page<>(p.getResults(), p.getPages());
        }, PagedIterable.DEFAULT_PAGE_SIZE);
    }

    /**
     * Reads one page of users.
     *
     * @param page the page number, from 1
     * @param limit the page size, at least 1
     * @return the page
     */
    public UserPage listPage(int page, int limit) {
        return invoker.sync(api.listUsers(Paging.page(page), Paging.limit(limit)));
    }

    /**
     * Reads one page of users, asynchronously.
     *
     * @param page the page number, from 1
     * @param limit the page size, at least 1
     * @return a future of the page
     */
    public CompletableFuture<UserPage> listPageAsync(int page, int limit) {
        return invoker.async(api.listUsers(Paging.page(page), Paging.limit(limit)));
    }

    /**
     * Reads a user.
     *
     * @param username the login name
     * @return the user
     */
    public User get(String username) {
        return invoker.sync(api.getUser(Ids.name("username", username)));
    }

    /**
     * Reads a user, asynchronously.
     *
     * @param username the login name
     * @return a future of the user
     */
    public CompletableFuture<User> getAsync(String username) {
        return invoker.async(api.getUser(Ids.name("username", username)));
    }

    /**
     * Creates a user. The request must give at least a username and an e-mail address.
     *
     * @param request the new account
     * @return the created user
     */
    public User create(UserRequest request) {
        return invoker.sync(createCall(request));
    }

    /**
     * Creates a user, asynchronously.
     *
     * @param request the new account
     * @return a future of the created user
     */
    public CompletableFuture<User> createAsync(UserRequest request) {
        return invoker.async(createCall(request));
    }

    private Call<User> createCall(UserRequest r) {
        if (r == null || r.username == null || r.email == null) {
            throw new InvalidInputException("A new user needs a username and an email: UserRequest.builder().username(…).email(…)");
        }
        return api.createUser(r.username, r.name, r.email, r.password, r.role, r.sendEmail);
    }

    /**
     * Changes a user; fields left unset stay as they are.
     *
     * @param username the current login name
     * @param request the changes
     * @return the updated user
     */
    public User update(String username, UserRequest request) {
        return invoker.sync(updateCall(username, request));
    }

    /**
     * Changes a user, asynchronously.
     *
     * @param username the current login name
     * @param request the changes
     * @return a future of the updated user
     */
    public CompletableFuture<User> updateAsync(String username, UserRequest request) {
        return invoker.async(updateCall(username, request));
    }

    private Call<User> updateCall(String username, UserRequest r) {
        if (r == null) {
            throw new InvalidInputException("Give the changes as a UserRequest.");
        }
        return api.updateUser(Ids.name("username", username), r.name, r.username, r.email, r.password, r.role, r.active);
    }

    /**
     * Deletes a user.
     *
     * @param username the login name
     */
    public void delete(String username) {
        invoker.sync(api.deleteUser(Ids.name("username", username)));
    }

    /**
     * Deletes a user, asynchronously.
     *
     * @param username the login name
     * @return a future that completes when the server has answered
     */
    public CompletableFuture<Void> deleteAsync(String username) {
        return invoker.async(api.deleteUser(Ids.name("username", username)));
    }
}
