package com.smartfile.sdk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.smartfile.sdk.model.Task;

/**
 * A server-side task ended in {@code FAILURE}. {@link #getErrors()} lists what went wrong per path,
 * as far as the server said.
 */
public class TaskFailedException extends SmartFileException {

    private static final long serialVersionUID = 1L;

    private final transient Task task;
    /** Errors per path. */
    private final Map<String, String> errors;

    TaskFailedException(String message, Task task, Map<String, String> errors) {
        super(message);
        this.task = task;
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    /**
     * The task as last read from the server.
     *
     * @return the task
     */
    public Task getTask() {
        return task;
    }

    /**
     * The error message per path.
     *
     * @return an unmodifiable map from path to message, possibly empty
     */
    public Map<String, String> getErrors() {
        return errors;
    }
}
