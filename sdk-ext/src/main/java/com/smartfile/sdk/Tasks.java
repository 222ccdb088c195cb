package com.smartfile.sdk;

import java.util.concurrent.CompletableFuture;

import com.smartfile.sdk.api.TasksApi;
import com.smartfile.sdk.model.Task;
import com.smartfile.sdk.model.TaskPage;
import retrofit2.Call;

/**
 * Server-side tasks: the long-running operations that move, copy, remove, checksum and compress
 * paths. Get it from {@link SmartFile#tasks()}.
 */
public final class Tasks {

    private final TasksApi api;
    private final Invoker invoker;

    Tasks(TasksApi api, Invoker invoker) {
        this.api = api;
        this.invoker = invoker;
    }

    /**
     * Reads a task's current state.
     *
     * @param uuid the task's uuid
     * @return the task
     * @throws NotFoundException when the server does not know the task
     */
    public Task get(String uuid) {
        return invoker.sync(getCall(uuid));
    }

    /**
     * Reads a task's current state, asynchronously.
     *
     * @param uuid the task's uuid
     * @return a future of the task
     */
    public CompletableFuture<Task> getAsync(String uuid) {
        return invoker.async(getCall(uuid));
    }

    private Call<Task> getCall(String uuid) {
        return api.getTask(Ids.name("task uuid", uuid));
    }

    /**
     * Reads one page of the account's tasks.
     *
     * @param page the page number, from 1
     * @param limit the page size, at least 1
     * @return the page
     */
    public TaskPage listPage(int page, int limit) {
        return invoker.sync(listPageCall(page, limit));
    }

    /**
     * Reads one page of the account's tasks, asynchronously.
     *
     * @param page the page number, from 1
     * @param limit the page size, at least 1
     * @return a future of the page
     */
    public CompletableFuture<TaskPage> listPageAsync(int page, int limit) {
        return invoker.async(listPageCall(page, limit));
    }

    private Call<TaskPage> listPageCall(int page, int limit) {
        return api.listTasks(Paging.page(page), Paging.limit(limit));
    }

    /**
     * Deletes a task record (the API does not document whether this cancels a running task).
     *
     * @param uuid the task's uuid
     */
    public void delete(String uuid) {
        invoker.sync(deleteCall(uuid));
    }

    /**
     * Deletes a task record, asynchronously.
     *
     * @param uuid the task's uuid
     * @return a future that completes when the server has answered
     */
    public CompletableFuture<Void> deleteAsync(String uuid) {
        return invoker.async(deleteCall(uuid));
    }

    private Call<Void> deleteCall(String uuid) {
        return api.deleteTask(Ids.name("task uuid", uuid));
    }
}
