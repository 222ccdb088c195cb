package com.smartfile.emulator;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.smartfile.sdk.model.Group;
import com.smartfile.sdk.model.GroupPage;
import com.smartfile.sdk.model.PathInfo;
import com.smartfile.sdk.model.PathInfoPage;
import com.smartfile.sdk.model.User;
import com.smartfile.sdk.model.UserPage;

/**
 * {@code search/path/}, {@code search/user/}, {@code search/group/} with {@code keywords}: every
 * word (split at white space, any case) must occur in the item's name (a file or folder's name; a
 * user's username, name or email; a group's name). Paged like the other v2 lists ({@code results}),
 * in path or name order. A missing or blank {@code keywords} answers 400. What the real server
 * matched is not known: this is the emulator's choice.
 */
final class SearchRoutes {

    private final FileStore files;
    private final AccountStore accounts;

    SearchRoutes(FileStore files, AccountStore accounts) {
        this.files = files;
        this.accounts = accounts;
    }

    void register(Router v2) {
        v2.add("GET", "search/path", this::paths);
        v2.add("GET", "search/user", this::users);
        v2.add("GET", "search/group", this::groups);
    }

    private static List<String> words(ApiRequest req) throws ApiException {
        String keywords = Params.fieldLists(req.query()).required("keywords");
        return Arrays.asList(keywords.toLowerCase(Locale.ROOT).trim().split("\\s+"));
    }

    private static boolean matches(List<String> words, String... texts) {
        String all = String.join(" ", Arrays.stream(texts).map(t -> t == null ? "" : t).toArray(String[]::new))
                .toLowerCase(Locale.ROOT);
        return words.stream().allMatch(all::contains);
    }

    private void paths(ApiRequest req, List<String> vars) throws IOException, ApiException {
        List<String> words = words(req);
        Path root = files.guard().root();
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(root)) {
                    return FileVisitResult.CONTINUE;
                }
                if (files.isHidden(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (matches(words, dir.getFileName().toString())) {
                    found.add(dir);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !files.isHidden(file) && matches(words, file.getFileName().toString())) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(null);
        Paging p = Paging.of(req, found.size());
        List<PathInfo> results = new ArrayList<>();
        for (Path f : p.slice(found)) {
            List<String> segments = new ArrayList<>();
            root.relativize(f).forEach(s -> segments.add(s.toString()));
            results.add(files.info(f, segments, req.baseUrl(), req.apiVersion()));
        }
        req.json(200, PathInfoPage.builder().count(p.total).page(p.page).pages(p.pages).perPage(p.perPage)
                .total(p.total).next(p.next(req)).previous(p.previous(req)).results(results).build());
    }

    private void users(ApiRequest req, List<String> vars) throws IOException, ApiException {
        List<String> words = words(req);
        List<User> all = new ArrayList<>();
        synchronized (accounts) {
            for (User u : accounts.users.values()) {
                if (matches(words, u.getUsername(), u.getName(), u.getEmail())) {
                    all.add(AccountStore.withUrl(u, req.baseUrl()));
                }
            }
        }
        Paging p = Paging.of(req, all.size());
        req.json(200, UserPage.builder().count(p.total).page(p.page).pages(p.pages).perPage(p.perPage)
                .total(p.total).next(p.next(req)).previous(p.previous(req)).results(p.slice(all)).build());
    }

    private void groups(ApiRequest req, List<String> vars) throws IOException, ApiException {
        List<String> words = words(req);
        List<Group> all = new ArrayList<>();
        synchronized (accounts) {
            for (Group g : accounts.groups.values()) {
                if (matches(words, g.getName())) {
                    all.add(g);
                }
            }
        }
        Paging p = Paging.of(req, all.size());
        req.json(200, GroupPage.builder().count(p.total).page(p.page).pages(p.pages).perPage(p.perPage)
                .total(p.total).next(p.next(req)).previous(p.previous(req)).results(p.slice(all)).build());
    }
}
