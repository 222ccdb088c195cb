package com.smartfile.emulator;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding and -decoding as the emulator needs it, written out by hand on purpose:
 * {@code URLDecoder} turns {@code +} into a space, which is right for form values but wrong for
 * path segments.
 */
final class PercentCodec {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentCodec() {
    }

    /**
     * Decodes one URL path segment: {@code %XX} escapes become bytes, the bytes are read as strict
     * UTF-8, and {@code +} stays a plus sign.
     *
     * @param segment the raw segment
     * @return the decoded text
     * @throws IllegalArgumentException for a malformed escape or bytes that are not UTF-8
     */
    static String decodePathSegment(String segment) {
        return decode(segment, false);
    }

    /**
     * Decodes one {@code application/x-www-form-urlencoded} name or value ({@code +} is a space).
     *
     * @param text the raw text
     * @return the decoded text
     * @throws IllegalArgumentException for a malformed escape or bytes that are not UTF-8
     */
    static String decodeForm(String text) {
        return decode(text, true);
    }

    private static String decode(String text, boolean plusIsSpace) {
        if (text.indexOf('%') < 0 && (!plusIsSpace || text.indexOf('+') < 0)) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new IllegalArgumentException("Malformed percent-encoding");
                }
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("Malformed percent-encoding");
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    raw = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(raw, 0, raw.length);
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes.toByteArray()));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("Not UTF-8", e);
        }
    }

    /**
     * Encodes a path segment: everything but RFC 3986 unreserved characters is escaped, as UTF-8
     * (so {@code +} becomes {@code %2B}, which no server can mistake for a space).
     *
     * @param segment the decoded segment
     * @return the encoded segment
     */
    static String encodePathSegment(String segment) {
        return encode(segment, "");
    }

    /**
     * Encodes as RFC 5849 (OAuth 1.0) and RFC 3986 require for signature base strings: only
     * unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) stay as they are.
     *
     * @param text the text
     * @return the encoded text
     */
    static String encodeStrict(String text) {
        return encode(text, "");
    }

    /**
     * Encodes a form name or value ({@code application/x-www-form-urlencoded}).
     *
     * @param text the text
     * @return the encoded text
     */
    static String encodeForm(String text) {
        return encode(text, "");
    }

    private static String encode(String text, String alsoSafe) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~' || alsoSafe.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }
}
