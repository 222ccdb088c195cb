package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

import com.smartfile.sdk.internal.AccessApi;
import com.smartfile.sdk.internal.AccountApi;
import com.smartfile.sdk.internal.GroupsApi;
import com.smartfile.sdk.internal.LinksApi;
import com.smartfile.sdk.internal.PathsApi;
import com.smartfile.sdk.internal.PathsV3Api;
import com.smartfile.sdk.internal.QuotasApi;
import com.smartfile.sdk.internal.RolesApi;
import com.smartfile.sdk.internal.SessionApi;
import com.smartfile.sdk.internal.TasksApi;
import com.smartfile.sdk.internal.UsersApi;
import com.smartfile.sdk.internal.PreferencesApi;
import com.smartfile.sdk.internal.SearchApi;
import com.smartfile.sdk.internal.SitesApi;
import com.smartfile.sdk.internal.SshKeysV3Api;
import com.smartfile.sdk.internal.WatchApi;
import com.smartfile.sdk.model.Ping;
import com.smartfile.sdk.model.Right;
import com.smartfile.sdk.internal.SmartFileJson;
import com.smartfile.sdk.model.WhoAmI;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;
import retrofit2.converter.scalars.ScalarsConverterFactory;

/**
 * The SmartFile client: one instance per account and server, shared by all threads.
 *
 * <pre>{@code
 * try (SmartFile client = SmartFile.builder().basicAuth(key, password).build()) {
 *     PathInfo root = client.paths().info("/");
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe. It authenticates every call (HTTP Basic or OAuth 1.0a), retries
 * what is safe to retry (see {@link RetryPolicy}), and turns every failure into a
 * {@link SmartFileException}. Typed services cover the API's groups ({@link #paths()},
 * {@link #tasks()}, {@link #users()}, …); {@link #call} reaches anything else.
 * {@link #close()} releases the connections and threads the client owns.
 *
 * <p><b>Fakes.</b> {@code SmartFile} and the services are interfaces: a test of your code can
 * hand it a fake that implements only the methods the code calls. Every method has a default for
 * that: a blocking method throws {@link UnsupportedOperationException}, an {@code …Async} method
 * completes with what the blocking twin returns or throws. The client {@link #builder()} builds
 * implements every method.
 *
 * <p><b>Asynchronous methods.</b> Every method whose name ends in {@code Async}, here and in the
 * services, returns a {@link CompletableFuture} at once and never throws. A bad argument fails the
 * future with the same {@link InvalidInputException} the synchronous form throws, and nothing is
 * sent; any other failure fails it with the exception the synchronous form would throw. Requests
 * run on OkHttp's dispatcher threads, transfers (uploads, downloads) on the client's worker
 * threads. Cancelling the future cancels its request.
 */
public interface SmartFile extends AutoCloseable {

    /** The hosted service's address, used when neither the builder nor the environment names one. */

    public static final String DEFAULT_BASE_URL = "https://app.smartfile.com/";

    /** The API version used unless the builder names another. */

    public static final String DEFAULT_API_VERSION = "2";

    /**
     * Starts configuring a client.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The server's root address, e.g. {@code https://app.smartfile.com/}.
     *
     * @return the base URL
     */
    default String getBaseUrl() {
        throw Fakes.notFaked("SmartFile.getBaseUrl");
    }

    /**
     * The API version in the URLs, e.g. {@code 2}.
     *
     * @return the API version
     */
    default String getApiVersion() {
        throw Fakes.notFaked("SmartFile.getApiVersion");
    }

    /**
     * Checks that the server answers ({@code ping/}, which needs no credentials).
     *
     * @return the server's reply
     */
    default Ping ping() {
        throw Fakes.notFaked("SmartFile.ping");
    }

    /**
     * Checks that the server answers, asynchronously.
     *
     * @return a future of the server's reply
     */
    default CompletableFuture<Ping> pingAsync() {
        return Fakes.supply(() -> ping());
    }

    /**
     * Who the credentials belong to.
     *
     * @return the identity
     */
    default WhoAmI whoami() {
        throw Fakes.notFaked("SmartFile.whoami");
    }

    /**
     * Who the credentials belong to, asynchronously.
     *
     * @return a future of the identity
     */
    default CompletableFuture<WhoAmI> whoamiAsync() {
        return Fakes.supply(() -> whoami());
    }

    /**
     * The rights that roles can grant (e.g. {@code ftp_access}).
     *
     * @return the rights
     */
    default List<Right> rights() {
        throw Fakes.notFaked("SmartFile.rights");
    }

    /**
     * The rights that roles can grant, asynchronously.
     *
     * @return a future of the rights
     */
    default CompletableFuture<List<Right>> rightsAsync() {
        return Fakes.supply(() -> rights());
    }

    /**
     * Files and folders.
     *
     * @return the paths service
     */
    default PathsService paths() {
        throw Fakes.notFaked("SmartFile.paths");
    }

    /**
     * Whole folders: recursive upload, download and sync, in parallel.
     *
     * @return the tree service
     */
    default com.smartfile.sdk.tree.Trees trees() {
        return new com.smartfile.sdk.tree.Trees(this);
    }

    /**
     * Server-side tasks.
     *
     * @return the tasks service
     */
    default TasksService tasks() {
        throw Fakes.notFaked("SmartFile.tasks");
    }

    /**
     * Share links.
     *
     * @return the links service
     */
    default LinksService links() {
        throw Fakes.notFaked("SmartFile.links");
    }

    /**
     * User accounts.
     *
     * @return the users service
     */
    default UsersService users() {
        throw Fakes.notFaked("SmartFile.users");
    }

    /**
     * Groups of users.
     *
     * @return the groups service
     */
    default GroupsService groups() {
        throw Fakes.notFaked("SmartFile.groups");
    }

    /**
     * Roles and their rights.
     *
     * @return the roles service
     */
    default RolesService roles() {
        throw Fakes.notFaked("SmartFile.roles");
    }

    /**
     * Access rules on paths.
     *
     * @return the access service
     */
    default AccessService access() {
        throw Fakes.notFaked("SmartFile.access");
    }

    /**
     * Storage and transfer quotas.
     *
     * @return the quotas service
     */
    default QuotasService quotas() {
        throw Fakes.notFaked("SmartFile.quotas");
    }

    /**
     * Login sessions.
     *
     * @return the session service
     */
    default SessionService session() {
        throw Fakes.notFaked("SmartFile.session");
    }

    /**
     * Searches for files, folders, users and groups by keywords.
     *
     * @return the search service
     */
    default SearchService search() {
        throw Fakes.notFaked("SmartFile.search");
    }

    /**
     * The caller's watches on paths, users and groups.
     *
     * @return the watch service
     */
    default WatchService watches() {
        throw Fakes.notFaked("SmartFile.watches");
    }

    /**
     * Preferences of the caller and of the site.
     *
     * @return the preferences service
     */
    default PreferencesService preferences() {
        throw Fakes.notFaked("SmartFile.preferences");
    }

    /**
     * Sites (administration).
     *
     * @return the sites service
     */
    default SitesService sites() {
        throw Fakes.notFaked("SmartFile.sites");
    }

    /**
     * SSH public keys of users, for SFTP (API v3).
     *
     * @return the SSH keys service
     */
    default SshKeysService sshKeys() {
        throw Fakes.notFaked("SmartFile.sshKeys");
    }

    /**
     * Calls any API route, for what the typed services do not cover. The URL is
     * {@code <base>/api/<version>/<endpoint>/<id>/}; {@code GET} parameters go to the query
     * string, other methods' to a form body, and a value that is a {@link Path},
     * {@link java.io.File}, {@link java.io.InputStream} or {@code byte[]} makes the body multipart.
     * A collection value repeats its key.
     *
     * @param method the HTTP method, e.g. {@code GET}
     * @param endpoint the route, e.g. {@code /path/info} or {@code access/user}
     * @param id the object's id (a path, a name or a number), or null
     * @param params the parameters, or null
     * @return the parsed JSON ({@link Map}, {@link List}, {@link String}, {@link Double},
     *     {@link Boolean}) when the reply is {@code application/json}; a {@link FileReply} the
     *     caller reads and closes otherwise; null for an empty reply
     */
    default @Nullable Object call(String method, String endpoint, @Nullable Object id, @Nullable Map<String, ?> params) {
        throw Fakes.notFaked("SmartFile.call");
    }

    /**
     * {@link #call} with {@code GET}.
     *
     * @param endpoint the route
     * @param id the object's id, or null
     * @param params query parameters, or null
     * @return the reply, as for {@link #call}
     */
    default @Nullable Object get(String endpoint, @Nullable Object id, @Nullable Map<String, ?> params) {
        return call("GET", endpoint, id, params);
    }

    /**
     * {@link #call} with {@code POST}.
     *
     * @param endpoint the route
     * @param id the object's id, or null
     * @param params form or multipart parameters, or null
     * @return the reply, as for {@link #call}
     */
    default @Nullable Object post(String endpoint, @Nullable Object id, @Nullable Map<String, ?> params) {
        return call("POST", endpoint, id, params);
    }

    /**
     * {@link #call} with {@code PUT}.
     *
     * @param endpoint the route
     * @param id the object's id, or null
     * @param params form or multipart parameters, or null
     * @return the reply, as for {@link #call}
     */
    default @Nullable Object put(String endpoint, @Nullable Object id, @Nullable Map<String, ?> params) {
        return call("PUT", endpoint, id, params);
    }

    /**
     * {@link #call} with {@code DELETE}.
     *
     * @param endpoint the route
     * @param id the object's id, or null
     * @param params form parameters, or null
     * @return the reply, as for {@link #call}
     */
    default @Nullable Object delete(String endpoint, @Nullable Object id, @Nullable Map<String, ?> params) {
        return call("DELETE", endpoint, id, params);
    }

    /**
     * Releases the threads and pooled connections this client created, and cancels the calls
     * still running on other threads: each ends at once (a read blocked on a stalled server
     * included) with a {@link TransportException}, and a download in progress fails rather than
     * resume. A caller-supplied {@code OkHttpClient} is left running (only this client's own calls
     * are canceled): its owner closes it. Every later call fails with
     * {@link ClientClosedException} before anything is sent (an {@code …Async} call fails its
     * future with it).
     */
    @Override
    default void close() {
        // a fake holds nothing to release
    }

    /** Configures a {@link SmartFile} client. Not thread-safe; build once, share the client. */
    public static final class Builder {
        @Nullable String baseUrl;
        String apiVersion = DEFAULT_API_VERSION;
        @Nullable Credentials credentials;
        @Nullable Path netrcFile;
        Function<String, @Nullable String> environment = System::getenv;
        @Nullable Path home;
        Duration connectTimeout = Duration.ofSeconds(15);
        Duration readTimeout = Duration.ofSeconds(60);
        Duration writeTimeout = Duration.ofSeconds(60);
        Duration callTimeout = Duration.ZERO;
        RetryPolicy retryPolicy = RetryPolicy.defaults();
        @Nullable String userAgentSuffix;
        @Nullable OkHttpClient httpClient;
        LogLevel logLevel = LogLevel.NONE;
        boolean allowInsecureHttp;
        OAuthSignatureMethod oauthSignatureMethod = OAuthSignatureMethod.PLAINTEXT;
        Sleeper sleeper = Sleeper.SYSTEM;
        DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();

        private Builder() {
        }

        /** For tests: how the retry mechanism waits and draws its jitter (recorded, not slept). */
        Builder retryWaits(Sleeper sleeper, DoubleSupplier jitter) {
            this.sleeper = sleeper;
            this.jitter = jitter;
            return this;
        }

        /**
         * The server's root address. Default: the environment variable {@code SMARTFILE_API_URL},
         * else {@value SmartFile#DEFAULT_BASE_URL}.
         *
         * @param baseUrl an {@code https://} URL (plain {@code http://} only for loopback, unless
         *     {@link #allowInsecureHttp(boolean)})
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /**
         * The API version in the URLs, such as {@code 2} (default) or {@code 2.1}.
         *
         * @param apiVersion the version
         * @return this builder
         */
        public Builder apiVersion(String apiVersion) {
            if (apiVersion == null || !apiVersion.matches("[0-9A-Za-z][0-9A-Za-z.]*") || apiVersion.contains("..")) {
                throw new InvalidInputException("The API version must look like 2 or 2.1, got '" + apiVersion + "'.");
            }
            this.apiVersion = apiVersion;
            return this;
        }

        /**
         * The credentials to use. Without them, the client looks in the environment
         * ({@code SMARTFILE_API_KEY}/{@code SMARTFILE_API_PASSWORD}, or the OAuth variables) and
         * then in the netrc file.
         *
         * @param credentials Basic or OAuth 1.0a credentials
         * @return this builder
         */
        public Builder credentials(Credentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /**
         * HTTP Basic credentials: the API key and password from the SmartFile web interface.
         *
         * @param apiKey the API key
         * @param apiPassword the API password
         * @return this builder
         */
        public Builder basicAuth(String apiKey, String apiPassword) {
            return credentials(Credentials.basic(apiKey, apiPassword));
        }

        /**
         * How OAuth 1.0a requests are signed. Default {@link OAuthSignatureMethod#PLAINTEXT}, what
         * SmartFile documents; ignored for Basic credentials.
         *
         * @param method the signature method
         * @return this builder
         */
        public Builder oauthSignatureMethod(OAuthSignatureMethod method) {
            if (method == null) {
                throw new InvalidInputException("The OAuth signature method must not be null.");
            }
            this.oauthSignatureMethod = method;
            return this;
        }

        /**
         * The netrc file to read credentials from when neither the builder nor the environment
         * gives them. Default {@code ~/.netrc}.
         *
         * @param netrcFile the file
         * @return this builder
         */
        public Builder netrcFile(Path netrcFile) {
            this.netrcFile = netrcFile;
            return this;
        }

        /** For tests: where environment variables and the home directory come from. */
        Builder environment(Function<String, String> environment, Path home) {
            this.environment = environment;
            this.home = home;
            return this;
        }

        /**
         * How long to wait for a connection. Default 15 s.
         *
         * @param timeout the timeout, positive
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connect timeout", timeout);
            return this;
        }

        /**
         * How long a read may wait for the next bytes. Default 60 s.
         *
         * @param timeout the timeout, positive
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive("read timeout", timeout);
            return this;
        }

        /**
         * How long a write may wait for the connection to take more bytes. Default 60 s.
         *
         * @param timeout the timeout, positive
         * @return this builder
         */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = positive("write timeout", timeout);
            return this;
        }

        /**
         * A limit on a whole call, retries included. Default none, since transfers of large
         * files may take as long as they need.
         *
         * @param timeout the limit, or {@link Duration#ZERO} for none
         * @return this builder
         */
        public Builder callTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative()) {
                throw new InvalidInputException("The call timeout must be zero (none) or positive.");
            }
            this.callTimeout = timeout;
            return this;
        }

        /**
         * When and how often to re-send a failed request. Default {@link RetryPolicy#defaults()}.
         *
         * @param retryPolicy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            if (retryPolicy == null) {
                throw new InvalidInputException("The retry policy must not be null; use RetryPolicy.none() for no retries.");
            }
            this.retryPolicy = retryPolicy;
            return this;
        }

        /**
         * Text added to the User-Agent header, e.g. your application's name and version.
         *
         * @param suffix printable ASCII
         * @return this builder
         */
        public Builder userAgentSuffix(String suffix) {
            UserAgent.of(suffix); // validates
            this.userAgentSuffix = suffix;
            return this;
        }

        /**
         * An OkHttp client to build on, for your own interceptors, proxy, TLS settings or
         * connection pool. The SmartFile client derives its own from it (sharing its pool and
         * threads), so authentication, retries, errors and the timeouts set here still apply.
         *
         * @param httpClient the client
         * @return this builder
         */
        public Builder httpClient(OkHttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        /**
         * Wire logging through {@code System.Logger} {@code com.smartfile.sdk.wire}. Secrets
         * (Authorization, cookies, CSRF tokens, passwords, OAuth secrets) are always masked.
         *
         * @param logLevel how much to log; default {@link LogLevel#NONE}
         * @return this builder
         */
        public Builder logLevel(LogLevel logLevel) {
            this.logLevel = logLevel == null ? LogLevel.NONE : logLevel;
            return this;
        }

        /**
         * Allows credentials over plain {@code http://} to a host that is not this machine. Off by
         * default: that would send the password in clear text.
         *
         * @param allow true to allow
         * @return this builder
         */
        public Builder allowInsecureHttp(boolean allow) {
            this.allowInsecureHttp = allow;
            return this;
        }

        /**
         * Checks the configuration, finds the credentials and creates the client. No request is
         * sent.
         *
         * @return the client
         * @throws ConfigurationException when the base URL or the credentials are missing or invalid
         */
        public SmartFile build() {
            OkHttpCompatibility.check();
            HttpUrl url = parseBaseUrl(baseUrl != null ? baseUrl : envOr(DefaultSmartFile.ENV_API_URL, DEFAULT_BASE_URL));
            CredentialChain chain = new CredentialChain(environment,
                    home != null ? home : java.nio.file.Paths.get(System.getProperty("user.home", "")), netrcFile);
            Credentials resolved = chain.resolve(credentials, url);
            if (!url.isHttps() && !allowInsecureHttp && !isLoopback(url.host())) {
                throw new ConfigurationException("Refusing to send credentials over plain http:// to " + url.host()
                        + ": use https://, or allowInsecureHttp(true) if you really mean it.");
            }
            return new DefaultSmartFile(this, url, resolved);
        }

        private String envOr(String name, String fallback) {
            String v = environment.apply(name);
            return v == null || v.trim().isEmpty() ? fallback : v.trim();
        }

        private static HttpUrl parseBaseUrl(String value) {
            HttpUrl url = HttpUrl.parse(value.trim());
            if (url == null) {
                throw new ConfigurationException("The base URL '" + value + "' is not an http(s) URL; use e.g. "
                        + DEFAULT_BASE_URL + " or set " + DefaultSmartFile.ENV_API_URL + ".");
            }
            if (!url.username().isEmpty() || !url.password().isEmpty()) {
                throw new ConfigurationException("The base URL must not carry a user name or password; "
                        + "give credentials with credentials(…) instead.");
            }
            if (url.query() != null || url.fragment() != null) {
                throw new ConfigurationException("The base URL must not have a query or fragment: " + Redaction.url(url));
            }
            // A base URL that does not end in '/' would lose its last segment when resolving routes.
            String path = url.encodedPath();
            return path.endsWith("/") ? url : url.newBuilder().encodedPath(path + "/").build();
        }

        private static boolean isLoopback(String host) {
            return host.equals("localhost") || host.equals("::1") || host.equals("[::1]") || host.startsWith("127.");
        }

        private static Duration positive(String what, Duration d) {
            if (d == null || d.isZero() || d.isNegative()) {
                throw new InvalidInputException("The " + what + " must be positive, got " + d + ".");
            }
            return d;
        }
    }
}
