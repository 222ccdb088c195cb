package com.smartfile.emulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A single byte range from a {@code Range} request header ({@code bytes=N-}, {@code bytes=N-M} or
 * the suffix form {@code bytes=-K}), resolved against a file size.
 */
final class ByteRange {

    private static final Pattern SINGLE = Pattern.compile("^\\s*bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*$");

    /** First byte, inclusive. */
    final long first;
    /** Last byte, inclusive. */
    final long last;

    private ByteRange(long first, long last) {
        this.first = first;
        this.last = last;
    }

    /** The outcome of reading a Range header. */
    enum Kind {
        /** No header, or a form this emulator ignores (several ranges, other units, garbage): send all. */
        NONE,
        /** A satisfiable range: send 206. */
        PARTIAL,
        /** A range starting past the end: send 416. */
        UNSATISFIABLE
    }

    /**
     * Classifies a Range header against a size.
     *
     * @param header the header value, may be null
     * @param size the file size
     * @return the kind
     */
    static Kind kind(String header, long size) {
        if (header == null) {
            return Kind.NONE;
        }
        Matcher m = SINGLE.matcher(header);
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return Kind.NONE;
        }
        try {
            if (m.group(1).isEmpty()) {
                return Long.parseLong(m.group(2)) == 0 || size == 0 ? Kind.UNSATISFIABLE : Kind.PARTIAL;
            }
            long first = Long.parseLong(m.group(1));
            if (!m.group(2).isEmpty() && Long.parseLong(m.group(2)) < first) {
                return Kind.NONE;
            }
            return first >= size ? Kind.UNSATISFIABLE : Kind.PARTIAL;
        } catch (NumberFormatException e) {
            return Kind.NONE;
        }
    }

    /**
     * Resolves a header already classified as {@link Kind#PARTIAL}.
     *
     * @param header the header value
     * @param size the file size
     * @return the range, clamped to the file
     */
    static ByteRange resolve(String header, long size) {
        Matcher m = SINGLE.matcher(header);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a range");
        }
        if (m.group(1).isEmpty()) {
            long suffix = Math.min(Long.parseLong(m.group(2)), size);
            return new ByteRange(size - suffix, size - 1);
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
        return new ByteRange(first, last);
    }

    /**
     * The number of bytes in the range.
     *
     * @return the length
     */
    long length() {
        return last - first + 1;
    }
}
