package com.smartfile.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.smartfile.sdk.model.PathInfo;
import com.smartfile.sdk.internal.SmartFileJson;
import com.smartfile.sdk.model.Task;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import okhttp3.MediaType;

/**
 * Fuzz tests (Jazzer) for every parser that reads what a server or a file says: netrc, the
 * throttle headers, {@code Content-Range}, OAuth token replies, model JSON and error bodies. The
 * property is the same for each: whatever the input, nothing escapes but the documented
 * exception, and what comes back keeps the parser's promises.
 *
 * <p>In the normal build these run as regression tests over the inputs in
 * {@code src/test/resources/com/smartfile/sdk/ParsersFuzzTestInputs/<method>/} (a few
 * milliseconds each). To fuzz one of them for real (Jazzer fuzzes one test per run; findings are
 * written into that inputs folder, so they become regression inputs):
 * <pre>
 * JAZZER_FUZZ=1 JAZZER_MAX_DURATION=10m mvn -pl sdk-ext -am test -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Djazzer.hooks=true -Dtest='ParsersFuzzTest#netrc'
 * </pre>
 * {@code -Djazzer.hooks=true} turns on Jazzer's comparison tracing and bug detectors, off in the
 * regression run (where they only cost start-up time). Jazzer instruments the classes in
 * {@code target/classes} and {@code target/test-classes} for coverage; to follow coverage into the
 * generated models and Moshi as well, add {@code JAZZER_INSTRUMENTATION_INCLUDES='com.smartfile.**:com.squareup.moshi.**'}.
 * The fuzzer's working corpus goes to {@code sdk-ext/.cifuzz-corpus/} (ignored by git).
 */
class ParsersFuzzTest {

    private static final JsonAdapter<PathInfo> PATH_INFO = SmartFileJson.moshi().adapter(PathInfo.class);
    private static final JsonAdapter<Task> TASK = SmartFileJson.moshi().adapter(Task.class);
    private static final Instant NOW = Instant.parse("2024-02-03T04:05:06Z");

    /** netrc text: parsed, or refused with a {@link ConfigurationException} naming the file and line. */
    @FuzzTest(maxDuration = "5m")
    void netrc(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        Netrc netrc;
        try {
            netrc = Netrc.parse(text, "fuzz.netrc");
        } catch (ConfigurationException malformed) {
            assertTrue(malformed.getMessage().startsWith("Malformed netrc file fuzz.netrc, line "), malformed.getMessage());
            return;
        }
        for (String host : new String[] {"app.smartfile.com", "localhost:8080", ""}) {
            Optional<Netrc.Entry> entry = netrc.entry(host);
            entry.ifPresent(e -> assertNotNull(e.toString()));
        }
        netrc.defaultEntry().ifPresent(e -> assertNotNull(e.login));
    }

    /**
     * The three throttle signals. Lines of the input: status, {@code X-Throttle},
     * {@code X-Throttle-Wait-Seconds}, {@code Retry-After} ({@code -} for an absent header).
     */
    @FuzzTest(maxDuration = "5m")
    void throttle(FuzzedDataProvider data) {
        String[] lines = (data.consumeRemainingAsString() + "\n\n\n\n").split("\n", -1);
        int status;
        try {
            status = Integer.parseInt(lines[0].trim());
        } catch (NumberFormatException e) {
            status = 429;
        }
        Optional<Duration> wait = Throttle.waitOf(status, header(lines[1]), header(lines[2]), header(lines[3]),
                NOW);
        if (status != 429 && status != 503) {
            assertFalse(wait.isPresent(), "only 429 and 503 throttle");
        }
        if (status == 429) {
            assertTrue(wait.isPresent(), "a 429 always has a wait");
        }
        wait.ifPresent(w -> assertTrue(!w.isNegative() && w.compareTo(Throttle.MAX_WAIT) <= 0, "wait out of range: " + w));
    }

    private static String header(String line) {
        return line.equals("-") ? null : line;
    }

    /** {@code Content-Range}: null when it is not one, else a range whose numbers are not negative. */
    @FuzzTest(maxDuration = "5m")
    void contentRange(FuzzedDataProvider data) {
        String header = data.consumeRemainingAsString();
        DownloadSession.ContentRange range = DownloadSession.ContentRange.parse(header);
        if (range != null) {
            assertTrue(range.start >= 0 && range.end >= 0 && range.total >= -1, header);
        }
    }

    /** OAuth token replies (form-encoded, or JSON from a mislabelling server): fields, never an exception. */
    @FuzzTest(maxDuration = "5m")
    void oauthTokenReply(FuzzedDataProvider data) {
        String reply = data.consumeRemainingAsString();
        Map<String, String> fields = OAuth1Flow.parseReply(reply);
        assertNotNull(fields);
        for (String name : fields.keySet()) {
            assertNotNull(name);
        }
    }

    /**
     * Model JSON: a {@link PathInfo} or a {@link Task}, or one of the exceptions the client turns
     * into an {@link InvalidReplyException} (see {@code ErrorMapper.fromFailure}). An input starting with
     * {@code T} is read as a task, anything else as path information.
     */
    @FuzzTest(maxDuration = "5m")
    void modelJson(FuzzedDataProvider data) {
        String input = data.consumeRemainingAsString();
        boolean task = input.startsWith("T");
        String json = task ? input.substring(1) : input;
        try {
            Object model = task ? TASK.fromJson(json) : PATH_INFO.fromJson(json);
            if (model != null) {
                assertNotNull(model.toString());
            }
        } catch (JsonDataException | JsonEncodingException | EOFException documented) {
            SmartFileException mapped = ErrorMapper.fromFailure(new okhttp3.Request.Builder().url("http://localhost/").build(),
                    documented);
            assertTrue(mapped instanceof InvalidReplyException, mapped.toString());
        } catch (java.io.IOException other) {
            throw new AssertionError("an undocumented IOException from the JSON reader", other);
        }
    }

    /**
     * Error bodies: the mapper never fails on one, and keeps what it shows bounded. Lines of the
     * input: status, Content-Type, then the body (cut, as the client reads at most
     * {@value ErrorReply#MAX_BODY_CHARS} characters of it).
     */
    @FuzzTest(maxDuration = "5m")
    void errorBody(FuzzedDataProvider data) {
        String[] parts = (data.consumeRemainingAsString() + "\n\n").split("\n", 3);
        int status;
        try {
            status = Math.max(400, Math.min(599, Integer.parseInt(parts[0].trim())));
        } catch (NumberFormatException e) {
            status = 500;
        }
        MediaType type = MediaType.parse(parts[1]);
        String body = parts[2].length() > ErrorReply.MAX_BODY_CHARS ? parts[2].substring(0, ErrorReply.MAX_BODY_CHARS) : parts[2];
        ApiException e = ErrorMapper.build(status, "GET", "http://localhost/api/2/x/", body, type, null, Optional.empty());
        assertNotNull(e);
        assertEquals(status, e.getStatusCode());
        assertTrue(e.getMessage().length() < 3 * ErrorReply.MAX_BODY_CHARS + 1000,
                "message of " + e.getMessage().length() + " chars");
    }
}
