package com.smartfile.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * README's "Guarantees" ends in a table, promise by promise, of the tests that prove them
 * ({@code Class#method}, or {@code #method} for another method of the class named before it, or a
 * whole class). Every one of them must exist as a test method (or test class) in the sources of
 * one of the modules, so the table cannot go on naming a test that was renamed or removed.
 */
class GuaranteesTableTest {

    private static final Path README = Path.of(System.getProperty("smartfile.readme", "../README.md"));
    private static final Path ROOT = README.toAbsolutePath().getParent();
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern REFERENCE = Pattern.compile("([A-Z][A-Za-z0-9]*)?(?:#([a-z][A-Za-z0-9]*))?");

    @Test
    void everyTestTheTableNamesExists() throws IOException {
        List<String> rows = table();
        assertTrue(rows.size() >= 10, "the table was found: " + rows.size() + " rows");
        Map<String, List<Path>> classes = testClasses();
        List<String> missing = new ArrayList<>();
        int named = 0;
        for (String row : rows) {
            String cells = row.substring(row.indexOf('|', 1) + 1);
            String current = null;
            Matcher m = CODE.matcher(cells);
            while (m.find()) {
                Matcher ref = REFERENCE.matcher(m.group(1).trim());
                if (!ref.matches() || (ref.group(1) == null && ref.group(2) == null) || (ref.group(1) != null
                        && !ref.group(1).endsWith("Test"))) {
                    continue; // a module name (`e2e`), or code that is not a test
                }
                if (ref.group(1) != null) {
                    current = ref.group(1);
                }
                if (current == null) {
                    missing.add(m.group(1) + " (no class named before it)");
                    continue;
                }
                named++;
                List<Path> sources = classes.get(current);
                if (sources == null) {
                    missing.add(current + " (no such test class)");
                } else if (ref.group(2) != null && !declares(sources, ref.group(2))) {
                    missing.add(current + "#" + ref.group(2) + " (no such method in " + sources + ")");
                }
            }
        }
        assertTrue(named >= 30, "the table names its tests: " + named);
        assertEquals(List.of(), missing, "README's Guarantees table names tests that do not exist");
    }

    private static boolean declares(List<Path> sources, String method) throws IOException {
        Pattern declaration = Pattern.compile("\\bvoid\\s+" + method + "\\s*\\(");
        for (Path source : sources) {
            if (declaration.matcher(Files.readString(ROOT.resolve(source))).find()) {
                return true;
            }
        }
        return false;
    }

    /** The rows of the table under "Which test proves what", header and rule left out. */
    private static List<String> table() throws IOException {
        List<String> lines = Files.readAllLines(README);
        int at = lines.indexOf("### Which test proves what");
        assertTrue(at >= 0, "README has the heading");
        List<String> rows = new ArrayList<>();
        for (int i = at + 1; i < lines.size() && !lines.get(i).startsWith("#"); i++) {
            String line = lines.get(i);
            if (line.startsWith("|") && !line.startsWith("|---") && !line.startsWith("| promise")) {
                rows.add(line);
            }
        }
        return rows;
    }

    /** Every test source of every module, by simple class name (relative to the repository). */
    private static Map<String, List<Path>> testClasses() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT, 12)) {
            return files.filter(p -> p.toString().contains("/src/test/java/") && p.toString().endsWith(".java"))
                    .collect(Collectors.groupingBy(p -> p.getFileName().toString().replace(".java", ""), TreeMap::new,
                            Collectors.mapping(ROOT::relativize, Collectors.toList())));
        }
    }
}
