package com.smartfile.sdk;

import java.util.Map;

import com.smartfile.sdk.model.Task;

/**
 * A server-side task finished ({@code SUCCESS}) but some paths failed; {@link #getErrors()} lists
 * them. The other paths were processed: read {@link #getTask()} for the rest of the result.
 */
public class TaskPartialFailureException extends TaskFailedException {

    private static final long serialVersionUID = 1L;

    TaskPartialFailureException(String message, Task task, Map<String, String> errors) {
        super(message, task, errors);
    }
}
