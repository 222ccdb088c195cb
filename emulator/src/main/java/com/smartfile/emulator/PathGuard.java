package com.smartfile.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps every file access inside the emulator's root folder.
 *
 * <p>Path ids arrive percent-encoded per segment; they are split on {@code /}, each segment is
 * decoded by hand ({@link PercentCodec}) and checked: {@code .} and {@code ..} (in any encoding),
 * an encoded {@code /} or {@code \}, NUL and other control characters, names longer than
 * {@value #MAX_NAME_BYTES} UTF-8 bytes are refused, and so is the emulator's own staging folder.
 * Resolution then follows the segments one by one and refuses any symbolic link whose target lies
 * outside the root (or does not exist), and paths longer than {@value #MAX_PATH_BYTES} bytes.
 * Empty segments ({@code a//b}, a leading or trailing {@code /}) are ignored, which is how the
 * API's trailing slashes and form paths with a leading {@code /} are read.
 */
final class PathGuard {

    /** The hidden folder under the root where uploads are staged before their atomic move. */
    static final String STAGING = ".smartfile-emulator-staging";

    /** The longest name of one file or folder, in UTF-8 bytes (what Linux, macOS and Windows file systems allow). */
    static final int MAX_NAME_BYTES = 255;

    /** The longest file-system path, root included, in UTF-8 bytes (Linux's PATH_MAX less one). */
    static final int MAX_PATH_BYTES = 4095;

    private final Path root;

    /**
     * Creates a guard for a root folder.
     *
     * @param root an existing folder
     * @throws IOException when the root cannot be resolved
     */
    PathGuard(Path root) throws IOException {
        this.root = root.toRealPath();
    }

    /** A path id or form path that may not be used. */
    static final class BadPathException extends Exception {
        private static final long serialVersionUID = 1L;

        BadPathException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Returns the real path of the root.
     *
     * @return the root
     */
    Path root() {
        return root;
    }

    /**
     * Returns the staging folder.
     *
     * @return the staging folder (under the root)
     */
    Path staging() {
        return root.resolve(STAGING);
    }

    /**
     * Decodes a path id taken from the URL (still percent-encoded per segment).
     *
     * @param raw the raw path id, e.g. {@code My%20Docs/a.txt/}
     * @return the decoded, checked segments (empty for the root)
     * @throws BadPathException when a segment is malformed or not allowed
     */
    List<String> fromPathId(String raw) throws BadPathException {
        List<String> segments = new ArrayList<>();
        for (String part : raw.split("/", -1)) {
            if (part.isEmpty()) {
                continue;
            }
            String decoded;
            try {
                decoded = PercentCodec.decodePathSegment(part);
            } catch (IllegalArgumentException e) {
                throw new BadPathException("Malformed path: " + e.getMessage() + ".");
            }
            segments.add(check(decoded, segments.isEmpty()));
        }
        return segments;
    }

    /**
     * Reads a plain path given as a form value ({@code /Documents/report.pdf}, leading and
     * trailing {@code /} optional).
     *
     * @param value the form value
     * @return the checked segments (empty for the root)
     * @throws BadPathException when a segment is not allowed
     */
    List<String> fromFormPath(String value) throws BadPathException {
        List<String> segments = new ArrayList<>();
        for (String part : value.split("/", -1)) {
            if (!part.isEmpty()) {
                segments.add(check(part, segments.isEmpty()));
            }
        }
        return segments;
    }

    /**
     * Checks one decoded name (a path segment or an uploaded file's name).
     *
     * @param name the name
     * @param first whether it is the first segment below the root
     * @return the name
     * @throws BadPathException when it is not allowed
     */
    static String check(String name, boolean first) throws BadPathException {
        if (name.isEmpty()) {
            throw new BadPathException("Empty file name.");
        }
        if (name.equals(".") || name.equals("..")) {
            throw new BadPathException("Path traversal (\".\" or \"..\") is not allowed.");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\') {
                throw new BadPathException("A path segment may not contain a slash or backslash.");
            }
            if (c < 0x20 || c == 0x7F) {
                throw new BadPathException("Control characters are not allowed in paths.");
            }
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_NAME_BYTES) {
            throw new BadPathException("A file or folder name may be at most " + MAX_NAME_BYTES
                    + " bytes long in UTF-8; this one has " + bytes + " (" + name.length() + " characters).");
        }
        if (first && name.equals(STAGING)) {
            throw new BadPathException("This name is reserved by the emulator.");
        }
        return name;
    }

    /**
     * Resolves checked segments under the root, refusing symbolic links that lead outside it.
     *
     * @param segments the segments
     * @return the file-system path (it may not exist)
     * @throws BadPathException when a symbolic link on the way leads outside the root
     */
    Path resolve(List<String> segments) throws BadPathException {
        Path path = root;
        for (String segment : segments) {
            path = path.resolve(segment);
            if (Files.isSymbolicLink(path)) {
                Path real;
                try {
                    real = path.toRealPath();
                } catch (IOException e) {
                    throw new BadPathException("A symbolic link on this path is broken.");
                }
                if (!real.startsWith(root)) {
                    throw new BadPathException("A symbolic link on this path leads outside the root.");
                }
            }
        }
        if (!path.normalize().startsWith(root)) {
            throw new BadPathException("The path leads outside the root.");
        }
        if (path.toString().getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
            throw new BadPathException("The path is too long: the emulator stores files under a folder of its own,"
                    + " and the whole path may be at most " + MAX_PATH_BYTES + " bytes long in UTF-8.");
        }
        return path;
    }

    /**
     * Tells whether an existing file-system path stays inside the root once symbolic links are
     * followed (used to hide such links from listings and copies).
     *
     * @param path a path under the root
     * @return true when it is safe to show or follow
     */
    boolean staysInside(Path path) {
        if (!Files.isSymbolicLink(path)) {
            return true;
        }
        try {
            return path.toRealPath().startsWith(root);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Formats segments as an API path: {@code /a/b} (the root is {@code /}).
     *
     * @param segments the segments
     * @return the API path
     */
    static String apiPath(List<String> segments) {
        return "/" + String.join("/", segments);
    }

    /**
     * Formats segments as a path id, percent-encoded per segment, without leading or trailing
     * {@code /}.
     *
     * @param segments the segments
     * @return the encoded path id
     */
    static String pathId(List<String> segments) {
        StringBuilder out = new StringBuilder();
        for (String s : segments) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(PercentCodec.encodePathSegment(s));
        }
        return out.toString();
    }

    /**
     * Computes the segments of a path under the root.
     *
     * @param path a path under the root
     * @return its segments
     */
    List<String> segmentsOf(Path path) {
        Path relative = root.relativize(path);
        List<String> segments = new ArrayList<>();
        for (Path p : relative) {
            if (!p.toString().isEmpty()) {
                segments.add(p.toString());
            }
        }
        return segments;
    }
}
