package com.smartfile.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A small client over {@link HttpClient} (HTTP/1.1) for the tests: Basic auth by default, form,
 * multipart and raw bodies, and every reply to {@code /api/…} validated against the spec unless
 * {@link #unvalidated()} was asked for.
 */
final class TestClient {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    final String baseUrl;
    private final String authorization;
    private final boolean validate;

    private TestClient(String baseUrl, String authorization, boolean validate) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.validate = validate;
    }

    static TestClient basic(EmulatorCredentials c) {
        return new TestClient(c.baseUrl(), basicHeader(c.key(), c.password()), true);
    }

    static String basicHeader(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    TestClient withAuthorization(String header) {
        return new TestClient(baseUrl, header, validate);
    }

    TestClient anonymous() {
        return new TestClient(baseUrl, null, validate);
    }

    /** The same client without spec validation (for replies the spec does not describe). */
    TestClient unvalidated() {
        return new TestClient(baseUrl, authorization, false);
    }

    Reply get(String path, String... headers) {
        return send("GET", path, HttpRequest.BodyPublishers.noBody(), headers);
    }

    Reply delete(String path, String... headers) {
        return send("DELETE", path, HttpRequest.BodyPublishers.noBody(), headers);
    }

    Reply postForm(String path, String... pairs) {
        return sendForm("POST", path, pairs);
    }

    Reply sendForm(String method, String path, String... pairs) {
        return send(method, path, HttpRequest.BodyPublishers.ofString(form(pairs)),
                "Content-Type", "application/x-www-form-urlencoded");
    }

    static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(PercentCodec.encodeForm(pairs[i])).append('=').append(PercentCodec.encodeForm(pairs[i + 1]));
        }
        return body.toString();
    }

    Reply put(String path, byte[] body, String... headers) {
        return send("PUT", path, HttpRequest.BodyPublishers.ofByteArray(body), withType(headers));
    }

    Reply patch(String path, byte[] body, String... headers) {
        return send("PATCH", path, HttpRequest.BodyPublishers.ofByteArray(body), withType(headers));
    }

    private static String[] withType(String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/octet-stream";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return all;
    }

    /** One multipart part: field name, file name (null for a plain field), content. */
    static final class Part {
        final String field;
        final String filename;
        final byte[] content;

        Part(String field, String filename, byte[] content) {
            this.field = field;
            this.filename = filename;
            this.content = content;
        }
    }

    static Part file(String field, String filename, String content) {
        return new Part(field, filename, content.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] multipart(String boundary, Part... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (Part p : parts) {
                out.write(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
                String disposition = "Content-Disposition: form-data; name=\"" + p.field + "\""
                        + (p.filename == null ? "" : "; filename=\"" + p.filename + "\"");
                out.write((disposition + "\r\n").getBytes(StandardCharsets.UTF_8));
                if (p.filename != null) {
                    out.write("Content-Type: application/octet-stream\r\n".getBytes(StandardCharsets.UTF_8));
                }
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
                out.write(p.content);
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    Reply upload(String path, Part... parts) {
        String boundary = "----emulator-test-" + System.nanoTime();
        return send("POST", path, HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, parts)),
                "Content-Type", "multipart/form-data; boundary=" + boundary);
    }

    Reply send(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body);
        boolean hasAuthorization = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            hasAuthorization |= headers[i].equalsIgnoreCase("Authorization");
        }
        if (authorization != null && !hasAuthorization) {
            request.header("Authorization", authorization);
        }
        HttpResponse<byte[]> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        Map<String, List<String>> replyHeaders = response.headers().map();
        Reply reply = new Reply(response.statusCode(), replyHeaders, response.body());
        checkCommon(reply);
        if (validate) {
            SpecValidator.validate(method, response.uri().getRawPath(), reply.status, replyHeaders, reply.body);
        }
        return reply;
    }

    /** Checks the rule every reply follows: 5xx replies carry x-unique-id. */
    static void checkCommon(Reply reply) {
        if (reply.status >= 500 && reply.header("x-unique-id") == null) {
            throw new AssertionError("5xx reply without x-unique-id: " + reply);
        }
    }

    static List<String> list(String... values) {
        return new ArrayList<>(List.of(values));
    }
}
