package com.smartfile.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A self-signed certificate made for one emulator run, with the server's TLS context and a client
 * one that trusts exactly that certificate.
 *
 * <p>The key pair and certificate come from the running JDK's own {@code keytool}
 * ({@code java.home/bin/keytool}, EC P-256, valid 30 days, subject alternative names {@code localhost},
 * {@code 127.0.0.1}, {@code ::1} and the bound host): no dependency and no internal JDK API, for
 * about half a second of start-up that only an HTTPS emulator pays.
 */
final class SelfSignedTls {

    private static final String ALIAS = "smartfile-emulator";

    private final SSLContext server;
    private final SSLContext client;
    private final X509TrustManager trust;

    private SelfSignedTls(SSLContext server, SSLContext client, X509TrustManager trust) {
        this.server = server;
        this.client = client;
        this.trust = trust;
    }

    SSLContext serverContext() {
        return server;
    }

    SSLContext clientContext() {
        return client;
    }

    /** The trust manager of {@link #clientContext()} (OkHttp wants both). */
    X509TrustManager trustManager() {
        return trust;
    }

    /**
     * Makes a certificate for the given host names or addresses (plus the loopback names).
     *
     * @param host the host clients use, e.g. {@code 127.0.0.1} or a LAN address
     * @return the TLS material
     * @throws IOException when keytool is missing or fails
     */
    static SelfSignedTls generate(String host) throws IOException {
        Path dir = Files.createTempDirectory("smartfile-emulator-tls-");
        Path store = dir.resolve("emulator.p12");
        char[] password = Secrets.alphanumeric(24).toCharArray();
        try {
            runKeytool(store, new String(password), host);
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, password);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password);
            SSLContext server = SSLContext.getInstance("TLS");
            server.init(kmf.getKeyManagers(), null, null);

            Certificate cert = keys.getCertificate(ALIAS);
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry(ALIAS, cert);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext client = SSLContext.getInstance("TLS");
            client.init(null, tmf.getTrustManagers(), null);
            return new SelfSignedTls(server, client, (X509TrustManager) tmf.getTrustManagers()[0]);
        } catch (GeneralSecurityException e) {
            throw new IOException("could not load the generated TLS certificate: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(store);
            Files.deleteIfExists(dir);
        }
    }

    private static void runKeytool(Path store, String password, String host) throws IOException {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", windows ? "keytool.exe" : "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new IOException("HTTPS needs the JDK's keytool to make a certificate, and " + keytool
                    + " is missing: run the emulator on a full JDK or JRE");
        }
        Set<String> names = new LinkedHashSet<>(List.of("dns:localhost", "ip:127.0.0.1", "ip:::1"));
        names.add((host.matches("[0-9.]+") || host.contains(":") ? "ip:" : "dns:") + host.replaceAll("[\\[\\]]", ""));
        List<String> cmd = new ArrayList<>(List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS,
                "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-validity", "30",
                "-dname", "CN=SmartFile emulator", "-ext", "SAN=" + String.join(",", names),
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass:env", "SF_EMULATOR_STOREPASS",
                "-keypass:env", "SF_EMULATOR_STOREPASS"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("SF_EMULATOR_STOREPASS", password);
        Process p = pb.start();
        try {
            byte[] output = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("keytool could not make the emulator's TLS certificate: "
                        + new String(output, StandardCharsets.UTF_8).trim());
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the emulator's TLS certificate", e);
        }
    }
}
