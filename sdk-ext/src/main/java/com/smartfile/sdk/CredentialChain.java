package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.function.Function;

import okhttp3.HttpUrl;

/**
 * Finds credentials in the official clients' order: explicit arguments, then the environment,
 * then a netrc file.
 *
 * <ol>
 *   <li>Explicit {@link Credentials} win.</li>
 *   <li>Environment: when {@code SMARTFILE_CLIENT_TOKEN} is set, OAuth from
 *       {@code SMARTFILE_CLIENT_TOKEN}, {@code SMARTFILE_CLIENT_SECRET} and, optionally as a pair,
 *       {@code SMARTFILE_ACCESS_TOKEN}/{@code SMARTFILE_ACCESS_SECRET}; otherwise Basic from
 *       {@code SMARTFILE_API_KEY} and {@code SMARTFILE_API_PASSWORD}. A variable that is unset
 *       or empty counts as absent; a set that is only half there is an error rather than a
 *       silent fall-through to netrc.</li>
 *   <li>Netrc ({@code ~/.netrc} unless a file is named): machine {@code host:port} when the base
 *       URL has a non-default port, then {@code host}, then {@code default}; {@code login} is the
 *       API key, {@code password} the API password. Netrc holds Basic credentials only.</li>
 * </ol>
 *
 * Every failure is a {@link ConfigurationException} that says what is wrong, names the three
 * ways to supply credentials, and never contains a secret.
 */
final class CredentialChain {

    static final String API_KEY = "SMARTFILE_API_KEY";
    static final String API_PASSWORD = "SMARTFILE_API_PASSWORD";
    static final String CLIENT_TOKEN = "SMARTFILE_CLIENT_TOKEN";
    static final String CLIENT_SECRET = "SMARTFILE_CLIENT_SECRET";
    static final String ACCESS_TOKEN = "SMARTFILE_ACCESS_TOKEN";
    static final String ACCESS_SECRET = "SMARTFILE_ACCESS_SECRET";

    private final Function<String, @Nullable String> env;
    private final Path home;
    private final @Nullable Path netrcFile;

    /**
     * @param env reads an environment variable (null when unset); {@code System::getenv} in
     *     production, a map in tests
     * @param home the user's home directory, where {@code .netrc} is looked for
     * @param netrcFile a netrc file the caller named, or null for {@code home/.netrc}
     */
    CredentialChain(Function<String, @Nullable String> env, Path home, @Nullable Path netrcFile) {
        this.env = env;
        this.home = home;
        this.netrcFile = netrcFile;
    }

    /** The chain over the real environment and {@code user.home}. */
    static CredentialChain system(@Nullable Path netrcFile) {
        return new CredentialChain(System::getenv, Paths.get(System.getProperty("user.home", "")), netrcFile);
    }

    /**
     * Resolves the credentials to use.
     *
     * @param explicit credentials given to the builder, or null
     * @param baseUrl the API base URL; its host (and port) selects the netrc machine
     * @return the credentials
     * @throws ConfigurationException when none are found or what was found is unusable
     */
    Credentials resolve(@Nullable Credentials explicit, HttpUrl baseUrl) {
        if (explicit != null) {
            return explicit;
        }
        Credentials fromEnv = fromEnvironment(baseUrl);
        if (fromEnv != null) {
            return fromEnv;
        }
        Credentials fromNetrc = fromNetrc(baseUrl);
        if (fromNetrc != null) {
            return fromNetrc;
        }
        throw new ConfigurationException("No SmartFile credentials were found. " + howTo(baseUrl));
    }

    private @Nullable Credentials fromEnvironment(HttpUrl baseUrl) {
        String clientToken = envVar(CLIENT_TOKEN);
        if (clientToken != null) {
            String clientSecret = envVar(CLIENT_SECRET);
            String accessToken = envVar(ACCESS_TOKEN);
            String accessSecret = envVar(ACCESS_SECRET);
            check(clientToken, CLIENT_TOKEN, baseUrl);
            if (clientSecret == null) {
                throw incomplete(CLIENT_TOKEN, CLIENT_SECRET, baseUrl);
            }
            check(clientSecret, CLIENT_SECRET, baseUrl);
            if (accessToken == null && accessSecret == null) {
                return Credentials.oauth1Client(clientToken, clientSecret);
            }
            if (accessSecret == null) {
                throw incomplete(ACCESS_TOKEN, ACCESS_SECRET, baseUrl);
            }
            if (accessToken == null) {
                throw incomplete(ACCESS_SECRET, ACCESS_TOKEN, baseUrl);
            }
            check(accessToken, ACCESS_TOKEN, baseUrl);
            check(accessSecret, ACCESS_SECRET, baseUrl);
            return Credentials.oauth1(clientToken, clientSecret, accessToken, accessSecret);
        }
        String key = envVar(API_KEY);
        String password = envVar(API_PASSWORD);
        if (key == null && password == null) {
            return null;
        }
        if (password == null) {
            throw incomplete(API_KEY, API_PASSWORD, baseUrl);
        }
        if (key == null) {
            throw incomplete(API_PASSWORD, API_KEY, baseUrl);
        }
        check(key, API_KEY, baseUrl);
        check(password, API_PASSWORD, baseUrl);
        return Credentials.basic(key, password);
    }

    private @Nullable Credentials fromNetrc(HttpUrl baseUrl) {
        boolean isDefault = netrcFile == null;
        Path file = netrcPath();
        Netrc netrc = Netrc.load(file, isDefault);
        String host = hostForNetrc(baseUrl);
        String machine = host;
        Optional<Netrc.Entry> entry = Optional.empty();
        if (hasExplicitPort(baseUrl)) {
            machine = host + ":" + baseUrl.port();
            entry = netrc.machine(machine);
        }
        if (entry.isEmpty()) {
            machine = host;
            entry = netrc.machine(host);
        }
        if (entry.isEmpty()) {
            machine = "default";
            entry = netrc.defaultEntry();
        }
        if (entry.isEmpty()) {
            return null;
        }
        String where = "The netrc entry '" + machine + "' in " + file;
        check(entry.get().login, where + ": login (the API key)", baseUrl);
        check(entry.get().password, where + ": password (the API password)", baseUrl);
        try {
            return Credentials.basic(entry.get().login, entry.get().password);
        } catch (ConfigurationException e) {
            throw new ConfigurationException(where + ": " + e.getMessage() + " " + howTo(baseUrl), e);
        }
    }

    private Path netrcPath() {
        return netrcFile != null ? netrcFile : home.resolve(".netrc");
    }

    private @Nullable String envVar(String name) {
        String v = env.apply(name);
        return v == null || v.isEmpty() ? null : v;
    }

    private void check(@Nullable String value, String what, HttpUrl baseUrl) {
        String problem = Credentials.problem(value, what);
        if (problem != null) {
            throw new ConfigurationException(problem + ". " + howTo(baseUrl));
        }
    }

    private ConfigurationException incomplete(String set, String missing, HttpUrl baseUrl) {
        return new ConfigurationException("The environment variable " + set + " is set but " + missing
                + " is not; set both, or neither. " + howTo(baseUrl));
    }

    /** The three ways, with the netrc machine and file this chain would read. */
    private String howTo(HttpUrl baseUrl) {
        return "Supply SmartFile credentials in one of three ways: "
                + "(1) as builder arguments, e.g. Credentials.basic(apiKey, apiPassword) or Credentials.oauth1(...); "
                + "(2) in the environment variables " + API_KEY + " and " + API_PASSWORD + " (for OAuth: "
                + CLIENT_TOKEN + ", " + CLIENT_SECRET + ", " + ACCESS_TOKEN + ", " + ACCESS_SECRET + "); "
                + "(3) in the netrc file " + netrcPath() + " as 'machine " + netrcMachine(baseUrl)
                + " login <API key> password <API password>'.";
    }

    private static String netrcMachine(HttpUrl baseUrl) {
        String host = hostForNetrc(baseUrl);
        return hasExplicitPort(baseUrl) ? host + ":" + baseUrl.port() : host;
    }

    private static String hostForNetrc(HttpUrl baseUrl) {
        String host = baseUrl.host();
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host; // IPv6, as written in a URL's netloc
    }

    /**
     * HttpUrl forgets whether a port was written, so a non-default port counts as explicit:
     * Python's netloc for {@code https://h:443/} would say {@code h:443}, this says {@code h}.
     */
    private static boolean hasExplicitPort(HttpUrl url) {
        return url.port() != HttpUrl.defaultPort(url.scheme());
    }
}
