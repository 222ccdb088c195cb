package com.smartfile.cli;

import java.util.concurrent.Callable;

import com.smartfile.sdk.SmartFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code ping} and {@code whoami}. */
final class AccountCommands {

    private AccountCommands() {
    }

    @Command(name = "ping", mixinStandardHelpOptions = true, description = "Check that the server answers.")
    static final class Ping implements Callable<Integer> {
        @ParentCommand
        SmartFileCommand root;

        @Override
        public Integer call() {
            try (SmartFile client = root.client()) {
                com.smartfile.sdk.model.Ping pong = client.ping();
                if (root.json) {
                    Output.json(root.console.out(), pong);
                } else {
                    root.console.out().println(pong.getPing() + " from " + client.getBaseUrl());
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "whoami", mixinStandardHelpOptions = true, description = "Show who the credentials belong to.")
    static final class WhoAmI implements Callable<Integer> {
        @ParentCommand
        SmartFileCommand root;

        @Override
        public Integer call() {
            try (SmartFile client = root.client()) {
                com.smartfile.sdk.model.WhoAmI me = client.whoami();
                Output.json(root.console.out(), me);
            }
            return ExitCodes.OK;
        }
    }
}
