package com.smartfile.sdk.codegen;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drops the imports a generated Java file does not use. The templates import what any file of their kind may need
 * (a model with no list field still gets {@code java.util.List}); which of those one file uses is known only once
 * it is written, so the generator prunes each file after writing it ({@link SmartFileJavaCodegen#postProcessFile}).
 */
final class Imports {

    private static final Pattern IMPORT = Pattern.compile("(?m)^import (static )?([\\w.]+)\\.(\\w+);[ \\t]*\\R");

    private Imports() {
    }

    /**
     * The source without its unused single-type and static imports. A name counts as used when it appears as a
     * word anywhere outside the import lines, Javadoc included ({@code {@link Foo}} needs its import); wildcard
     * imports are kept.
     */
    static String pruneUnused(String source) {
        String rest = IMPORT.matcher(source).replaceAll("");
        StringBuilder out = new StringBuilder();
        Matcher m = IMPORT.matcher(source);
        while (m.find()) {
            String name = m.group(3);
            boolean used = Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(rest).find();
            m.appendReplacement(out, used ? Matcher.quoteReplacement(m.group()) : "");
        }
        m.appendTail(out);
        // an import group left empty leaves its blank lines behind: at most one blank line in a row
        return out.toString().replaceAll("(\\R)(?:[ \\t]*\\R){2,}", "$1$1");
    }
}
