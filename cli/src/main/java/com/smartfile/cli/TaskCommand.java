package com.smartfile.cli;

import java.time.Duration;
import java.util.concurrent.Callable;

import com.smartfile.sdk.SmartFile;
import com.smartfile.sdk.model.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code task UUID [--wait]}: a server-side task's state. */
@Command(name = "task", mixinStandardHelpOptions = true, description = "Show a server-side task, or wait for it to end.")
final class TaskCommand implements Callable<Integer> {

    @ParentCommand
    SmartFileCommand root;

    @Parameters(paramLabel = "UUID", description = "The task's uuid.")
    String uuid;

    @Option(names = "--wait", description = "Wait until the task ends; fail when it fails.")
    boolean await;

    @Option(names = "--timeout", defaultValue = "PT10M", paramLabel = "DURATION",
            description = "How long --wait waits, as an ISO-8601 duration (default PT10M).")
    Duration timeout;

    @Override
    public Integer call() {
        try (SmartFile client = root.client()) {
            Task task = client.tasks().get(uuid);
            if (await) {
                task = client.tasks().await(task, timeout);
            }
            if (root.json) {
                Output.json(root.console.out(), task);
            } else {
                root.console.out().println("task " + uuid + ": " + PathCommands.status(task)
                        + (task.getType() == null ? "" : " (" + task.getType() + ")"));
                if (task.getResult() != null && task.getResult().getResult() != null) {
                    task.getResult().getResult().getChecksums().forEach((path, sum) ->
                            root.console.out().println("  " + sum + "  " + path));
                    task.getResult().getResult().getErrors().forEach((path, error) ->
                            root.console.out().println("  error: " + path + ": " + error));
                }
            }
        }
        return ExitCodes.OK;
    }
}
