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
import java.util.function.Supplier;

import com.smartfile.sdk.internal.AccessApi;
import com.smartfile.sdk.internal.AccountApi;
import com.smartfile.sdk.internal.GroupsApi;
import com.smartfile.sdk.internal.LinksApi;
import com.smartfile.sdk.internal.PathsApi;
import com.smartfile.sdk.internal.PathsV3Api;
import com.smartfile.sdk.internal.PreferencesApi;
import com.smartfile.sdk.internal.SearchApi;
import com.smartfile.sdk.internal.SitesApi;
import com.smartfile.sdk.internal.SshKeysV3Api;
import com.smartfile.sdk.internal.WatchApi;
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

/** The client {@link SmartFile#builder()} builds: the services on one configured OkHttp client. */
final class DefaultSmartFile implements SmartFile {

    static final String ENV_API_URL = "SMARTFILE_API_URL";

    private final HttpUrl baseUrl;
    private final String apiVersion;
    private final Credentials credentials;
    private final OkHttpClient http;
    private final boolean ownsHttp;
    private final Invoker invoker;
    private final OpenCalls openCalls = new OpenCalls();
    // The services (but paths), their Retrofit proxies and the v3 Retrofit are made on first use, so a
    // fresh JVM making one call loads one Api interface and one proxy class, not sixteen. A switch
    // (make) rather than a lambda per service: each lambda would be a class spun at build time.
    private static final int ACCOUNT = 0, TASKS = 1, LINKS = 2, USERS = 3, GROUPS = 4, ROLES = 5, ACCESS = 6,
            QUOTAS = 7, SESSION = 8, SEARCH = 9, WATCHES = 10, PREFERENCES = 11, SITES = 12, SSH_KEYS = 13, V3 = 14,
            PATHS_V3 = 15;
    private final Retrofit v2;
    private final OnFirstUse<AccountApi> account = new OnFirstUse<>(ACCOUNT);
    private final PathsService paths;
    private final OnFirstUse<TasksService> tasks = new OnFirstUse<>(TASKS);
    private final OnFirstUse<LinksService> links = new OnFirstUse<>(LINKS);
    private final OnFirstUse<UsersService> users = new OnFirstUse<>(USERS);
    private final OnFirstUse<GroupsService> groups = new OnFirstUse<>(GROUPS);
    private final OnFirstUse<RolesService> roles = new OnFirstUse<>(ROLES);
    private final OnFirstUse<AccessService> access = new OnFirstUse<>(ACCESS);
    private final OnFirstUse<QuotasService> quotas = new OnFirstUse<>(QUOTAS);
    private final OnFirstUse<SessionService> session = new OnFirstUse<>(SESSION);
    private final OnFirstUse<SearchService> search = new OnFirstUse<>(SEARCH);
    private final OnFirstUse<WatchService> watches = new OnFirstUse<>(WATCHES);
    private final OnFirstUse<PreferencesService> preferences = new OnFirstUse<>(PREFERENCES);
    private final OnFirstUse<SitesService> sites = new OnFirstUse<>(SITES);
    private final OnFirstUse<SshKeysService> sshKeys = new OnFirstUse<>(SSH_KEYS);
    private final OnFirstUse<Retrofit> v3 = new OnFirstUse<>(V3);
    private final RawCalls raw;

    DefaultSmartFile(SmartFile.Builder b, HttpUrl baseUrl, Credentials credentials) {
        this.baseUrl = baseUrl;
        this.apiVersion = b.apiVersion;
        this.credentials = credentials;
        OkHttpClient given = b.httpClient;
        this.ownsHttp = given == null;
        OkHttpClient.Builder hb = given == null ? new OkHttpClient.Builder() : given.newBuilder();
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
        ConnectionPool pool = given == null ? new ConnectionPool() : given.connectionPool();
        hb.connectionPool(pool);
        hb.interceptors().add(1, new RetryInterceptor(b.retryPolicy, b.sleeper, b.jitter, pool::evictAll));
        hb.interceptors().add(0, openCalls); // outermost: a call is open until its reply's body is closed
        hb.addInterceptor(UserAgent.interceptor(UserAgent.of(b.userAgentSuffix)));
        hb.addInterceptor(new AuthInterceptor(credentials, baseUrl, OAuth1Signer.of(b.oauthSignatureMethod)));
        ReplyWatch.install(hb, given == null ? javax.net.SocketFactory.getDefault() : given.socketFactory());
        if (b.logLevel != LogLevel.NONE) {
            hb.addNetworkInterceptor(new WireLogger(b.logLevel, credentials.secretValues()));
        }
        hb.addNetworkInterceptor(new BodyWatchdog()); // innermost: it wraps the body OkHttp writes to the socket
        this.http = hb.build();
        this.invoker = new Invoker(http);

        HttpUrl v2Root = baseUrl.resolve("api/" + apiVersion + "/");
        this.v2 = retrofit(v2Root);
        PathsApi pathsApi = v2.create(PathsApi.class);
        Uploads uploads = new Uploads(pathsApi, new OnFirstUse<PathsV3Api>(PATHS_V3), invoker);
        Downloads downloads = new Downloads(invoker, pathsApi, b.retryPolicy);
        this.paths = new DefaultPathsService(pathsApi, invoker, tasks, uploads, downloads, http.dispatcher().executorService());
        this.raw = new RawCalls(invoker, v2Root);
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

    /** Makes what a slot holds; called once per slot, by {@link OnFirstUse}. */
    private Object make(int slot) {
        switch (slot) {
            case ACCOUNT: return v2.create(AccountApi.class);
            case TASKS: return new DefaultTasksService(v2.create(TasksApi.class), invoker);
            case LINKS: return new DefaultLinksService(v2.create(LinksApi.class), invoker);
            case USERS: return new DefaultUsersService(v2.create(UsersApi.class), invoker);
            case GROUPS: return new DefaultGroupsService(v2.create(GroupsApi.class), invoker);
            case ROLES: return new DefaultRolesService(v2.create(RolesApi.class), invoker);
            case ACCESS: return new DefaultAccessService(v2.create(AccessApi.class), invoker);
            case QUOTAS: return new DefaultQuotasService(v2.create(QuotasApi.class), invoker);
            case SESSION: return new DefaultSessionService(v2.create(SessionApi.class), invoker);
            case SEARCH: return new DefaultSearchService(v2.create(SearchApi.class), invoker);
            case WATCHES: return new DefaultWatchService(v2.create(WatchApi.class), invoker);
            case PREFERENCES: return new DefaultPreferencesService(v2.create(PreferencesApi.class), invoker);
            case SITES: return new DefaultSitesService(v2.create(SitesApi.class), invoker);
            // v3 routes (streaming PUT/PATCH uploads, SSH keys) live under <base>/api/3/ whatever the v2 version.
            case V3: return retrofit(baseUrl.resolve("api/3/"));
            case SSH_KEYS: return new DefaultSshKeysService(v3.get().create(SshKeysV3Api.class), invoker);
            case PATHS_V3: return v3.get().create(PathsV3Api.class);
            default: throw new IllegalArgumentException("no slot " + slot);
        }
    }

    /** A service (or proxy) made on its first use, exactly once, whichever threads ask first. */
    private final class OnFirstUse<T> implements Supplier<T> {
        private final int slot;
        private volatile @Nullable T value;

        OnFirstUse(int slot) {
            this.slot = slot;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = (T) make(slot);
                        value = v;
                    }
                }
            }
            return v;
        }
    }

    @Override
    public String getBaseUrl() {
        return baseUrl.toString();
    }

    @Override
    public String getApiVersion() {
        return apiVersion;
    }

    @Override
    public Ping ping() {
        return invoker.sync(account.get().ping());
    }

    @Override
    public CompletableFuture<Ping> pingAsync() {
        return invoker.async(() -> account.get().ping());
    }

    @Override
    public WhoAmI whoami() {
        return invoker.sync(account.get().getWhoAmI());
    }

    @Override
    public CompletableFuture<WhoAmI> whoamiAsync() {
        return invoker.async(() -> account.get().getWhoAmI());
    }

    @Override
    public List<Right> rights() {
        return invoker.sync(account.get().listRights());
    }

    @Override
    public CompletableFuture<List<Right>> rightsAsync() {
        return invoker.async(() -> account.get().listRights());
    }

    @Override
    public PathsService paths() {
        return paths;
    }

    @Override
    public TasksService tasks() {
        return tasks.get();
    }

    @Override
    public LinksService links() {
        return links.get();
    }

    @Override
    public UsersService users() {
        return users.get();
    }

    @Override
    public GroupsService groups() {
        return groups.get();
    }

    @Override
    public RolesService roles() {
        return roles.get();
    }

    @Override
    public AccessService access() {
        return access.get();
    }

    @Override
    public QuotasService quotas() {
        return quotas.get();
    }

    @Override
    public SessionService session() {
        return session.get();
    }

    @Override
    public SearchService search() {
        return search.get();
    }

    @Override
    public WatchService watches() {
        return watches.get();
    }

    @Override
    public PreferencesService preferences() {
        return preferences.get();
    }

    @Override
    public SitesService sites() {
        return sites.get();
    }

    @Override
    public SshKeysService sshKeys() {
        return sshKeys.get();
    }

    @Override
    public @Nullable Object call(String method, String endpoint, @Nullable Object id, @Nullable Map<String, ?> params) {
        return raw.call(method, endpoint, id, params);
    }

    @Override
    public void close() {
        invoker.close();
        openCalls.cancelAll();
        if (ownsHttp) {
            http.dispatcher().cancelAll();
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "SmartFile{baseUrl=" + baseUrl + ", apiVersion=" + apiVersion + ", credentials=" + credentials + "}";
    }

}
