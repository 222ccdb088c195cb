package com.smartfile.emulator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps {@code METHOD + path} (the part after {@code /api/<version>/}) to a handler.
 *
 * <p>Patterns are {@code /}-separated: a literal segment matches itself, {@code *} captures one
 * segment (percent-decoded), and a final {@code **} captures the raw rest, slashes included (for
 * path ids, which span several segments and are decoded by {@link PathGuard}). A trailing slash on
 * the request is optional everywhere, so {@code task/abc/} and {@code task/abc} both match
 * {@code task/*}. A path that matches a pattern under another method answers 405.
 */
final class Router {

    /** A route's code. */
    @FunctionalInterface
    interface Handler {
        /**
         * Handles a matched request.
         *
         * @param req the request
         * @param vars the captured segments, in order (a {@code **} capture is last, still raw)
         * @throws IOException when the connection or the file system fails
         * @throws ApiException to answer an error
         */
        void handle(ApiRequest req, List<String> vars) throws IOException, ApiException;
    }

    /** A matched route. */
    static final class Match {
        final Handler handler;
        final List<String> vars;
        final boolean anonymous;
        /** Whether the route ends in a path id ({@code **}). */
        final boolean pathId;

        Match(Handler handler, List<String> vars, boolean anonymous, boolean pathId) {
            this.handler = handler;
            this.vars = vars;
            this.anonymous = anonymous;
            this.pathId = pathId;
        }
    }

    private static final class Route {
        final String method;
        final String[] pattern;
        final boolean anonymous;
        final Handler handler;

        Route(String method, String[] pattern, boolean anonymous, Handler handler) {
            this.method = method;
            this.pattern = pattern;
            this.anonymous = anonymous;
            this.handler = handler;
        }
    }

    private final List<Route> routes = new ArrayList<>();

    /**
     * Adds a route that needs authentication.
     *
     * @param method the HTTP method
     * @param pattern the pattern, e.g. {@code user/*}
     * @param handler the handler
     * @return this router
     */
    Router add(String method, String pattern, Handler handler) {
        routes.add(new Route(method, split(pattern), false, handler));
        return this;
    }

    /**
     * Adds a route open to anonymous callers.
     *
     * @param method the HTTP method
     * @param pattern the pattern
     * @param handler the handler
     * @return this router
     */
    Router addAnonymous(String method, String pattern, Handler handler) {
        routes.add(new Route(method, split(pattern), true, handler));
        return this;
    }

    /**
     * Finds the route of a request.
     *
     * @param method the HTTP method
     * @param rest the raw path after {@code /api/<version>/}
     * @return the match
     * @throws ApiException 404 when no pattern matches, 405 when only other methods do,
     *     400 for a malformed segment
     */
    Match resolve(String method, String rest) throws ApiException {
        List<String> raw = new ArrayList<>(Arrays.asList(rest.split("/", -1)));
        if (!raw.isEmpty() && raw.get(raw.size() - 1).isEmpty()) {
            raw.remove(raw.size() - 1);
        }
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            List<String> vars = match(route.pattern, raw);
            if (vars == null) {
                continue;
            }
            if (route.method.equals(method)) {
                String[] p = route.pattern;
                return new Match(route.handler, decodeVars(p, vars), route.anonymous,
                        p.length > 0 && p[p.length - 1].equals("**"));
            }
            allowed.add(route.method);
        }
        if (!allowed.isEmpty()) {
            throw ApiException.detail(405, "Method \"" + method + "\" not allowed.")
                    .header("Allow", String.join(", ", allowed));
        }
        throw ApiException.notFound();
    }

    private static List<String> match(String[] pattern, List<String> raw) {
        List<String> vars = new ArrayList<>();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.equals("**")) {
                vars.add(String.join("/", raw.subList(Math.min(i, raw.size()), raw.size())));
                return i <= raw.size() ? vars : null;
            }
            if (i >= raw.size()) {
                return null;
            }
            String segment = raw.get(i);
            if (p.equals("*")) {
                if (segment.isEmpty()) {
                    return null;
                }
                vars.add(segment);
            } else if (!p.equals(segment)) {
                return null;
            }
        }
        return pattern.length == raw.size() ? vars : null;
    }

    private static List<String> decodeVars(String[] pattern, List<String> vars) throws ApiException {
        boolean rawRest = pattern.length > 0 && pattern[pattern.length - 1].equals("**");
        List<String> decoded = new ArrayList<>(vars.size());
        for (int i = 0; i < vars.size(); i++) {
            if (rawRest && i == vars.size() - 1) {
                decoded.add(vars.get(i));
                continue;
            }
            try {
                decoded.add(PercentCodec.decodePathSegment(vars.get(i)));
            } catch (IllegalArgumentException e) {
                throw ApiException.detail(400, "Malformed URL.");
            }
        }
        return decoded;
    }

    private static String[] split(String pattern) {
        String p = pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1) : pattern;
        return p.isEmpty() ? new String[0] : p.split("/");
    }
}
