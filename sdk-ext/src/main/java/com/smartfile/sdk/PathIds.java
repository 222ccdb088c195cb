package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The one path encoder of the SDK: turns a SmartFile path such as {@code /Reports/Q1 2024.pdf}
 * into the id that goes into a URL, or into the value of a form field.
 *
 * <p>Every path is first checked and normalised: a leading {@code /} is optional, repeated
 * {@code /} collapse, a trailing {@code /} is dropped. Rejected with {@link InvalidInputException}
 * before anything is sent: null; a {@code .} or {@code ..} segment; a control character
 * (U+0000–U+001F, U+007F); a broken UTF-16 surrogate pair; a path longer than
 * {@value #MAX_PATH_CHARS} characters; a segment longer than {@value #MAX_SEGMENT_BYTES} UTF-8
 * bytes. The two length limits are the SDK's own (common file-system limits); SmartFile's own
 * limits are not documented.
 *
 * <p>URL ids are percent-encoded per segment as UTF-8, keeping only the RFC 3986 unreserved
 * characters {@code A-Z a-z 0-9 - . _ ~} as they are.
 */
final class PathIds {

    /** Longest path accepted, in characters (the SDK's limit; the server's is unknown). */
    static final int MAX_PATH_CHARS = 4096;

    /** Longest segment accepted, in UTF-8 bytes (the SDK's limit; the server's is unknown). */
    static final int MAX_SEGMENT_BYTES = 255;

    private static final int ECHO_CHARS = 120;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathIds() {
    }

    /**
     * The id for a v2 URL: encoded segments joined by {@code /}, ending in {@code /}
     * ({@code /the/file/path} → {@code the/file/path/}); the root is the empty string.
     */
    static String v2(String path) {
        List<String> segments = segments(path);
        if (segments.isEmpty()) {
            return "";
        }
        return encode(segments) + "/";
    }

    /**
     * The id for a v3 URL: like {@link #v2(String)} without the trailing {@code /}. The root is
     * rejected, because v3 data operations need a file.
     */
    static String v3(String path) {
        List<String> segments = segments(path);
        if (segments.isEmpty()) {
            throw new InvalidInputException("path " + echo(path) + " is the root folder; this operation needs a file path");
        }
        return encode(segments);
    }

    /**
     * The normalised absolute path for a form field such as {@code path}, {@code src} or
     * {@code dst}: {@code /a/b}, or {@code /} for the root. Not percent-encoded: the form
     * encoder does that.
     */
    static String formValue(String path) {
        List<String> segments = segments(path);
        return "/" + String.join("/", segments);
    }

    /** The form values of a non-empty list of paths, none null. */
    static List<String> formValues(String field, @Nullable Collection<String> paths) {
        if (paths == null || paths.isEmpty()) {
            throw new InvalidInputException("Give at least one path in " + field + ".");
        }
        List<String> values = new ArrayList<>(paths.size());
        for (String p : paths) {
            values.add(formValue(p));
        }
        return values;
    }

    /** {@link #formValues(String, Collection)} for an array, which may itself be null. */
    static List<String> formValues(String field, String @Nullable ... paths) {
        return formValues(field, paths == null ? null : Arrays.asList(paths));
    }

    /**
     * The form values of the paths an operation acts on, none of them the root: the one check for
     * {@code remove}, {@code move}, {@code copy} and their kin, so an empty variable never becomes
     * "delete everything".
     *
     * @param field the form field, for the message ({@code paths}, {@code sources})
     * @param operation what would be done to them ({@code delete}, {@code move}, {@code copy})
     * @param paths the paths; null, empty, a null element or the root is refused
     */
    static List<String> nonRootFormValues(String field, String operation, @Nullable Collection<String> paths) {
        List<String> values = formValues(field, paths);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).equals("/")) {
                nonRootFormValue(operation, new ArrayList<>(paths).get(i));
            }
        }
        return values;
    }

    /** {@link #nonRootFormValues(String, String, Collection)} for an array, which may itself be null. */
    static List<String> nonRootFormValues(String field, String operation, String @Nullable ... paths) {
        return nonRootFormValues(field, operation, paths == null ? null : Arrays.asList(paths));
    }

    /** The form value of one path an operation acts on, refused when it is the root folder. */
    static String nonRootFormValue(String operation, String path) {
        String value = formValue(path);
        if (value.equals("/")) {
            throw new InvalidInputException("path " + echo(path) + " is the root folder"
                    + (path.trim().isEmpty() ? " (an empty path, perhaps an unset variable)" : "")
                    + "; the SDK refuses to " + operation + " the root. Name the files or folders in it instead. "
                    + "Nothing was sent.");
        }
        return value;
    }

    private static List<String> segments(String path) {
        if (path == null) {
            throw new InvalidInputException("path is null; pass \"/\" for the root folder");
        }
        if (path.length() > MAX_PATH_CHARS) {
            throw new InvalidInputException("path " + echo(path) + " is " + path.length()
                    + " characters long; the SDK accepts at most " + MAX_PATH_CHARS);
        }
        checkCharacters("path " + echo(path), "paths", path);
        List<String> out = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw new InvalidInputException("path " + echo(path) + " contains a \"" + segment
                        + "\" segment; relative segments are not allowed, pass the absolute path");
            }
            int bytes = segment.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_SEGMENT_BYTES) {
                throw new InvalidInputException("path " + echo(path) + " has a name of " + bytes
                        + " UTF-8 bytes; the SDK accepts at most " + MAX_SEGMENT_BYTES + " per name");
            }
            out.add(segment);
        }
        return out;
    }

    /**
     * Rejects control characters and unpaired surrogates: the one check for every text that goes
     * into a URL or a form (paths here, names and ids through {@link Ids}).
     *
     * @param subject how the message names the value, e.g. {@code path "/a"}
     * @param where what the rule is about, e.g. {@code paths}
     */
    static void checkCharacters(String subject, String where, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new InvalidInputException(subject + " contains the control character "
                        + codePoint(c) + " at index " + i + "; control characters are not allowed in " + where);
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException(subject + " contains an unpaired UTF-16 surrogate "
                        + codePoint(c) + " at index " + i + "; it cannot be encoded as UTF-8");
            }
        }
    }

    private static String encode(List<String> segments) {
        StringBuilder sb = new StringBuilder();
        for (String segment : segments) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xff;
                if (isUnreserved(c)) {
                    sb.append((char) c);
                } else {
                    sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
                }
            }
        }
        return sb.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /** The path quoted for a message: control characters escaped, long paths shortened. */
    static String echo(String path) {
        StringBuilder sb = new StringBuilder("\"");
        int end = Math.min(path.length(), ECHO_CHARS);
        if (end < path.length() && Character.isHighSurrogate(path.charAt(end - 1))) {
            end--;
        }
        for (int i = 0; i < end; i++) {
            char c = path.charAt(i);
            switch (c) {
                case '\r':
                    sb.append("\\r");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                default:
                    if (c < 0x20 || c == 0x7f || (Character.isSurrogate(c) && !validPairAt(path, i))) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        if (end < path.length()) {
            sb.append("…");
        }
        return sb.append('"').toString();
    }

    private static boolean validPairAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
