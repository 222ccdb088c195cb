package com.smartfile.sdk;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import com.smartfile.sdk.internal.TasksApi;
import com.smartfile.sdk.model.Task;

/**
 * Server-side tasks: the long-running operations that move, copy, remove, checksum and compress
 * paths. Get it from {@link SmartFile#tasks()}.
 *
 * <p>{@link #await(Task, Duration)} polls a task until it ends: first after 200 ms, then at
 * doubling intervals up to 6.4 s (as the official node client does, to stay clear of
 * throttling), until the deadline.
 */
public interface TasksService extends TasksOperations {

    /**
     * Waits until a task ends, polling the server.
     *
     * @param task the task, as an operation returned it or as last read
     * @param timeout how long to wait at most
     * @return the finished task, whose result holds e.g. the checksums
     * @throws TaskFailedException when the task failed
     * @throws TaskPartialFailureException when it finished but some paths failed
     * @throws TaskTimeoutException when it was still running at the deadline
     * @throws UnknownTaskStateException when a poll's reply names a state the SDK does not know, or none
     */
    default Task await(Task task, Duration timeout) {
        throw Fakes.notFaked("TasksService.await");
    }

    /**
     * Waits until a task ends without blocking a thread: polls are scheduled, not slept.
     *
     * @param task the task, as an operation returned it or as last read
     * @param timeout how long to wait at most
     * @return a future of the finished task, failing as {@link #await(Task, Duration)} throws
     */
    default CompletableFuture<Task> awaitAsync(Task task, Duration timeout) {
        return Fakes.supply(() -> await(task, timeout));
    }
}
