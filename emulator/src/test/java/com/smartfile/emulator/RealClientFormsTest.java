package com.smartfile.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.smartfile.sdk.model.PathInfo;
import com.smartfile.sdk.model.Quota;
import com.smartfile.sdk.model.QuotaPage;

/**
 * What real clients sent and the emulator now accepts (issue 13): JSON bodies on v2 POST, the PUT
 * form of mkdir, the quota collections, {@code ?format=} and page sizes up to 1,024. Wire level,
 * every reply validated against the spec.
 */
class RealClientFormsTest {

    @RegisterExtension
    static final SmartFileEmulatorExtension EMULATOR =
            new SmartFileEmulatorExtension(b -> b.taskDuration(Duration.ZERO));

    private static Reply postJson(TestClient client, String path, String json) {
        return client.send("POST", path, HttpRequest.BodyPublishers.ofString(json), "Content-Type",
                "application/json; charset=utf-8");
    }

    @Test
    void jsonBodiesHaveTheFormsSemantics(SmartFileEmulator e, EmulatorCredentials c) {
        TestClient client = TestClient.basic(c);
        // as the Meteor apps sent mkdir: HTTP.post(url, {data: {path}})
        PathInfo made = postJson(client, "api/2/path/oper/mkdir/", "{\"path\": \"/from-json/inner\"}").as(PathInfo.class);
        assertEquals("/from-json/inner", made.getPath());
        assertTrue(Files.isDirectory(e.root().resolve("from-json/inner")));
        // arrays repeat the name, numbers and booleans keep their text, null leaves the name out
        client.postForm("api/2/path/oper/mkdir/", "path", "/from-json/b");
        Map<String, Object> task = Checks.json(postJson(client, "api/2/path/oper/remove/",
                "{\"path\": [\"/from-json/inner\", \"/from-json/b\"], \"unused\": null}"), 200);
        assertEquals("SUCCESS", Checks.await(client, task).status());
        assertTrue(!Files.exists(e.root().resolve("from-json/inner")) && !Files.exists(e.root().resolve("from-json/b")));
        Quota q = postJson(client, "api/2/quota/user/emulator/",
                "{\"disk_bytes_limit\": 1073741824, \"xfer_bytes_limit\": null, \"enforcement\": \"disable\"}")
                .as(Quota.class);
        assertEquals(1073741824L, q.getDiskBytesLimit());
        assertEquals(null, q.getXferBytesLimit());
        // the same required-field error as a form without the field
        assertEquals(List.of("This field is required."), Checks.json(postJson(client, "api/2/path/oper/mkdir/", "{}"), 400).get("path"));
        TestClient raw = client.unvalidated();
        assertTrue(Checks.detail(postJson(raw, "api/2/path/oper/mkdir/", "{\"path\": "), 400).startsWith("JSON parse error - "));
        assertTrue(Checks.detail(postJson(raw, "api/2/path/oper/mkdir/", "[\"/x\"]"), 400).contains("expected a JSON object"));
        assertTrue(Checks.detail(postJson(raw, "api/2/path/oper/mkdir/", "{\"path\": {\"a\": 1}}"), 400).contains("\"path\""));
        assertTrue(!Files.exists(e.root().resolve("x")));
    }

    @Test
    void putMkdirCreatesTheFolderInTheUrl(SmartFileEmulator e, EmulatorCredentials c) {
        TestClient client = TestClient.basic(c);
        // as the java client's live tests: PUT path/oper/mkdir/TestDir, no body
        Reply made = client.send("PUT", "api/2/path/oper/mkdir/TestDir", HttpRequest.BodyPublishers.noBody());
        assertEquals("/TestDir", Checks.json(made, 200).get("path"));
        assertTrue(Files.isDirectory(e.root().resolve("TestDir")));
        // as yennkasa's Retrofit interface: a dummy form field, nested path, encoded segment
        Reply nested = client.sendForm("PUT", "api/2/path/oper/mkdir/TestDir/a%20b/c/", "dummy", "x");
        assertEquals("/TestDir/a b/c", Checks.json(nested, 200).get("path"));
        assertTrue(Files.isDirectory(e.root().resolve("TestDir/a b/c")));
        assertEquals(200, client.send("PUT", "api/2/path/oper/mkdir/TestDir/", HttpRequest.BodyPublishers.noBody()).status);
        client.upload("api/2/path/data/TestDir/", TestClient.file("file", "f.txt", "x"));
        assertEquals(409, client.send("PUT", "api/2/path/oper/mkdir/TestDir/f.txt/sub/", HttpRequest.BodyPublishers.noBody()).status);
        assertEquals(400, client.send("PUT", "api/2/path/oper/mkdir/a/%2e%2e/%2e%2e/x/", HttpRequest.BodyPublishers.noBody()).status);
    }

    @Test
    void quotaCollectionsCreateAndList(EmulatorCredentials c) {
        TestClient client = TestClient.basic(c);
        client.postForm("api/2/user/", "username", "quotauser", "name", "Q User", "email", "q@example.com");
        client.postForm("api/2/group/", "name", "QuotaGroup");
        // as the python client's 2012 tests: POST quota/user/ with user=… → 201
        Reply created = client.postForm("api/2/quota/user/", "user", "quotauser", "enforcement", "notify",
                "interval", "monthly", "disk_bytes_limit", "1073741824");
        assertEquals(201, created.status);
        assertEquals("quotauser", created.as(Quota.class).getUser());
        assertEquals(400, client.postForm("api/2/quota/user/", "user", "quotauser").status, "a second create");
        Map<?, ?> unknown = (Map<?, ?>) Checks.json(client.postForm("api/2/quota/user/", "user", "nobody"), 400)
                .get("field_errors");
        assertEquals(List.of("Object with username=nobody does not exist."), unknown.get("user"));
        QuotaPage users = client.get("api/2/quota/user/").as(QuotaPage.class);
        assertEquals(1L, users.getTotal());
        assertEquals("quotauser", users.getResults().get(0).getUser());
        assertEquals(201, client.postForm("api/2/quota/group/", "group", "QuotaGroup").status);
        assertEquals("QuotaGroup", client.get("api/2/quota/group/").as(QuotaPage.class).getResults().get(0).getGroup());
        // the item URLs see the same quota
        assertEquals(1073741824L, client.get("api/2/quota/user/quotauser/").as(Quota.class).getDiskBytesLimit());
        assertEquals(204, client.delete("api/2/quota/user/quotauser/").status);
        assertEquals(0L, client.get("api/2/quota/user/").as(QuotaPage.class).getTotal());
        // site quotas are keyed by site name; quota/site/ is the own site's
        client.postForm("api/2/site/", "name", "site1", "industry", "Other");
        assertEquals(201, client.postForm("api/2/quota/site/", "site", "site1", "disk_bytes_limit", "5").status);
        assertEquals(5L, client.get("api/2/quota/site/site1/").as(Quota.class).getDiskBytesLimit());
        assertEquals(404, client.get("api/2/quota/site/").status, "the own site has no quota yet");
        assertEquals(201, client.postForm("api/2/quota/site/", "disk_bytes_limit", "7").status);
        assertEquals(7L, client.get("api/2/quota/site/emulator/").as(Quota.class).getDiskBytesLimit());
        assertEquals(404, client.get("api/2/quota/site/nosuchsite/").status);
        assertEquals(204, client.delete("api/2/site/site1/").status);
        assertEquals(404, client.get("api/2/quota/site/site1/").status, "deleting a site drops its quota");
    }

    @Test
    void formatJsonIsTakenOtherFormatsAre406(EmulatorCredentials c) {
        TestClient client = TestClient.basic(c);
        assertEquals("pong", Checks.json(client.get("api/2/ping/?format=json"), 200).get("ping"));
        assertEquals("/", Checks.json(client.get("api/2/path/info/?format=JSON"), 200).get("path"));
        Reply xml = client.unvalidated().get("api/2/ping/?format=xml");
        String detail = Checks.detail(xml, 406);
        assertTrue(detail.contains("format=xml") && detail.contains("json"), detail);
        assertEquals(406, client.unvalidated().get("api/2/path/info/?format=csv").status);
        assertEquals(404, client.unvalidated().get("api/2/no/such/route/?format=xml").status, "routing first");
    }

    @Test
    void pagesOf1024Items(SmartFileEmulator e, EmulatorCredentials c) throws Exception {
        TestClient client = TestClient.basic(c);
        Files.createDirectories(e.root().resolve("many"));
        for (int i = 0; i < 1025; i++) {
            Files.createFile(e.root().resolve("many").resolve(String.format("f%04d", i)));
        }
        Map<String, Object> page = Checks.json(client.get("api/2/path/info/many/?children=true&limit=1024"), 200);
        assertEquals(1024, ((List<?>) page.get("children")).size());
        assertEquals(2.0, page.get("pages"));
        assertEquals(1024.0, page.get("per_page"));
        Map<String, Object> capped = Checks.json(client.get("api/2/path/info/many/?children=true&limit=5000"), 200);
        assertEquals(1024.0, capped.get("per_page"));
    }
}
