package com.smartfile.emulator;

import java.io.IOException;
import java.util.Locale;

/**
 * The OAuth 1.0a token flow at the host root.
 *
 * <ul>
 *   <li>{@code /oauth/request_token/} (GET or POST), signed with the client secret alone
 *       ({@code PLAINTEXT} or {@code HMAC-SHA1}), optional {@code oauth_callback}: answers
 *       {@code oauth_token=…&oauth_token_secret=…&oauth_callback_confirmed=true}, form-encoded.</li>
 *   <li>{@code /oauth/authorize/?oauth_token=…}: with auto-approve, the verifier at once, as plain
 *       text, or a 302 redirect to the callback with {@code oauth_token} and {@code oauth_verifier}
 *       when one was given; without auto-approve, a small HTML page whose button POSTs the approval
 *       back to the same URL.</li>
 *   <li>{@code /oauth/access_token/} (POST or GET) with {@code oauth_token} (the request token) and
 *       {@code oauth_verifier}, signed with {@code client secret&request token secret}: answers a new
 *       access token pair, form-encoded; each request token is exchanged once.</li>
 * </ul>
 * Every refusal is 403 with the plain text {@code Could not verify OAuth request.}.
 */
final class OAuthRoutes {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final OAuthTokens tokens;
    private final boolean autoApprove;

    OAuthRoutes(OAuthTokens tokens, boolean autoApprove) {
        this.tokens = tokens;
        this.autoApprove = autoApprove;
    }

    /**
     * Handles a request under {@code /oauth/}.
     *
     * @param req the request
     * @param rest the raw path after {@code /oauth/}
     * @throws IOException when the connection fails
     * @throws ApiException for an unknown path
     */
    void handle(ApiRequest req, String rest) throws IOException, ApiException {
        String endpoint = rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
        switch (endpoint) {
            case "request_token":
                requestToken(req);
                break;
            case "authorize":
                authorize(req);
                break;
            case "access_token":
                accessToken(req);
                break;
            default:
                throw ApiException.notFound();
        }
    }

    private static void refuse(ApiRequest req) throws IOException {
        req.text(403, "text/plain; charset=utf-8", OAuthSignature.FAILED);
    }

    private Authenticator.SignedRequest signed(ApiRequest req) throws IOException, ApiException {
        try {
            return Authenticator.readSigned(req);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void requestToken(ApiRequest req) throws IOException, ApiException {
        Authenticator.SignedRequest s = signed(req);
        if (s == null || !tokens.isClient(s.get("oauth_consumer_key"))
                || !OAuthSignature.verify(s.get("oauth_signature_method"), s.get("oauth_signature"), s.baseString,
                        tokens.clientSecret(), "")) {
            refuse(req);
            return;
        }
        OAuthTokens.RequestToken t = tokens.issueRequestToken(s.get("oauth_callback"));
        req.text(200, FORM, "oauth_token=" + t.token + "&oauth_token_secret=" + t.secret
                + "&oauth_callback_confirmed=true");
    }

    private void authorize(ApiRequest req) throws IOException, ApiException {
        FormData params = req.params();
        OAuthTokens.RequestToken t = tokens.requestToken(params.first("oauth_token"));
        if (t == null) {
            req.text(404, "text/plain; charset=utf-8", "Unknown or already used request token.");
            return;
        }
        boolean approved = autoApprove || req.method().equals("POST")
                && "yes".equals(String.valueOf(params.first("approve")).toLowerCase(Locale.ROOT));
        if (!approved) {
            if (req.method().equals("POST")) {
                req.text(403, "text/plain; charset=utf-8", "Access was not granted.");
                return;
            }
            req.text(200, "text/html; charset=utf-8", "<!doctype html><html><head><title>Authorize application"
                    + "</title></head><body><h1>SmartFile emulator</h1><p>An application asks for access to "
                    + "your files.</p><form method=\"post\" action=\"/oauth/authorize/\">"
                    + "<input type=\"hidden\" name=\"oauth_token\" value=\"" + t.token + "\">"
                    + "<button name=\"approve\" value=\"yes\">Allow</button> "
                    + "<button name=\"approve\" value=\"no\">Deny</button></form></body></html>");
            return;
        }
        String verifier = tokens.authorize(t);
        if (t.callback != null) {
            String sep = t.callback.contains("?") ? "&" : "?";
            req.replyHeaders().set("Location", t.callback + sep + "oauth_token=" + PercentCodec.encodeForm(t.token)
                    + "&oauth_verifier=" + PercentCodec.encodeForm(verifier));
            req.send(302, -1);
            req.finish();
            return;
        }
        req.text(200, "text/plain; charset=utf-8", verifier);
    }

    private void accessToken(ApiRequest req) throws IOException, ApiException {
        Authenticator.SignedRequest s = signed(req);
        OAuthTokens.RequestToken t = s == null ? null : tokens.requestToken(s.get("oauth_token"));
        if (t == null || t.verifier == null || !tokens.isClient(s.get("oauth_consumer_key"))
                || !t.verifier.equals(s.get("oauth_verifier"))
                || !OAuthSignature.verify(s.get("oauth_signature_method"), s.get("oauth_signature"), s.baseString,
                        tokens.clientSecret(), t.secret)) {
            refuse(req);
            return;
        }
        String[] access = tokens.exchange(t);
        if (access == null) {
            refuse(req);
            return;
        }
        req.text(200, FORM, "oauth_token=" + access[0] + "&oauth_token_secret=" + access[1]);
    }
}
