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
    private final AccountApi account;
    private final PathsService paths;
    private final TasksService tasks;
    private final LinksService links;
    private final UsersService users;
    private final GroupsService groups;
    private final RolesService roles;
    private final AccessService access;
    private final QuotasService quotas;
    private final SessionService session;
    private final SearchService search;
    private final WatchService watches;
    private final PreferencesService preferences;
    private final SitesService sites;
    private final SshKeysService sshKeys;
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
        Retrofit v2 = retrofit(v2Root);
        this.account = v2.create(AccountApi.class);
        this.tasks = new DefaultTasksService(v2.create(TasksApi.class), invoker);
        PathsApi pathsApi = v2.create(PathsApi.class);
        // v3 routes (streaming PUT/PATCH uploads) live under <base>/api/3/ whatever the v2 version.
        Retrofit v3 = retrofit(baseUrl.resolve("api/3/"));
        Uploads uploads = new Uploads(pathsApi, v3.create(PathsV3Api.class), invoker);
        Downloads downloads = new Downloads(invoker, pathsApi, b.retryPolicy);
        this.paths = new DefaultPathsService(pathsApi, invoker, tasks, uploads, downloads, http.dispatcher().executorService());
        this.links = new DefaultLinksService(v2.create(LinksApi.class), invoker);
        this.users = new DefaultUsersService(v2.create(UsersApi.class), invoker);
        this.groups = new DefaultGroupsService(v2.create(GroupsApi.class), invoker);
        this.roles = new DefaultRolesService(v2.create(RolesApi.class), invoker);
        this.access = new DefaultAccessService(v2.create(AccessApi.class), invoker);
        this.quotas = new DefaultQuotasService(v2.create(QuotasApi.class), invoker);
        this.session = new DefaultSessionService(v2.create(SessionApi.class), invoker);
        this.search = new DefaultSearchService(v2.create(SearchApi.class), invoker);
        this.watches = new DefaultWatchService(v2.create(WatchApi.class), invoker);
        this.preferences = new DefaultPreferencesService(v2.create(PreferencesApi.class), invoker);
        this.sites = new DefaultSitesService(v2.create(SitesApi.class), invoker);
        this.sshKeys = new DefaultSshKeysService(v3.create(SshKeysV3Api.class), invoker);
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
        return invoker.sync(account.ping());
    }

    @Override
    public CompletableFuture<Ping> pingAsync() {
        return invoker.async(() -> account.ping());
    }

    @Override
    public WhoAmI whoami() {
        return invoker.sync(account.getWhoAmI());
    }

    @Override
    public CompletableFuture<WhoAmI> whoamiAsync() {
        return invoker.async(() -> account.getWhoAmI());
    }

    @Override
    public List<Right> rights() {
        return invoker.sync(account.listRights());
    }

    @Override
    public CompletableFuture<List<Right>> rightsAsync() {
        return invoker.async(() -> account.listRights());
    }

    @Override
    public PathsService paths() {
        return paths;
    }

    @Override
    public TasksService tasks() {
        return tasks;
    }

    @Override
    public LinksService links() {
        return links;
    }

    @Override
    public UsersService users() {
        return users;
    }

    @Override
    public GroupsService groups() {
        return groups;
    }

    @Override
    public RolesService roles() {
        return roles;
    }

    @Override
    public AccessService access() {
        return access;
    }

    @Override
    public QuotasService quotas() {
        return quotas;
    }

    @Override
    public SessionService session() {
        return session;
    }

    @Override
    public SearchService search() {
        return search;
    }

    @Override
    public WatchService watches() {
        return watches;
    }

    @Override
    public PreferencesService preferences() {
        return preferences;
    }

    @Override
    public SitesService sites() {
        return sites;
    }

    @Override
    public SshKeysService sshKeys() {
        return sshKeys;
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
