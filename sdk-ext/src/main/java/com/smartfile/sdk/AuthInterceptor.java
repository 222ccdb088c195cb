package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * Adds the {@code Authorization} header to every API call: {@code Basic base64(key:password)}
 * (UTF-8), or an OAuth 1.0a header signed over the request's query and form body. Install it
 * as an application interceptor.
 *
 * <p>Only requests to the base URL's scheme, host and port are authenticated, so a request to
 * another host (a download link, a redirect target the caller follows) never carries the
 * credentials. OAuth credentials without an access token fail every call with a
 * {@link ConfigurationException} (inside a {@link SmartFileIOException}) before anything is sent.
 */
final class AuthInterceptor implements Interceptor {

    private final Credentials credentials;
    private final HttpUrl baseUrl;
    private final OAuth1Signer signer;
    private final @Nullable String basicHeader;

    /**
     * @param credentials the credentials
     * @param baseUrl the API base URL; requests elsewhere pass through unauthenticated
     * @param signer signs OAuth requests (ignored for Basic)
     */
    AuthInterceptor(Credentials credentials, HttpUrl baseUrl, OAuth1Signer signer) {
        this.credentials = credentials;
        this.baseUrl = baseUrl;
        this.signer = signer;
        this.basicHeader = credentials.getKind() == Credentials.Kind.BASIC
                ? "Basic " + Base64.getEncoder().encodeToString(
                        (credentials.key() + ":" + credentials.secret()).getBytes(StandardCharsets.UTF_8))
                : null;
    }

    /** PLAINTEXT OAuth signing, as SmartFile documents. */
    AuthInterceptor(Credentials credentials, HttpUrl baseUrl) {
        this(credentials, baseUrl, OAuth1Signer.of(OAuthSignatureMethod.PLAINTEXT));
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!sameOrigin(request.url())) {
            return chain.proceed(request);
        }
        if (basicHeader != null) {
            return chain.proceed(request.newBuilder().header("Authorization", basicHeader).build());
        }
        if (!credentials.canAuthenticateRequests()) {
            throw new SmartFileIOException(new ConfigurationException("These OAuth credentials have no "
                    + "access token, so " + request.method() + " " + Redaction.url(request.url())
                    + " was not sent. Run OAuth1Flow (requestToken, then authorizationUrl for the user, "
                    + "then accessToken with the verifier) and build the client with "
                    + "Credentials.oauth1(clientToken, clientSecret, accessToken)."));
        }
        List<Map.Entry<String, String>> form = Collections.emptyList();
        RequestBody body = request.body();
        Request.Builder signed = request.newBuilder();
        if (signer.method() != OAuthSignatureMethod.PLAINTEXT && isForm(body)) {
            Buffer buffer = new Buffer();
            body.writeTo(buffer);
            if (body.isOneShot()) {
                // The bytes were consumed to sign them; send the copy instead.
                signed.method(request.method(), RequestBody.create(buffer.snapshot(), body.contentType()));
            }
            form = OAuth1Signer.parseForm(buffer.readString(StandardCharsets.UTF_8));
        }
        String header = signer.authorizationHeader(request.method(), request.url(), form, credentials.key(),
                credentials.secret(), credentials.accessToken(), credentials.accessSecret(),
                Collections.emptyList());
        return chain.proceed(signed.header("Authorization", header).build());
    }

    private boolean sameOrigin(HttpUrl url) {
        return url.scheme().equals(baseUrl.scheme()) && url.host().equals(baseUrl.host())
                && url.port() == baseUrl.port();
    }

    private static boolean isForm(RequestBody body) {
        if (body == null) {
            return false;
        }
        MediaType type = body.contentType();
        return type != null && type.type().equalsIgnoreCase("application")
                && type.subtype().equalsIgnoreCase("x-www-form-urlencoded");
    }
}
