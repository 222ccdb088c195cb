package com.smartfile.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every {@link Variant} on the wire: what the emulator sends under each answer (raw status,
 * headers and body), the profiles, and the {@code /__emulator/variants} endpoint. One emulator,
 * switched between answers with {@link SmartFileEmulator#variants()}; each test starts from the
 * default profile.
 */
class VariantsTest {

    @RegisterExtension
    static final SmartFileEmulatorExtension EMULATOR = new SmartFileEmulatorExtension(b -> b.taskDuration(Duration.ZERO));

    private static SmartFileEmulator emulator;
    private static TestClient client;

    @BeforeAll
    static void files(SmartFileEmulator e, EmulatorCredentials c) throws Exception {
        emulator = e;
        client = TestClient.basic(c);
        Files.createDirectories(e.root().resolve("v/folder"));
        Files.writeString(e.root().resolve("v/ten.txt"), "0123456789");
    }

    @AfterEach
    void backToTheDefault() {
        emulator.variants().reset();
        emulator.faults().reset();
    }

    @Test
    void theDefaultIsDrf3With206ObjectUploadsAnd200V3Failures() {
        assertEquals(Profile.DRF3_2023.variants(), emulator.variants().all());
        assertEquals(List.of(Variant.Range.PARTIAL, Variant.UploadReply.OBJECT, Variant.V3UploadFailure.OK_WITH_STATUS,
                Variant.TaskSuccess.NO_ERRORS, Variant.ErrorBodies.DRF3_JSON, Variant.Throttling.RETRY_AFTER,
                Variant.TrailingSlash.LENIENT, Variant.PathInfoNulls.PRESENT), emulator.variants().all());
    }

    @Test
    void rangeIsAnswered206OrIgnored() {
        Reply partial = client.get("api/2/path/data/v/ten.txt", "Range", "bytes=2-4");
        assertEquals(206, partial.status);
        assertEquals("bytes 2-4/10", partial.header("Content-Range"));
        assertEquals("234", partial.text());

        emulator.variants().set(Variant.Range.IGNORED);
        for (String url : List.of("api/2/path/data/v/ten.txt", "api/3/path/data/v/ten.txt")) {
            Reply whole = client.get(url, "Range", "bytes=2-4");
            assertEquals(200, whole.status, url);
            assertNull(whole.header("Content-Range"), url);
            assertEquals("0123456789", whole.text(), url);
            assertEquals("10", whole.header("Content-Length"));
        }
        // a range past the end is ignored too: no 416
        assertEquals(200, client.get("api/2/path/data/v/ten.txt", "Range", "bytes=50-").status);
    }

    @Test
    void aV2UploadOfOneFileAnswersAnObjectOrAnArray() {
        Reply one = client.upload("api/2/path/data/v/", TestClient.file("file", "up1.txt", "abc"));
        assertEquals(200, one.status);
        assertTrue(one.text().startsWith("{"), one::toString);
        assertEquals("/v/up1.txt", one.json().get("path"));

        Reply two = client.upload("api/2/path/data/v/", TestClient.file("file", "up2.txt", "a"),
                TestClient.file("file", "up3.txt", "b"));
        assertEquals(2, two.jsonList().size(), "several files: an array, one per file");

        emulator.variants().set(Variant.UploadReply.ARRAY);
        Reply array = client.upload("api/2/path/data/v/", TestClient.file("file", "up4.txt", "abc"));
        assertEquals(1, array.jsonList().size(), array::toString);
        assertEquals("/v/up4.txt", ((Map<?, ?>) array.jsonList().get(0)).get("path"));
    }

    @Test
    void aV3UploadFailureAnswers200WithStatusAndDetailOrItsOwnStatus() throws Exception {
        Reply put = client.put("api/3/path/data/v/missing/x.bin", new byte[] {1, 2, 3});
        assertEquals(200, put.status, put::toString);
        assertEquals("application/json", put.header("Content-Type"));
        assertEquals(Map.of("status", 409.0, "detail", "The destination folder does not exist."), put.json());
        assertFalse(Files.exists(emulator.root().resolve("v/missing")));

        Reply patch = client.patch("api/3/path/data/v/ten.txt", new byte[] {1}, "Range", "bytes=99-");
        assertEquals(200, patch.status);
        assertEquals(416.0, patch.json().get("status"));
        assertNull(patch.header("Content-Range"), "a 200 carries no Content-Range");
        assertEquals("0123456789", Files.readString(emulator.root().resolve("v/ten.txt")));

        // authentication is not the upload module's: it keeps its status code
        Reply unauthenticated = client.withAuthorization(TestClient.basicHeader("x".repeat(30), "y".repeat(30)))
                .put("api/3/path/data/v/y.bin", new byte[] {1});
        assertEquals(401, unauthenticated.status);

        emulator.variants().set(Variant.V3UploadFailure.HTTP_STATUS);
        Reply conflict = client.put("api/3/path/data/v/missing/x.bin", new byte[] {1, 2, 3});
        assertEquals(409, conflict.status);
        assertEquals(Map.of("detail", "The destination folder does not exist."), conflict.json());
    }

    @Test
    void aTaskThatSucceededAnswersAnEmptyResultOrEmptyErrors() throws Exception {
        Files.writeString(emulator.root().resolve("v/sum.txt"), "x");
        Map<String, Object> checksum = awaitTask("api/2/path/oper/checksum/", "path", "/v/sum.txt", "algorithm", "md5");
        assertEquals(Set.of("checksums"), outcome(checksum).keySet(), checksum::toString);

        Files.writeString(emulator.root().resolve("v/gone.txt"), "x");
        Map<String, Object> removed = awaitTask("api/2/path/oper/remove/", "path", "/v/gone.txt");
        assertEquals(Map.of(), outcome(removed), "\"result\": {} with nothing failed");

        Map<String, Object> partial = awaitTask("api/2/path/oper/remove/", "path", "/v/ten-copy-missing.txt",
                "path", "/v/sum.txt");
        assertEquals(Set.of("/v/ten-copy-missing.txt"), ((Map<?, ?>) outcome(partial).get("errors")).keySet(),
                "a partial failure still names its paths");

        emulator.variants().set(Variant.TaskSuccess.EMPTY_ERRORS);
        Files.writeString(emulator.root().resolve("v/gone.txt"), "x");
        Map<String, Object> withErrors = awaitTask("api/2/path/oper/remove/", "path", "/v/gone.txt");
        assertEquals(Map.of("errors", Map.of()), outcome(withErrors));
    }

    private static Map<String, Object> awaitTask(String url, String... form) throws Exception {
        Reply started = client.postForm(url, form);
        assertEquals(200, started.status, started::toString);
        return Checks.await(client, started.json()).task;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> outcome(Map<String, Object> task) {
        return (Map<String, Object>) ((Map<String, Object>) task.get("result")).get("result");
    }

    @Test
    void errorBodiesAsDrf3JsonPlainTextOrTheOlder403() {
        TestClient wrong = client.withAuthorization(TestClient.basicHeader("x".repeat(30), "y".repeat(30)));
        Reply missing = client.get("api/2/path/info/v/nothing-here");
        assertEquals(404, missing.status);
        assertEquals(Map.of("detail", "Not found."), missing.json());
        Reply unauthorized = wrong.get("api/2/whoami/");
        assertEquals(401, unauthorized.status);
        assertTrue(unauthorized.header("WWW-Authenticate") != null);

        emulator.variants().set(Variant.ErrorBodies.PLAIN_404);
        TestClient loose = client.unvalidated(); // the spec describes JSON error bodies only
        for (String url : List.of("api/2/path/info/v/nothing-here", "api/2/no-such-endpoint/", "api/3/path/data/v/no")) {
            Reply plain = loose.get(url);
            assertEquals(404, plain.status, url);
            assertEquals("NOT FOUND", plain.text(), url);
            assertTrue(plain.header("Content-Type").startsWith("text/plain"), url);
        }
        assertEquals(401, wrong.get("api/2/whoami/").status, "other errors stay JSON");

        emulator.variants().set(Variant.ErrorBodies.DRF0_403);
        for (TestClient caller : List.of(wrong, client.anonymous())) {
            Reply old = caller.get("api/2/whoami/");
            assertEquals(403, old.status);
            assertEquals(Map.of("detail", Variants.DRF0_NOT_AUTHENTICATED), old.json());
            assertNull(old.header("WWW-Authenticate"));
        }
        // an OAuth signature that does not verify keeps its own text
        Reply oauth = client.withAuthorization("OAuth oauth_consumer_key=\"" + "c".repeat(30) + "\", oauth_token=\""
                + "t".repeat(30) + "\", oauth_signature_method=\"PLAINTEXT\", oauth_signature=\"a%26b\"").get("api/2/whoami/");
        assertEquals(403, oauth.status);
        assertEquals(Map.of("detail", OAuthSignature.FAILED), oauth.json());
        assertEquals(Map.of("detail", "Not found."), client.get("api/2/path/info/v/nothing-here").json());
    }

    @Test
    void aThrottleFaultWithoutAStyleAnswersAsTheThrottlingVariantSays() {
        String[][] expected = {
            {"retry-after", "429", "Retry-After", "1"},
            {"retry-after-fractional", "429", "Retry-After", "0.5"},
            {"wait-seconds", "429", "X-Throttle-Wait-Seconds", "1"},
            {"x-throttle-503", "503", "X-Throttle", "throttled; next=0.5 sec"},
        };
        for (String[] e : expected) {
            emulator.variants().set(Variant.of("throttling", e[0]));
            emulator.faults().throttle(1, 0.5);
            // the spec's Retry-After is an integer; node's mocks (and the SDK) take fractions too
            Reply throttled = client.unvalidated().get("api/2/whoami/");
            assertEquals(Integer.parseInt(e[1]), throttled.status, e[0]);
            assertEquals(e[3], throttled.header(e[2]), e[0]);
            assertEquals(200, client.get("api/2/whoami/").status, "one request only");
        }
        // a fault that names its style keeps it
        emulator.faults().throttle429(1, 2);
        Reply named = client.get("api/2/whoami/");
        assertEquals(429, named.status);
        assertEquals("2", named.header("Retry-After"));
    }

    @Test
    void strictTrailingSlashesNeedThemOnV2AndRefuseThemOnV3() {
        List<String[]> cases = List.of(
            // url, lenient status, strict status
            new String[] {"api/2/whoami", "200", "404"},
            new String[] {"api/2/whoami/", "200", "200"},
            new String[] {"api/2/path/info/v/ten.txt", "200", "200"},   // v2 path ids take both forms
            new String[] {"api/2/path/info/v/ten.txt/", "200", "200"},
            new String[] {"api/3/path/data/v/ten.txt", "200", "200"},
            new String[] {"api/3/path/data/v/ten.txt/", "200", "404"});
        for (String[] c : cases) {
            assertEquals(Integer.parseInt(c[1]), client.get(c[0]).status, "lenient " + c[0]);
        }
        assertEquals(200, client.postForm("api/2/path/oper/mkdir", "path", "/v/m1").status);
        emulator.variants().set(Variant.TrailingSlash.STRICT);
        for (String[] c : cases) {
            assertEquals(Integer.parseInt(c[2]), client.unvalidated().get(c[0]).status, "strict " + c[0]);
        }
        Reply noSlash = client.unvalidated().postForm("api/2/path/oper/mkdir", "path", "/v/m2");
        assertEquals(404, noSlash.status);
        assertFalse(Files.exists(emulator.root().resolve("v/m2")), "refused before acting");
        assertEquals(200, client.postForm("api/2/path/oper/mkdir/", "path", "/v/m2").status);
    }

    @Test
    void pathInfoCarriesItsNullKeysOrLeavesThemOut() {
        Map<String, Object> file = client.get("api/2/path/info/v/ten.txt").json();
        assertTrue(file.containsKey("owner") && file.get("owner") == null, file::toString);
        assertTrue(file.containsKey("items") && file.get("items") == null, file::toString);
        Map<String, Object> folder = client.get("api/2/path/info/v/?children=true").json();
        assertTrue(folder.containsKey("owner") && folder.get("owner") == null);
        assertTrue(folder.get("items") instanceof Number, "a folder counts its items");
        for (Object child : (List<?>) folder.get("children")) {
            assertTrue(((Map<?, ?>) child).containsKey("owner"), child::toString);
        }
        assertTrue(client.get("api/2/path/info/v/ten.txt?fields=owner,name").text().contains("\"owner\":null"));
        assertTrue(client.put("api/3/path/data/v/three.txt", new byte[] {1, 2, 3}).text().contains("\"items\":null"));
        assertTrue(client.upload("api/2/path/data/v/", TestClient.file("file", "n.txt", "n")).text()
                .contains("\"owner\":null"));

        emulator.variants().set(Variant.PathInfoNulls.OMITTED);
        Reply omitted = client.get("api/2/path/info/v/ten.txt");
        assertFalse(omitted.text().contains("null"), omitted::toString);
        assertFalse(omitted.json().containsKey("owner"));
    }

    @Test
    void everyProfileAnswersEveryQuestionOnceAndTogetherTheyPlayAlmostEveryAnswer() {
        Set<Variant> played = new HashSet<>();
        for (Profile p : Profile.values()) {
            List<String> keys = p.variants().stream().map(Variant::key).collect(java.util.stream.Collectors.toList());
            assertEquals(Variant.questions().stream().map(q -> q.get(0).key()).collect(java.util.stream.Collectors.toList()),
                    keys, p.id());
            played.addAll(p.variants());
            assertSame(p, Profile.of(p.id()));
        }
        Set<Variant> all = new HashSet<>();
        Variant.questions().forEach(all::addAll);
        all.removeAll(played);
        // fractional Retry-After is a single switch of its own (a node test mock, no server generation)
        assertEquals(Set.of(Variant.Throttling.RETRY_AFTER_FRACTIONAL), all);
    }

    @Test
    void unknownNamesAreRefusedNamingTheKnownOnes() {
        assertEquals("Unknown variant \"colour\"; known: range, upload-reply, v3-upload-failure, task-success, "
                + "error-bodies, throttling, trailing-slash, pathinfo-nulls.",
                assertThrows(IllegalArgumentException.class, () -> Variant.parse("colour=red")).getMessage());
        assertEquals("Unknown value \"207\" for the variant range; known: 206, 200.",
                assertThrows(IllegalArgumentException.class, () -> Variant.parse("range=207")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Variant.parse("range"));
        assertSame(Variant.Range.IGNORED, Variant.parse(" Range = 200 "));
        assertThrows(IllegalArgumentException.class, () -> Profile.of("drf4"));
        assertSame(Profile.STRICT_2013, Profile.of("STRICT_2013"));
    }

    @Test
    void theBuilderTakesAProfileAndSingleAnswersInAnyOrder() {
        for (SmartFileEmulator.Builder b : List.of(
                SmartFileEmulator.builder().profile(Profile.NODE_2018).variant(Variant.Range.PARTIAL),
                SmartFileEmulator.builder().variant(Variant.Range.PARTIAL).profile(Profile.NODE_2018))) {
            try (SmartFileEmulator e = b.build()) {
                assertEquals(Variant.Range.PARTIAL, e.variants().get(Variant.Range.class));
                assertEquals(Variant.ErrorBodies.PLAIN_404, e.variants().get(Variant.ErrorBodies.class));
                e.variants().set(Variant.ErrorBodies.DRF3_JSON).reset();
                assertEquals(Variant.ErrorBodies.PLAIN_404, e.variants().get(Variant.ErrorBodies.class), "reset: as built");
            }
        }
    }

    @Test
    void theExtensionReadsAProfileAndVariantsFromSystemProperties() {
        System.setProperty(SmartFileEmulatorExtension.PROFILE_PROPERTY, "strict-2013");
        System.setProperty(SmartFileEmulatorExtension.VARIANTS_PROPERTY, "range=200, pathinfo-nulls=omitted");
        try {
            SmartFileEmulator.Builder b = SmartFileEmulator.builder();
            SmartFileEmulatorExtension.fromSystemProperties(b);
            try (SmartFileEmulator e = b.build()) {
                assertEquals(Variant.Range.IGNORED, e.variants().get(Variant.Range.class));
                assertEquals(Variant.PathInfoNulls.OMITTED, e.variants().get(Variant.PathInfoNulls.class));
                assertEquals(Variant.Throttling.X_THROTTLE_503, e.variants().get(Variant.Throttling.class));
            }
        } finally {
            System.clearProperty(SmartFileEmulatorExtension.PROFILE_PROPERTY);
            System.clearProperty(SmartFileEmulatorExtension.VARIANTS_PROPERTY);
        }
    }

    @Test
    void theControlEndpointShowsSetsAndResetsUnderTheFaultEndpointsRules() throws Exception {
        String local = "127.0.0.1:" + emulator.port();
        RawHttp.RawReply set = variants(local, null, "application/json", "{\"profile\": \"strict-2013\", \"range\": \"200\"}");
        assertEquals(200, set.status, () -> new String(set.body, StandardCharsets.UTF_8));
        assertEquals("200", set.toReply().json().get("range"));
        assertEquals("x-throttle-503", set.toReply().json().get("throttling"));
        assertEquals(Variant.Range.IGNORED, emulator.variants().get(Variant.Range.class));
        assertEquals(Variant.TrailingSlash.STRICT, emulator.variants().get(Variant.TrailingSlash.class));

        for (String bad : List.of("{\"range\": \"207\"}", "{\"colour\": \"red\"}", "{\"profile\": \"drf4\"}",
                "{\"range\": 200}", "[\"range\"]", "{\"range\": \"206\", \"trailing-slash\": \"sometimes\"}")) {
            RawHttp.RawReply r = variants(local, null, "application/json", bad);
            assertEquals(400, r.status, bad);
            assertEquals(Variant.Range.IGNORED, emulator.variants().get(Variant.Range.class), bad + " changed something");
        }
        assertEquals(415, variants(local, null, "text/plain", "{\"range\": \"206\"}").status);
        assertEquals(403, variants("evil.example:" + emulator.port(), null, "application/json", "{\"range\": \"206\"}").status);
        assertEquals(403, variants(local, "https://evil.example", "application/json", "{\"range\": \"206\"}").status);
        assertEquals(Variant.Range.IGNORED, emulator.variants().get(Variant.Range.class));

        RawHttp.RawReply shown = RawHttp.sendRaw(emulator.port(), "GET /__emulator/variants HTTP/1.1\r\nHost: " + local
                + "\r\n", new byte[0]);
        assertEquals("strict", shown.toReply().json().get("trailing-slash"));
        RawHttp.RawReply reset = RawHttp.sendRaw(emulator.port(), "DELETE /__emulator/variants HTTP/1.1\r\nHost: " + local
                + "\r\n", new byte[0]);
        assertEquals(200, reset.status);
        assertEquals(Profile.DRF3_2023.variants(), emulator.variants().all());
    }

    private static RawHttp.RawReply variants(String host, String origin, String type, String json) throws Exception {
        String head = "POST /__emulator/variants HTTP/1.1\r\nHost: " + host + "\r\n"
                + (origin == null ? "" : "Origin: " + origin + "\r\n")
                + (type == null ? "" : "Content-Type: " + type + "\r\n");
        return RawHttp.sendRaw(emulator.port(), head, json.getBytes(StandardCharsets.UTF_8));
    }
}
