package com.smartfile.emulator;

import java.io.IOException;
import java.util.List;

import com.smartfile.sdk.model.Task;
import com.smartfile.sdk.model.TaskPage;

/** The {@code task/} routes: the paged list, one task's state (404 when unknown) and DELETE (204). */
final class TaskRoutes {

    private final TaskManager tasks;

    TaskRoutes(TaskManager tasks) {
        this.tasks = tasks;
    }

    void register(Router v2) {
        v2.add("GET", "task", this::list);
        v2.add("GET", "task/*", this::get);
        v2.add("DELETE", "task/*", this::delete);
    }

    private void list(ApiRequest req, List<String> vars) throws IOException, ApiException {
        List<Task> all = tasks.list();
        Paging paging = Paging.of(req, all.size());
        req.json(200, TaskPage.builder().count(paging.total).page(paging.page).pages(paging.pages)
                .perPage(paging.perPage).total(paging.total).next(paging.next(req)).previous(paging.previous(req))
                .results(paging.slice(all)).build());
    }

    private void get(ApiRequest req, List<String> vars) throws IOException, ApiException {
        Task task = tasks.get(vars.get(0));
        if (task == null) {
            throw ApiException.notFound();
        }
        req.json(200, task);
    }

    private void delete(ApiRequest req, List<String> vars) throws IOException, ApiException {
        if (!tasks.delete(vars.get(0))) {
            throw ApiException.notFound();
        }
        req.noContent();
    }
}
