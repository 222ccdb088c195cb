package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parts of an error reply that an {@link ApiException} carries. */
final class ErrorReply {

    /** How much of an error body is kept: enough to read, never megabytes. */
    static final int MAX_BODY_CHARS = 4096;

    final int statusCode;
    final String method;
    final String url;
    final @Nullable String detail;
    final Map<String, List<String>> fieldErrors;
    final @Nullable String requestId;
    final String rawBody;
    private final @Nullable String summary;
    /** The summary already says what to do, so the status's generic hint is left out. */
    private final boolean hinted;

    ErrorReply(int statusCode, String method, String url, @Nullable String detail,
               Map<String, List<String>> fieldErrors, @Nullable String requestId, @Nullable String rawBody, @Nullable String summary) {
        this(statusCode, method, url, detail, fieldErrors, requestId, rawBody, summary, false);
    }

    ErrorReply(int statusCode, String method, String url, @Nullable String detail,
               Map<String, List<String>> fieldErrors, @Nullable String requestId, @Nullable String rawBody, @Nullable String summary, boolean hinted) {
        this.hinted = hinted;
        this.statusCode = statusCode;
        this.method = method;
        this.url = url;
        this.detail = detail;
        this.fieldErrors = new LinkedHashMap<>(fieldErrors);
        this.requestId = requestId;
        this.rawBody = rawBody == null ? "" : rawBody;
        this.summary = summary;
    }

    /** One readable line: what the server said, about which request, and what to do. */
    String message() {
        StringBuilder m = new StringBuilder();
        m.append("SmartFile answered ").append(statusCode).append(" to ").append(method).append(' ').append(url);
        if (summary != null && !summary.isEmpty()) {
            m.append(": ").append(summary);
        }
        for (Map.Entry<String, List<String>> e : fieldErrors.entrySet()) {
            m.append(e.getKey().isEmpty() ? "; " : "; " + e.getKey() + ": ").append(String.join(" ", e.getValue()));
        }
        String hint = hinted ? null : hint(statusCode, !fieldErrors.isEmpty(), rawBody);
        if (hint != null) {
            // The server's words often end a sentence already ("Not found."): one full stop, not two.
            char end = m.charAt(m.length() - 1);
            m.append(end == '.' || end == '!' || end == '?' ? " " : ". ").append(hint);
        } else if (hinted && m.charAt(m.length() - 1) != '.') {
            m.append('.');
        }
        if (requestId != null) {
            m.append(" (request id ").append(requestId).append(')');
        }
        return m.toString();
    }

    private static @Nullable String hint(int status, boolean fieldsNamed, String rawBody) {
        switch (status) {
            case 400:
                return fieldsNamed ? "Check the parameters named above." : "Check the request's parameters.";
            case 401:
                return "Check the API key and password, or the OAuth tokens and secrets.";
            case 403:
                if (rawBody.contains(ErrorMapper.OAUTH_NOT_VERIFIED)) {
                    return "The OAuth signature did not verify: check the client and access secrets and the signature method.";
                }
                return rawBody.contains(ErrorMapper.OLD_NOT_AUTHENTICATED)
                        ? "Older SmartFile servers answer missing or wrong credentials so: check the API key and password, or "
                                + "the OAuth tokens and secrets (if they are right, the credentials may not do this)."
                        : "The credentials may not do this; ask the account administrator for the right.";
            case 404:
                return "Check that the path or object exists and that the API version is right.";
            case 409:
                return "The target's state does not allow this; check it with paths().info(…) and try again.";
            case 429:
            case 503:
                return "The server is busy or throttling; wait and try again.";
            default:
                return status >= 500 ? "The server failed; try again later." : null;
        }
    }
}
