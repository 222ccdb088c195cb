package com.smartfile.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rename, move and copy never replace what is at their target: of several concurrent operations
 * onto one name exactly one wins, the others are refused, and no file is lost. Counted over many
 * rounds of real concurrent requests.
 */
class NoReplaceTest {

    private static final int CALLERS = 8;

    @RegisterExtension
    static final SmartFileEmulatorExtension EMULATOR =
            new SmartFileEmulatorExtension(b -> b.taskDuration(Duration.ZERO).threads(CALLERS));

    private static final ExecutorService POOL = Executors.newFixedThreadPool(CALLERS);

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    /** Runs the calls at the same moment (a barrier) and returns their results in order. */
    private static <T> List<T> together(List<Callable<T>> calls) throws Exception {
        CyclicBarrier start = new CyclicBarrier(calls.size());
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> call : calls) {
            futures.add(POOL.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        List<T> out = new ArrayList<>();
        for (Future<T> f : futures) {
            out.add(f.get());
        }
        return out;
    }

    private static Set<String> contents(Path dir) throws Exception {
        Set<String> out = new HashSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(p)) {
                    out.add(Files.readString(p));
                }
            }
        }
        return out;
    }

    @Test
    void concurrentRenamesOntoOneNameLoseNothing(EmulatorCredentials c, SmartFileEmulator e) throws Exception {
        TestClient client = TestClient.basic(c);
        Path dir = Files.createDirectories(e.root().resolve("ren"));
        int rounds = 150;
        int lost = 0;
        int wrongWinners = 0;
        for (int round = 0; round < rounds; round++) {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                Files.writeString(dir.resolve("s" + i), round + ":" + i);
                String src = "/ren/s" + i;
                calls.add(() -> client.postForm("api/2/path/oper/rename/", "src", src, "dst", "/ren/t").status);
            }
            List<Integer> statuses = together(calls);
            long won = statuses.stream().filter(s -> s == 200).count();
            long refused = statuses.stream().filter(s -> s == 409).count();
            if (won != 1 || refused != CALLERS - 1) {
                wrongWinners++;
            }
            lost += CALLERS - contents(dir).size();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.delete(p);
                }
            }
        }
        assertEquals(0, lost, "files lost to a replacing rename");
        assertEquals(0, wrongWinners, "rounds without exactly one 200 and " + (CALLERS - 1) + " 409");
    }

    @Test
    void concurrentMovesAndCopiesIntoOneFolderLoseNothing(EmulatorCredentials c, SmartFileEmulator e)
            throws Exception {
        TestClient client = TestClient.basic(c);
        for (String op : new String[] {"move", "copy"}) {
            int rounds = 15;
            int lost = 0;
            int wrongWinners = 0;
            for (int round = 0; round < rounds; round++) {
                Path base = Files.createDirectories(e.root().resolve(op + round));
                Files.createDirectories(base.resolve("dst"));
                List<Callable<Map<String, Object>>> calls = new ArrayList<>();
                for (int i = 0; i < CALLERS; i++) {
                    Files.createDirectories(base.resolve("s" + i));
                    Files.writeString(base.resolve("s" + i + "/f"), op + round + ":" + i);
                    String src = "/" + op + round + "/s" + i + "/f";
                    String dst = "/" + op + round + "/dst";
                    calls.add(() -> Checks.await(client, Checks.json(
                            client.postForm("api/2/path/oper/" + op + "/", "src", src, "dst", dst), 200)).task);
                }
                int successes = 0;
                for (Map<String, Object> task : together(calls)) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> result = (Map<String, Object>) task.get("result");
                    if ("SUCCESS".equals(result.get("status"))) {
                        successes++;
                    }
                }
                if (successes != 1) {
                    wrongWinners++;
                }
                Set<String> all = contents(base);
                int expected = CALLERS;
                lost += expected - all.size();
                if (op.equals("copy")) {
                    // the sources stay, and one copy joined them
                    assertEquals(1, contents(base.resolve("dst")).size());
                    assertTrue(all.containsAll(contents(base.resolve("dst"))));
                    try (Stream<Path> files = Files.walk(base)) {
                        assertEquals(CALLERS + 1, files.filter(Files::isRegularFile).count());
                    }
                }
            }
            assertEquals(0, lost, op + ": files lost");
            assertEquals(0, wrongWinners, op + ": rounds without exactly one successful task");
        }
    }
}
