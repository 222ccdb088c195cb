package com.smartfile.sdk.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import org.junit.jupiter.api.Test;

/**
 * The real spec keeps provenance out of what users read: descriptions, summaries and the service
 * Javadoc texts say what the API does, and {@code x-smartfile-evidence} says where it comes from.
 * Nothing in the spec or the READMEs points outside the repository (users do not have the project's notes).
 */
class SpecEvidenceTest {

    private static final Path SPEC = Paths.get("../spec/smartfile-api.yaml");
    private static final Path README = Paths.get("../spec/README.md");

    /** Provenance and confidence phrases; each belongs in the extension, not in a user-facing text. */
    static final Pattern PROVENANCE = Pattern.compile(
            "\\*\\*Unconfirmed|Unconfirmed[:.]|\\bnode client|\\bpython client|\\bjava client|\\bphp client|\\bnode\\b"
                    + "|\\bpython\\b|official clients?|\\b20[0-2][0-9] scripts?|\\ba script\\b|\\bscripts\\b|rosetta|meteor"
                    + "|\\bmock(ed|s)?\\b|third-party (code|wrapper|mock|script)|\\bwrapper\\b|\\bwas seen\\b|\\bwere seen\\b"
                    + "|\\bseen (on|in|only)\\b|\\bobserved\\b|\\binferred\\b|\\bassumed\\b|\\bpresumably\\b|\\bprobably\\b"
                    + "|\\bapparently\\b|\\bthe reference\\b|reference file|smartfile-api\\.md|shared/|\\bcommit [0-9a-f]{7}",
            Pattern.CASE_INSENSITIVE);
    /** Anything a reader of the repository does not have. */
    private static final Pattern OUTSIDE = Pattern.compile("\\.\\./shared|shared/reference|smartfile-api\\.md|the reference file",
            Pattern.CASE_INSENSITIVE);
    /** The user-facing texts: OpenAPI's own and those of x-smartfile-sdk. */
    private static final List<String> USER_TEXT = List.of("description", "summary", "doc", "returns", "throws");

    @Test
    void descriptionsCarryNoProvenance() throws IOException {
        JsonNode spec = Yaml.mapper().readTree(read(SPEC));
        List<String> found = new ArrayList<>();
        walk(spec, "", found);
        assertEquals(List.of(), found, "provenance belongs in x-smartfile-evidence (spec/README.md, \"Evidence\")");
    }

    @Test
    void theSpecAndTheReadmesCiteNothingOutsideTheRepository() throws IOException {
        List<Path> files = new ArrayList<>(List.of(SPEC, README));
        try (java.util.stream.Stream<Path> readmes = Files.walk(Paths.get(".."), 2)) {
            readmes.filter(p -> p.getFileName().toString().equals("README.md") && !p.toString().contains("target"))
                    .forEach(files::add);
        }
        assertTrue(files.size() > 3, "the module READMEs are found: " + files);
        for (Path file : files) {
            Matcher m = OUTSIDE.matcher(read(file));
            assertTrue(!m.find(), file + " cites " + (m.hitEnd() ? "" : m.group()) + ", which users of the repository do not have");
        }
    }

    @Test
    void everyEvidenceOfTheSpecIsValid() throws IOException {
        OpenAPI api = new OpenAPIV3Parser().readLocation(SPEC.toAbsolutePath().toString(), null, null).getOpenAPI();
        Evidence.check(api);
        // Not vacuous: the spec does use the extension, on operations and on schema properties alike.
        JsonNode spec = Yaml.mapper().readTree(read(SPEC));
        assertTrue(spec.at("/paths/~1{apiVersion}~1path~1data~1{path}/get/x-smartfile-evidence/unconfirmed").isTextual());
        assertTrue(spec.at("/components/schemas/PathInfo/properties/extension/x-smartfile-evidence/sources").size() >= 2);
    }

    @Test
    void theProvenanceCheckCatchesWhatTheOldSpecSaid() {
        for (String old : List.of("**Unconfirmed**: whether it cancels", "the node client uses 100.",
                "A 2023 script found `children=true` unpaginated", "see shared/reference/smartfile-api.md §3.2",
                "Exposed by the 2013 python client.", "(status code not pinned down, 400 assumed)")) {
            assertTrue(PROVENANCE.matcher(old).find(), old);
        }
        for (String fine : List.of("Files.com acquired SmartFile in 2023", "for third-party applications acting for another user",
                "Which keys the lists answer is open", "the site preference `max-per-page`")) {
            assertTrue(!PROVENANCE.matcher(fine).find(), fine);
        }
    }

    private static void walk(JsonNode node, String at, List<String> found) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                if (key.equals(Evidence.EXT) || key.equals("example") || key.equals("examples")) {
                    continue;
                }
                String where = at + "/" + key;
                if (USER_TEXT.contains(key)) {
                    check(e.getValue(), where, found);
                }
                walk(e.getValue(), where, found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), at + "/" + i, found);
            }
        }
    }

    private static void check(JsonNode text, String where, List<String> found) {
        List<JsonNode> texts = new ArrayList<>();
        if (text.isTextual()) {
            texts.add(text);
        } else if (text.isArray()) {
            text.forEach(texts::add);
        }
        for (JsonNode t : texts) {
            Matcher m = PROVENANCE.matcher(t.asText());
            while (m.find()) {
                String s = t.asText();
                found.add(where + ": …" + s.substring(Math.max(0, m.start() - 40), Math.min(s.length(), m.end() + 30))
                        .replace('\n', ' ') + "…");
            }
        }
    }

    private static String read(Path p) throws IOException {
        return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    }
}
