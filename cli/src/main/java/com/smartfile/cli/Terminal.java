package com.smartfile.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Which of the standard streams is a terminal. {@link System#console()} answers for stdin and
 * stdout together (and on JDK 22+ is never null), while progress is drawn on stderr, so each
 * stream is asked on its own: the launcher {@code bin/smartfile} passes what {@code [ -t N ]}
 * said as {@code -Dsmartfile.tty.stdin/stdout/stderr}; without it, Linux's {@code /proc/self/fd}
 * answers, and elsewhere {@code System.console()}.
 */
final class Terminal {

    private Terminal() {
    }

    static boolean stdin() {
        return isTerminal("stdin", 0);
    }

    static boolean stdout() {
        return isTerminal("stdout", 1);
    }

    static boolean stderr() {
        return isTerminal("stderr", 2);
    }

    private static boolean isTerminal(String stream, int fd) {
        String told = System.getProperty("smartfile.tty." + stream);
        if (told != null) {
            return Boolean.parseBoolean(told);
        }
        Path link = Paths.get("/proc/self/fd/" + fd);
        if (Files.exists(Paths.get("/proc/self/fd"))) {
            try {
                String target = Files.readSymbolicLink(link).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        Console console = System.console();
        return console != null;
    }
}
