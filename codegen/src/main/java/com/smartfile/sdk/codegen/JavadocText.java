package com.smartfile.sdk.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the spec's Markdown (descriptions, summaries) into Javadoc: {@code `code`} becomes
 * <code>{&#64;code code}</code>, {@code **bold**} <b>bold</b>, {@code - item} lines a list,
 * blank lines paragraphs, {@code ## Heading} a bold line. Everything else is escaped for HTML, so
 * the rendered page shows exactly the text of the spec: no entity or Markdown marker shows
 * literally. The result is one line, safe inside a Javadoc comment.
 */
final class JavadocText {

    private static final Pattern INLINE = Pattern.compile("`([^`]+)`|\\*\\*(.+?)\\*\\*");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*]|\\d+\\.)\\s+(.*)$");

    private JavadocText() {
    }

    /** The Javadoc for a piece of Markdown; null stays null. */
    static String of(String markdown) {
        if (markdown == null) {
            return null;
        }
        List<String> blocks = new ArrayList<>();
        for (String block : markdown.trim().split("\\n\\s*\\n")) {
            if (!block.trim().isEmpty()) {
                blocks.add(block(block));
            }
        }
        return String.join(" <p>", blocks);
    }

    private static String block(String block) {
        String[] lines = block.split("\\n");
        if (lines[0].trim().startsWith("#")) {
            String heading = "<b>" + inline(lines[0].trim().replaceFirst("^#+\\s*", "")) + "</b>";
            return lines.length == 1 ? heading : heading + " " + block(block.substring(block.indexOf('\n') + 1));
        }
        List<String> items = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            Matcher item = LIST_ITEM.matcher(line);
            if (item.matches()) {
                items.add(item.group(1).trim());
            } else if (!items.isEmpty() && line.startsWith(" ")) {
                items.set(items.size() - 1, items.get(items.size() - 1) + " " + line.trim());
            } else {
                if (!items.isEmpty()) {
                    text.append(list(items)).append(' ');
                    items.clear();
                }
                text.append(line.trim()).append(' ');
            }
        }
        String out = inline(text.toString().trim());
        return items.isEmpty() ? out : (out.isEmpty() ? "" : out + " ") + list(items);
    }

    private static String list(List<String> items) {
        StringBuilder ul = new StringBuilder("<ul>");
        for (String item : items) {
            ul.append("<li>").append(inline(item)).append("</li>");
        }
        return ul.append("</ul>").toString();
    }

    private static String inline(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = INLINE.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(plain(text.substring(last, m.start())));
            if (m.group(1) != null) {
                out.append(code(m.group(1)));
            } else {
                out.append("<b>").append(inline(m.group(2))).append("</b>");
            }
            last = m.end();
        }
        return out.append(plain(text.substring(last))).toString();
    }

    /** {@code {@code …}} when its braces balance (Javadoc ends the tag at the first unmatched '}'). */
    private static String code(String code) {
        int depth = 0;
        for (char c : code.toCharArray()) {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth < 0) {
                break;
            }
        }
        if (depth == 0 && !code.contains("*/") && !code.contains("\\")) {
            return "{@code " + code + "}";
        }
        return "<code>" + plain(code).replace("{", "&#123;").replace("}", "&#125;") + "</code>";
    }

    private static String plain(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("*/", "*&#47;").replace("@", "&#64;").replace("{", "&#123;").replace("}", "&#125;")
                .replace("\\", "&#92;");
    }
}
