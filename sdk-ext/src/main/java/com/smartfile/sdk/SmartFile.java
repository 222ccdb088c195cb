package com.smartfile.sdk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
 * <p><b>Asynchronous methods.</b> Every method whose name ends in {@code Async}, here and in the
 * services, returns a {@link CompletableFuture} at once and never throws. A bad argument fails the
 * future with the same {@link InvalidInputException} the synchronous form throws, and nothing is
 * sent; any other failure fails it with the exception the synchronous form would throw. Requests
 * run on OkHttp's dispatcher threads, transfers (uploads, downloads) on the client's worker
 * threads. Cancelling the future cancels its request.
 */
public final class SmartFile implements AutoCloseable {

    /** The hosted service's address, used when neither the builder nor the environment names one. */
    public static final String DEFAULT_BASE_URL = "https://app.smartfile.com/";

    /** The API version used unless the builder names another. */
    public static final String DEFAULT_API_VERSION = "2";

    static final String ENV_API_URL = "SMARTFILE_API_URL";

    private final HttpUrl baseUrl;
    private final String apiVersion;
    private final Credentials credentials;
    private final OkHttpClient http;
    private final boolean ownsHttp;
    private final Invoker invoker = new Invoker();
    private final AccountApi account;
    private final PathsService paths;
    private final TasksService tasks;
    private volatile LinksService links;
    private volatile UsersService users;
    private volatile GroupsService groups;
    private volatile RolesService roles;
    private volatile AccessService access;
    private volatile QuotasService quotas;
    private volatile SessionService session;
    private final RawCalls raw;
    /**
     * Makes the services not needed by the first call when first asked for (each costs a proxy
     * class on a cold JVM). Two threads asking at once may each make one: they are stateless views
     * of the same client, and the field is volatile, so either is correct.
     */
    private final Retrofit v2;

    private SmartFile(Builder b, HttpUrl baseUrl, Credentials credentials) {
        this.baseUrl = baseUrl;
        this.apiVersion = b.apiVersion;
        this.credentials = credentials;
        this.ownsHttp = b.httpClient == null;
        OkHttpClient.Builder hb = ownsHttp ? new OkHttpClient.Builder() : b.httpClient.newBuilder();
        hb.connectTimeout(b.connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(b.readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(b.writeTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(b.callTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (ownsHttp && !baseUrl.isHttps()) {
            // Nothing to encrypt: OkHttp then skips loading the platform's TLS trust store (a CLI's start-up).
            hb.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).followSslRedirects(false);
        }
        // Outermost first: errors are mapped after retries; every attempt is re-authenticated
        // (fresh OAuth nonce); the wire log sees the final headers, with secrets masked.
        hb.interceptors().add(0, new ErrorInterceptor(credentials.secretValues()));
        ConnectionPool pool = ownsHttp ? new ConnectionPool() : b.httpClient.connectionPool();
        hb.connectionPool(pool);
        hb.interceptors().add(1, new RetryInterceptor(b.retryPolicy, pool::evictAll));
        hb.addInterceptor(UserAgent.interceptor(UserAgent.of(b.userAgentSuffix)));
        hb.addInterceptor(new AuthInterceptor(credentials, baseUrl, OAuth1Signer.of(b.oauthSignatureMethod)));
        ReplyWatch.install(hb, ownsHttp ? javax.net.SocketFactory.getDefault() : b.httpClient.socketFactory());
        if (b.logLevel != LogLevel.NONE) {
            hb.addNetworkInterceptor(new WireLogger(b.logLevel, credentials.secretValues()));
        }
        hb.addNetworkInterceptor(new BodyWatchdog()); // innermost: it wraps the body OkHttp writes to the socket
        this.http = hb.build();

        HttpUrl v2Root = baseUrl.resolve("api/" + apiVersion + "/");
        this.v2 = retrofit(v2Root);
        this.account = v2.create(AccountApi.class);
        this.tasks = new TasksService(v2.create(TasksApi.class), invoker);
        PathsApi pathsApi = v2.create(PathsApi.class);
        // v3 routes (streaming PUT/PATCH uploads) live under <base>/api/3/ whatever the v2 version.
        Retrofit v3 = retrofit(baseUrl.resolve("api/3/"));
        Uploads uploads = new Uploads(pathsApi, v3.create(PathsV3Api.class), invoker);
        Downloads downloads = new Downloads(http, pathsApi, b.retryPolicy, Sleeper.SYSTEM);
        this.paths = new PathsService(pathsApi, invoker, tasks, uploads, downloads, http.dispatcher().executorService());
        this.raw = new RawCalls(http, v2Root);
    }

    private Retrofit retrofit(HttpUrl root) {
        return new Retrofit.Builder()
                .baseUrl(root)
                .client(http)
                // Scalars first, so String form and multipart parts are not JSON-quoted.
                .addConverterFactory(ScalarsConverterFactory.create())
                .addConverterFactory(MoshiConverterFactory.create(SmartFileJson.moshi()))
                .build();
    }

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
    public String getBaseUrl() {
        return baseUrl.toString();
    }

    /**
     * The API version in the URLs, e.g. {@code 2}.
     *
     * @return the API version
     */
    public String getApiVersion() {
        return apiVersion;
    }

    /**
     * Checks that the server answers ({@code ping/}, which needs no credentials).
     *
     * @return the server's reply
     */
    public Ping ping() {
        return invoker.sync(account.ping());
    }

    /**
     * Checks that the server answers, asynchronously.
     *
     * @return a future of the server's reply
     */
    public CompletableFuture<Ping> pingAsync() {
        return invoker.async(() -> account.ping());
    }

    /**
     * Who the credentials belong to.
     *
     * @return the identity
     */
    public WhoAmI whoami() {
        return invoker.sync(account.getWhoAmI());
    }

    /**
     * Who the credentials belong to, asynchronously.
     *
     * @return a future of the identity
     */
    public CompletableFuture<WhoAmI> whoamiAsync() {
        return invoker.async(() -> account.getWhoAmI());
    }

    /**
     * The rights that roles can grant (e.g. {@code ftp_access}).
     *
     * @return the rights
     */
    public List<Right> rights() {
        return invoker.sync(account.listRights());
    }

    /**
     * The rights that roles can grant, asynchronously.
     *
     * @return a future of the rights
     */
    public CompletableFuture<List<Right>> rightsAsync() {
        return invoker.async(() -> account.listRights());
    }

    /**
     * Files and folders.
     *
     * @return the paths service
     */
    public PathsService paths() {
        return paths;
    }

    /**
     * Whole folders: recursive upload, download and sync, in parallel.
     *
     * @return the tree service
     */
    public com.smartfile.sdk.tree.Trees trees() {
        return new com.smartfile.sdk.tree.Trees(this);
    }

    /**
     * Server-side tasks.
     *
     * @return the tasks service
     */
    public TasksService tasks() {
        return tasks;
    }

    /**
     * Share links.
     *
     * @return the links service
     */
    public LinksService links() {
        LinksService s = links;
        return s != null ? s : (links = new LinksService(v2.create(LinksApi.class), invoker));
    }

    /**
     * User accounts.
     *
     * @return the users service
     */
    public UsersService users() {
        UsersService s = users;
        return s != null ? s : (users = new UsersService(v2.create(UsersApi.class), invoker));
    }

    /**
     * Groups of users.
     *
     * @return the groups service
     */
    public GroupsService groups() {
        GroupsService s = groups;
        return s != null ? s : (groups = new GroupsService(v2.create(GroupsApi.class), invoker));
    }

    /**
     * Roles and their rights.
     *
     * @return the roles service
     */
    public RolesService roles() {
        RolesService s = roles;
        return s != null ? s : (roles = new RolesService(v2.create(RolesApi.class), invoker));
    }

    /**
     * Access rules on paths.
     *
     * @return the access service
     */
    public AccessService access() {
        AccessService s = access;
        return s != null ? s : (access = new AccessService(v2.create(AccessApi.class), invoker));
    }

    /**
     * Storage and transfer quotas.
     *
     * @return the quotas service
     */
    public QuotasService quotas() {
        QuotasService s = quotas;
        return s != null ? s : (quotas = new QuotasService(v2.create(QuotasApi.class), invoker));
    }

    /**
     * Login sessions.
     *
     * @return the session service
     */
    public SessionService session() {
        SessionService s = session;
        return s != null ? s : (session = new SessionService(v2.create(SessionApi.class), invoker));
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
    public Object call(String method, String endpoint, Object id, Map<String, ?> params) {
        return raw.call(method, endpoint, id, params);
    }

    /**
     * {@link #call} with {@code GET}.
     *
     * @param endpoint the route
     * @param id the object's id, or null
     * @param params query parameters, or null
     * @return the reply, as for {@link #call}
     */
    public Object get(String endpoint, Object id, Map<String, ?> params) {
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
    public Object post(String endpoint, Object id, Map<String, ?> params) {
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
    public Object put(String endpoint, Object id, Map<String, ?> params) {
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
    public Object delete(String endpoint, Object id, Map<String, ?> params) {
        return call("DELETE", endpoint, id, params);
    }

    /**
     * Releases the threads and pooled connections this client created. A caller-supplied
     * {@code OkHttpClient} is left running: its owner closes it.
     */
    @Override
    public void close() {
        if (ownsHttp) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "SmartFile{baseUrl=" + baseUrl + ", apiVersion=" + apiVersion + ", credentials=" + credentials + "}";
    }

    /** Configures a {@link SmartFile} client. Not thread-safe; build once, share the client. */
    public static final class Builder {
        private String baseUrl;
        private String apiVersion = DEFAULT_API_VERSION;
        private Credentials credentials;
        private Path netrcFile;
        private Function<String, String> environment = System::getenv;
        private Path home;
        private Duration connectTimeout = Duration.ofSeconds(15);
        private Duration readTimeout = Duration.ofSeconds(60);
        private Duration writeTimeout = Duration.ofSeconds(60);
        private Duration callTimeout = Duration.ZERO;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private String userAgentSuffix;
        private OkHttpClient httpClient;
        private LogLevel logLevel = LogLevel.NONE;
        private boolean allowInsecureHttp;
        private OAuthSignatureMethod oauthSignatureMethod = OAuthSignatureMethod.PLAINTEXT;

        private Builder() {
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
            HttpUrl url = parseBaseUrl(baseUrl != null ? baseUrl : envOr(ENV_API_URL, DEFAULT_BASE_URL));
            CredentialChain chain = new CredentialChain(environment,
                    home != null ? home : java.nio.file.Paths.get(System.getProperty("user.home", "")), netrcFile);
            Credentials resolved = chain.resolve(credentials, url);
            if (!url.isHttps() && !allowInsecureHttp && !isLoopback(url.host())) {
                throw new ConfigurationException("Refusing to send credentials over plain http:// to " + url.host()
                        + ": use https://, or allowInsecureHttp(true) if you really mean it.");
            }
            return new SmartFile(this, url, resolved);
        }

        private String envOr(String name, String fallback) {
            String v = environment.apply(name);
            return v == null || v.trim().isEmpty() ? fallback : v.trim();
        }

        private static HttpUrl parseBaseUrl(String value) {
            HttpUrl url = HttpUrl.parse(value.trim());
            if (url == null) {
                throw new ConfigurationException("The base URL '" + value + "' is not an http(s) URL; use e.g. "
                        + DEFAULT_BASE_URL + " or set " + ENV_API_URL + ".");
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
