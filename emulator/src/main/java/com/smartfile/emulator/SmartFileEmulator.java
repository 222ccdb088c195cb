package com.smartfile.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

/**
 * A local server that speaks the SmartFile API, for running the SDK, the CLI and tests offline
 * (as LocalStack or Azurite do for other clouds).
 *
 * <pre>{@code
 * try (SmartFileEmulator emulator = SmartFileEmulator.builder().build().start()) {
 *     String base = emulator.baseUrl();                 // http://127.0.0.1:PORT/
 *     EmulatorCredentials c = emulator.credentials();   // Basic key/password, OAuth tokens
 *     emulator.faults().throttle429(2, 1);              // the next two API calls answer 429
 *     ...
 * }
 * }</pre>
 *
 * <p>Files live under a root folder: a fresh temporary folder by default (deleted on
 * {@link #close()}), or a caller-given one (kept). Nothing outside it is ever read or written.
 * The server is Jetty (its core API) on a bounded pool of threads, bound to 127.0.0.1 unless told
 * otherwise, with an optional HTTPS listener on a self-signed certificate ({@link #sslContext()}
 * trusts it); request and response bodies are streamed. Slow or stalled clients are timed out
 * (see {@link Builder#headerTimeout}, {@link Builder#idleTimeout}). Users,
 * groups, roles, links, access rules, quotas, sessions and tasks are kept in memory.
 *
 * <p>Unless configured, the Basic key and password and the OAuth client and access tokens are
 * random 30-character alphanumeric strings, readable through {@link #credentials()}.
 */
public final class SmartFileEmulator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SmartFileEmulator.class.getName());

    private final Builder config;
    private final Faults faults;
    private final Variants variants;
    private final EmulatorCredentials unboundCredentials;
    private final Object lock = new Object();
    private final AtomicLong requests = new AtomicLong();
    private EmulatorServer server;
    private SelfSignedTls tls;
    private String httpsBaseUrl;
    private TaskManager tasks;
    private Path root;
    private boolean ownsRoot;
    private String baseUrl;
    private EmulatorCredentials credentials;
    private boolean closed;

    private SmartFileEmulator(Builder b) {
        this.config = b.copy();
        this.faults = new Faults();
        this.variants = new Variants(b.profile, b.variants.values());
        if (b.faultSetup != null) {
            b.faultSetup.accept(faults);
        }
        this.unboundCredentials = new EmulatorCredentials(null, b.key, b.password, b.clientToken, b.clientSecret,
                b.accessToken, b.accessSecret);
    }

    /**
     * Starts a builder with the defaults: a free port on 127.0.0.1, a temporary root, generated
     * credentials, auto-approved OAuth authorisations and 100 ms tasks.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the server (once; later calls do nothing).
     *
     * @return this emulator
     * @throws UncheckedIOException when the root or the port cannot be used
     * @throws IllegalStateException when the emulator was closed
     */
    public SmartFileEmulator start() {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the emulator was closed");
            }
            if (server != null) {
                return this;
            }
            try {
                startServer();
            } catch (IOException e) {
                stopServer();
                throw new UncheckedIOException("could not start the SmartFile emulator: " + e.getMessage(), e);
            }
            return this;
        }
    }

    private void startServer() throws IOException {
        if (config.root == null) {
            root = Files.createTempDirectory("smartfile-emulator-");
            ownsRoot = true;
        } else {
            root = Files.createDirectories(config.root);
        }
        PathGuard guard = new PathGuard(root);
        FileStore.deleteTree(guard.staging());
        Files.createDirectories(guard.staging());

        InetAddress address = config.bindAddress;
        String host = address.isAnyLocalAddress() ? "127.0.0.1"
                : address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        if (config.httpsPort >= 0) {
            tls = SelfSignedTls.generate(host);
        }
        server = new EmulatorServer(address, config.port, config.httpsPort, tls == null ? null : tls.serverContext(),
                config.threads, config.headerTimeout, config.idleTimeout, config.maxConnections);
        server.open();
        baseUrl = "http://" + host + ":" + server.port() + "/";
        httpsBaseUrl = tls == null ? null : "https://" + host + ":" + server.httpsPort() + "/";
        credentials = unboundCredentials.withBaseUrl(baseUrl);

        FileStore store = new FileStore(guard, config.zone);
        tasks = new TaskManager(config.taskDuration, faults, variants);
        OAuthTokens tokens = new OAuthTokens(config.clientToken, config.clientSecret, config.accessToken,
                config.accessSecret);
        Sessions sessions = new Sessions();
        AccountStore accounts = new AccountStore(config.username);
        Downloads downloads = new Downloads(faults);
        PathRoutes paths = new PathRoutes(store, downloads);
        ExchangeRoutes exchanges = new ExchangeRoutes(guard, paths);

        Router v2 = new Router();
        new AccountRoutes(accounts, sessions, config.username).register(v2);
        paths.register(v2);
        new OperationRoutes(store, new FileOperations(store), tasks).register(v2);
        exchanges.register(v2);
        new TaskRoutes(tasks).register(v2);
        new LinkRoutes(accounts, guard, config.zone).register(v2);
        new DirectoryRoutes(accounts).register(v2);
        new AccessRoutes(accounts, guard, paths).register(v2);
        new QuotaRoutes(accounts).register(v2);
        new SyncRoutes(store, paths).register(v2);
        // endpoints found in the evidence (issue 13)
        paths.progress.register(v2);
        new SearchRoutes(store, accounts).register(v2);
        new WatchRoutes(store, accounts).register(v2);
        new PreferenceRoutes().register(v2);
        new SiteRoutes(accounts).register(v2);
        Router v3 = new Router();
        new V3Routes(store, paths).register(v3);
        new SshKeyRoutes(accounts).register(v3);

        Authenticator authenticator = new Authenticator(config.key, config.password, config.username, tokens,
                sessions);
        server.start(new Dispatcher(baseUrl, httpsBaseUrl, v2, v3, authenticator, faults, variants,
                new OAuthRoutes(tokens, config.autoApprove), new AdminRoutes(faults, variants), exchanges, requests, config.drainLimit));
        LOG.log(Level.INFO, "SmartFile emulator listening on " + baseUrl
                + (httpsBaseUrl == null ? "" : " and " + httpsBaseUrl) + " (root " + root + ")");
    }

    /**
     * The base URL, e.g. {@code http://127.0.0.1:8123/}; the API is at {@code <base>api/2/}.
     *
     * @return the base URL, ending in {@code /}
     * @throws IllegalStateException before {@link #start()}
     */
    public String baseUrl() {
        synchronized (lock) {
            requireStarted();
            return baseUrl;
        }
    }

    /**
     * The port the server listens on.
     *
     * @return the port
     * @throws IllegalStateException before {@link #start()}
     */
    public int port() {
        synchronized (lock) {
            requireStarted();
            return server.port();
        }
    }

    /**
     * The HTTPS base URL, e.g. {@code https://127.0.0.1:8443/}, when the emulator was built with
     * {@link Builder#https()}. Its certificate is self-signed: trust it with {@link #sslContext()}.
     *
     * @return the HTTPS base URL, ending in {@code /}
     * @throws IllegalStateException before {@link #start()}, or without HTTPS
     */
    public String httpsBaseUrl() {
        synchronized (lock) {
            requireStarted();
            requireHttps();
            return httpsBaseUrl;
        }
    }

    /**
     * A client TLS context that trusts the HTTPS listener's self-signed certificate (and nothing
     * else), e.g. for OkHttp's {@code sslSocketFactory} or the JDK's {@code HttpClient}. The
     * certificate names {@code localhost}, {@code 127.0.0.1}, {@code ::1} and the bound address.
     *
     * @return the client context
     * @throws IllegalStateException before {@link #start()}, or without HTTPS
     */
    public SSLContext sslContext() {
        synchronized (lock) {
            requireStarted();
            requireHttps();
            return tls.clientContext();
        }
    }

    /** The trust manager of {@link #sslContext()}, for clients (OkHttp) that want it separately. */
    X509TrustManager trustManager() {
        synchronized (lock) {
            requireStarted();
            requireHttps();
            return tls.trustManager();
        }
    }

    /**
     * Tells whether the emulator has an HTTPS listener ({@link Builder#https()}).
     *
     * @return true with HTTPS
     */
    public boolean hasHttps() {
        return config.httpsPort >= 0;
    }

    private void requireHttps() {
        if (tls == null) {
            throw new IllegalStateException("the emulator has no HTTPS listener: build it with https()");
        }
    }

    /**
     * How many TCP connections the server has accepted since it started (both listeners), e.g. to
     * see whether a client reuses its connections.
     *
     * @return the number of connections so far
     */
    public long connectionCount() {
        synchronized (lock) {
            return server == null ? 0 : server.acceptedSockets();
        }
    }

    /** How many accepted sockets had {@code TCP_NODELAY} on (the regression guard of the 40 ms stall). */
    long noDelayConnectionCount() {
        synchronized (lock) {
            return server == null ? 0 : server.noDelaySockets();
        }
    }

    /**
     * The root folder holding the emulated account's files.
     *
     * @return the root
     * @throws IllegalStateException before {@link #start()}
     */
    public Path root() {
        synchronized (lock) {
            requireStarted();
            return root;
        }
    }

    /**
     * The base URL and the accepted credentials.
     *
     * @return the credentials
     * @throws IllegalStateException before {@link #start()}
     */
    public EmulatorCredentials credentials() {
        synchronized (lock) {
            requireStarted();
            return credentials;
        }
    }

    /**
     * How many HTTP requests the server has received since it started (API, OAuth, exchange and
     * admin requests alike, whatever their answer), e.g. to check that a client sent nothing or
     * did not re-send a request.
     *
     * @return the number of requests so far
     */
    public long requestCount() {
        return requests.get();
    }

    /**
     * The run-time fault switches.
     *
     * @return the faults (one object for the emulator's whole life)
     */
    public Faults faults() {
        return faults;
    }

    /**
     * The {@link Variant}s this emulator plays (its answers to the API's open questions), changeable
     * while it runs.
     *
     * @return the variants (one object for the emulator's whole life)
     */
    public Variants variants() {
        return variants;
    }

    private void requireStarted() {
        if (server == null) {
            throw new IllegalStateException(closed ? "the emulator was closed" : "the emulator was not started");
        }
    }

    /**
     * Stops the server, drops running tasks and deletes the root when it was a temporary one (a
     * caller-given root is kept, minus the emulator's staging folder). Idempotent.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            stopServer();
        }
    }

    private void stopServer() {
        if (server != null) {
            server.stop();
            server = null;
        }
        if (tasks != null) {
            tasks.close();
        }
        if (root != null) {
            try {
                FileStore.deleteTree(ownsRoot ? root : root.resolve(PathGuard.STAGING));
            } catch (IOException e) {
                LOG.log(Level.WARNING, "could not clean up " + root + ": " + e.getMessage());
            }
        }
    }

    /**
     * Configures a {@link SmartFileEmulator}. Not thread-safe; {@link #build()} copies the settings.
     */
    public static final class Builder {
        private int port;
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private Path root;
        private String key = Secrets.alphanumeric(30);
        private String password = Secrets.alphanumeric(30);
        private String clientToken = Secrets.alphanumeric(30);
        private String clientSecret = Secrets.alphanumeric(30);
        private String accessToken = Secrets.alphanumeric(30);
        private String accessSecret = Secrets.alphanumeric(30);
        private String username = "emulator";
        private boolean autoApprove = true;
        private Duration taskDuration = Duration.ofMillis(100);
        private int threads = 64;
        private int httpsPort = -1;
        private Duration headerTimeout = Duration.ofSeconds(10);
        private Duration idleTimeout = Duration.ofSeconds(30);
        private int maxConnections = 512;
        private long drainLimit = ApiRequest.DRAIN_LIMIT;
        private ZoneId zone = ZoneId.systemDefault();
        private Consumer<Faults> faultSetup;
        private Profile profile = Profile.DRF3_2023;
        private final java.util.Map<String, Variant> variants = new java.util.LinkedHashMap<>();

        private Builder() {
        }

        private Builder copy() {
            Builder b = new Builder();
            b.port = port;
            b.bindAddress = bindAddress;
            b.root = root;
            b.key = key;
            b.password = password;
            b.clientToken = clientToken;
            b.clientSecret = clientSecret;
            b.accessToken = accessToken;
            b.accessSecret = accessSecret;
            b.username = username;
            b.autoApprove = autoApprove;
            b.taskDuration = taskDuration;
            b.threads = threads;
            b.httpsPort = httpsPort;
            b.headerTimeout = headerTimeout;
            b.idleTimeout = idleTimeout;
            b.maxConnections = maxConnections;
            b.drainLimit = drainLimit;
            b.zone = zone;
            b.faultSetup = faultSetup;
            b.profile = profile;
            b.variants.putAll(variants);
            return b;
        }

        /**
         * The port to listen on; 0 (the default) picks a free one.
         *
         * @param port the port, 0-65535
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * The address to bind; 127.0.0.1 by default. Binding anything but loopback exposes the
         * emulator (and its generated credentials' files) to the network: only do it in a
         * container.
         *
         * @param host a host name or IP address
         * @return this builder
         * @throws IllegalArgumentException when the host cannot be resolved
         */
        public Builder bindAddress(String host) {
            try {
                this.bindAddress = InetAddress.getByName(Objects.requireNonNull(host, "host"));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("unknown host: " + host, e);
            }
            return this;
        }

        /**
         * The root folder (created if missing, kept on close); by default a fresh temporary folder
         * deleted on close.
         *
         * @param root the folder
         * @return this builder
         */
        public Builder root(Path root) {
            this.root = Objects.requireNonNull(root, "root");
            return this;
        }

        /**
         * The Basic credentials (API key and password) to accept. They must be usable by SmartFile
         * clients, which refuse shorter values: at least 30 characters each, no white space at
         * either end, no {@code :} in the key.
         *
         * @param key the API key
         * @param password the API password
         * @return this builder
         * @throws IllegalArgumentException when a value is one that clients refuse (the message
         *     says why, never the value)
         */
        public Builder basicCredentials(String key, String password) {
            String k = CredentialRules.key(key);
            this.password = CredentialRules.require(password, "The API password");
            this.key = k;
            return this;
        }

        /**
         * The OAuth client (consumer) token and secret (at least 30 characters each, no white space
         * at either end, as for {@link #basicCredentials}).
         *
         * @param token the client token
         * @param secret the client secret
         * @return this builder
         * @throws IllegalArgumentException when a value is one that clients refuse
         */
        public Builder oauthClient(String token, String secret) {
            String t = CredentialRules.require(token, "The OAuth client token");
            this.clientSecret = CredentialRules.require(secret, "The OAuth client secret");
            this.clientToken = t;
            return this;
        }

        /**
         * An OAuth access token and secret accepted from the start (more are issued by the token
         * flow); at least 30 characters each, no white space at either end.
         *
         * @param token the access token
         * @param secret the access secret
         * @return this builder
         * @throws IllegalArgumentException when a value is one that clients refuse
         */
        public Builder oauthAccess(String token, String secret) {
            String t = CredentialRules.require(token, "The OAuth access token");
            this.accessSecret = CredentialRules.require(secret, "The OAuth access secret");
            this.accessToken = t;
            return this;
        }

        /**
         * Whether {@code /oauth/authorize/} approves at once (default true) or shows an approval page.
         *
         * @param autoApprove true to approve at once
         * @return this builder
         */
        public Builder autoApprove(boolean autoApprove) {
            this.autoApprove = autoApprove;
            return this;
        }

        /**
         * The minimum time from a task's start to its end (default 100 ms): it is {@code PENDING} for
         * the first half and {@code PROGRESS} until done.
         *
         * @param duration the duration, zero or more
         * @return this builder
         */
        public Builder taskDuration(Duration duration) {
            if (duration.isNegative()) {
                throw new IllegalArgumentException("taskDuration must not be negative");
            }
            this.taskDuration = duration;
            return this;
        }

        /**
         * The account's username (shown by {@code whoami}, as link owner, …); default {@code emulator}.
         *
         * @param username the username
         * @return this builder
         */
        public Builder username(String username) {
            this.username = requireText(username, "username");
            return this;
        }

        /**
         * Adds an HTTPS listener on a free port, with a self-signed certificate made at start (by the
         * JDK's {@code keytool}, about half a second): see {@link SmartFileEmulator#httpsBaseUrl()}
         * and {@link SmartFileEmulator#sslContext()}. The HTTP listener stays.
         *
         * @return this builder
         */
        public Builder https() {
            return httpsPort(0);
        }

        /**
         * Adds an HTTPS listener on this port, as {@link #https()} does.
         *
         * @param port the port, 0 for a free one
         * @return this builder
         */
        public Builder httpsPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.httpsPort = port;
            return this;
        }

        /**
         * The longest time a request's headers may take to arrive, from their first byte (default
         * 10 s); a slower connection is closed.
         *
         * @param timeout more than zero
         * @return this builder
         */
        public Builder headerTimeout(Duration timeout) {
            this.headerTimeout = requirePositive(timeout, "headerTimeout");
            return this;
        }

        /**
         * The longest silence of a connection (default 30 s): an idle keep-alive connection is
         * closed after it, a request body that stops arriving for that long is answered 408.
         *
         * @param timeout more than zero
         * @return this builder
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = requirePositive(timeout, "idleTimeout");
            return this;
        }

        /**
         * The most connections open at once (default 512); further clients wait to be accepted.
         *
         * @param max at least 1
         * @return this builder
         */
        public Builder maxConnections(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1");
            }
            this.maxConnections = max;
            return this;
        }

        /** For tests: the most bytes of an unread request body discarded before an early reply. */
        Builder drainLimit(long bytes) {
            this.drainLimit = bytes;
            return this;
        }

        /**
         * The most threads serving requests at once (default 64; idle ones end after a minute).
         *
         * @param threads at least 1
         * @return this builder
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            this.threads = threads;
            return this;
        }

        /**
         * The time zone of the API's naive timestamps (default: the system's).
         *
         * @param zone the zone
         * @return this builder
         */
        public Builder timeZone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * Faults active from the start.
         *
         * @param setup sets faults, e.g. {@code f -> f.throttle429(1, 1)}
         * @return this builder
         */
        public Builder faults(Consumer<Faults> setup) {
            this.faultSetup = Objects.requireNonNull(setup, "setup");
            return this;
        }

        /**
         * The group of {@link Variant}s to play, one answer to every open question about the API
         * (default {@link Profile#DRF3_2023}); single answers set with {@link #variant} replace the
         * profile's, whatever the order of the calls.
         *
         * @param profile the profile
         * @return this builder
         */
        public Builder profile(Profile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        /**
         * Answers to play instead of the profile's, e.g. {@code variant(Variant.Range.IGNORED)}; a
         * later answer to the same question replaces an earlier one.
         *
         * @param answers the answers
         * @return this builder
         */
        public Builder variant(Variant... answers) {
            for (Variant v : answers) {
                variants.put(Objects.requireNonNull(v, "variant").key(), v);
            }
            return this;
        }

        /**
         * Creates the emulator (not started yet).
         *
         * @return the emulator
         */
        public SmartFileEmulator build() {
            return new SmartFileEmulator(this);
        }

        private static Duration requirePositive(Duration value, String name) {
            if (Objects.requireNonNull(value, name).isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be more than zero");
            }
            return value;
        }

        private static String requireText(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }
    }
}
