package com.smartfile.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import com.smartfile.emulator.EmulatorCredentials;
import com.smartfile.emulator.Faults;
import com.smartfile.emulator.SmartFileEmulatorExtension;
import com.smartfile.sdk.AccessToken;
import com.smartfile.sdk.AuthenticationException;
import com.smartfile.sdk.Credentials;
import com.smartfile.sdk.DownloadOptions;
import com.smartfile.sdk.IncompleteDownloadException;
import com.smartfile.sdk.LogLevel;
import com.smartfile.sdk.OAuth1Flow;
import com.smartfile.sdk.OAuthSignatureMethod;
import com.smartfile.sdk.PendingTask;
import com.smartfile.sdk.RequestToken;
import com.smartfile.sdk.RetryPolicy;
import com.smartfile.sdk.SmartFile;
import com.smartfile.sdk.SmartFileException;
import com.smartfile.sdk.TaskFailedException;
import com.smartfile.sdk.ThrottledException;
import com.smartfile.sdk.TransportException;
import com.smartfile.sdk.UploadOptions;
import com.smartfile.sdk.UploadSource;
import com.smartfile.sdk.UserRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole session, Basic and OAuth, with wire logging at {@link LogLevel#BODY} and failures of
 * every kind (401, 403, throttling, a failed task, transport errors), while a handler on the root
 * logger records every log line at every level, from the SDK, OkHttp and the emulator alike. Then
 * no key-password pair, password, client or access secret, token secret, Authorization value
 * (nor its Basic base64), session cookie or CSRF token may appear in any of those lines, in any
 * exception's message or stack trace, or in the {@code toString()} of any SDK object.
 */
class SecretsTest {

    @RegisterExtension
    static final SmartFileEmulatorExtension EMULATOR = new SmartFileEmulatorExtension(b -> b.taskDuration(Duration.ofMillis(20)));

    private static final RetryPolicy QUICK = RetryPolicy.builder().initialBackoff(Duration.ofMillis(10))
            .maxBackoff(Duration.ofMillis(20)).build();

    @TempDir
    Path local;

    private final List<String> shown = Collections.synchronizedList(new ArrayList<>());

    /** Records an exception the way a caller could see it: message, toString, full stack trace. */
    private void saw(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        shown.add(e.getMessage());
        shown.add(e.toString());
        shown.add(trace.toString());
    }

    private void sawThrown(Class<? extends SmartFileException> type, org.junit.jupiter.api.function.Executable call) {
        saw(assertThrows(type, call));
    }

    @Test
    void noSecretReachesALogLineAnExceptionOrAToString(EmulatorCredentials c, Faults faults) throws Exception {
        Handler capture = new Handler() {
            private final SimpleFormatter format = new SimpleFormatter();

            @Override
            public void publish(LogRecord record) {
                shown.add(format.format(record)); // message, parameters and any thrown exception's trace
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        Level rootLevel = root.getLevel();
        root.addHandler(capture);
        root.setLevel(Level.ALL);

        // Whatever the server sets as cookies is a secret too: learn the values on the wire.
        List<String> cookies = Collections.synchronizedList(new ArrayList<>());
        OkHttpClient cookieSpy = new OkHttpClient.Builder().addNetworkInterceptor(chain -> {
            Response r = chain.proceed(chain.request());
            for (String setCookie : r.headers("Set-Cookie")) {
                String value = setCookie.substring(setCookie.indexOf('=') + 1).split(";")[0];
                if (!value.isEmpty()) {
                    cookies.add(value);
                }
            }
            return r;
        }).build();

        String userPassword = "correct horse battery staple 42";
        String wrongPassword = forge(c.password());
        RequestToken requestToken;
        String verifier;
        AccessToken access;
        try {
            // ---- Basic, wire logging at BODY
            try (SmartFile client = SmartFile.builder().baseUrl(c.baseUrl()).basicAuth(c.key(), c.password())
                    .logLevel(LogLevel.BODY).retryPolicy(QUICK).httpClient(cookieSpy).build()) {
                shown.add(client.toString());
                client.ping();
                client.whoami();
                shown.add(String.valueOf(client.session().create()));
                client.users().create(UserRequest.builder().username("carol").name("Carol").email("carol@example.com")
                        .password(userPassword).role("User").build());
                Path file = Files.writeString(local.resolve("notes.txt"), "some notes");
                UploadOptions uploadOptions = UploadOptions.builder().createFolders(true).build();
                shown.add(uploadOptions.toString());
                UploadSource source = UploadSource.of(file);
                shown.add(source.toString());
                client.paths().upload("/secrets-test", source, uploadOptions);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                client.paths().download("/secrets-test/notes.txt", out);
                assertEquals("some notes", out.toString(StandardCharsets.UTF_8));

                faults.throttle429(3, 0);
                sawThrown(ThrottledException.class, client::whoami);
                faults.failNextTask();
                PendingTask task = client.paths().checksum("md5", "/secrets-test/notes.txt");
                shown.add(task.toString());
                sawThrown(TaskFailedException.class, task::await);
                faults.cutDownloads(5, 3);
                DownloadOptions once = DownloadOptions.builder().maxResumes(0).build();
                shown.add(once.toString());
                sawThrown(IncompleteDownloadException.class,
                        () -> client.paths().download("/secrets-test/notes.txt", local.resolve("cut.txt"), once));
                faults.reset();
                shown.add(QUICK.toString());
            }
            try (SmartFile wrong = SmartFile.builder().baseUrl(c.baseUrl()).basicAuth(c.key(), wrongPassword)
                    .logLevel(LogLevel.BODY).build()) {
                shown.add(wrong.toString());
                sawThrown(AuthenticationException.class, wrong::whoami);
            }
            int closedPort;
            try (ServerSocket s = new ServerSocket(0)) {
                closedPort = s.getLocalPort();
            }
            try (SmartFile nowhere = SmartFile.builder().baseUrl("http://127.0.0.1:" + closedPort + "/")
                    .basicAuth(c.key(), c.password()).logLevel(LogLevel.BODY).retryPolicy(QUICK).build()) {
                sawThrown(TransportException.class, nowhere::whoami);
            }

            // ---- OAuth: the token flow, then calls signed both ways, then a forged signature
            OAuth1Flow flow = OAuth1Flow.builder().baseUrl(c.baseUrl()).clientCredentials(c.clientToken(), c.clientSecret()).build();
            shown.add(flow.toString());
            requestToken = flow.requestToken();
            shown.add(requestToken.toString());
            try (Response page = new OkHttpClient().newCall(new Request.Builder().url(flow.authorizationUrl(requestToken))
                    .build()).execute()) {
                verifier = page.body().string().trim();
            }
            access = flow.accessToken(requestToken, verifier);
            shown.add(access.toString());
            for (OAuthSignatureMethod method : OAuthSignatureMethod.values()) {
                Credentials oauth = Credentials.oauth1(c.clientToken(), c.clientSecret(), access);
                shown.add(oauth.toString());
                try (SmartFile client = SmartFile.builder().baseUrl(c.baseUrl()).credentials(oauth).oauthSignatureMethod(method)
                        .logLevel(LogLevel.BODY).retryPolicy(QUICK).build()) {
                    shown.add(client.toString());
                    client.whoami();
                    client.paths().mkdir("/oauth-" + method);
                }
            }
            Credentials forged = Credentials.oauth1(c.clientToken(), c.clientSecret(), c.accessToken(), forge(c.accessSecret()));
            try (SmartFile client = SmartFile.builder().baseUrl(c.baseUrl()).credentials(forged).logLevel(LogLevel.BODY).build()) {
                sawThrown(AuthenticationException.class, client::whoami); // 403 Could not verify OAuth request.
            }
            OAuth1Flow badClient = OAuth1Flow.builder().baseUrl(c.baseUrl())
                    .clientCredentials(c.clientToken(), forge(c.clientSecret())).build();
            sawThrown(AuthenticationException.class, badClient::requestToken);
        } finally {
            root.removeHandler(capture);
            root.setLevel(rootLevel);
        }

        String basic = Base64.getEncoder().encodeToString((c.key() + ":" + c.password()).getBytes(StandardCharsets.UTF_8));
        String wrongBasic = Base64.getEncoder().encodeToString((c.key() + ":" + wrongPassword).getBytes(StandardCharsets.UTF_8));
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("key:password", c.key() + ":" + c.password());
        secrets.put("API password", c.password());
        secrets.put("wrong API password", wrongPassword);
        secrets.put("Basic base64", basic);
        secrets.put("wrong Basic base64", wrongBasic);
        secrets.put("user's password", userPassword);
        secrets.put("user's password, form-encoded", userPassword.replace(' ', '+'));
        secrets.put("client secret", c.clientSecret());
        secrets.put("access secret", c.accessSecret());
        secrets.put("request token secret", requestToken.getSecret());
        secrets.put("flow's access secret", access.getSecret());
        secrets.put("verifier", verifier);
        assertEquals(2, cookies.size(), "sessionid and csrftoken were set: " + cookies.size());
        for (int i = 0; i < cookies.size(); i++) {
            secrets.put("cookie " + i, cookies.get(i));
        }

        String everything = String.join("\n", shown);
        for (Map.Entry<String, String> s : secrets.entrySet()) {
            int at = everything.indexOf(s.getValue());
            assertTrue(at < 0, () -> "the " + s.getKey() + " leaked: …"
                    + everything.substring(Math.max(0, at - 300), Math.min(everything.length(), at + 100)).replace(s.getValue(), "<HERE>"));
        }
        // The capture saw the traffic, so the absence above means something.
        assertTrue(everything.contains("--> POST " + c.baseUrl() + "api/2/session/"), "the wire log was captured");
        assertTrue(everything.contains("Authorization: ██"), "headers were logged, masked");
        assertTrue(everything.toLowerCase().contains("set-cookie: ██"), "cookies were logged, masked");
        assertTrue(everything.contains("--> body: ") && everything.contains("password=██"), "form bodies were logged, masked");
        assertTrue(everything.contains("Could not verify OAuth request"), "the OAuth failures were seen");
        assertFalse(cookies.isEmpty());
    }

    /** The secret with its first character changed, so that it is wrong whatever it starts with. */
    private static String forge(String secret) {
        return (secret.charAt(0) == 'F' ? "G" : "F") + secret.substring(1);
    }
}
