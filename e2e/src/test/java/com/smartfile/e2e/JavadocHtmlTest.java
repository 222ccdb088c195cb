package com.smartfile.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The rendered Javadoc of the SDK and of generated-sdk reads as text: no entity shows literally
 * (an escaped {@code &amp;#x60;}), no Markdown marker survives ({@code `code`}, {@code **bold**}).
 * Runs on the HTML that {@code mvn verify} built in the modules' {@code target/reports/apidocs}.
 */
class JavadocHtmlTest {

    /**
     * What would show on the page as written: an entity escaped once too often, a backtick (also as
     * the entity {@code &#x60;} the stock generator writes), a double star.
     */
    private static final Pattern LITERAL = Pattern.compile("&amp;(#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]+);|`|&#x60;|&#96;|\\*\\*");
    private static final Pattern SCRIPT = Pattern.compile("<script.*?</script>", Pattern.DOTALL);
    /** Tags and their attributes are not shown (javadoc itself writes {@code title="All&amp;nbsp;Packages"}). */
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    /** Code is shown as written on purpose ({@code **} in a glob). */
    private static final Pattern CODE = Pattern.compile("<code>.*?</code>", Pattern.DOTALL);

    @Test
    void sdkJavadocShowsNoEntitiesOrMarkdown() throws IOException {
        scan(Paths.get("../sdk-ext/target/reports/apidocs"), "com/smartfile/sdk/model/PathInfo.html");
    }

    @Test
    void generatedSdkJavadocShowsNoEntitiesOrMarkdown() throws IOException {
        scan(Paths.get("../generated-sdk/target/reports/apidocs"), "com/smartfile/sdk/api/PathsApi.html");
    }

    private static void scan(Path docs, String expectedPage) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(docs), docs + " is built by mvn verify (the javadoc jar)");
        List<Path> pages;
        try (Stream<Path> files = Files.walk(docs)) {
            pages = files.filter(p -> p.toString().endsWith(".html")).collect(Collectors.toList());
        }
        assertTrue(pages.stream().anyMatch(p -> p.toString().replace('\\', '/').endsWith(expectedPage)),
                expectedPage + " is among the " + pages.size() + " pages");
        List<String> found = new ArrayList<>();
        for (Path page : pages) {
            String html = SCRIPT.matcher(new String(Files.readAllBytes(page), StandardCharsets.UTF_8)).replaceAll("");
            html = TAG.matcher(CODE.matcher(html).replaceAll(" ")).replaceAll(" ");
            Matcher m = LITERAL.matcher(html);
            while (m.find() && found.size() < 20) {
                int from = Math.max(0, m.start() - 40);
                found.add(docs.relativize(page) + ": …" + html.substring(from, Math.min(html.length(), m.end() + 40)) + "…");
            }
        }
        assertEquals(List.of(), found);
    }
}
