package com.smartfile.sdk.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.smartfile.sdk.InvalidInputException;

/**
 * The include/exclude globs of {@link SyncOptions}, with gitignore-like semantics: a pattern
 * without a {@code /} matches a name at any depth; a pattern with a {@code /} (leading or inside)
 * matches the path from the tree's root; a trailing {@code /} matches folders only; {@code *} and
 * {@code ?} stay within one name, {@code **} crosses folders, {@code [abc]} is a character class.
 */
final class PathFilter {

    private final List<Glob> includes;
    private final List<Glob> excludes;

    PathFilter(List<String> includes, List<String> excludes) {
        this.includes = compile(includes);
        this.excludes = compile(excludes);
    }

    boolean isEmpty() {
        return includes.isEmpty() && excludes.isEmpty();
    }

    /**
     * Whether an entry is excluded. An excluded folder is not descended into; includes apply to
     * files only (folders are always descended so that included files deeper down are found).
     *
     * @param relativePath the path from the tree's root, {@code /}-separated, no leading {@code /}
     * @param folder whether the entry is a folder
     */
    boolean excludes(String relativePath, boolean folder) {
        for (Glob g : excludes) {
            if (g.matches(relativePath, folder)) {
                return true;
            }
        }
        if (folder || includes.isEmpty()) {
            return false;
        }
        for (Glob g : includes) {
            if (g.matches(relativePath, false)) {
                return false;
            }
        }
        return true;
    }

    private static List<Glob> compile(List<String> patterns) {
        List<Glob> globs = new ArrayList<>();
        for (String p : patterns) {
            globs.add(new Glob(p));
        }
        return globs;
    }

    /** One compiled pattern. */
    static final class Glob {
        private final Pattern regex;
        private final boolean foldersOnly;
        private final boolean anchored;

        Glob(String pattern) {
            if (pattern == null || pattern.trim().isEmpty()) {
                throw new InvalidInputException("An include or exclude pattern must not be empty.");
            }
            String p = pattern.trim();
            foldersOnly = p.endsWith("/");
            if (foldersOnly) {
                p = p.substring(0, p.length() - 1);
            }
            anchored = p.contains("/");
            if (p.startsWith("/")) {
                p = p.substring(1);
            }
            if (p.isEmpty()) {
                throw new InvalidInputException("The pattern '" + pattern + "' matches nothing; give a name or a path.");
            }
            regex = Pattern.compile(toRegex(p, pattern));
        }

        boolean matches(String relativePath, boolean folder) {
            if (foldersOnly && !folder) {
                return false;
            }
            if (anchored) {
                return regex.matcher(relativePath).matches();
            }
            int slash = relativePath.lastIndexOf('/');
            return regex.matcher(relativePath.substring(slash + 1)).matches();
        }

        private static String toRegex(String glob, String original) {
            StringBuilder re = new StringBuilder();
            for (int i = 0; i < glob.length(); i++) {
                char c = glob.charAt(i);
                if (c == '*') {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        i++;
                        if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
                            i++;
                            re.append("(?:.*/)?");   // "**/" : zero or more folders
                        } else {
                            re.append(".*");
                        }
                    } else {
                        re.append("[^/]*");
                    }
                } else if (c == '?') {
                    re.append("[^/]");
                } else if (c == '[') {
                    int end = glob.indexOf(']', i + 1);
                    if (end < 0) {
                        throw new InvalidInputException("The pattern '" + original + "' has a '[' without its ']'.");
                    }
                    String body = glob.substring(i + 1, end);
                    if (body.startsWith("!")) {
                        body = "^" + body.substring(1);
                    }
                    re.append('[').append(body.replace("\\", "\\\\")).append(']');
                    i = end;
                } else if (c == '\\' && i + 1 < glob.length()) {
                    re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                } else {
                    re.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return re.toString();
        }
    }
}
