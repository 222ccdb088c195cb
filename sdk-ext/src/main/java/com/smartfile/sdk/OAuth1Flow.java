package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import com.smartfile.sdk.internal.SmartFileJson;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
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
 *
 * <p>The exchanges run like every call of a {@link SmartFile} client: a throttled request is sent
 * again after the wait the server asks for, and a lost connection before the request was sent is
 * retried, as the {@link Builder#retryPolicy(RetryPolicy) retry policy} allows (each attempt signed
 * afresh, with a new nonce); failures are the same typed exceptions, and no secret (the client
 * secret, the tokens' secrets, the verifier, the signature) appears in their messages or in logs.
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
    private final OAuth1Signer signer;
    private final Invoker invoker;

    private OAuth1Flow(Builder b) {
        this.baseUrl = b.baseUrl;
        this.client = java.util.Objects.requireNonNull(b.client, "build() checks the client credentials");
        this.callback = b.callback;
        this.signer = b.signer;
        OkHttpClient given = b.httpClient != null ? b.httpClient : DefaultClient.INSTANCE;
        // The interceptors of SmartFile's own client, in its order: errors mapped after retries, and every
        // attempt signed afresh (a retried exchange must not repeat its nonce).
        OkHttpClient.Builder hb = given.newBuilder();
        hb.interceptors().add(0, new ErrorInterceptor(client.secretValues()));
        hb.interceptors().add(1, new RetryInterceptor(b.retryPolicy, b.sleeper, b.jitter,
                given.connectionPool()::evictAll));
        hb.addInterceptor(UserAgent.interceptor(UserAgent.of(null)));
        hb.addInterceptor(new ExchangeSigner());
        this.invoker = new Invoker(hb.build());
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
        Map<String, String> reply = post(url, new Exchange(null, null, List.of(Map.entry("oauth_callback", callback))));
        return RequestToken.of(field(reply, "oauth_token"), field(reply, "oauth_token_secret"));
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
        Map<String, String> reply = post(url, new Exchange(requestToken.getToken(), requestToken.getSecret(),
                List.of(Map.entry("oauth_verifier", verifier.trim()))));
        return AccessToken.of(field(reply, "oauth_token"), field(reply, "oauth_token_secret"));
    }

    private static void requireToken(RequestToken requestToken) {
        if (requestToken == null) {
            throw new InvalidInputException("The request token is missing: pass the RequestToken that "
                    + "requestToken() returned (or RequestToken.of(token, secret) if you stored it).");
        }
    }

    /** A field {@link #post} has checked is there. */
    private static String field(Map<String, String> reply, String name) {
        return java.util.Objects.requireNonNull(reply.get(name), name);
    }

    /**
     * Posts one exchange through the {@link Invoker} (retries, error mapping) and returns the reply's token fields.
     * The request carries the exchange as a tag; {@link ExchangeSigner} signs each attempt into its form body.
     */
    private Map<String, String> post(HttpUrl url, Exchange exchange) {
        Request request = new Request.Builder().url(url).post(new FormBody.Builder().build())
                .tag(Exchange.class, exchange).build();
        try (Response response = invoker.send(request)) {
            ResponseBody body = response.peekBody(MAX_REPLY_BYTES);
            Map<String, String> fields = parseReply(body.string());
            String token = fields.get("oauth_token");
            String secret = fields.get("oauth_token_secret");
            if (token == null || token.trim().isEmpty() || secret == null || secret.trim().isEmpty()) {
                throw new SmartFileException("SmartFile's reply to POST " + Redaction.url(url) + " (HTTP "
                        + response.code() + ") had no oauth_token and oauth_token_secret; it held the fields "
                        + fields.keySet() + ". Check the base URL points at SmartFile.");
            }
            return fields;
        } catch (IOException e) {
            throw ErrorMapper.fromFailure(request, e);
        }
    }

    /** The token (null in step 1) and protocol parameters of one exchange, signed anew for each attempt. */
    private static final class Exchange {
        final @Nullable String token;
        final @Nullable String tokenSecret;
        final List<Map.Entry<String, String>> extra;

        Exchange(@Nullable String token, @Nullable String tokenSecret, List<Map.Entry<String, String>> extra) {
            this.token = token;
            this.tokenSecret = tokenSecret;
            this.extra = extra;
        }
    }

    /**
     * Puts the signed protocol parameters of the request's {@link Exchange} into its form body. It runs inside the
     * retry interceptor, so every attempt has its own nonce and timestamp.
     */
    private final class ExchangeSigner implements Interceptor {
        @Override
        public Response intercept(Chain chain) throws IOException {
            Request request = chain.request();
            Exchange x = request.tag(Exchange.class);
            if (x == null) {
                return chain.proceed(request);
            }
            FormBody.Builder form = new FormBody.Builder();
            for (Map.Entry<String, String> p : signer.sign("POST", request.url(), Collections.emptyList(),
                    client.key(), client.secret(), x.token, x.tokenSecret, x.extra)) {
                form.add(p.getKey(), p.getValue());
            }
            return chain.proceed(request.newBuilder().post(form.build()).build());
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
        private @Nullable Credentials client;
        private String callback = OUT_OF_BAND;
        private @Nullable OkHttpClient httpClient;
        private OAuth1Signer signer = OAuth1Signer.of(OAuthSignatureMethod.PLAINTEXT);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();

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

        /**
         * When and how often to send an exchange again: after a throttle reply (429, or 503 with
         * {@code Retry-After} or {@code X-Throttle}) and after a connection lost before the request
         * was sent. The exchanges are not idempotent, so a 500 or a reply lost once sent is not
         * retried. Default {@link RetryPolicy#defaults()}.
         *
         * @param retryPolicy the policy; {@link RetryPolicy#none()} for no retries
         * @return this builder
         * @throws ConfigurationException when the policy is null
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            if (retryPolicy == null) {
                throw new ConfigurationException("The retry policy is null: pass one, or RetryPolicy.none() for no retries.");
            }
            this.retryPolicy = retryPolicy;
            return this;
        }

        /** For tests: how the retry mechanism waits and draws its jitter (recorded, not slept). */
        Builder retryWaits(Sleeper sleeper, DoubleSupplier jitter) {
            this.sleeper = sleeper;
            this.jitter = jitter;
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
