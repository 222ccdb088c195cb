package com.smartfile.emulator;

import java.util.ArrayList;
import java.util.List;

/**
 * One answer to an open question about the SmartFile API: where the public evidence (the official
 * clients, their tests and history, third-party code that used the live API) shows more than one
 * behaviour, or none for sure, the emulator can play each of them. This interface and its nested
 * enums are the one place that defines the questions ({@link #key()}), their answers
 * ({@link #value()}) and the evidence for each; {@link Profile} groups them, and
 * {@link SmartFileEmulator.Builder#variant}, {@code smartfile emulator --variant key=value} and
 * {@code POST /__emulator/variants} set them.
 *
 * <pre>{@code
 * SmartFileEmulator.builder().profile(Profile.STRICT_2013).variant(Variant.Range.IGNORED).build();
 * }</pre>
 */
public interface Variant {

    /**
     * The question this answers, as written on the command line and in JSON, e.g. {@code range}.
     *
     * @return the key, the same for every answer to one question
     */
    String key();

    /**
     * This answer, as written on the command line and in JSON, e.g. {@code 200}.
     *
     * @return the value
     */
    String value();

    /**
     * What this answer does and the evidence for it, in one or two sentences.
     *
     * @return the description
     */
    String evidence();

    /**
     * Every question, each as the list of its answers (in the order the questions are documented).
     *
     * @return the questions
     */
    static List<List<Variant>> questions() {
        return List.of(List.of(Range.values()), List.of(UploadReply.values()), List.of(V3UploadFailure.values()),
                List.of(TaskSuccess.values()), List.of(ErrorBodies.values()), List.of(Throttling.values()),
                List.of(TrailingSlash.values()), List.of(PathInfoNulls.values()));
    }

    /**
     * Finds an answer by its key and value (any case).
     *
     * @param key the question, e.g. {@code range}
     * @param value the answer, e.g. {@code 200}
     * @return the answer
     * @throws IllegalArgumentException for an unknown key or value, naming the known ones
     */
    static Variant of(String key, String value) {
        List<String> keys = new ArrayList<>();
        for (List<Variant> question : questions()) {
            String k = question.get(0).key();
            keys.add(k);
            if (!k.equalsIgnoreCase(key == null ? "" : key.trim())) {
                continue;
            }
            List<String> values = new ArrayList<>();
            for (Variant v : question) {
                if (v.value().equalsIgnoreCase(value == null ? "" : value.trim())) {
                    return v;
                }
                values.add(v.value());
            }
            throw new IllegalArgumentException("Unknown value \"" + value + "\" for the variant " + k + "; known: "
                    + String.join(", ", values) + ".");
        }
        throw new IllegalArgumentException("Unknown variant \"" + key + "\"; known: " + String.join(", ", keys) + ".");
    }

    /**
     * Reads {@code key=value}, as {@code --variant} takes it.
     *
     * @param keyEqualsValue e.g. {@code range=200}
     * @return the answer
     * @throws IllegalArgumentException when malformed or unknown
     */
    static Variant parse(String keyEqualsValue) {
        int eq = keyEqualsValue == null ? -1 : keyEqualsValue.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("Expected a variant as key=value (e.g. range=200), got \""
                    + keyEqualsValue + "\".");
        }
        return of(keyEqualsValue.substring(0, eq), keyEqualsValue.substring(eq + 1));
    }

    /** {@code GET path/data/…} with a {@code Range} header (v2, v3 and exchange URLs). */
    enum Range implements Variant {
        /** 206 with {@code Content-Range} (the default). */
        PARTIAL("206", "A satisfiable Range gets 206 with Content-Range (416 past the end). Inferred: SmartFile served "
                + "path/data through nginx X-Accel-Redirect (btimby/convert-document tests/test_proxy.py), and "
                + "nginx answers ranges itself; RFC 9110."),
        /** 200 with the whole file: {@code Range} is ignored. */
        IGNORED("200", "Range is ignored: 200 with the whole file. The only ranged GET in the evidence is answered so "
                + "(smartfile/client-node tests/test_fs.js mocks a 200 for a read at an offset).");

        private final String value;
        private final String evidence;

        Range(String value, String evidence) {
            this.value = value;
            this.evidence = evidence;
        }

        @Override
        public String key() {
            return "range";
        }

        @Override
        public String value() {
            return value;
        }

        @Override
        public String evidence() {
            return evidence;
        }
    }

    /** The reply to a v2 multipart upload ({@code POST path/data/{folder}}). */
    enum UploadReply implements Variant {
        /** One path-information object, an array only for several files (the default). */
        OBJECT("object", "One path-information object {name, path, size, ...}: smartfile/client-node tests/test_rest.js "
                + "and tests/test_fs.js mock it so. A request carrying several files gets an array, one per file "
                + "(no evidence shows that case)."),
        /** Always an array of path-information objects, one per file. */
        ARRAY("array", "Always an array of path-information objects, one per file, as the emulator did before. No "
                + "server evidence (no reader of result[0].path was found); the spec allows it, so clients must "
                + "cope with both.");

        private final String value;
        private final String evidence;

        UploadReply(String value, String evidence) {
            this.value = value;
            this.evidence = evidence;
        }

        @Override
        public String key() {
            return "upload-reply";
        }

        @Override
        public String value() {
            return value;
        }

        @Override
        public String evidence() {
            return evidence;
        }
    }

    /** How a v3 {@code PUT}/{@code PATCH path/data/…} reports a failure the upload itself decides (a missing folder, a bad {@code Range}, a changed file); authentication and throttling keep their status codes. */
    enum V3UploadFailure implements Variant {
        /** HTTP 200 with {@code {"status": N, "detail": "…"}} (the default). */
        OK_WITH_STATUS("200-status-detail", "HTTP 200 with {\"status\": <code>, \"detail\": <message>}: smartfile/client-node commits "
                + "5fd286b (\"lua upload module requires different error handling\") and 48d31f3, and "
                + "tests/test_fs.js, check detail in every v3 upload reply."),
        /** The failure's own status code with {@code {"detail": "…"}}. */
        HTTP_STATUS("status-code", "The failure's own status code (409, 412, 416, 400) with {\"detail\": ...}, as the rest of the "
                + "API does. No evidence for the v3 upload module; kept so that clients are tested against both.");

        private final String value;
        private final String evidence;

        V3UploadFailure(String value, String evidence) {
            this.value = value;
            this.evidence = evidence;
        }

        @Override
        public String key() {
            return "v3-upload-failure";
        }

        @Override
        public String value() {
            return value;
        }

        @Override
        public String evidence() {
            return evidence;
        }
    }

    /** The result of a task that succeeded with nothing failing. */
    enum TaskSuccess implements Variant {
        /** {@code "result": {}}, no {@code errors} key (the default). */
        NO_ERRORS("no-errors", "A task that succeeded answers \"result\": {} (plus checksums when there are some), no errors "
                + "key: smartfile/client-node tests/test_rest.js mocks it so, and its lib/rest/client.js reads "
                + "any errors value as a partial failure."),
        /** {@code "result": {"errors": {}}}. */
        EMPTY_ERRORS("empty-errors", "A task that succeeded answers \"result\": {\"errors\": {}}, as the emulator did before and the "
                + "spec's listTasks example shows; no server evidence. A client must not read an empty errors "
                + "object as a partial failure.");

        private final String value;
        private final String evidence;

        TaskSuccess(String value, String evidence) {
            this.value = value;
            this.evidence = evidence;
        }

        @Override
        public String key() {
            return "task-success";
        }

        @Override
        public String value() {
            return value;
        }

        @Override
        public String evidence() {
            return evidence;
        }
    }

    /** The bodies of error replies. */
    enum ErrorBodies implements Variant {
        /** Django REST Framework 3 JSON: {@code {"detail": …}}, field lists, 401 for bad credentials (the default). */
        DRF3_JSON("drf3-json", "JSON everywhere: {\"detail\": ...}, per-field lists, 401 with WWW-Authenticate for missing or "
                + "wrong credentials (DRF 3; smartfile/client-node tests/test_auth.js mocks a 401)."),
        /** Every 404 is the plain text {@code NOT FOUND}; the rest as {@code drf3-json}. */
        PLAIN_404("plain-404", "Every 404 answers the plain text NOT FOUND (text/plain): smartfile/client-node "
                + "tests/test_fs.js mocks it so; smartfile/client-python maps a non-JSON 404 to \"Invalid URL\". "
                + "Other errors as drf3-json."),
        /** Missing or wrong credentials answer 403 with the older stack's text; the rest as {@code drf3-json}. */
        DRF0_403("drf0-403", "Missing or wrong credentials answer 403 {\"detail\": \"You do not have permission to access "
                + "this resource. You may need to login or otherwise authenticate the request.\"} without "
                + "WWW-Authenticate: smartfile/client-java src/test/java/com/smartfile/api/BasicClientTest.java; "
                + "the text of Django REST Framework 0.x.");

        private final String value;
        private final String evidence;

        ErrorBodies(String value, String evidence) {
            this.value = value;
            this.evidence = evidence;
        }

        @Override
        public String key() {
            return "error-bodies";
        }

        @Override
        public String value() {
            return value;
        }

        @Override
        public String evidence() {
            return evidence;
        }
    }

    /** How a throttled request is answered when a throttle fault does not name a style ({@link Faults#throttle(int, double)}, or {@code "throttle"} without {@code "status"} on the faults endpoint). */
    enum Throttling implements Variant {
        /** 429 with {@code Retry-After: S}, whole seconds rounded up (the default). */
        RETRY_AFTER("retry-after", "429 with Retry-After in whole seconds (rounded up), as Django REST Framework 3 sends it; "
                + "smartfile/client-node lib/rest/client.js reads it and cites the DRF 3.0 release notes."),
        /** 429 with {@code Retry-After: S} as given, fractions included. */
        RETRY_AFTER_FRACTIONAL("retry-after-fractional", "429 with Retry-After as given, fractions included (e.g. 0.1): smartfile/client-node "
                + "tests/test_rest.js mocks Retry-After: 0.1."),
        /** 429 with {@code X-Throttle-Wait-Seconds: S}. */
        WAIT_SECONDS("wait-seconds", "429 with X-Throttle-Wait-Seconds in whole seconds: smartfile/client-node b02c8b2 (2018, "
                + "\"Handle observed header\"); DRF 2.x."),
        /** 503 with {@code X-Throttle: throttled; next=S sec}. */
        X_THROTTLE_503("x-throttle-503", "503 with X-Throttle: throttled; next=S sec: smartfile/client-python tests (2012-2013) and "
                + "smartfile/client-csharp parse it; DRF 0.x.");

        private final String value;
        private final String evidence;

        Throttling(String value, String evidence) {
            this.value = value;
            this.evidence = evidence;
        }

        @Override
        public String key() {
            return "throttling";
        }

        @Override
        public String value() {
            return value;
        }

        @Override
        public String evidence() {
            return evidence;
        }
    }

    /** Trailing slashes on API URLs. */
    enum TrailingSlash implements Variant {
        /** Optional everywhere (the default). */
        LENIENT("lenient", "A trailing slash is optional on every URL. v2 path ids are evidenced both ways "
                + "(smartfile/client-python test/test_smartfile.py sends /path/info/testfn/, "
                + "smartfile/client-node sends none); for the rest this is lenient on purpose."),
        /** v2 URLs other than path ids need it, v3 URLs refuse it (404). */
        STRICT("strict", "v2 URLs other than path ids (collections, user/{name}/, path/oper/mkdir/, task/{uuid}/...) "
                + "need the slash, v3 URLs must not have one; otherwise 404. smartfile/client-python bb943e1 "
                + "(\"Add trailing slash for URL's that require one\"), smartfile/client-node 44d0afa (trailing "
                + "slash removed from v3 server-side). v2 path ids still take both forms.");

        private final String value;
        private final String evidence;

        TrailingSlash(String value, String evidence) {
            this.value = value;
            this.evidence = evidence;
        }

        @Override
        public String key() {
            return "trailing-slash";
        }

        @Override
        public String value() {
            return value;
        }

        @Override
        public String evidence() {
            return evidence;
        }
    }

    /** Keys without a value in path information. */
    enum PathInfoNulls implements Variant {
        /** {@code owner} and {@code items} are always there, {@code null} when empty (the default). */
        PRESENT("present", "owner and items are always present, null when there is no value (\"owner\": null; \"items\": "
                + "null on files): the official smartfile/client-python README's path/info example shows them so."),
        /** Keys without a value are left out. */
        OMITTED("omitted", "Keys without a value are left out, as the emulator did before; smartfile/client-node's mocks "
                + "carry no null keys (weak: mocks are trimmed).");

        private final String value;
        private final String evidence;

        PathInfoNulls(String value, String evidence) {
            this.value = value;
            this.evidence = evidence;
        }

        @Override
        public String key() {
            return "pathinfo-nulls";
        }

        @Override
        public String value() {
            return value;
        }

        @Override
        public String evidence() {
            return evidence;
        }
    }
}
