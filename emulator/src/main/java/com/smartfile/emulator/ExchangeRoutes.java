package com.smartfile.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.smartfile.sdk.model.ExchangeUrl;

/**
 * Temporary direct URLs: {@code POST path/exchange/} ({@code path}, optional {@code mode=r} and
 * {@code expires} seconds, default 3600) answers {@code {"url": "<base>exchange/<token>/<name>"}};
 * a GET on that URL downloads the file without credentials until it expires (then 404).
 */
final class ExchangeRoutes {

    /** Lifetime when {@code expires} is not given, in seconds. */
    static final long DEFAULT_EXPIRES = 3600;

    private static final class Grant {
        final List<String> segments;
        final long expiresAtMillis;

        Grant(List<String> segments, long expiresAtMillis) {
            this.segments = segments;
            this.expiresAtMillis = expiresAtMillis;
        }
    }

    private final PathGuard guard;
    private final PathRoutes paths;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    ExchangeRoutes(PathGuard guard, PathRoutes paths) {
        this.guard = guard;
        this.paths = paths;
    }

    void register(Router v2) {
        v2.add("POST", "path/exchange", this::create);
    }

    private void create(ApiRequest req, List<String> vars) throws IOException, ApiException {
        Params params = Params.fieldLists(req.params());
        String value = params.required("path");
        String mode = params.optional("mode");
        if (mode != null && !mode.isBlank() && !mode.equals("r")) {
            throw params.invalid("mode", "\"" + mode + "\" is not a valid choice.");
        }
        Long expires = params.number("expires", 1);
        List<String> segments;
        Path file;
        try {
            segments = guard.fromFormPath(value);
            file = guard.resolve(segments);
        } catch (PathGuard.BadPathException e) {
            throw params.invalid("path", e.getMessage());
        }
        if (!Files.isRegularFile(file)) {
            throw ApiException.notFound();
        }
        String token = Secrets.alphanumeric(30);
        long lifetime = expires == null ? DEFAULT_EXPIRES : expires;
        grants.put(token, new Grant(segments, System.currentTimeMillis() + lifetime * 1000));
        String url = req.baseUrl() + "exchange/" + token + "/"
                + PercentCodec.encodePathSegment(segments.get(segments.size() - 1));
        req.json(200, ExchangeUrl.builder().url(url).build());
    }

    /**
     * Serves {@code GET /exchange/<token>/<name>}.
     *
     * @param req the request
     * @param rest the raw path after {@code /exchange/}
     * @throws IOException when the connection fails
     * @throws ApiException 404 for an unknown or expired token
     */
    void serve(ApiRequest req, String rest) throws IOException, ApiException {
        if (!req.method().equals("GET")) {
            throw ApiException.detail(405, "Method \"" + req.method() + "\" not allowed.").header("Allow", "GET");
        }
        int slash = rest.indexOf('/');
        Grant grant = grants.get(slash < 0 ? rest : rest.substring(0, slash));
        if (grant == null || grant.expiresAtMillis < System.currentTimeMillis()) {
            throw ApiException.notFound();
        }
        paths.sendFile(req, paths.resolve(grant.segments, 404));
    }
}
