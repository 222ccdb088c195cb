package com.smartfile.sdk;

import com.smartfile.sdk.model.Task;

/**
 * A task was still running when the wait for it ended. The task goes on on the server; wait again
 * with {@link TasksService#await(Task, java.time.Duration)} or read it with {@link TasksService#get(String)}.
 */
public class TaskTimeoutException extends SmartFileException {

    private static final long serialVersionUID = 1L;

    private final transient Task lastSeen;

    TaskTimeoutException(String message, Task lastSeen) {
        super(message);
        this.lastSeen = lastSeen;
    }

    /**
     * The task as last read from the server, with its last status.
     *
     * @return the task
     */
    public Task getLastSeen() {
        return lastSeen;
    }
}
