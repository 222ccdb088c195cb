package com.smartfile.emulator;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.QuietException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP server's one handler: sends {@code /api/<version>/…} through the fault switches,
 * the {@link Router} of its version and the {@link Authenticator}, and {@code /oauth/…},
 * {@code /exchange/…} and {@code /__emulator/…} to their routes. {@code /api/2/}, {@code /api/2.0/},
 * {@code /api/2.1/} (any {@code 2.x}) share the v2 routes; {@code /api/3/} has the v3 ones.
 *
 * <p>Errors become JSON replies; an unexpected exception answers 500 with an {@code x-unique-id}
 * header (logged with that id). Each request is logged at DEBUG as method, path and status only:
 * no query strings (they may carry OAuth signatures), no headers, no bodies.
 *
 * <p>A Jetty core handler that may block: Jetty runs it on a worker thread once the request's
 * headers (and, for a request with a body, its first bytes) have arrived. A {@link ConnectionCut}
 * closes the connection at once, with no (further) reply; one that leaves request bytes unread
 * (an upload cut) resets it, as the operating system does when a server dies in the middle of a
 * request body.
 */
final class Dispatcher extends Handler.Abstract {

    private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());
    private static final Pattern V2 = Pattern.compile("2(\\.\\d+)?");

    private final String baseUrl;
    private final String httpsBaseUrl;
    private final Router v2;
    private final Router v3;
    private final Authenticator authenticator;
    private final Faults faults;
    private final Variants variants;
    private final OAuthRoutes oauth;
    private final AdminRoutes admin;
    private final ExchangeRoutes exchanges;
    private final AtomicLong requests;
    private final long drainLimit;

    Dispatcher(String baseUrl, String httpsBaseUrl, Router v2, Router v3, Authenticator authenticator, Faults faults,
            Variants variants, OAuthRoutes oauth, AdminRoutes admin, ExchangeRoutes exchanges, AtomicLong requests, long drainLimit) {
        super(InvocationType.BLOCKING);
        this.drainLimit = drainLimit;
        this.baseUrl = baseUrl;
        this.httpsBaseUrl = httpsBaseUrl;
        this.v2 = v2;
        this.v3 = v3;
        this.authenticator = authenticator;
        this.faults = faults;
        this.variants = variants;
        this.oauth = oauth;
        this.admin = admin;
        this.exchanges = exchanges;
        this.requests = requests;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        ApiRequest req = new ApiRequest(request, response, request.isSecure() ? httpsBaseUrl : baseUrl, drainLimit);
        req.variants(variants);
        try {
            handle(req);
            req.finish();
            callback.succeeded();
        } catch (IOException | RuntimeException e) {
            // A cut on purpose, a client gone, or a reply broken after it started: nothing more can
            // be sent, so the connection is closed (without Jetty's own error reply).
            if (!(e instanceof ConnectionCut)) {
                LOG.log(Level.DEBUG, () -> req.method() + " " + loggable(req.rawPath()) + " -> failed: " + e);
            }
            EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
            if (e instanceof ConnectionCut && ((ConnectionCut) e).requestUnread) {
                reset(endPoint, e);
            }
            endPoint.close(e);
            callback.failed(new Aborted(e));
        } finally {
            req.release();
        }
        return true;
    }

    private void handle(ApiRequest req) throws IOException {
        requests.incrementAndGet();
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
        } catch (RequestBody.Timeout e) {
            LOG.log(Level.DEBUG, () -> req.method() + " " + loggable(req.rawPath()) + " -> " + e.getMessage());
            if (req.responded()) {
                throw e;
            }
            req.error(ApiException.detail(408, "The request body stopped arriving."));
        } catch (RequestBody.Broken e) {
            // the client went away mid-body (or sent a malformed one): no one to answer
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
        }
        LOG.log(Level.DEBUG, () -> req.method() + " " + loggable(req.rawPath()) + " -> " + req.status());
    }

    /**
     * Resets the connection: SO_LINGER 0 on the socket, then the socket's own endpoint is closed,
     * so neither a FIN (the JDK otherwise shuts the output down first, and a client reading the
     * reply would see an orderly end of stream before the reset) nor, over TLS, a close_notify
     * alert goes out first. A server process that dies with bytes of a request unread is reset by
     * the kernel the same way.
     */
    private static void reset(EndPoint endPoint, Throwable cause) {
        EndPoint network = endPoint;
        while (network instanceof EndPoint.Wrapper) {
            network = ((EndPoint.Wrapper) network).unwrap();
        }
        if (network.getTransport() instanceof NetworkChannel) {
            try {
                ((NetworkChannel) network.getTransport()).setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException | UnsupportedOperationException e) {
                LOG.log(Level.DEBUG, () -> "no abortive close: " + e);
            }
        }
        network.close(cause);
    }

    /** Tells Jetty that an exchange ended on purpose, not by a server fault (it logs this quietly). */
    private static final class Aborted extends IOException implements QuietException {
        private static final long serialVersionUID = 1L;

        Aborted(Throwable cause) {
            super("exchange aborted: " + cause.getMessage(), cause);
        }
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
            throw throttled(throttle, variants);
        }
        String route = slash < 0 ? "" : rest.substring(slash + 1);
        Router.Match match = router.resolve(req.method(), route);
        variants.checkSlash(router == v3, route, match.pathId);
        Formats.check(req);
        if (!match.anonymous) {
            authenticator.authenticate(req);
        }
        boolean upload = isUpload(req.method(), router == v3, route);
        if (upload) {
            long cut = faults.takeUploadCut();
            if (cut >= 0) {
                req.cutBodyAfter(cut);
            }
        }
        try {
            match.handler.handle(req, match.vars);
        } catch (ApiException e) {
            throw upload && router == v3 ? variants.v3UploadFailure(e) : e;
        }
    }

    /** The routes whose request body is file data: v2 multipart POST, v3 PUT and PATCH. */
    private static boolean isUpload(String method, boolean v3, String route) {
        if (!route.startsWith("path/data/") && !route.equals("path/data")) {
            return false;
        }
        return v3 ? method.equals("PUT") || method.equals("PATCH") : method.equals("POST");
    }

    private static ApiException throttled(Faults.Throttle t, Variants variants) {
        String plain = BigDecimal.valueOf(t.seconds).stripTrailingZeros().toPlainString();
        long whole = (long) Math.ceil(t.seconds);
        String detail = "Request was throttled. Expected available in " + plain + " seconds.";
        if (t.style == null && variants.fractionalRetryAfter()) {
            return ApiException.detail(429, detail).header("Retry-After", plain);
        }
        switch (t.style == null ? variants.throttleStyle() : t.style) {
            case X_THROTTLE_503:
                return ApiException.detail(503, detail).header("X-Throttle", "throttled; next=" + plain + " sec");
            case WAIT_SECONDS_429:
                return ApiException.detail(429, detail).header("X-Throttle-Wait-Seconds", String.valueOf(whole));
            default:
                return ApiException.detail(429, detail).header("Retry-After", String.valueOf(whole));
        }
    }
}
