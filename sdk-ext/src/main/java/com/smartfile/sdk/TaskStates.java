package com.smartfile.sdk;

import java.util.Map;
import java.util.Set;

import com.smartfile.sdk.model.Task;
import com.smartfile.sdk.model.TaskResult;

/** Reads what a {@link Task} reply says about its progress, tolerating the older reply shapes. */
final class TaskStates {

    private TaskStates() {
    }

    /** The status, from {@code result.status} or else the early top-level {@code status}; UNKNOWN when neither. */
    static TaskResult.Status status(Task task) {
        if (task.getResult() != null && task.getResult().getStatus() != null) {
            return task.getResult().getStatus();
        }
        TaskResult.Status legacy = TaskResult.Status.fromValue(task.getStatusValue());
        return legacy == null ? TaskResult.Status.UNKNOWN : legacy;
    }

    static String statusText(Task task) {
        if (task.getResult() != null && task.getResult().getStatusValue() != null) {
            return task.getResult().getStatusValue();
        }
        return task.getStatusValue() == null ? "no status" : task.getStatusValue();
    }

    static Map<String, String> errors(Task task) {
        if (task.getResult() == null || task.getResult().getResult() == null) {
            return Map.of();
        }
        return task.getResult().getResult().getErrors();
    }

    /** The task's uuid; an older reply may carry only its URL ({@code /api/2/task/<uuid>/}). */
    static String uuid(Task task) {
        if (task.getUuid() != null && !task.getUuid().isEmpty()) {
            return task.getUuid();
        }
        String url = task.getUrl();
        if (url != null) {
            String[] parts = url.replaceAll("/+$", "").split("/");
            if (parts.length > 0 && !parts[parts.length - 1].isEmpty()) {
                return parts[parts.length - 1];
            }
        }
        throw new InvalidReplyException("The server started a task but its reply names neither a uuid nor a URL: " + task, null);
    }

    /**
     * Celery's other states for a task still running (the server's task states are Celery's:
     * PENDING, PROGRESS, SUCCESS, FAILURE); inferred, never seen in a SmartFile reply.
     */
    private static final Set<String> STILL_RUNNING = Set.of("STARTED", "RETRY");

    /**
     * Refuses a polled reply whose state the SDK cannot interpret: a status it does not know
     * (e.g. {@code REVOKED}), or none at all. Waiting on such a state would only end at the
     * timeout; the official node client, too, fails at once.
     *
     * @param task a reply of {@code GET task/{uuid}/}
     * @return the task
     * @throws UnknownTaskStateException when its state is not one the SDK knows
     */
    static Task requireKnownState(Task task) {
        if (status(task) != TaskResult.Status.UNKNOWN) {
            return task;
        }
        String text = task.getResult() != null && task.getResult().getStatusValue() != null
                ? task.getResult().getStatusValue() : task.getStatusValue();
        if (text != null && STILL_RUNNING.contains(text)) {
            return task;
        }
        String uuid = uuid(task);
        throw new UnknownTaskStateException(text == null
                ? "Task " + uuid + " (" + describe(task) + "): the server's reply names no state (no result.status), so "
                        + "the SDK cannot tell whether it still runs; it stopped waiting. Reply: " + task
                        + ". Check the outcome on the server (e.g. the paths involved) before repeating the operation."
                : "Task " + uuid + " (" + describe(task) + ") is in a state this SDK does not know, \"" + text + "\" (it may "
                        + "have been cancelled or failed on the server); the SDK stopped waiting. Reply: " + task
                        + ". Check the outcome on the server before repeating the operation.", task, text);
    }

    /** True when the task has ended, one way or the other. */
    static boolean finished(Task task) {
        TaskResult.Status s = status(task);
        return s == TaskResult.Status.SUCCESS || s == TaskResult.Status.FAILURE;
    }

    /** Throws the matching exception when a finished task failed in whole or in part; else returns it. */
    static Task checkOutcome(Task task) {
        String uuid = uuid(task);
        Map<String, String> errors = errors(task);
        if (status(task) == TaskResult.Status.FAILURE) {
            throw new TaskFailedException("Task " + uuid + " (" + describe(task) + ") failed" + listed(errors), task, errors);
        }
        if (!errors.isEmpty()) {
            throw new TaskPartialFailureException("Task " + uuid + " (" + describe(task) + ") finished, but "
                    + errors.size() + " path(s) failed" + listed(errors), task, errors);
        }
        return task;
    }

    private static String describe(Task task) {
        return task.getType() == null ? "task" : task.getType();
    }

    private static String listed(Map<String, String> errors) {
        if (errors.isEmpty()) {
            return "; the server gave no details.";
        }
        StringBuilder b = new StringBuilder(":");
        int shown = 0;
        for (Map.Entry<String, String> e : errors.entrySet()) {
            if (shown == 10) {
                b.append("; … and ").append(errors.size() - 10).append(" more");
                break;
            }
            String error = String.valueOf(e.getValue()).strip().replaceAll("[.;]+$", ""); // one full stop, at the end
            b.append(shown++ == 0 ? " " : "; ").append(e.getKey()).append(": ").append(error);
        }
        return b.append('.').toString();
    }
}
