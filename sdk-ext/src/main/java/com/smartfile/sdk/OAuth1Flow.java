package com.smartfile.sdk;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.smartfile.sdk.internal.SmartFileJson;
import okhttp3.Call;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The three steps of SmartFile's OAuth 1.0a authorization, for applications that act for
 * other users. Immutable and thread-safe.
 *
 * <pre>{@code
 * OAuth1Flow flow = OAuth1Flow.builder().clientCredentials(clientToken, clientSecret).build();
 * RequestToken request = flow.requestToken();                 // 1. POST /oauth/request_token/
 * String url = flow.authorizationUrl(request);                // 2. the user opens it and approves
 * AccessToken access = flow.accessToken(request, verifier);   // 3. POST /oauth/access_token/
 * Credentials credentials = Credentials.oauth1(clientToken, clientSecret, access);
 * }</pre>
 *
 * With the default callback {@code oob} SmartFile shows the user a verifier to paste into your
 * application; with a callback URL it delivers the verifier there. The OAuth endpoints live at
 * the host root, not under {@code /api}. Requests carry the protocol parameters in a
 * form-encoded body, signed with PLAINTEXT as SmartFile documents.
 */
public final class OAuth1Flow {

    /** The default base URL. */
    public static final String DEFAULT_BASE_URL = "https://app.smartfile.com/";

    /** The callback value for out-of-band verification: SmartFile shows the verifier to the user. */
    public static final String OUT_OF_BAND = "oob";

    private static final int MAX_REPLY_BYTES = 64 * 1024;

    private final HttpUrl baseUrl;
    private final Credentials client;
    private final String callback;
    private final OkHttpClient httpClient;
    private final OAuth1Signer signer;

    private OAuth1Flow(Builder b) {
        this.baseUrl = b.baseUrl;
        this.client = b.client;
        this.callback = b.callback;
        this.httpClient = b.httpClient != null ? b.httpClient : DefaultClient.INSTANCE;
        this.signer = b.signer;
    }

    /**
     * Starts building a flow.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Step 1: obtains a request token ({@code POST /oauth/request_token/}, signed with the
     * client secret, sending the callback).
     *
     * @return the request token and its secret
     * @throws AuthenticationException when SmartFile cannot verify the client credentials (403
     *     {@code Could not verify OAuth request.})
     * @throws ApiException for any other error status
     * @throws TransportException when the request or reply is lost
     * @throws SmartFileException when the reply holds no token
     */
    public RequestToken requestToken() {
        HttpUrl url = baseUrl.resolve("/oauth/request_token/");
        List<Map.Entry<String, String>> oauth = signer.sign("POST", url, Collections.emptyList(), client.key(),
                client.secret(), null, null, List.of(Map.entry("oauth_callback", callback)));
        Map<String, String> reply = post(url, oauth);
        return RequestToken.of(reply.get("oauth_token"), reply.get("oauth_token_secret"));
    }

    /**
     * Step 2: the page where the user approves your application. Open it in the user's browser.
     *
     * @param requestToken the request token from step 1
     * @return {@code <base>/oauth/authorize/?oauth_token=…}
     * @throws InvalidInputException when the request token is null
     */
    public String authorizationUrl(RequestToken requestToken) {
        requireToken(requestToken);
        return baseUrl.resolve("/oauth/authorize/").newBuilder()
                .addQueryParameter("oauth_token", requestToken.getToken())
                .build().toString();
    }

    /**
     * Step 3: exchanges the approved request token and the verifier for an access token
     * ({@code POST /oauth/access_token/}, signed with the client secret and the request
     * token's secret).
     *
     * @param requestToken the request token from step 1
     * @param verifier the verifier SmartFile showed the user (or sent to the callback)
     * @return the access token and its secret
     * @throws InvalidInputException when the request token or verifier is null or blank
     * @throws AuthenticationException when SmartFile cannot verify the request (a wrong
     *     verifier, an expired or unapproved request token)
     * @throws ApiException for any other error status
     * @throws TransportException when the request or reply is lost
     * @throws SmartFileException when the reply holds no token
     */
    public AccessToken accessToken(RequestToken requestToken, String verifier) {
        requireToken(requestToken);
        if (verifier == null || verifier.trim().isEmpty()) {
            throw new InvalidInputException("The OAuth verifier is " + (verifier == null ? "missing" : "blank")
                    + ": pass the code SmartFile showed the user after approval (or the oauth_verifier your "
                    + "callback received).");
        }
        HttpUrl url = baseUrl.resolve("/oauth/access_token/");
        List<Map.Entry<String, String>> oauth = signer.sign("POST", url, Collections.emptyList(), client.key(),
                client.secret(), requestToken.getToken(), requestToken.getSecret(),
                List.of(Map.entry("oauth_verifier", verifier.trim())));
        Map<String, String> reply = post(url, oauth);
        return AccessToken.of(reply.get("oauth_token"), reply.get("oauth_token_secret"));
    }

    private static void requireToken(RequestToken requestToken) {
        if (requestToken == null) {
            throw new InvalidInputException("The request token is missing: pass the RequestToken that "
                    + "requestToken() returned (or RequestToken.of(token, secret) if you stored it).");
        }
    }

    /** Posts the protocol parameters as a form and returns the reply's token fields. */
    private Map<String, String> post(HttpUrl url, List<Map.Entry<String, String>> params) {
        FormBody.Builder form = new FormBody.Builder();
        for (Map.Entry<String, String> p : params) {
            form.add(p.getKey(), p.getValue());
        }
        Request request = new Request.Builder().url(url).post(form.build()).build();
        Call call = httpClient.newCall(request);
        try (Response response = call.execute()) {
            if (!response.isSuccessful()) {
                throw ErrorMapper.fromResponse(response);
            }
            ResponseBody body = response.peekBody(MAX_REPLY_BYTES);
            Map<String, String> fields = parseReply(body.string());
            String token = fields.get("oauth_token");
            String secret = fields.get("oauth_token_secret");
            if (token == null || token.trim().isEmpty() || secret == null || secret.trim().isEmpty()) {
                throw new SmartFileException("SmartFile's reply to POST " + url + " (HTTP " + response.code()
                        + ") had no oauth_token and oauth_token_secret; it held the fields " + fields.keySet()
                        + ". Check the base URL points at SmartFile.");
            }
            return fields;
        } catch (SmartFileIOException e) {
            throw e.exception();
        } catch (IOException e) {
            throw new TransportException("POST " + url + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")
                    + ". Check the network and the base URL.", e);
        }
    }

    /** Form-encoded as specified; a JSON object is accepted too, in case the server mislabels. */
    static Map<String, String> parseReply(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        String trimmed = text.trim();
        if (trimmed.startsWith("{")) {
            try {
                Object json = SmartFileJson.moshi().adapter(Object.class).fromJson(trimmed);
                if (json instanceof Map) {
                    for (Map.Entry<?, ?> e : ((Map<?, ?>) json).entrySet()) {
                        out.put(String.valueOf(e.getKey()), e.getValue() == null ? null : String.valueOf(e.getValue()));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not JSON after all: fall through with no fields, reported as "no token"
            }
            return out;
        }
        for (Map.Entry<String, String> p : OAuth1Signer.parseForm(trimmed)) {
            out.putIfAbsent(p.getKey(), p.getValue());
        }
        return out;
    }

    /**
     * The base URL, masked client token and callback; never the secret.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "OAuth1Flow[baseUrl=" + baseUrl + ", clientToken=" + Credentials.mask(client.key())
                + ", callback=" + callback + "]";
    }

    /** Builds an {@link OAuth1Flow}. Not thread-safe. */
    public static final class Builder {
        private HttpUrl baseUrl = HttpUrl.get(DEFAULT_BASE_URL);
        private Credentials client;
        private String callback = OUT_OF_BAND;
        private OkHttpClient httpClient;
        private OAuth1Signer signer = OAuth1Signer.of(OAuthSignatureMethod.PLAINTEXT);

        private Builder() {
        }

        /**
         * The SmartFile base URL, e.g. {@code https://yoursite.smartfile.com/}. Only its scheme,
         * host and port matter: the OAuth endpoints are at the host root.
         *
         * @param baseUrl an http or https URL; default {@value OAuth1Flow#DEFAULT_BASE_URL}
         * @return this builder
         * @throws ConfigurationException when the URL is null or not an http(s) URL
         */
        public Builder baseUrl(String baseUrl) {
            HttpUrl parsed = baseUrl == null ? null : HttpUrl.parse(baseUrl.trim());
            if (parsed == null) {
                throw new ConfigurationException("The base URL " + (baseUrl == null ? "is missing" : "is not an "
                        + "http or https URL") + ". Use e.g. " + DEFAULT_BASE_URL + " or https://yoursite.smartfile.com/.");
            }
            this.baseUrl = parsed;
            return this;
        }

        /**
         * Your application's client token and secret, from registering it with SmartFile.
         *
         * @param clientToken the client token
         * @param clientSecret the client secret
         * @return this builder
         * @throws ConfigurationException when a value is missing, blank or shorter than
         *     {@value Credentials#MIN_LENGTH} characters after trimming
         */
        public Builder clientCredentials(String clientToken, String clientSecret) {
            this.client = Credentials.oauth1Client(clientToken, clientSecret);
            return this;
        }

        /**
         * Where SmartFile sends the user, with the verifier, after approval.
         *
         * @param callback a callback URL, or {@value OAuth1Flow#OUT_OF_BAND} (the default) to
         *     have SmartFile show the verifier to the user
         * @return this builder
         * @throws ConfigurationException when the callback is null or blank
         */
        public Builder callback(String callback) {
            if (callback == null || callback.trim().isEmpty()) {
                throw new ConfigurationException("The OAuth callback is " + (callback == null ? "missing" : "blank")
                        + ". Pass a callback URL, or \"" + OUT_OF_BAND + "\" to have SmartFile show the "
                        + "verifier to the user.");
            }
            this.callback = callback.trim();
            return this;
        }

        /**
         * The HTTP client to use, e.g. one with a proxy or custom timeouts.
         *
         * @param httpClient the client; default a shared plain {@link OkHttpClient}
         * @return this builder
         * @throws ConfigurationException when the client is null
         */
        public Builder httpClient(OkHttpClient httpClient) {
            if (httpClient == null) {
                throw new ConfigurationException("The OkHttpClient is null: pass a client, or do not call httpClient().");
            }
            this.httpClient = httpClient;
            return this;
        }

        /** Replaces the signer, so tests can fix the nonce and timestamp. */
        Builder signer(OAuth1Signer signer) {
            this.signer = signer;
            return this;
        }

        /**
         * Builds the flow.
         *
         * @return the flow
         * @throws ConfigurationException when the client credentials were not set
         */
        public OAuth1Flow build() {
            if (client == null) {
                throw new ConfigurationException("The OAuth client token and secret are missing: call "
                        + "clientCredentials(clientToken, clientSecret) with the values SmartFile gave when "
                        + "you registered your application.");
            }
            return new OAuth1Flow(this);
        }
    }

    /** Created on first use only: an OkHttpClient owns thread pools. */
    private static final class DefaultClient {
        static final OkHttpClient INSTANCE = new OkHttpClient();
    }
}
