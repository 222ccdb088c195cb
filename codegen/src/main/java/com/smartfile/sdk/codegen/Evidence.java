package com.smartfile.sdk.codegen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * The spec's {@code x-smartfile-evidence} extension (shape in {@code spec/README.md}, "Evidence"):
 * checks every occurrence, and gives the Javadoc its one user-facing part, the {@code unconfirmed}
 * sentence. Confidence and sources stay in the spec.
 */
final class Evidence {

    static final String EXT = "x-smartfile-evidence";
    static final List<String> CONFIDENCE = List.of("documented", "official-client", "third-party", "inferred");
    private static final Set<String> FIELDS = Set.of("confidence", "unconfirmed", "sources", "notes");
    private static final Set<String> SOURCE_FIELDS = Set.of("repo", "path", "commit", "page", "shows");

    private Evidence() {
    }

    /**
     * Checks every {@code x-smartfile-evidence} of the spec.
     *
     * @throws IllegalArgumentException naming the location of the first bad occurrence
     */
    static void check(OpenAPI api) {
        new Walker().api(api);
    }

    /** The Javadoc of an extension's {@code unconfirmed} sentence, or null when there is none. */
    static String unconfirmed(Map<String, Object> extensions) {
        Object ext = extensions == null ? null : extensions.get(EXT);
        if (!(ext instanceof Map)) {
            return null;
        }
        Object text = ((Map<?, ?>) ext).get("unconfirmed");
        return text == null || text.toString().trim().isEmpty() ? null : JavadocText.of(text.toString());
    }

    /** A Javadoc block with the {@code unconfirmed} sentence as a paragraph of its own after it. */
    static String withParagraph(String javadoc, Map<String, Object> extensions) {
        String line = unconfirmed(extensions);
        if (line == null) {
            return javadoc;
        }
        line = "<b>Unconfirmed:</b> " + line;
        return javadoc == null || javadoc.isEmpty() ? line : javadoc + " <p>" + line;
    }

    /** An inline Javadoc text (a {@code @param}, a field) with the {@code unconfirmed} sentence after it. */
    static String inline(String javadoc, Map<String, Object> extensions) {
        String line = unconfirmed(extensions);
        if (line == null) {
            return javadoc;
        }
        line = "Unconfirmed: " + line;
        return javadoc == null || javadoc.isEmpty() ? line : javadoc + " " + line;
    }

    /** One occurrence: {@code where} names it for the error message. */
    static void checkOne(String where, Object ext) {
        if (!(ext instanceof Map)) {
            throw fail(where, "must be a map with confidence, sources and optionally unconfirmed and notes, was " + ext);
        }
        Map<?, ?> map = (Map<?, ?>) ext;
        for (Object key : map.keySet()) {
            if (!FIELDS.contains(String.valueOf(key))) {
                throw fail(where, "unknown field '" + key + "' (known: confidence, unconfirmed, sources, notes)");
            }
        }
        Object confidence = map.get("confidence");
        if (confidence == null || !CONFIDENCE.contains(confidence.toString())) {
            throw fail(where, "confidence must be one of " + CONFIDENCE + ", was " + confidence);
        }
        for (String text : List.of("unconfirmed", "notes")) {
            Object value = map.get(text);
            if (value != null && (!(value instanceof String) || value.toString().trim().isEmpty())) {
                throw fail(where, text + " must be a non-empty sentence, was " + value);
            }
        }
        Object sources = map.get("sources");
        if (!(sources instanceof List) || ((List<?>) sources).isEmpty()) {
            throw fail(where, "sources must list at least one source ({repo, path, commit, shows} or {page, shows}), was "
                    + sources);
        }
        int i = 0;
        for (Object source : (List<?>) sources) {
            String at = where + ", source " + (++i);
            if (!(source instanceof Map)) {
                throw fail(at, "must be a map ({repo, path, commit, shows} or {page, shows}), was " + source);
            }
            Map<?, ?> s = (Map<?, ?>) source;
            for (Object key : s.keySet()) {
                if (!SOURCE_FIELDS.contains(String.valueOf(key))) {
                    throw fail(at, "unknown field '" + key + "' (known: " + SOURCE_FIELDS + ")");
                }
            }
            boolean repo = blank(s.get("repo")) == null;
            boolean page = blank(s.get("page")) == null;
            if (repo == page) {
                throw fail(at, "needs either repo (GitHub owner/name) or page (a URL), " + (repo ? "not both" : "has neither")
                        + ": " + source);
            }
            if (repo && !String.valueOf(s.get("repo")).matches("[\\w.-]+/[\\w.-]+")) {
                throw fail(at, "repo must be a GitHub owner/name, was " + s.get("repo"));
            }
            if (page && !String.valueOf(s.get("page")).matches("https?://\\S+")) {
                throw fail(at, "page must be an http(s) URL, was " + s.get("page"));
            }
            if (!repo && (s.get("path") != null || s.get("commit") != null)) {
                throw fail(at, "path and commit belong to a repo source: " + source);
            }
            if (blank(s.get("shows")) != null) {
                throw fail(at, "shows must say what the source shows");
            }
        }
    }

    /** Null when the value is a non-blank string, else a reason. */
    private static String blank(Object value) {
        return value instanceof String && !((String) value).trim().isEmpty() ? null : "blank";
    }

    private static IllegalArgumentException fail(String where, String what) {
        return new IllegalArgumentException(EXT + " at " + where + ": " + what + " (see spec/README.md, \"Evidence\")");
    }

    /** Visits every object of the spec that can carry the extension. */
    private static final class Walker {
        private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());

        void api(OpenAPI api) {
            if (api.getInfo() != null) {
                ext("info", api.getInfo().getExtensions());
            }
            if (api.getTags() != null) {
                for (Tag tag : api.getTags()) {
                    ext("tag " + tag.getName(), tag.getExtensions());
                }
            }
            if (api.getPaths() != null) {
                api.getPaths().forEach((path, item) -> pathItem(path, item));
            }
            if (api.getComponents() != null) {
                var c = api.getComponents();
                each(c.getSchemas()).forEach(e -> schema("schema " + e.getKey(), e.getValue()));
                each(c.getParameters()).forEach(e -> parameter("parameter " + e.getKey(), e.getValue()));
                each(c.getResponses()).forEach(e -> response("response " + e.getKey(), e.getValue()));
                each(c.getHeaders()).forEach(e -> header("header " + e.getKey(), e.getValue()));
                each(c.getRequestBodies()).forEach(e -> requestBody("request body " + e.getKey(), e.getValue()));
            }
        }

        private static <V> List<Map.Entry<String, V>> each(Map<String, V> map) {
            return map == null ? List.of() : new ArrayList<>(map.entrySet());
        }

        private void pathItem(String path, PathItem item) {
            ext(path, item.getExtensions());
            if (item.getParameters() != null) {
                for (Parameter p : item.getParameters()) {
                    parameter(path + " parameter " + p.getName(), p);
                }
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> e : item.readOperationsMap().entrySet()) {
                Operation op = e.getValue();
                String where = e.getKey() + " " + path + " (" + op.getOperationId() + ")";
                ext(where, op.getExtensions());
                if (op.getParameters() != null) {
                    for (Parameter p : op.getParameters()) {
                        parameter(where + " parameter " + p.getName(), p);
                    }
                }
                if (op.getRequestBody() != null) {
                    requestBody(where + " request body", op.getRequestBody());
                }
                if (op.getResponses() != null) {
                    op.getResponses().forEach((status, r) -> response(where + " response " + status, r));
                }
            }
        }

        private void parameter(String where, Parameter p) {
            if (first(p)) {
                ext(where, p.getExtensions());
                schema(where, p.getSchema());
                content(where, p.getContent());
            }
        }

        private void requestBody(String where, RequestBody body) {
            if (first(body)) {
                ext(where, body.getExtensions());
                content(where, body.getContent());
            }
        }

        private void response(String where, ApiResponse r) {
            if (first(r)) {
                ext(where, r.getExtensions());
                each(r.getHeaders()).forEach(e -> header(where + " header " + e.getKey(), e.getValue()));
                content(where, r.getContent());
            }
        }

        private void header(String where, Header h) {
            if (first(h)) {
                ext(where, h.getExtensions());
                schema(where, h.getSchema());
            }
        }

        private void content(String where, Content content) {
            if (content != null) {
                for (Map.Entry<String, MediaType> e : content.entrySet()) {
                    ext(where + " " + e.getKey(), e.getValue().getExtensions());
                    schema(where + " " + e.getKey(), e.getValue().getSchema());
                }
            }
        }

        @SuppressWarnings("rawtypes")
        private void schema(String where, Schema schema) {
            if (schema == null || !first(schema)) {
                return;
            }
            ext(where, schema.getExtensions());
            if (schema.getProperties() != null) {
                for (Object e : schema.getProperties().entrySet()) {
                    Map.Entry entry = (Map.Entry) e;
                    schema(where + "." + entry.getKey(), (Schema) entry.getValue());
                }
            }
            schema(where + "[]", schema.getItems());
            if (schema.getAdditionalProperties() instanceof Schema) {
                schema(where + "{}", (Schema) schema.getAdditionalProperties());
            }
            for (List<?> composed : listsOf(schema)) {
                for (Object part : composed) {
                    schema(where, (Schema) part);
                }
            }
        }

        @SuppressWarnings("rawtypes")
        private static List<List<?>> listsOf(Schema schema) {
            List<List<?>> lists = new ArrayList<>();
            for (List<?> l : new List<?>[] {schema.getAllOf(), schema.getOneOf(), schema.getAnyOf()}) {
                if (l != null) {
                    lists.add(l);
                }
            }
            return lists;
        }

        private boolean first(Object o) {
            return o != null && seen.add(o);
        }

        private static void ext(String where, Map<String, Object> extensions) {
            if (extensions != null && extensions.containsKey(EXT)) {
                checkOne(where, extensions.get(EXT));
            }
        }
    }
}
