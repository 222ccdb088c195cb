package com.smartfile.sdk;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.smartfile.sdk.model.Task;

/**
 * A task the server has started for an operation such as a move. Wait for it with
 * {@link #await()}: {@code client.paths().move(List.of("/a"), "/b").await()}.
 */
public final class PendingTask {

    /** How long {@link #await()} waits. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private final Task task;
    private final TasksService tasks;

    /**
     * A task to wait for through the given tasks service: what a fake of a service returns for an
     * operation that runs as a task (for example {@code of(finishedTask, fakeTasks)}, whose
     * {@link #await()} calls {@code fakeTasks.await(…)}).
     *
     * @param task the started task; it must carry its uuid or URL
     * @param tasks the service that waits for it
     * @return the pending task
     * @throws InvalidInputException when {@code task} or {@code tasks} is null
     */
    public static PendingTask of(Task task, TasksService tasks) {
        if (task == null || tasks == null) {
            throw new InvalidInputException("Give the task and the tasks service that waits for it; neither may be null.");
        }
        return new PendingTask(task, tasks);
    }

    PendingTask(Task task, TasksService tasks) {
        this.task = task;
        this.tasks = tasks;
        TaskStates.uuid(task); // a reply without a uuid or URL fails here, not at the first poll
    }

    /**
     * The task as the operation's reply described it.
     *
     * @return the started task
     */
    public Task getTask() {
        return task;
    }

    /**
     * The task's id.
     *
     * @return the uuid
     */
    public String getUuid() {
        return TaskStates.uuid(task);
    }

    /**
     * Waits up to {@link #DEFAULT_TIMEOUT} for the task to end.
     *
     * @return the finished task
     * @throws TaskFailedException when it failed, {@link TaskPartialFailureException} when some paths failed
     * @throws TaskTimeoutException when it is still running at the deadline
     */
    public Task await() {
        return await(DEFAULT_TIMEOUT);
    }

    /**
     * Waits for the task to end.
     *
     * @param timeout how long to wait at most
     * @return the finished task
     * @throws TaskFailedException when it failed, {@link TaskPartialFailureException} when some paths failed
     * @throws TaskTimeoutException when it is still running at the deadline
     */
    public Task await(Duration timeout) {
        return tasks.await(task, timeout);
    }

    /**
     * Waits for the task to end without blocking a thread.
     *
     * @param timeout how long to wait at most
     * @return a future of the finished task
     */
    public CompletableFuture<Task> awaitAsync(Duration timeout) {
        return tasks.awaitAsync(task, timeout);
    }

    @Override
    public String toString() {
        return "PendingTask{uuid=" + getUuid() + ", status=" + TaskStates.statusText(task) + "}";
    }
}
