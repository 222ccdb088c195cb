package com.smartfile.emulator;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.smartfile.sdk.model.Task;
import com.smartfile.sdk.model.TaskOutcome;
import com.smartfile.sdk.model.TaskResult;

/**
 * Runs long operations (move, copy, remove, checksum, compress) as tasks a client polls.
 *
 * <p>A task is {@code PENDING} for the first half of the configured minimum duration, then
 * {@code PROGRESS} while its work runs (on a small scheduler pool, never on an HTTP thread), and
 * reaches {@code SUCCESS} or {@code FAILURE} no sooner than the minimum duration after it was
 * started, so clients really poll. Per-path errors go to {@code result.result.errors} (absent
 * when none failed, unless {@link Variant.TaskSuccess#EMPTY_ERRORS} is played):
 * {@code SUCCESS} with errors is a partial failure; {@code FAILURE} means the task as a whole failed
 * (or every item did, or {@link Faults#failNextTask()} asked for it).
 */
final class TaskManager implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(TaskManager.class.getName());

    /** The work of a task. */
    @FunctionalInterface
    interface Work {
        /**
         * Does the work.
         *
         * @return the outcome
         * @throws Exception when the whole task fails
         */
        Outcome run() throws Exception;
    }

    /** What a task's work produced. */
    static final class Outcome {
        final boolean failed;
        final Map<String, String> errors;
        final Map<String, String> checksums;

        Outcome(boolean failed, Map<String, String> errors, Map<String, String> checksums) {
            this.failed = failed;
            this.errors = errors;
            this.checksums = checksums;
        }

        /**
         * An outcome from per-item errors: {@code FAILURE} when every item failed, else
         * {@code SUCCESS} (partial when some failed).
         *
         * @param items how many items there were
         * @param errors path → error for the items that failed
         * @param checksums path → digest, or null
         * @return the outcome
         */
        static Outcome of(int items, Map<String, String> errors, Map<String, String> checksums) {
            return new Outcome(items > 0 && errors.size() >= items, errors, checksums);
        }

        /**
         * An outright failure.
         *
         * @param errors path → error
         * @return the outcome
         */
        static Outcome failure(Map<String, String> errors) {
            return new Outcome(true, errors, null);
        }
    }

    private static final class Entry {
        final String uuid;
        final String type;
        final String url;
        volatile Task.Status status = Task.Status.PENDING;
        /** Set when {@link Faults#revokeTasks} cancelled the task: its state is then Celery's {@code REVOKED}. */
        volatile boolean revoked;
        volatile Outcome outcome;

        Entry(String uuid, String type, String url) {
            this.uuid = uuid;
            this.type = type;
            this.url = url;
        }
    }

    private final long minMillis;
    private final Faults faults;
    private final Variants variants;
    private final ScheduledExecutorService scheduler;
    private final Map<String, Entry> tasks = new LinkedHashMap<>();

    TaskManager(Duration minDuration, Faults faults, Variants variants) {
        this.minMillis = minDuration.toMillis();
        this.faults = faults;
        this.variants = variants;
        AtomicInteger n = new AtomicInteger();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = new Thread(r, "smartfile-emulator-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        this.scheduler = pool;
    }

    /**
     * Starts a task.
     *
     * @param type its kind, e.g. {@code Remove}
     * @param apiVersion the API version of the request (for the task's URL)
     * @param paths the paths it works on (keys of an injected failure's errors)
     * @param work the work
     * @return the task as first reported ({@code PENDING})
     */
    Task submit(String type, String apiVersion, List<String> paths, Work work) {
        String uuid = UUID.randomUUID().toString().replace("-", "");
        Entry entry = new Entry(uuid, type, "/api/" + apiVersion + "/task/" + uuid + "/");
        boolean injectedFailure = faults.takeTaskFailure();
        entry.revoked = !injectedFailure && faults.takeTaskRevoke();
        synchronized (tasks) {
            tasks.put(uuid, entry);
        }
        long started = System.nanoTime();
        List<String> keys = paths.isEmpty() ? List.of("*") : List.copyOf(paths);
        scheduler.schedule(() -> run(entry, work, injectedFailure ? keys : null, started), minMillis / 2,
                TimeUnit.MILLISECONDS);
        return toModel(entry);
    }

    private void run(Entry entry, Work work, List<String> injectedFailure, long started) {
        if (!exists(entry.uuid)) {
            return;
        }
        entry.status = Task.Status.PROGRESS;
        if (entry.revoked) {
            return; // cancelled before its work: it stays REVOKED (toModel)
        }
        Outcome outcome;
        if (injectedFailure != null) {
            Map<String, String> errors = new LinkedHashMap<>();
            injectedFailure.forEach(p -> errors.put(p, "Task failed (fault injected by the emulator)."));
            outcome = Outcome.failure(errors);
        } else {
            try {
                outcome = work.run();
            } catch (Exception e) {
                LOG.log(Level.DEBUG, "task " + entry.uuid + " failed", e);
                outcome = Outcome.failure(Map.of("*", String.valueOf(e.getMessage())));
            }
        }
        Outcome done = outcome;
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        scheduler.schedule(() -> {
            entry.outcome = done;
            entry.status = done.failed ? Task.Status.FAILURE : Task.Status.SUCCESS;
        }, Math.max(0, minMillis - elapsed), TimeUnit.MILLISECONDS);
    }

    private boolean exists(String uuid) {
        synchronized (tasks) {
            return tasks.containsKey(uuid);
        }
    }

    /**
     * Returns a task's current state.
     *
     * @param uuid the task id
     * @return the task, or null when unknown
     */
    Task get(String uuid) {
        Entry e;
        synchronized (tasks) {
            e = tasks.get(uuid);
        }
        return e == null ? null : toModel(e);
    }

    /**
     * Returns every task, oldest first.
     *
     * @return the tasks
     */
    List<Task> list() {
        List<Entry> entries;
        synchronized (tasks) {
            entries = new ArrayList<>(tasks.values());
        }
        List<Task> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            out.add(toModel(e));
        }
        return out;
    }

    /**
     * Forgets a task (a pending one never runs; a running one finishes unseen).
     *
     * @param uuid the task id
     * @return false when unknown
     */
    boolean delete(String uuid) {
        synchronized (tasks) {
            return tasks.remove(uuid) != null;
        }
    }

    private Task toModel(Entry e) {
        Task.Status status = e.status;
        Outcome o = e.outcome;
        if (e.revoked && status != Task.Status.PENDING) {
            return Task.builder().uuid(e.uuid).url(e.url).type(e.type)
                    .result(TaskResult.builder().statusValue("REVOKED").build()).build();
        }
        TaskResult.Builder result = TaskResult.builder().statusValue(status.getValue());
        if (o != null && (status == Task.Status.SUCCESS || status == Task.Status.FAILURE)) {
            TaskOutcome.Builder outcome = TaskOutcome.builder();
            if (!o.errors.isEmpty() || variants.emptyTaskErrors()) {
                outcome.errors(new LinkedHashMap<>(o.errors)); // Variant.TaskSuccess
            }
            if (o.checksums != null) {
                outcome.checksums(new LinkedHashMap<>(o.checksums));
            }
            result.result(outcome.build());
        }
        return Task.builder().uuid(e.uuid).url(e.url).type(e.type).result(result.build()).build();
    }

    /** Stops the scheduler; unfinished tasks are dropped. */
    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
