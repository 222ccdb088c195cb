package com.smartfile.sdk;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import com.smartfile.sdk.internal.TasksApi;
import com.smartfile.sdk.model.Task;

/** The client's {@link TasksService}: the generated operations plus polling until a task ends. */
final class DefaultTasksService extends DefaultTasksOperations implements TasksService {

    static final Duration FIRST_POLL = Duration.ofMillis(200);
    static final Duration MAX_POLL = Duration.ofMillis(6400);

    private final Sleeper sleeper;
    private final LongSupplier nanoTime;

    DefaultTasksService(TasksApi api, Invoker invoker) {
        this(api, invoker, Sleeper.SYSTEM, System::nanoTime);
    }

    DefaultTasksService(TasksApi api, Invoker invoker, Sleeper sleeper, LongSupplier nanoTime) {
        super(api, invoker);
        this.sleeper = sleeper;
        this.nanoTime = nanoTime;
    }

    @Override
    public Task await(Task task, Duration timeout) {
        long deadline = nanoTime.getAsLong() + positive(timeout).toNanos();
        String uuid = TaskStates.uuid(task);
        Task last = task;
        Duration delay = FIRST_POLL;
        while (!TaskStates.finished(last)) {
            long remaining = deadline - nanoTime.getAsLong();
            if (remaining <= 0) {
                throw timedOut(uuid, last, timeout);
            }
            try {
                sleeper.sleep(Duration.ofNanos(Math.min(delay.toNanos(), remaining)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SmartFileException("Interrupted while waiting for task " + uuid
                        + "; it goes on on the server.", e);
            }
            last = TaskStates.requireKnownState(get(uuid));
            delay = next(delay);
        }
        return TaskStates.checkOutcome(last);
    }

    @Override
    public CompletableFuture<Task> awaitAsync(Task task, Duration timeout) {
        long deadline;
        String uuid;
        try {
            deadline = nanoTime.getAsLong() + positive(timeout).toNanos();
            uuid = TaskStates.uuid(task);
        } catch (SmartFileException e) {
            return CompletableFuture.failedFuture(e);
        }
        return poll(uuid, task, FIRST_POLL, deadline, timeout);
    }

    private CompletableFuture<Task> poll(String uuid, Task last, Duration delay, long deadline, Duration timeout) {
        if (TaskStates.finished(last)) {
            try {
                return CompletableFuture.completedFuture(TaskStates.checkOutcome(last));
            } catch (SmartFileException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        long remaining = deadline - nanoTime.getAsLong();
        if (remaining <= 0) {
            return CompletableFuture.failedFuture(timedOut(uuid, last, timeout));
        }
        Executor later = CompletableFuture.delayedExecutor(Math.min(delay.toNanos(), remaining), TimeUnit.NANOSECONDS);
        return CompletableFuture.supplyAsync(() -> uuid, later)
                .thenCompose(this::getAsync)
                .thenApply(TaskStates::requireKnownState)
                .thenCompose(next -> poll(uuid, next, next(delay), deadline, timeout));
    }

    private static Duration next(Duration delay) {
        Duration doubled = delay.multipliedBy(2);
        return doubled.compareTo(MAX_POLL) > 0 ? MAX_POLL : doubled;
    }

    private static TaskTimeoutException timedOut(String uuid, Task last, Duration timeout) {
        return new TaskTimeoutException("Task " + uuid + " was still " + TaskStates.statusText(last) + " after "
                + timeout.toMillis() + " ms; it goes on on the server. Wait again, or read it with tasks().get(\"" + uuid + "\").", last);
    }

    private static Duration positive(Duration timeout) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new InvalidInputException("The wait for a task must be positive, got " + timeout + ".");
        }
        return timeout;
    }
}
