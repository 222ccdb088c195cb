package com.smartfile.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.smartfile.emulator.EmulatorCredentials;
import com.smartfile.emulator.Faults;
import com.smartfile.emulator.SmartFileEmulatorExtension;
import com.smartfile.sdk.NotFoundException;
import com.smartfile.sdk.RetryPolicy;
import com.smartfile.sdk.SmartFile;
import com.smartfile.sdk.SmartFileException;
import com.smartfile.sdk.UploadOptions;
import com.smartfile.sdk.UploadSource;
import com.smartfile.sdk.model.PathInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded soak: workers share one client and mix uploads (v2 multipart from files and bytes, v3
 * PUT), downloads, renames, moves and removals of their own files, and concurrent writers replace
 * shared files, and racers rename, move or copy their own files onto one name at once (one must
 * win, the others get a conflict, nothing may be lost or replaced), while a chaos thread injects
 * random emulator faults (cut downloads and uploads, throttling, 500s, failed tasks, slow replies). Every operation's outcome goes into a local model;
 * when an operation fails, the model learns the server's state from the server (the failure may or
 * may not have taken effect). At the end, with the faults off, every file's bytes are compared
 * with the model: nothing lost, nothing mixed, nothing duplicated.
 *
 * <p>Runs {@code smartfile.soak.seconds} seconds (default 40) with {@code smartfile.soak.workers}
 * workers (default 6): {@code -Dsmartfile.soak.seconds=1800} for a long run.
 */
class SoakTest {

    @RegisterExtension
    static final SmartFileEmulatorExtension EMULATOR = new SmartFileEmulatorExtension(b -> b.taskDuration(Duration.ofMillis(20)));

    private static final long SECONDS = Long.getLong("smartfile.soak.seconds", 40);
    private static final int WORKERS = Integer.getInteger("smartfile.soak.workers", 6);
    private static final int SHARED = 3;
    private static final int MAX_SIZE = 3 * 1024 * 1024;
    /** Racers per round of renames, moves and copies onto one name. */
    private static final int RACERS = 4;

    @TempDir
    Path local;

    /** A file's content: generated from a seed, so the model holds two numbers, not the bytes. */
    static final class Version {
        final long seed;
        final int size;

        Version(long seed, int size) {
            this.seed = seed;
            this.size = size;
        }

        byte[] bytes() {
            byte[] b = new byte[size];
            new Random(seed).nextBytes(b);
            return b;
        }

        String sha256() {
            return SoakTest.sha256(bytes());
        }
    }

    private final Map<String, Version> model = new ConcurrentHashMap<>();
    /** Every version ever written to each shared path. */
    private final Map<String, Set<String>> sharedVersions = new ConcurrentHashMap<>();
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final AtomicLong seeds = new AtomicLong(1);

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void count(String what) {
        counts.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    @Test
    void mixedTrafficWithRandomFaultsLosesMixesAndDuplicatesNothing(EmulatorCredentials c, Faults faults) throws Exception {
        SmartFile client = SmartFile.builder().baseUrl(c.baseUrl()).basicAuth(c.key(), c.password())
                .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(40)).build())
                .build();
        try (client) {
            for (int w = 0; w < WORKERS; w++) {
                client.paths().mkdir("/soak/w" + w + "/b");
            }
            client.paths().mkdir("/soak/shared");
            long end = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(WORKERS + 2);
            List<Future<?>> running = new ArrayList<>();
            running.add(pool.submit(() -> chaos(faults, end)));
            running.add(pool.submit(() -> race(client, end)));
            for (int w = 0; w < WORKERS; w++) {
                int worker = w;
                running.add(pool.submit(() -> work(client, worker, end)));
            }
            for (Future<?> f : running) {
                f.get();
            }
            pool.shutdown();
            faults.reset();
            verify(client);
        }
        System.out.println("soak: " + SECONDS + " s, " + WORKERS + " workers, " + new TreeMap<>(counts));
        assertEquals(List.of(), violations);
        assertTrue(counts.getOrDefault("download ok", new AtomicInteger()).get() > 0, counts.toString());
        assertTrue(counts.getOrDefault("race round, one winner and only conflicts", new AtomicInteger()).get() > 0,
                "some rounds of racers ran without a fault in the way: " + counts);
    }

    /** Random faults, one at a time, until the end. */
    private static void chaos(Faults faults, long end) {
        Random r = new Random(99);
        while (System.nanoTime() < end) {
            switch (r.nextInt(7)) {
                case 0:
                    faults.cutNextDownload(1 + r.nextInt(MAX_SIZE));
                    break;
                case 1:
                    faults.cutNextUpload(1 + r.nextInt(MAX_SIZE));
                    break;
                case 2:
                    faults.throttle503(1 + r.nextInt(2), 0.01);
                    break;
                case 3:
                    faults.failRequests(1);
                    break;
                case 4:
                    faults.failNextTask();
                    break;
                case 5:
                    faults.delayResponses(Duration.ofMillis(r.nextInt(20)));
                    break;
                default:
                    faults.reset();
            }
            try {
                Thread.sleep(20 + r.nextInt(80));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void work(SmartFile client, int worker, long end) {
        Random r = new Random(worker);
        String home = "/soak/w" + worker;
        List<String> mine = new ArrayList<>();
        int names = 0;
        while (System.nanoTime() < end) {
            int op = mine.isEmpty() ? 0 : r.nextInt(9);
            try {
                switch (op) {
                    case 0:
                        mine.add(upload(client, home, "f" + names++, r));
                        break;
                    case 1:
                        mine.addAll(uploadTwo(client, home, "f" + names++, "f" + names++, r));
                        break;
                    case 2:
                        overwrite(client, pick(mine, r), r);
                        break;
                    case 3:
                    case 4:
                        download(client, pick(mine, r), worker);
                        break;
                    case 5:
                        rename(client, mine, pick(mine, r), home + "/f" + names++);
                        break;
                    case 6:
                        move(client, mine, pick(mine, r), home, r);
                        break;
                    case 7:
                        remove(client, mine, pick(mine, r));
                        break;
                    default:
                        writeShared(client, r);
                }
            } catch (Exception e) {
                violations.add("worker " + worker + " op " + op + " failed outside the model: " + e);
            }
        }
    }

    private static String pick(List<String> paths, Random r) {
        return paths.get(r.nextInt(paths.size()));
    }

    private Version newVersion(Random r) {
        return new Version(seeds.getAndIncrement() * 7919, r.nextInt(MAX_SIZE));
    }

    /** v2 multipart from a file or from bytes, or v3 PUT; returns the path it may be at. */
    private String upload(SmartFile client, String folder, String name, Random r) throws Exception {
        String path = folder + "/" + name;
        Version v = newVersion(r);
        try {
            switch (r.nextInt(3)) {
                case 0:
                    Path file = Files.write(local.resolve(name + "-" + Thread.currentThread().getId()), v.bytes());
                    client.paths().upload(folder, UploadSource.of(file).named(name), UploadOptions.defaults());
                    Files.delete(file);
                    break;
                case 1:
                    client.paths().upload(folder, UploadSource.of(v.bytes()).named(name), UploadOptions.defaults());
                    break;
                default:
                    client.paths().uploadAs(path, UploadSource.of(v.bytes()));
            }
            model.put(path, v);
            count("upload ok");
        } catch (SmartFileException e) {
            count("upload failed");
            settle(client, path, v, null);
        }
        return path;
    }

    /**
     * Two files in one v2 request. After a failure each is whole or absent (what the SDK promises),
     * and both or neither are stored (the emulator stores a multi-file upload all or nothing, see
     * emulator/README.md "Storage guarantees").
     */
    private List<String> uploadTwo(SmartFile client, String folder, String first, String second, Random r) {
        Version a = newVersion(r);
        Version b = newVersion(r);
        String pa = folder + "/" + first;
        String pb = folder + "/" + second;
        try {
            client.paths().upload(folder, List.of(UploadSource.of(a.bytes()).named(first), UploadSource.of(b.bytes()).named(second)),
                    UploadOptions.defaults());
            model.put(pa, a);
            model.put(pb, b);
            count("two-file upload ok");
        } catch (SmartFileException e) {
            count("two-file upload failed");
            settle(client, pa, a, null);
            settle(client, pb, b, null);
            if (model.containsKey(pa) != model.containsKey(pb)) {
                violations.add("a failed two-file upload stored one of its files: " + (model.containsKey(pa) ? pa : pb));
            }
        }
        return List.of(pa, pb);
    }

    private void overwrite(SmartFile client, String path, Random r) {
        Version old = model.get(path);
        Version v = newVersion(r);
        try {
            client.paths().uploadAs(path, UploadSource.of(v.bytes()));
            model.put(path, v);
            count("overwrite ok");
        } catch (SmartFileException e) {
            count("overwrite failed");
            settle(client, path, v, old);
        }
    }

    /** After a failed write: the file is whole, as one of the versions it may hold, or absent. */
    private void settle(SmartFile client, String path, Version written, Version before) {
        String sha = remoteSha(client, path);
        if (sha == null) {
            model.remove(path);
        } else if (sha.equals(written.sha256())) {
            model.put(path, written);
        } else if (before != null && sha.equals(before.sha256())) {
            model.put(path, before);
        } else {
            violations.add(path + " is neither the old nor the new version after a failed write (mixed or half-written)");
            model.remove(path);
        }
    }

    private void download(SmartFile client, String path, int worker) throws Exception {
        Version v = model.get(path);
        Path target = local.resolve("down-" + worker);
        Files.write(target, new byte[] {42});
        try {
            client.paths().download(path, target);
            if (v == null) {
                violations.add(path + " downloaded though the model says it does not exist");
            } else if (!sha256(Files.readAllBytes(target)).equals(v.sha256())) {
                violations.add(path + " downloaded with other bytes than the model's (mixed or stale)");
            }
            count("download ok");
        } catch (NotFoundException e) {
            if (v != null) {
                violations.add(path + " is lost: 404 on download");
            }
        } catch (SmartFileException e) {
            count("download failed");
            byte[] left = Files.readAllBytes(target);
            if (left.length != 1 || left[0] != 42) {
                violations.add("a failed download of " + path + " changed the local file");
            }
        }
    }

    private void rename(SmartFile client, List<String> mine, String from, String to) {
        Version v = model.get(from);
        try {
            client.paths().rename(from, to);
            count("rename ok");
        } catch (SmartFileException e) {
            count("rename failed");
        }
        relocate(client, mine, from, to, v);
    }

    private void move(SmartFile client, List<String> mine, String from, String home, Random r) {
        String folder = from.startsWith(home + "/b/") ? home : home + "/b";
        String to = folder + from.substring(from.lastIndexOf('/'));
        if (model.containsKey(to)) {
            return; // a file of that name is already there
        }
        Version v = model.get(from);
        try {
            client.paths().move(List.of(from), folder).await();
            count("move ok");
        } catch (SmartFileException e) {
            count("move failed");
        }
        relocate(client, mine, from, to, v);
    }

    /** After a rename or move, whatever its outcome: the file is at exactly one of the two paths. */
    private void relocate(SmartFile client, List<String> mine, String from, String to, Version v) {
        String atFrom = remoteSha(client, from);
        String atTo = remoteSha(client, to);
        mine.remove(from);
        model.remove(from);
        if (v == null) {
            if (atFrom != null || atTo != null) {
                violations.add(from + " appeared though the model had it absent");
            }
            return;
        }
        if (atFrom != null && atTo != null) {
            violations.add(from + " is duplicated at " + to);
        } else if (atFrom == null && atTo == null) {
            violations.add(from + " was lost moving to " + to);
        } else {
            String at = atFrom != null ? from : to;
            String sha = atFrom != null ? atFrom : atTo;
            if (!sha.equals(v.sha256())) {
                violations.add(at + " holds other bytes than the file it was moved from");
            }
            model.put(at, v);
            mine.add(at);
        }
    }

    private void remove(SmartFile client, List<String> mine, String path) {
        try {
            client.paths().remove(path).await();
            count("remove ok");
        } catch (SmartFileException e) {
            count("remove failed");
        }
        if (remoteSha(client, path) == null) {
            model.remove(path);
            mine.remove(path);
        }
    }

    /** What one racer did and how it ended. */
    private static final class Racer {
        final String kind;
        final String source;
        final Version version;
        volatile String outcome = "not run";

        Racer(String kind, String source, Version version) {
            this.kind = kind;
            this.source = source;
            this.version = version;
        }
    }

    /** Rounds of {@link #RACERS} racers, each in a folder of its own, until the end. */
    private void race(SmartFile client, long end) {
        Random r = new Random(17);
        ExecutorService racers = Executors.newFixedThreadPool(RACERS);
        try {
            for (int round = 0; System.nanoTime() < end; round++) {
                raceRound(client, racers, "/soak/race/r" + round, r);
            }
        } catch (Exception e) {
            violations.add("a race round failed outside the model: " + e);
        } finally {
            racers.shutdownNow();
        }
    }

    /**
     * Each racer renames ({@code dst/aN} to {@code dst/x}), moves or copies ({@code sN/x} into
     * {@code dst}) its own file onto {@code dst/x}, all at once. Then, from the server: at most one
     * racer succeeded, and when none met anything but a conflict, exactly one did; {@code dst/x} is
     * the winner's file (or, after faults, one of the racers'); every racer's file is whole at its
     * source or at the target, and a moved file is not at both.
     */
    private void raceRound(SmartFile client, ExecutorService pool, String dir, Random r) throws Exception {
        String target = dir + "/dst/x";
        List<Racer> racers = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            String kind = List.of("rename", "move", "copy").get(r.nextInt(3));
            String source = kind.equals("rename") ? dir + "/dst/a" + i : dir + "/s" + i + "/x";
            Version v = new Version(seeds.getAndIncrement() * 7919, 1 + r.nextInt(64 * 1024));
            untilAnswered(() -> client.paths().mkdir(source.substring(0, source.lastIndexOf('/'))));
            try {
                client.paths().uploadAs(source, UploadSource.of(v.bytes()));
                model.put(source, v);
            } catch (SmartFileException e) {
                settle(client, source, v, null);
            }
            if (model.containsKey(source)) {
                racers.add(new Racer(kind, source, v));
            }
        }
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(racers.size());
        List<Future<?>> running = new ArrayList<>();
        for (Racer racer : racers) {
            running.add(pool.submit(() -> {
                start.await();
                try {
                    if (racer.kind.equals("rename")) {
                        client.paths().rename(racer.source, target);
                    } else if (racer.kind.equals("move")) {
                        client.paths().move(List.of(racer.source), dir + "/dst").await();
                    } else {
                        client.paths().copy(List.of(racer.source), dir + "/dst").await();
                    }
                    racer.outcome = "ok";
                } catch (com.smartfile.sdk.ConflictException e) {
                    racer.outcome = "conflict";
                } catch (com.smartfile.sdk.TaskFailedException e) {
                    racer.outcome = String.valueOf(e.getErrors().get(racer.source)).contains("already exists") ? "conflict" : "failed";
                } catch (SmartFileException e) {
                    racer.outcome = "failed";
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        String atTarget = remoteSha(client, target);
        long winners = racers.stream().filter(x -> x.outcome.equals("ok")).count();
        boolean clean = racers.stream().allMatch(x -> x.outcome.equals("ok") || x.outcome.equals("conflict"));
        racers.forEach(x -> count("race " + x.kind + " " + x.outcome));
        if (winners > 1) {
            violations.add(dir + ": " + winners + " racers all succeeded onto one name");
        }
        if (clean && !racers.isEmpty()) {
            count("race round, one winner and only conflicts");
            if (winners != 1) {
                violations.add(dir + ": no fault in the way, yet " + winners + " winners");
            }
        }
        Racer atX = null;
        for (Racer racer : racers) {
            if (atTarget != null && atTarget.equals(racer.version.sha256())) {
                atX = racer;
            }
        }
        if (atTarget != null && atX == null) {
            violations.add(target + " holds none of the racers' files (mixed or replaced)");
        }
        for (Racer racer : racers) {
            if (racer.outcome.equals("ok") && racer != atX) {
                violations.add(dir + ": the " + racer.kind + " of " + racer.source + " succeeded, but " + target
                        + " is not its file (replaced afterwards)");
            }
            String atSource = remoteSha(client, racer.source);
            if (atSource != null && !atSource.equals(racer.version.sha256())) {
                violations.add(racer.source + " changed while it raced (mixed)");
            }
            boolean moves = !racer.kind.equals("copy");
            if (racer == atX && moves && atSource != null) {
                violations.add(racer.source + " is duplicated at " + target + " by a " + racer.kind);
            }
            if (racer != atX && atSource == null) {
                violations.add(racer.source + " was lost in a race onto " + target);
            }
            if (racer == atX && !moves && atSource == null) {
                violations.add(racer.source + " was lost though it was only copied");
            }
            if (atSource == null) {
                model.remove(racer.source);
            }
        }
        if (atX != null) {
            model.put(target, atX.version);
        }
    }

    /** Runs a request whose repetition is harmless until it gets an answer (faults may be injected). */
    private static void untilAnswered(Runnable request) {
        for (int attempt = 0; ; attempt++) {
            try {
                request.run();
                return;
            } catch (SmartFileException e) {
                if (attempt >= 20) {
                    throw e;
                }
            }
        }
    }

    private void writeShared(SmartFile client, Random r) {
        String path = "/soak/shared/s" + r.nextInt(SHARED);
        Version v = newVersion(r);
        sharedVersions.computeIfAbsent(path, k -> ConcurrentHashMap.newKeySet()).add(v.sha256());
        try {
            client.paths().uploadAs(path, UploadSource.of(v.bytes()));
            count("shared write ok");
        } catch (SmartFileException e) {
            count("shared write failed");
        }
    }

    /**
     * The SHA-256 of the file on the server, or null when there is none; asks until an answer
     * comes (faults may still be injected), downloading through the client under test.
     */
    private String remoteSha(SmartFile client, String path) {
        SmartFileException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                client.paths().download(path, out);
                return sha256(out.toByteArray());
            } catch (NotFoundException e) {
                return null;
            } catch (SmartFileException e) {
                last = e;
            }
        }
        throw new IllegalStateException("no answer about " + path, last);
    }

    private void verify(SmartFile client) {
        Set<String> onServer = new TreeSet<>();
        collect(client, "/soak", onServer);
        for (Map.Entry<String, Version> e : new TreeMap<>(model).entrySet()) {
            if (!onServer.contains(e.getKey())) {
                violations.add("lost: " + e.getKey());
            } else if (!e.getValue().sha256().equals(remoteSha(client, e.getKey()))) {
                violations.add("other bytes (mixed): " + e.getKey());
            }
        }
        for (String p : onServer) {
            if (p.startsWith("/soak/shared/")) {
                if (!sharedVersions.getOrDefault(p, Set.of()).contains(remoteSha(client, p))) {
                    violations.add("a shared file holds no version any writer wrote (mixed): " + p);
                }
            } else if (!model.containsKey(p)) {
                violations.add("duplicated or unexpected: " + p);
            }
        }
    }

    private static void collect(SmartFile client, String folder, Set<String> out) {
        for (PathInfo p : client.paths().list(folder)) {
            if (p.isDirectory()) {
                collect(client, p.getPath(), out);
            } else {
                out.add(p.getPath());
            }
        }
    }
}
