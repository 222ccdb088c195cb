package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;
import com.smartfile.sdk.model.Task;

/**
 * A task's reply names no state the SDK knows: a status such as {@code REVOKED}, or no status at
 * all (a reply without {@code result}). The SDK stops waiting at once rather than poll a state it
 * cannot interpret until the timeout: the task may have been cancelled, or may have failed or
 * finished in a way this SDK version does not read. {@link #getTask()} is the reply as received;
 * look at the outcome on the server before repeating the operation.
 */
public class UnknownTaskStateException extends InvalidReplyException {

    private static final long serialVersionUID = 1L;

    private final transient Task task;
    /** The status the reply named, if any. */
    private final @Nullable String status;

    UnknownTaskStateException(String message, Task task, @Nullable String status) {
        super(message, null);
        this.task = task;
        this.status = status;
    }

    /**
     * The task reply as received.
     *
     * @return the task
     */
    public Task getTask() {
        return task;
    }

    /**
     * The status the reply named.
     *
     * @return the status text, or null when the reply named none
     */
    public @Nullable String getStatus() {
        return status;
    }
}
