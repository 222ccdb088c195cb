package com.smartfile.sdk.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

/** Runs our codegen and templates on small specs and checks what comes out. */
class SmartFileJavaCodegenTest {

    private static final Path TEMPLATES = Paths.get(System.getProperty("smartfile.templates", "../templates"));

    @TempDir
    Path out;

    private Path generate(String specResource) {
        run(config(specResource, "com.example.api", "com.example.model"));
        return out.resolve("src/main/java/com/example");
    }

    /** The service-layer run sdk-ext does, on a small spec. */
    private Path generateServices(String specResource) {
        run(config(specResource, "com.smartfile.sdk", "com.smartfile.sdk.model")
                .addAdditionalProperty(SmartFileJavaCodegen.OPT_SERVICES, "true")
                .addAdditionalProperty(SmartFileJavaCodegen.OPT_HAND_WRITTEN, "paths"));
        return out.resolve("src/main/java/com/smartfile/sdk");
    }

    private CodegenConfigurator config(String specResource, String apiPackage, String modelPackage) {
        Path spec = Paths.get("src/test/resources", specResource).toAbsolutePath();
        return new CodegenConfigurator()
                .setGeneratorName(SmartFileJavaCodegen.NAME)
                .setInputSpec(spec.toString())
                .setOutputDir(out.toString())
                .setTemplateDir(TEMPLATES.toAbsolutePath().toString())
                .setApiPackage(apiPackage)
                .setModelPackage(modelPackage)
                .setValidateSpec(true)
                .addGlobalProperty("apiTests", "false")
                .addGlobalProperty("modelTests", "false")
                .addGlobalProperty("apiDocs", "false")
                .addGlobalProperty("modelDocs", "false");
    }

    private static void run(CodegenConfigurator config) {
        new DefaultGenerator().opts(config.toClientOptInput()).generate();
    }

    private static String read(Path p) throws IOException {
        return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    }

    /**
     * Every file generated from the real spec (the client run of generated-sdk, the internal-package run and the
     * service run of sdk-ext) imports only what it uses: before the generator pruned them, the templates' fixed
     * import lists left e.g. {@code java.util.Map} in models without a map and five unused imports in V3UploadReply.
     */
    @Test
    void generatedFilesImportOnlyWhatTheyUse() throws IOException {
        Path spec = Paths.get("../spec/smartfile-api.yaml").toAbsolutePath().normalize();
        run(config("mini-api.yaml", "com.smartfile.sdk.api", "com.smartfile.sdk.model").setInputSpec(spec.toString()));
        run(config("mini-api.yaml", "com.smartfile.sdk.internal", "com.smartfile.sdk.model").setInputSpec(spec.toString())
                .setOutputDir(out.resolve("internal").toString())
                .addAdditionalProperty("smartfileInternalPackage", "com.smartfile.sdk.internal")
                .addAdditionalProperty("smartfileGenericPage", "true"));
        run(config("mini-api.yaml", "com.smartfile.sdk", "com.smartfile.sdk.model").setInputSpec(spec.toString())
                .setOutputDir(out.resolve("services").toString())
                .addAdditionalProperty(SmartFileJavaCodegen.OPT_SERVICES, "true")
                .addAdditionalProperty("smartfileInternalPackage", "com.smartfile.sdk.internal")
                .addAdditionalProperty(SmartFileJavaCodegen.OPT_HAND_WRITTEN, "paths|tasks")
                .addAdditionalProperty("smartfileGenericPage", "true"));
        Pattern importLine = Pattern.compile("(?m)^import (?:static )?[\\w.]+\\.(\\w+);$");
        List<String> unused = new java.util.ArrayList<>();
        int files = 0;
        try (Stream<Path> all = Files.walk(out)) {
            for (Path f : all.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList())) {
                files++;
                String text = read(f);
                String body = text.replaceAll("(?m)^import .*$", "");
                Matcher m = importLine.matcher(text);
                while (m.find()) {
                    if (!Pattern.compile("\\b" + m.group(1) + "\\b").matcher(body).find()) {
                        unused.add(out.relativize(f) + ": " + m.group());
                    }
                }
            }
        }
        assertTrue(files > 50, "generated " + files + " files");
        assertEquals(List.of(), unused);
        String reply = read(out.resolve("internal/src/main/java/com/smartfile/sdk/internal/V3UploadReply.java"));
        assertTrue(reply.contains("import com.smartfile.sdk.model.PathInfo;"), reply);   // what it uses stays
    }

    /** The annotations and signature of one generated method, from its @SmartFileOperation to its ';'. */
    private static String method(String source, String operationId) {
        Matcher m = Pattern.compile("@SmartFileOperation\\(id = \"" + operationId + "\"[^;]*;", Pattern.DOTALL).matcher(source);
        assertTrue(m.find(), "no method " + operationId + " in\n" + source);
        return m.group().replaceAll("\\s+", " ");
    }

    @Test
    void urlsAreRelativeToTheVersionedBaseUrl() {
        assertEquals("path/info/{path}", SmartFileJavaCodegen.relativePath("x", "/{apiVersion}/path/info/{path}"));
        assertEquals("path/data/{path}", SmartFileJavaCodegen.relativePath("x", "/3/path/data/{path}"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SmartFileJavaCodegen.relativePath("getThing", "/thing/"));
        assertTrue(e.getMessage().contains("getThing"));
    }

    @Test
    void operationsCarryTheSpecMetadataAndRetrofitShapes() throws IOException {
        Path root = generate("mini-api.yaml");
        String paths = read(root.resolve("api/PathsApi.java"));

        String info = method(paths, "getPathInfo");
        assertTrue(info.contains("paged = \"children\", idempotent = true)"), info);
        assertTrue(info.contains("@GET(\"path/info/{path}\")"), info);
        assertTrue(info.contains("@Path(value = \"path\", encoded = true) String path"), info);
        assertTrue(info.contains("@Query(\"fields\") List<String> fields"), info);
        assertFalse(info.contains("apiVersion"), info);

        String download = method(paths, "downloadFile");
        assertTrue(download.contains("@Streaming @GET(\"path/data/{path}\") Call<ResponseBody>"), download);
        assertTrue(download.contains("@Header(\"Range\") String range"), download);

        String upload = method(paths, "uploadFiles");
        assertTrue(upload.contains("@SingleOrArray"), upload);
        assertTrue(upload.contains("@Multipart @POST(\"path/data/{path}\") Call<List<PathInfo>>"), upload);
        assertTrue(upload.contains("@Part List<MultipartBody.Part> file"), upload);

        String move = method(paths, "movePaths");
        assertTrue(move.contains("task = true"), move);
        assertTrue(move.contains("idempotent = false"), move);
        assertTrue(move.contains("@FormUrlEncoded @POST(\"path/oper/move/\") Call<Task>"), move);
        assertTrue(move.contains("@Field(\"src\") List<String> src"), move);

        assertFalse(paths.contains("putFileV3"), "v3 operations live in interfaces of their own");
        String put = method(read(root.resolve("api/PathsV3Api.java")), "putFileV3");
        assertTrue(put.contains("@PUT(\"path/data/{path}\") Call<PathInfo>"), put);
        assertTrue(put.contains("@Body RequestBody body"), put);
        assertTrue(put.contains("idempotent = true"), put);

        String tasks = read(root.resolve("api/TasksApi.java"));
        String delete = method(tasks, "deleteTask");
        assertTrue(delete.contains("idempotent = false"), "x-smartfile-idempotent overrides the DELETE default: " + delete);
        assertTrue(delete.contains("@DELETE(\"task/{uuid}/\") Call<Void>"), delete);
        assertTrue(delete.contains("@Path(value = \"uuid\") String uuid"), delete);
    }

    @Test
    void modelsAreMoshiOnlyImmutableAndOpen() throws IOException {
        Path root = generate("mini-api.yaml");
        String pathInfo = read(root.resolve("model/PathInfo.java"));
        assertTrue(pathInfo.contains("@Json(name = \"secret_note\")"), pathInfo);
        assertTrue(pathInfo.contains("private @Nullable LocalDateTime time;"), pathInfo);
        assertTrue(pathInfo.contains("import java.time.LocalDateTime;"), pathInfo);
        assertTrue(pathInfo.contains("(secretNote == null ? null : \"***\")"), "secret fields are masked in toString");
        assertFalse(pathInfo.contains("public void set"), "models have no setters");
        assertTrue(pathInfo.contains("@Json(name = \"isdir\")"), "a flag keeps its wire name");
        assertTrue(pathInfo.contains("public boolean isDirectory() {\n    return Boolean.TRUE.equals(isdir);"), pathInfo);
        assertTrue(pathInfo.contains("public Builder directory(boolean directory) {"), pathInfo);
        assertFalse(pathInfo.contains("getIsdir"), pathInfo);

        String task = read(root.resolve("model/Task.java"));
        assertTrue(task.contains("public enum Status {"), task);
        assertTrue(task.contains("UNKNOWN(null);"), task);
        assertTrue(task.contains("public @Nullable String getStatusValue()"), "absent values are declared nullable");
        assertTrue(read(root.resolve("model/package-info.java")).contains("@NullMarked"), "the model package is null-marked");

        try (Stream<Path> files = Files.walk(out)) {
            List<Path> java = files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
            assertFalse(java.isEmpty());
            for (Path p : java) {
                String src = read(p);
                for (String foreign : List.of("com.google.gson", "com.fasterxml.jackson", "io.gsonfire", "javax.annotation.Nullable", "java.io.File;")) {
                    assertFalse(src.contains(foreign), p + " mentions " + foreign);
                }
            }
        }
        assertTrue(Files.exists(root.resolve("api/SmartFileOperation.java")));
        assertTrue(Files.exists(root.resolve("api/SingleOrArray.java")));
        assertTrue(Files.exists(root.resolve("model/SmartFileJson.java")));
        assertFalse(Files.exists(out.resolve("build.gradle")), "no stock supporting files");
    }

    @Test
    void anInvalidSpecIsRejected() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> generate("invalid-api.yaml"));
        assertTrue(e.getMessage().toLowerCase().contains("validation") || e.getMessage().contains("attribute"),
                e.getMessage());
    }

    @Test
    void evidenceShowsOnlyItsUnconfirmedLineInTheJavadoc() throws IOException {
        Path root = generate("mini-api.yaml");
        String paths = read(root.resolve("api/PathsApi.java"));
        assertTrue(paths.contains("<p>Streams the bytes. <p><b>Unconfirmed:</b> Whether a ranged request is answered with {@code 206}."),
                paths);
        assertTrue(paths.contains("@param range The byte range. Unconfirmed: Forms other than {@code bytes=N-}. (optional)"), paths);
        String pathInfo = read(root.resolve("model/PathInfo.java"));
        assertTrue(pathInfo.contains("The name's extension. Unconfirmed: Whether it starts with a dot."), pathInfo);
        String task = read(root.resolve("model/Task.java"));
        assertTrue(task.contains("A server-side task. <p><b>Unconfirmed:</b> What deleting it does."), task);
        String services = read(generateServices("services-api.yaml").resolve("GroupsService.java"));
        assertTrue(services.contains("<p><b>Unconfirmed:</b> Whether {@code users} lists usernames."), services);
        try (Stream<Path> files = Files.walk(out)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList())) {
                String src = read(p);
                for (String provenance : List.of("client-node", "client-python", "WeTheDJ", "official-client", "third-party",
                        "inferred", "48d31f3", "mocked", "Only a mock", "app.smartfile.com/api/\"", "x-smartfile-evidence")) {
                    assertFalse(src.contains(provenance), p + " shows " + provenance);
                }
            }
        }
    }

    @Test
    void anUnknownConfidenceFailsGeneration() {
        String all = rootMessage(assertThrows(RuntimeException.class, () -> generate("bad-evidence-confidence-api.yaml")));
        assertTrue(all.contains("x-smartfile-evidence at schema PathInfo.extension: confidence must be one of "
                + "[documented, official-client, third-party, inferred], was hearsay"), all);
    }

    @Test
    void aSourceWithoutRepoOrPageFailsGeneration() {
        String all = rootMessage(assertThrows(RuntimeException.class, () -> generate("bad-evidence-source-api.yaml")));
        assertTrue(all.contains("x-smartfile-evidence at schema Task, source 1: needs either repo (GitHub owner/name) or page"),
                all);
    }

    @Test
    void everyEvidenceFieldIsChecked() {
        java.util.Map<String, Object> ok = new java.util.HashMap<>(java.util.Map.of("confidence", "documented",
                "sources", List.of(java.util.Map.of("page", "https://app.smartfile.com/api/", "shows", "the overview"))));
        Evidence.checkOne("here", ok);
        for (java.util.Map.Entry<String, Object> bad : java.util.Map.<String, Object>of(
                "unconfirmed", 42,
                "sources", List.of(),
                "source", "typo",
                "notes", " ").entrySet()) {
            java.util.Map<String, Object> broken = new java.util.HashMap<>(ok);
            broken.put(bad.getKey(), bad.getValue());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Evidence.checkOne("here", broken),
                    bad.toString());
            assertTrue(e.getMessage().startsWith("x-smartfile-evidence at here: "), e.getMessage());
        }
        for (Object source : List.of(
                java.util.Map.of("repo", "smartfile/client-node", "page", "https://x.example/", "shows", "both"),
                java.util.Map.of("repo", "client-node", "shows", "no owner"),
                java.util.Map.of("page", "app.smartfile.com", "shows", "no scheme"),
                java.util.Map.of("page", "https://x.example/", "path", "a.js", "shows", "path without repo"),
                java.util.Map.of("repo", "smartfile/client-node", "path", "a.js"),
                java.util.Map.of("repo", "smartfile/client-node", "line", 3, "shows", "unknown field"))) {
            java.util.Map<String, Object> broken = new java.util.HashMap<>(ok);
            broken.put("sources", List.of(source));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Evidence.checkOne("here", broken),
                    source.toString());
            assertTrue(e.getMessage().startsWith("x-smartfile-evidence at here, source 1: "), e.getMessage());
        }
    }

    @Test
    void aPathOutsideTheConventionsIsRejected() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> generate("unversioned-path-api.yaml"));
        assertTrue(rootMessage(e).contains("must start with"), rootMessage(e));
    }

    @Test
    void anUnknownPagingFieldIsRejected() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> generate("bad-paged-api.yaml"));
        assertTrue(rootMessage(e).contains("x-smartfile-paged"), rootMessage(e));
    }

    @Test
    void aFlagOnAPropertyThatIsNotBooleanIsRejected() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> generate("bad-flag-api.yaml"));
        assertTrue(rootMessage(e).contains("Thing.kind: x-smartfile-flag needs a boolean property"), rootMessage(e));
    }

    private static String rootMessage(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append(" | ");
        }
        return all.toString();
    }

    @Test
    void servicesCheckTheirArgumentsAndShareOneAsyncPath() throws IOException {
        Path root = generateServices("services-api.yaml");
        String groups = read(root.resolve("DefaultGroupsService.java"));
        assertTrue(groups.contains("final class DefaultGroupsService implements GroupsService {"), groups);
        assertTrue(groups.contains("return api.getGroup(Ids.name(\"group name\", name));"), groups);
        assertTrue(groups.contains("return invoker.async(() -> getCall(name));"), "the call is built inside the future");
        assertTrue(groups.contains("public PagedIterable<Group> list() {"), groups);
        assertTrue(groups.contains("GroupPage::getResults, GroupPage::getPages"), groups);
        assertTrue(groups.contains("return api.listGroups(Paging.page(page), Paging.limit(limit));"), groups);
        // The public interface: fakeable, each method a default that a fake may override.
        String groupsInterface = read(root.resolve("GroupsService.java"));
        assertTrue(groupsInterface.contains("public interface GroupsService {"), groupsInterface);
        assertTrue(groupsInterface.contains("default Group get(String name) {"), groupsInterface);
        assertTrue(groupsInterface.contains("return Fakes.supply(() -> get(name));"), groupsInterface);
        // A tag with hand-written methods gets a public, documented interface (the public PathsService extends it,
        // so a user must be able to name it) and a package-private base; tasks become PendingTasks.
        String pathsInterface = read(root.resolve("PathsOperations.java"));
        assertTrue(pathsInterface.contains("\npublic interface PathsOperations {"), pathsInterface);
        assertTrue(pathsInterface.contains("{@link PathsService}"), pathsInterface);
        String paths = read(root.resolve("DefaultPathsOperations.java"));
        assertTrue(paths.contains("abstract class DefaultPathsOperations implements PathsOperations {"), paths);
        assertTrue(paths.contains("public PendingTask remove(String... paths) {"), paths);
        assertTrue(paths.contains("PathIds.formValues(\"paths\", Ids.list(paths))"), paths);
        assertTrue(paths.contains(".thenApply(this::pending)"), paths);
        assertFalse(Files.exists(root.resolve("model")), "no models in the service run");
    }

    @Test
    void aServiceMethodMustMapEveryParameter() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> generateServices("services-bad-args-api.yaml"));
        String all = Stream.iterate((Throwable) e, t -> t != null, Throwable::getCause).map(Throwable::getMessage)
                .collect(Collectors.joining(" / "));
        assertTrue(all.contains("getGroup") && all.contains("lists 0 args, but the operation has 1 parameters"), all);
    }

    @Test
    void markdownBecomesJavadoc() {
        assertEquals("Answers {@code {\"ping\": \"pong\"}}. <b>Unconfirmed</b>: the rest.",
                JavadocText.of("Answers `{\"ping\": \"pong\"}`. **Unconfirmed**: the rest."));
        assertEquals("Two kinds: <ul><li>one {@code a}</li><li>two, continued here</li></ul> <p>Then 1 &lt; 2 &amp;&amp; &#64;x.",
                JavadocText.of("Two kinds:\n- one `a`\n- two,\n  continued here\n\nThen 1 < 2 && @x."));
        assertEquals("<b>Hosts</b> Text.", JavadocText.of("## Hosts\nText."));
        assertEquals("<code>a&#125;</code> and *&#47;", JavadocText.of("`a}` and */"), "an unbalanced brace or a comment end cannot escape");
        assertEquals(null, JavadocText.of(null));
    }
}
