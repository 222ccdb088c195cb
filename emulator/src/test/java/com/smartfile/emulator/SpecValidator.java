package com.smartfile.emulator;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolverFactory;
import com.atlassian.oai.validator.report.ValidationReport;

/**
 * Validates the emulator's replies against {@code spec/smartfile-api.yaml} with Atlassian's
 * swagger-request-validator (test scope only).
 *
 * <ul>
 *   <li>Path ids span several URL segments ({@code /api/2/path/info/a/b.txt/}) but the spec's
 *       {@code {path}} parameter is one template segment, which a validator matches against one URL
 *       segment only. So before validation the path-id part of the request path is folded into a
 *       single segment: its slashes become {@code %2F} (the root, an empty id, becomes {@code %2F}
 *       too). The routes concerned: {@code path/info/}, {@code path/data/}, {@code access/path/}
 *       (v2) and {@code path/data/} (v3).</li>
 *   <li>v2 routes other than path ids are validated with a trailing slash added when the request
 *       had none (the spec writes them with one; the emulator accepts both).</li>
 *   <li>A single object where the spec's reply is an array marked {@code x-smartfile-single-or-array}
 *       (the v2 upload, {@link Variant.UploadReply#OBJECT}) is validated as an array of that one item.</li>
 *   <li>Additional properties are ignored: the validator would otherwise inject
 *       {@code additionalProperties: false} into every schema, which breaks the spec's {@code allOf}
 *       compositions ({@code PathListing}, {@code V3UploadReply}). Replies are built from the
 *       generated models, so they cannot carry unknown model keys anyway; the per-field error lists
 *       ({@code {"src": […]}}) are such extra keys by design.</li>
 * </ul>
 * Only replies to {@code /api/…} are validated; the OAuth endpoints, {@code /exchange/…} and
 * {@code /__emulator/…} are not in the spec.
 */
final class SpecValidator {

    private static final Pattern PATH_ID = Pattern.compile(
            "^(/api/(?:2(?:\\.\\d+)?/(?:path/info|path/data|access/path|watch/path)|3/path/data)/)(.*)$");
    /** Path-id routes beside a collection of the same prefix ({@code POST path/oper/mkdir/}): a non-empty id only. */
    private static final Pattern PATH_ID_AFTER_COLLECTION = Pattern.compile(
            "^(/api/2(?:\\.\\d+)?/path/oper/(?:mkdir|remove)/)(.+)$");

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForSpecificationUrl(specLocation())
            .withLevelResolver(LevelResolverFactory.withAdditionalPropertiesIgnored())
            .build();

    private SpecValidator() {
    }

    private static String specLocation() {
        String configured = System.getProperty("smartfile.spec");
        Path spec = configured != null ? Path.of(configured) : Path.of("..", "spec", "smartfile-api.yaml");
        return spec.toAbsolutePath().normalize().toString();
    }

    /**
     * Folds a request path the way the spec's templates can match it (see the class comment).
     *
     * @param rawPath the request's raw path
     * @return the path to validate against
     */
    static String specPath(String rawPath) {
        Matcher m = PATH_ID.matcher(rawPath);
        if (!m.matches()) {
            m = PATH_ID_AFTER_COLLECTION.matcher(rawPath);
        }
        if (m.matches()) {
            String id = m.group(2);
            while (id.endsWith("/")) {
                id = id.substring(0, id.length() - 1);
            }
            return m.group(1) + (id.isEmpty() ? "%2F" : id.replace("/", "%2F"));
        }
        if (rawPath.startsWith("/api/2") && !rawPath.endsWith("/")) {
            return rawPath + "/";
        }
        return rawPath;
    }

    /** The v2 upload's reply is {@code x-smartfile-single-or-array}: one object stands for an array of one. */
    private static byte[] singleOrArray(String method, String rawPath, int status, byte[] body) {
        boolean upload = method.equalsIgnoreCase("POST") && rawPath.matches("/api/2(\\.\\d+)?/path/data/.*") && status == 200;
        if (!upload || body[0] != '{') {
            return body;
        }
        byte[] wrapped = new byte[body.length + 2];
        wrapped[0] = '[';
        System.arraycopy(body, 0, wrapped, 1, body.length);
        wrapped[body.length + 1] = ']';
        return wrapped;
    }

    /**
     * Validates one reply; fails the test with the validator's report when it does not conform.
     *
     * @param method the request method
     * @param rawPath the request's raw path
     * @param status the reply status
     * @param headers the reply headers
     * @param body the reply body
     */
    static void validate(String method, String rawPath, int status, Map<String, List<String>> headers, byte[] body) {
        if (!rawPath.startsWith("/api/")) {
            return;
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        headers.forEach((name, values) -> {
            if (name != null && !name.startsWith(":")) {
                response.withHeader(name, values);
            }
        });
        if (body != null && body.length > 0) {
            response.withBody(singleOrArray(method, rawPath, status, body));
        }
        ValidationReport report = VALIDATOR.validateResponse(specPath(rawPath),
                Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), response.build());
        if (report.hasErrors()) {
            throw new AssertionError("reply to " + method + " " + rawPath + " (" + status + ") does not match "
                    + "spec/smartfile-api.yaml:\n" + report + "\nbody: "
                    + (body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8)));
        }
    }
}
