package com.smartfile.emulator;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The HTTP server's one handler: sends {@code /api/<version>/…} through the fault switches,
 * the {@link Router} of its version and the {@link Authenticator}, and {@code /oauth/…},
 * {@code /exchange/…} and {@code /__emulator/…} to their routes. {@code /api/2/}, {@code /api/2.0/},
 * {@code /api/2.1/} (any {@code 2.x}) share the v2 routes; {@code /api/3/} has the v3 ones.
 *
 * <p>Errors become JSON replies; an unexpected exception answers 500 with an {@code x-unique-id}
 * header (logged with that id). Each request is logged at DEBUG as method, path and status only:
 * no query strings (they may carry OAuth signatures), no headers, no bodies.
 */
final class Dispatcher implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());
    private static final Pattern V2 = Pattern.compile("2(\\.\\d+)?");

    private final String baseUrl;
    private final Router v2;
    private final Router v3;
    private final Authenticator authenticator;
    private final Faults faults;
    private final OAuthRoutes oauth;
    private final AdminRoutes admin;
    private final ExchangeRoutes exchanges;
    private final AtomicLong requests;

    Dispatcher(String baseUrl, Router v2, Router v3, Authenticator authenticator, Faults faults, OAuthRoutes oauth,
            AdminRoutes admin, ExchangeRoutes exchanges, AtomicLong requests) {
        this.baseUrl = baseUrl;
        this.v2 = v2;
        this.v3 = v3;
        this.authenticator = authenticator;
        this.faults = faults;
        this.oauth = oauth;
        this.admin = admin;
        this.exchanges = exchanges;
        this.requests = requests;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        ApiRequest req = new ApiRequest(exchange, baseUrl);
        try {
            req.checkQuery();
            route(req);
        } catch (ApiException e) {
            if (!req.responded()) {
                req.error(e);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // a file that vanished between checks (a concurrent delete or move)
            if (!req.responded()) {
                req.error(ApiException.notFound());
            }
        } catch (ConnectionCut e) {
            LOG.log(Level.DEBUG, () -> req.method() + " " + loggable(req.rawPath()) + " -> connection dropped: " + e.getMessage());
            throw e;
        } catch (IOException | RuntimeException e) {
            if (req.responded()) {
                throw e instanceof IOException ? (IOException) e : new IOException(e);
            }
            String id = UUID.randomUUID().toString();
            LOG.log(Level.WARNING, "request failed, x-unique-id " + id + ": " + req.method() + " "
                    + loggable(req.rawPath()), e);
            req.replyHeaders().set("x-unique-id", id);
            req.error(ApiException.detail(500, "A server error occurred."));
        } finally {
            exchange.close();
        }
        LOG.log(Level.DEBUG, () -> req.method() + " " + loggable(req.rawPath()) + " -> " + req.status());
    }

    /** Hides the token of an exchange URL (it grants access without credentials). */
    static String loggable(String rawPath) {
        return rawPath.startsWith("/exchange/") ? "/exchange/***" : rawPath;
    }

    private void route(ApiRequest req) throws IOException, ApiException {
        String path = req.rawPath();
        if (path.startsWith("/api/")) {
            api(req, path.substring(5));
        } else if (path.startsWith("/oauth/")) {
            oauth.handle(req, path.substring(7));
        } else if (path.startsWith("/exchange/")) {
            exchanges.serve(req, path.substring(10));
        } else if (path.startsWith("/__emulator/")) {
            admin.handle(req, path.substring(12));
        } else {
            throw ApiException.notFound();
        }
    }

    private void api(ApiRequest req, String rest) throws IOException, ApiException {
        int slash = rest.indexOf('/');
        String version = slash < 0 ? rest : rest.substring(0, slash);
        Router router = version.equals("3") ? v3 : V2.matcher(version).matches() ? v2 : null;
        if (router == null) {
            throw ApiException.notFound();
        }
        req.apiVersion(version);
        long delay = faults.delayMillis();
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                // The emulator is stopping: drop the held-back request quietly.
                Thread.currentThread().interrupt();
                throw new ConnectionCut("a delayed reply was abandoned: the emulator is stopping");
            }
        }
        if (faults.takeRequestFailure()) {
            throw ApiException.detail(500, "A server error occurred.");
        }
        Faults.Throttle throttle = faults.takeThrottle();
        if (throttle != null) {
            throw throttled(throttle);
        }
        String route = slash < 0 ? "" : rest.substring(slash + 1);
        Router.Match match = router.resolve(req.method(), route);
        if (!match.anonymous) {
            authenticator.authenticate(req);
        }
        if (isUpload(req.method(), router == v3, route)) {
            long cut = faults.takeUploadCut();
            if (cut >= 0) {
                req.cutBodyAfter(cut);
            }
        }
        match.handler.handle(req, match.vars);
    }

    /** The routes whose request body is file data: v2 multipart POST, v3 PUT and PATCH. */
    private static boolean isUpload(String method, boolean v3, String route) {
        if (!route.startsWith("path/data/") && !route.equals("path/data")) {
            return false;
        }
        return v3 ? method.equals("PUT") || method.equals("PATCH") : method.equals("POST");
    }

    private static ApiException throttled(Faults.Throttle t) {
        String plain = BigDecimal.valueOf(t.seconds).stripTrailingZeros().toPlainString();
        long whole = (long) Math.ceil(t.seconds);
        String detail = "Request was throttled. Expected available in " + plain + " seconds.";
        switch (t.style) {
            case X_THROTTLE_503:
                return ApiException.detail(503, detail).header("X-Throttle", "throttled; next=" + plain + " sec");
            case WAIT_SECONDS_429:
                return ApiException.detail(429, detail).header("X-Throttle-Wait-Seconds", String.valueOf(whole));
            default:
                return ApiException.detail(429, detail).header("Retry-After", String.valueOf(whole));
        }
    }
}
