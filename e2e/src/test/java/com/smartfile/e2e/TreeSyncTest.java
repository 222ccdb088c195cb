package com.smartfile.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.smartfile.emulator.Faults;
import com.smartfile.emulator.SmartFileEmulator;
import com.smartfile.emulator.SmartFileEmulatorExtension;
import com.smartfile.sdk.InvalidInputException;
import com.smartfile.sdk.SmartFile;
import com.smartfile.sdk.SmartFileException;
import com.smartfile.sdk.UploadSource;
import com.smartfile.sdk.tree.Comparison;
import com.smartfile.sdk.tree.SyncOptions;
import com.smartfile.sdk.tree.SyncPlan;
import com.smartfile.sdk.tree.TreeResult;
import com.smartfile.sdk.tree.TreeListener;
import com.smartfile.sdk.tree.TreeLocation;
import com.smartfile.sdk.tree.TreeProgress;
import com.smartfile.sdk.tree.TreeSyncException;
import com.smartfile.sdk.tree.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Whole trees against the emulator: copy, sync, deletion, faults, cancellation, names, bad input. */
class TreeSyncTest {

    @RegisterExtension
    static final SmartFileEmulatorExtension EMULATOR = new SmartFileEmulatorExtension(b -> b.taskDuration(Duration.ofMillis(50)));

    @TempDir
    Path tmp;

    private static final String NFD_FOLDER = Normalizer.normalize("Re\u0301sume\u0301s", Normalizer.Form.NFD);
    private static final String NFD_NAME = Normalizer.normalize("Cafe\u0301 cre\u0300me.txt", Normalizer.Form.NFD);

    /** A tree with nested and empty folders, unicode (NFC and NFD) and awkward names, an empty file. */
    private Path awkwardTree(String name) throws IOException {
        Path root = Files.createDirectories(tmp.resolve(name));
        write(root.resolve("top level.txt"), "top");
        write(root.resolve("a #?%+&=;.txt"), "awkward");
        write(root.resolve(NFD_NAME), "decomposed");
        write(root.resolve("\u65e5\u672c\u8a9e.md"), "japanese");
        write(root.resolve("empty.bin"), "");
        write(root.resolve("deep/er/still/leaf.txt"), "leaf");
        write(root.resolve("deep/side.txt"), "side");
        write(root.resolve(NFD_FOLDER + "/inside.txt"), "in a decomposed folder");
        Files.createDirectories(root.resolve("empty folder"));
        Files.createDirectories(root.resolve("deep/er/empty too"));
        return root;
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Relative path (NFC, "/" for folders) to content, for files and folders under a local root. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(p -> !p.equals(root)).collect(Collectors.toList())) {
                String rel = Normalizer.normalize(root.relativize(p).toString().replace('\\', '/'), Normalizer.Form.NFC);
                out.put(Files.isDirectory(p) ? rel + "/" : rel,
                        Files.isDirectory(p) ? "" : new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static List<Path> partFiles(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> p.getFileName().toString().endsWith(".smartfile-part")).collect(Collectors.toList());
        }
    }

    /** Counts what the listener is told. */
    private static class Recorder implements TreeListener {
        final AtomicReference<TreeProgress> last = new AtomicReference<>();
        final CountDownLatch finished = new CountDownLatch(1);
        int filesDone;

        @Override
        public void onProgress(TreeProgress progress) {
            last.set(progress);
        }

        @Override
        public void onFileDone(SyncPlan.Entry entry, SmartFileException failure) {
            filesDone++;
        }

        @Override
        public void onFinished(TreeResult result) {
            finished.countDown();
        }
    }

    @Test
    void anAwkwardTreeGoesUpAndComesBackWholeAndASecondSyncTransfersNothing(SmartFile client) throws Exception {
        Path local = awkwardTree("up");
        Trees trees = client.trees();
        Recorder progress = new Recorder();
        SyncPlan plan = trees.plan(TreeLocation.local(local), TreeLocation.remote("/round trip"), SyncOptions.defaults());
        assertEquals(8, plan.getTransfers().size(), plan.getTransfers().toString());
        assertTrue(plan.getFoldersToCreate().stream().anyMatch(f -> f.getRelativePath().equals("empty folder")), "empty folders are created");
        TreeResult up = trees.execute(plan, progress);
        assertEquals(8, up.getTransferred().size());
        assertEquals(8, progress.last.get().getFilesDone());
        assertEquals(plan.getBytesToTransfer(), progress.last.get().getBytesDone(), "every byte counted once");
        assertEquals(plan.getBytesToTransfer(), progress.last.get().getBytesTotal());
        assertEquals("decomposed", new String(client.paths().openDownload("/round trip/"
                + Normalizer.normalize(NFD_NAME, Normalizer.Form.NFC)).readAllBytes(), StandardCharsets.UTF_8),
                "an NFD name is stored as NFC");
        assertEquals(22L, client.paths().info("/round trip/" + Normalizer.normalize(NFD_FOLDER, Normalizer.Form.NFC)
                + "/inside.txt").getSize(), "so is an NFD folder's, on the paths below it too");

        SyncPlan again = trees.plan(TreeLocation.local(local), TreeLocation.remote("/round trip"), SyncOptions.defaults());
        assertTrue(again.isInSync(), again.getSummary());
        assertEquals(8, again.getSkipped().stream().filter(s -> s.getReason() == SyncPlan.Reason.SAME_CONTENT).count());
        TreeResult nothing = trees.execute(again, null);
        assertTrue(nothing.getSummary().startsWith("already in sync"), nothing.getSummary());
        assertEquals(0, nothing.getTransferred().size());

        Path back = tmp.resolve("back");
        trees.copyTree(TreeLocation.remote("/round trip"), TreeLocation.local(back), SyncOptions.builder().transfers(8).build(), null);
        assertEquals(snapshot(local), snapshot(back), "the tree came back whole, empty folders included");
        assertTrue(trees.plan(TreeLocation.remote("/round trip"), TreeLocation.local(back), SyncOptions.defaults()).isInSync());

        // macOS writes names decomposed: a local NFD name matches the server's NFC one
        Path nfd = back.resolve(NFD_NAME);
        Files.move(back.resolve(Normalizer.normalize(NFD_NAME, Normalizer.Form.NFC)), nfd);
        SyncPlan normalized = trees.plan(TreeLocation.remote("/round trip"), TreeLocation.local(back), SyncOptions.defaults());
        assertTrue(normalized.isInSync(), normalized.getSummary());
    }

    @Test
    void aChangedFileOfEqualSizeIsFoundByChecksumAndMissedOnlyBySizeOnly(SmartFile client) throws Exception {
        Path local = Files.createDirectories(tmp.resolve("same-size"));
        write(local.resolve("record.dat"), "AAAA-0001");
        write(local.resolve("other.dat"), "unchanged");
        client.trees().upload(local, "/same-size");
        write(local.resolve("record.dat"), "AAAA-0002");

        SyncPlan plan = client.trees().plan(TreeLocation.local(local), TreeLocation.remote("/same-size"), SyncOptions.defaults());
        assertEquals(List.of("record.dat"), plan.getTransfers().stream().map(SyncPlan.Entry::getRelativePath).collect(Collectors.toList()));
        assertEquals(SyncPlan.Reason.CONTENT_DIFFERS, plan.getTransfers().get(0).getReason());
        SyncPlan fast = client.trees().plan(TreeLocation.local(local), TreeLocation.remote("/same-size"),
                SyncOptions.builder().comparison(Comparison.SIZE_ONLY).build());
        assertTrue(fast.isInSync(), "size-only is the documented risk: " + fast.getSummary());

        client.trees().execute(plan, null);
        assertEquals("AAAA-0002", new String(client.paths().openDownload("/same-size/record.dat").readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void deleteRemovesOnlyExtraneousEntriesAndOnlyAfterEveryTransferSucceeded(SmartFile client, Faults faults) throws Exception {
        Path local = Files.createDirectories(tmp.resolve("del"));
        write(local.resolve("keep.txt"), "keep");
        write(local.resolve("sub/keep2.txt"), "keep2");
        client.trees().upload(local, "/del");
        client.paths().upload("/del", UploadSource.of("x".getBytes(StandardCharsets.UTF_8)).named("extra.txt"));
        client.paths().mkdir("/del/old");
        client.paths().upload("/del/old", UploadSource.of("y".getBytes(StandardCharsets.UTF_8)).named("gone.txt"));
        client.paths().upload("/del", UploadSource.of("z".getBytes(StandardCharsets.UTF_8)).named("log.tmp"));
        write(local.resolve("new.txt"), "new");

        SyncOptions delete = SyncOptions.builder().delete(true).exclude("*.tmp").build();
        SyncPlan plan = client.trees().plan(TreeLocation.local(local), TreeLocation.remote("/del"), delete);
        assertEquals(List.of("extra.txt", "old"), plan.getDeletions().stream().map(SyncPlan.Entry::getRelativePath).collect(Collectors.toList()),
                "an excluded file is neither transferred nor deleted");

        faults.failRequests(50);   // the upload of new.txt fails (retries included): nothing may be deleted
        TreeSyncException failed = assertThrows(TreeSyncException.class, () -> client.trees().execute(plan, null));
        faults.reset();
        assertTrue(failed.getResult().isDeletionsSkipped());
        assertEquals(1, failed.getResult().getFailures().size(), failed.getMessage());
        assertTrue(failed.getMessage().contains("new.txt"), failed.getMessage());
        assertEquals(0, failed.getResult().getDeleted().size());
        assertEquals(1L, client.paths().info("/del/extra.txt").getSize(), "still there after a failed transfer");

        TreeResult done = client.trees().sync(TreeLocation.local(local), TreeLocation.remote("/del"), delete, null);
        assertEquals(2, done.getDeleted().size());
        List<String> left = new ArrayList<>();
        client.paths().list("/del").forEach(e -> left.add(e.getName()));
        left.sort(null);
        assertEquals(List.of("keep.txt", "log.tmp", "new.txt", "sub"), left);
    }

    @Test
    void faultsMidSyncEndWithACorrectTreeAfterARerun(SmartFile client, Faults faults, SmartFileEmulator emulator) throws Exception {
        Path local = Files.createDirectories(tmp.resolve("faulty"));
        byte[] big = new byte[300_000];
        new java.util.Random(7).nextBytes(big);
        for (int i = 0; i < 12; i++) {
            Files.write(Files.createDirectories(local.resolve("d" + (i % 3))).resolve("f" + i + ".bin"), big);
        }
        faults.throttle429(2, 0).cutUploads(2, 1000);
        try {
            client.trees().upload(local, "/faulty");
        } catch (TreeSyncException partial) {
            assertTrue(partial.getResult().getTransferred().size() > 0, "the others went through");
        }
        faults.reset();
        client.trees().upload(local, "/faulty");
        Path down = tmp.resolve("faulty-down");
        faults.cutDownloads(3, 5000).failNextTask();
        client.trees().download("/faulty", down);
        faults.reset();
        assertEquals(snapshot(local), snapshot(down));
        assertTrue(client.trees().plan(TreeLocation.local(local), TreeLocation.remote("/faulty"), SyncOptions.defaults()).isInSync());

        // a checksum task that fails makes the comparison transfer the files again, never skip them
        faults.failNextTask();
        SyncPlan unsure = client.trees().plan(TreeLocation.local(local), TreeLocation.remote("/faulty"), SyncOptions.defaults());
        faults.reset();
        assertFalse(unsure.getTransfers().isEmpty());
        assertTrue(unsure.getTransfers().stream().allMatch(t -> t.getReason() == SyncPlan.Reason.CHECKSUM_UNAVAILABLE), unsure.getTransfers().toString());
        assertTrue(partFiles(emulator.root()).isEmpty() && partFiles(down).isEmpty());
    }

    @Test
    void aCancelledSyncLeavesNoPartFilesAndCompleteFilesOnly(SmartFile client, Faults faults) throws Exception {
        Path local = Files.createDirectories(tmp.resolve("cancel"));
        byte[] data = new byte[64 * 1024];
        for (int i = 0; i < 40; i++) {
            Files.write(local.resolve("f" + i + ".bin"), data);
        }
        client.trees().upload(local, "/cancel");
        Path down = tmp.resolve("cancel-down");
        SyncPlan plan = client.trees().plan(TreeLocation.remote("/cancel"), TreeLocation.local(down),
                SyncOptions.builder().transfers(2).build());
        Recorder rec = new Recorder() {
            @Override
            public void onFileDone(SyncPlan.Entry entry, SmartFileException failure) {
                super.onFileDone(entry, failure);
                faults.delayResponses(Duration.ofMillis(100));
            }
        };
        CompletableFuture<TreeResult> running = client.trees().executeAsync(plan, rec);
        while (rec.last.get() == null || rec.last.get().getFilesDone() == 0) {
            Thread.sleep(5);
        }
        assertTrue(running.cancel(true));
        assertThrows(CancellationException.class, running::join);
        assertTrue(rec.finished.await(30, TimeUnit.SECONDS), "the running transfers end");
        faults.reset();
        assertTrue(partFiles(down).isEmpty(), "no part files");
        List<Path> present;
        try (Stream<Path> files = Files.list(down)) {
            present = files.collect(Collectors.toList());
        }
        assertTrue(present.size() < 40, "cancel stopped new transfers: " + present.size());
        for (Path p : present) {
            assertEquals(data.length, Files.size(p), p + " is complete");
        }
        client.trees().download("/cancel", down);
        assertEquals(40, snapshot(down).size(), "a re-run finishes the job");
    }

    @Test
    void badInputIsRejectedBeforeAnythingChanges(SmartFile client) throws Exception {
        Trees trees = client.trees();
        Path missing = tmp.resolve("nope");
        InvalidInputException noSource = assertThrows(InvalidInputException.class,
                () -> trees.plan(TreeLocation.local(missing), TreeLocation.remote("/x"), null));
        assertTrue(noSource.getMessage().contains("does not exist"), noSource.getMessage());
        assertThrows(InvalidInputException.class, () -> trees.plan(TreeLocation.remote("/no/such"), TreeLocation.local(tmp), null));

        Path src = Files.createDirectories(tmp.resolve("src"));
        write(src.resolve("a.txt"), "a");
        client.paths().upload("/", UploadSource.of("f".getBytes(StandardCharsets.UTF_8)).named("plain-file"));
        InvalidInputException toFile = assertThrows(InvalidInputException.class,
                () -> trees.plan(TreeLocation.local(src), TreeLocation.remote("/plain-file"), null));
        assertTrue(toFile.getMessage().contains("is a file"), toFile.getMessage());
        Path localFile = tmp.resolve("local-file");
        write(localFile, "x");
        assertThrows(InvalidInputException.class, () -> trees.plan(TreeLocation.remote("/"), TreeLocation.local(localFile), null));
        InvalidInputException overlap = assertThrows(InvalidInputException.class,
                () -> trees.plan(TreeLocation.local(src), TreeLocation.local(src.resolve("inner")), null));
        assertTrue(overlap.getMessage().contains("inside"), overlap.getMessage());
        assertThrows(InvalidInputException.class, () -> SyncOptions.builder().include("[abc").build());

        trees.upload(src, "/guarded");
        // a filter that excludes everything: nothing to transfer, nothing to delete
        SyncPlan filtered = trees.plan(TreeLocation.local(src), TreeLocation.remote("/guarded"),
                SyncOptions.builder().delete(true).exclude("*").build());
        assertTrue(filtered.isInSync() && filtered.getDeletions().isEmpty(), filtered.getSummary());
        // an empty source with delete would wipe the destination: refused unless allowed
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        SyncPlan wipe = trees.plan(TreeLocation.local(empty), TreeLocation.remote("/guarded"), SyncOptions.builder().delete(true).build());
        assertTrue(wipe.isDeletingEverything());
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> trees.execute(wipe, null));
        assertTrue(refused.getMessage().contains("delete everything"), refused.getMessage());
        assertEquals(1L, client.paths().info("/guarded/a.txt").getSize(), "nothing was deleted");
    }

    @Test
    void linksSpecialFilesCaseCollisionsAndRefusedNamesAreReportedNotGuessed(SmartFile client) throws Exception {
        Path src = Files.createDirectories(tmp.resolve("links"));
        write(src.resolve("real/file.txt"), "real");
        Files.createSymbolicLink(src.resolve("link-to-real"), src.resolve("real"));
        Files.createSymbolicLink(src.resolve("real/loop"), src);
        write(src.resolve("bad\u0001name.txt"), "control character");
        boolean fifo = new ProcessBuilder("mkfifo", src.resolve("pipe").toString()).start().waitFor() == 0;

        SyncPlan plan = client.trees().plan(TreeLocation.local(src), TreeLocation.remote("/links"), null);
        Map<String, SyncPlan.Reason> skipped = plan.getSkipped().stream()
                .collect(Collectors.toMap(SyncPlan.Entry::getRelativePath, SyncPlan.Entry::getReason));
        assertEquals(SyncPlan.Reason.SYMLINK, skipped.get("link-to-real"));
        assertEquals(SyncPlan.Reason.SYMLINK, skipped.get("real/loop"));
        if (fifo) {
            assertEquals(SyncPlan.Reason.SPECIAL_FILE, skipped.get("pipe"));
        }
        TreeSyncException refused = assertThrows(TreeSyncException.class, () -> client.trees().execute(plan, null));
        assertEquals(List.of("bad\u0001name.txt"), refused.getResult().getFailures().keySet().stream()
                .map(SyncPlan.Entry::getRelativePath).collect(Collectors.toList()));
        assertTrue(refused.getResult().getFailures().values().iterator().next() instanceof InvalidInputException);
        assertEquals(4L, client.paths().info("/links/real/file.txt").getSize(), "the other files went up");

        SyncPlan followed = client.trees().plan(TreeLocation.local(src), TreeLocation.remote("/links-followed"),
                SyncOptions.builder().followSymlinks(true).exclude("bad*").build());
        assertTrue(followed.getTransfers().stream().anyMatch(t -> t.getRelativePath().equals("link-to-real/file.txt")), followed.getTransfers().toString());
        assertTrue(followed.getSkipped().stream().anyMatch(s -> s.getReason() == SyncPlan.Reason.SYMLINK_LOOP), "the loop is detected");

        client.paths().mkdir("/cases");
        client.paths().upload("/cases", UploadSource.of("upper".getBytes(StandardCharsets.UTF_8)).named("Readme.TXT"));
        client.paths().upload("/cases", UploadSource.of("lower".getBytes(StandardCharsets.UTF_8)).named("readme.txt"));
        client.paths().upload("/cases", UploadSource.of("other".getBytes(StandardCharsets.UTF_8)).named("other.txt"));
        Path down = tmp.resolve("cases");
        TreeSyncException collision = assertThrows(TreeSyncException.class, () -> client.trees().copyTree(TreeLocation.remote("/cases"),
                TreeLocation.local(down), SyncOptions.builder().caseInsensitiveLocal(true).build(), null));
        assertEquals(2, collision.getResult().getPlan().getConflicts().size());
        assertTrue(collision.getResult().getPlan().getConflicts().stream().allMatch(c -> c.getReason() == SyncPlan.Reason.CASE_COLLISION));
        assertEquals(Map.of("other.txt", "other"), snapshot(down), "neither colliding name was written");
    }

    private static long tasksOfType(SmartFile client, String type) {
        long n = 0;
        for (com.smartfile.sdk.model.Task t : client.tasks().list()) {
            n += type.equals(t.getType()) ? 1 : 0;
        }
        return n;
    }

    @Test
    void checksumsAndRemovalsGoThroughBatchedTasksAndNewerByUploadTimeWorks(SmartFile client) throws Exception {
        Path local = Files.createDirectories(tmp.resolve("batched"));
        for (int i = 0; i < 450; i++) {
            write(local.resolve("d" + (i % 5) + "/f" + i), String.format("%06d", i));
        }
        client.trees().upload(local, "/batched");
        long before = tasksOfType(client, "Checksum");
        SyncPlan plan = client.trees().plan(TreeLocation.local(local), TreeLocation.remote("/batched"), null);
        assertTrue(plan.isInSync(), plan.getSummary());
        assertEquals(3, tasksOfType(client, "Checksum") - before, "450 files, 200 per task");

        for (int i = 0; i < 3; i++) {
            Files.delete(local.resolve("d0/f" + (i * 5)));
        }
        long removes = tasksOfType(client, "Remove");
        TreeResult done = client.trees().sync(TreeLocation.local(local), TreeLocation.remote("/batched"),
                SyncOptions.builder().delete(true).comparison(Comparison.SIZE_ONLY).build(), null);
        assertEquals(3, done.getDeleted().size());
        assertEquals(1, tasksOfType(client, "Remove") - removes, "one remove task for the three files");

        // newer by upload time: a local file touched after its upload goes again, an old one does not
        Path touched = local.resolve("d1/f1");
        Files.setLastModifiedTime(touched, java.nio.file.attribute.FileTime.from(java.time.Instant.now().plusSeconds(3600)));
        Files.setLastModifiedTime(local.resolve("d2/f2"), java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2001-01-01T00:00:00Z")));
        SyncPlan newer = client.trees().plan(TreeLocation.local(local), TreeLocation.remote("/batched"),
                SyncOptions.builder().comparison(Comparison.NEWER_BY_UPLOAD_TIME).serverTimeZone(java.time.ZoneId.systemDefault()).build());
        assertEquals(List.of("d1/f1"), newer.getTransfers().stream().map(SyncPlan.Entry::getRelativePath).collect(Collectors.toList()));
        assertEquals(SyncPlan.Reason.NEWER, newer.getTransfers().get(0).getReason());
    }

    @Test
    void aDownloadSyncWithDeleteRemovesExtraneousLocalFilesOnly(SmartFile client) throws Exception {
        Path src = awkwardTree("dl-src");
        client.trees().upload(src, "/dl");
        Path down = tmp.resolve("dl");
        client.trees().download("/dl", down);
        write(down.resolve("extra/inside.txt"), "x");
        write(down.resolve("extra.txt"), "x");
        write(down.resolve("keep.log"), "x");
        TreeResult done = client.trees().sync(TreeLocation.remote("/dl"), TreeLocation.local(down),
                SyncOptions.builder().delete(true).exclude("*.log").build(), null);
        assertEquals(List.of("extra", "extra.txt"), done.getDeleted().stream().map(SyncPlan.Entry::getRelativePath).sorted().collect(Collectors.toList()));
        Map<String, String> expected = snapshot(src);
        expected.put("keep.log", "x");
        assertEquals(expected, snapshot(down));
    }

    @Test
    void aFolderOfTenThousandEntriesIsListedAcrossPages(SmartFile client, SmartFileEmulator emulator) throws Exception {
        Path big = Files.createDirectories(emulator.root().resolve("ten-thousand"));
        Path local = Files.createDirectories(tmp.resolve("ten-thousand"));
        for (int i = 0; i < 10_050; i++) {
            Files.write(big.resolve("f" + i), new byte[] {(byte) i});
            Files.write(local.resolve("f" + i), new byte[] {(byte) i});
        }
        SyncPlan plan = client.trees().plan(TreeLocation.local(local), TreeLocation.remote("/ten-thousand"),
                SyncOptions.builder().comparison(Comparison.SIZE_ONLY).build());
        assertTrue(plan.isInSync(), plan.getSummary());
        assertEquals(10_050, plan.getSkipped().size());
    }
}
