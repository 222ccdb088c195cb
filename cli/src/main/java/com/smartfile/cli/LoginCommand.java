package com.smartfile.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.concurrent.Callable;

import com.smartfile.sdk.AccessToken;
import com.smartfile.sdk.OAuth1Flow;
import com.smartfile.sdk.RequestToken;
import com.smartfile.sdk.SmartFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code login}: the OAuth 1.0a three-step flow in the terminal. */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Get OAuth access tokens for an application: prints the URL where the user authorizes it,",
            "reads the verifier the page shows, and prints (or saves) the access token and secret.",
            "Needs --client-token and --client-secret (or SMARTFILE_CLIENT_TOKEN/SMARTFILE_CLIENT_SECRET)."})
final class LoginCommand implements Callable<Integer> {

    @ParentCommand
    SmartFileCommand root;

    @Option(names = "--callback", defaultValue = OAuth1Flow.OUT_OF_BAND, paramLabel = "URL",
            description = "Where SmartFile sends the user after authorizing (default oob: the page shows a verifier).")
    String callback;

    @Option(names = "--save", paramLabel = "FILE",
            description = "Write SMARTFILE_ACCESS_TOKEN and SMARTFILE_ACCESS_SECRET to FILE (mode 600) instead of printing them.")
    Path save;

    @Override
    public Integer call() throws IOException {
        String clientToken = root.clientToken != null ? root.clientToken : System.getenv("SMARTFILE_CLIENT_TOKEN");
        String clientSecret = root.clientSecret != null ? root.clientSecret : System.getenv("SMARTFILE_CLIENT_SECRET");
        String url = root.url != null ? root.url : System.getenv("SMARTFILE_API_URL");
        OAuth1Flow flow = OAuth1Flow.builder()
                .baseUrl(url == null || url.isBlank() ? SmartFile.DEFAULT_BASE_URL : url)
                .clientCredentials(clientToken, clientSecret)
                .callback(callback)
                .build();
        RequestToken requestToken = flow.requestToken();
        root.console.err().println("1. Open this page and allow access:");
        root.console.out().println(flow.authorizationUrl(requestToken));
        root.console.out().flush();
        root.console.err().print("2. Paste the verifier it shows: ");
        root.console.err().flush();
        String verifier = new BufferedReader(new InputStreamReader(root.console.in(), StandardCharsets.UTF_8)).readLine();
        if (verifier == null || verifier.isBlank()) {
            throw new UsageException("No verifier was entered; run login again and paste the code the page shows.");
        }
        AccessToken access = flow.accessToken(requestToken, verifier.trim());
        if (save != null) {
            write(save, "SMARTFILE_ACCESS_TOKEN=" + access.getToken() + "\nSMARTFILE_ACCESS_SECRET=" + access.getSecret() + "\n");
            root.console.err().println("3. Saved the access token and secret to " + save + " (readable by you only).");
        } else {
            root.console.out().println("SMARTFILE_ACCESS_TOKEN=" + access.getToken());
            root.console.out().println("SMARTFILE_ACCESS_SECRET=" + access.getSecret());
        }
        return ExitCodes.OK;
    }

    /** Creates the file owner-only before any secret is written to it. */
    private static void write(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, EnumSet.of(StandardOpenOption.WRITE).toArray(new StandardOpenOption[0]))) {
            w.write(content);
        }
    }
}
