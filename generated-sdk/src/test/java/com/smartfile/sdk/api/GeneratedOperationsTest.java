package com.smartfile.sdk.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.smartfile.sdk.model.SmartFileJson;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;
import retrofit2.converter.scalars.ScalarsConverterFactory;
import retrofit2.http.Body;
import retrofit2.http.Field;
import retrofit2.http.Header;
import retrofit2.http.Part;
import retrofit2.http.Query;

/**
 * Calls every operation of the spec once through the generated Retrofit interfaces against
 * MockWebServer. The expectations come from {@code spec/smartfile-api.yaml} itself, not from the
 * generated code: the HTTP method and URL template of each operation, its parameters, and the
 * example of its success reply, which must decode into the model without losing a field.
 */
class GeneratedOperationsTest {

    /**
     * A path id as sdk-ext's encoder produces it: space, '#', unicode, '?', '+', '%', '&amp;' already
     * percent-encoded per segment. Retrofit must send it byte for byte.
     */
    private static final String V2_PATH_ID = "My%20Docs/%23notes%20r%C3%A9sum%C3%A9%3F%2B100%25%26co.txt/";
    private static final String V3_PATH_ID = "My%20Docs/%23notes%20r%C3%A9sum%C3%A9%3F%2B100%25%26co.txt";
    /** A plain (not encoded) path parameter value: Retrofit encodes it. */
    private static final String PLAIN_ID = "jo doe";
    private static final String PLAIN_ID_ENCODED = "jo%20doe";

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final MediaType OCTET = MediaType.get("application/octet-stream");

    private static final OkHttpClient HTTP = new OkHttpClient();

    private static Map<String, Object> spec;

    @BeforeAll
    static void setUp() throws IOException {
        String location = System.getProperty("smartfile.spec", "../spec/smartfile-api.yaml");
        try (InputStream in = Files.newInputStream(Paths.get(location))) {
            LoaderOptions options = new LoaderOptions();
            spec = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                    options, new JsonLikeResolver()).load(in);
        }
    }

    /** One operation of the spec. */
    static final class Op {
        final String path;
        final String method;
        final Map<String, Object> node;

        Op(String path, String method, Map<String, Object> node) {
            this.path = path;
            this.method = method;
            this.node = node;
        }

        String id() {
            return (String) node.get("operationId");
        }

        String tag() {
            return ((List<?>) node.get("tags")).get(0).toString();
        }

        @Override
        public String toString() {
            return method.toUpperCase(Locale.ROOT) + " " + path + " (" + id() + ")";
        }
    }

    static List<Op> operations() {
        List<Op> ops = new ArrayList<>();
        for (Map.Entry<String, Object> p : map(spec.get("paths")).entrySet()) {
            for (Map.Entry<String, Object> m : map(p.getValue()).entrySet()) {
                if (HTTP_METHODS.contains(m.getKey())) {
                    ops.add(new Op(p.getKey(), m.getKey(), map(m.getValue())));
                }
            }
        }
        return ops;
    }

    @Test
    void everyOperationHasExactlyOneGeneratedMethodAndViceVersa() throws ClassNotFoundException {
        Set<String> fromSpec = new TreeSet<>();
        Set<Class<?>> interfaces = new LinkedHashSet<>();
        for (Op op : operations()) {
            fromSpec.add(op.id());
            interfaces.add(apiClass(op));
        }
        Set<String> generated = new TreeSet<>();
        for (Class<?> api : interfaces) {
            for (Method m : api.getDeclaredMethods()) {
                assertNotNull(m.getAnnotation(SmartFileOperation.class), m + " lacks @SmartFileOperation");
                assertEquals(m.getName(), m.getAnnotation(SmartFileOperation.class).id());
                assertTrue(generated.add(m.getName()), "duplicate method " + m.getName());
            }
        }
        assertEquals(fromSpec, generated);
        assertTrue(fromSpec.size() >= 60, "the spec covers the whole API, found only " + fromSpec.size());
    }

    @TestFactory
    Stream<DynamicTest> everyOperationCallsTheRightUrlAndDecodesItsExample() {
        return operations().stream().map(op -> DynamicTest.dynamicTest(op.toString(), () -> call(op)));
    }

    /** Each operation gets its own server, so one failure cannot shift the replies of the next. */
    private void call(Op op) throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            Retrofit retrofit = new Retrofit.Builder()
                    .baseUrl(server.url(op.path.startsWith("/3/") ? "/api/3/" : "/api/2/"))
                    .client(HTTP)
                    .addConverterFactory(ScalarsConverterFactory.create())
                    .addConverterFactory(MoshiConverterFactory.create(SmartFileJson.moshi()))
                    .build();
            call(op, server, retrofit);
        }
    }

    private void call(Op op, MockWebServer server, Retrofit retrofit) throws Exception {
        Class<?> api = apiClass(op);
        Method method = findMethod(api, op.id());
        SmartFileOperation meta = method.getAnnotation(SmartFileOperation.class);
        checkMetadata(op, meta);
        boolean v3 = op.path.startsWith("/3/");

        Map<String, Object> success = successResponse(op);
        int status = Integer.parseInt(success.get("code").toString());
        Object example = exampleOf(success);
        boolean binary = isBinary(success);
        MockResponse.Builder reply = new MockResponse.Builder().code(status);
        if (binary) {
            reply.addHeader("Content-Type", "application/octet-stream").body("file-bytes");
        } else if (example != null) {
            reply.addHeader("Content-Type", "application/json")
                    .body(SmartFileJson.moshi().adapter(Object.class).toJson(example));
        }
        server.enqueue(reply.build());

        Expected expected = new Expected();
        Object[] args = arguments(method, v3, filePartName(op), expected);
        fillJsonBody(op, method, args, expected);
        Object service = retrofit.create(api);
        Call<?> call = (Call<?>) method.invoke(service, args);
        Response<?> response = call.execute();
        RecordedRequest request = server.takeRequest();

        assertTrue(response.isSuccessful(), op + " answered " + response.code());
        assertEquals(op.method.toUpperCase(Locale.ROOT), request.getMethod(), op.toString());
        String target = request.getTarget();
        String rawPath = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        assertEquals(expectedPath(op, expected), rawPath, op.toString());
        HttpUrl url = request.getUrl();
        for (Map.Entry<String, List<String>> q : expected.query.entrySet()) {
            assertEquals(q.getValue(), url.queryParameterValues(q.getKey()), op + " query " + q.getKey());
        }
        for (Map.Entry<String, String> h : expected.headers.entrySet()) {
            assertEquals(h.getValue(), request.getHeaders().get(h.getKey()), op + " header " + h.getKey());
        }
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        if (!expected.form.isEmpty()) {
            assertTrue(request.getHeaders().get("Content-Type").startsWith("application/x-www-form-urlencoded"), op.toString());
            assertEquals(expected.form, parseForm(body), op + " form body");
        }
        for (String part : expected.multipart) {
            assertTrue(body.contains(part), op + " multipart body lacks " + part + " in\n" + body);
        }
        if (expected.rawBody != null) {
            assertEquals(expected.rawBody, body, op + " raw body");
        }
        if (expected.jsonBody != null) {
            assertTrue(request.getHeaders().get("Content-Type").startsWith("application/json"), op.toString());
            assertEquals(expected.jsonBody, SmartFileJson.moshi().adapter(Object.class).fromJson(body), op + " JSON body");
        }

        if (binary) {
            try (ResponseBody file = (ResponseBody) response.body()) {
                assertEquals("file-bytes", file.string());
            }
        } else if (example != null) {
            assertDecodesLosslessly(op, method, response.body(), example);
        }
    }

    private static void checkMetadata(Op op, SmartFileOperation meta) {
        assertEquals(Boolean.TRUE.equals(op.node.get("x-smartfile-task")), meta.task(), op + " task");
        Object paged = op.node.get("x-smartfile-paged");
        assertEquals(paged == null ? "" : paged, meta.paged(), op + " paged");
        Object idem = op.node.get("x-smartfile-idempotent");
        boolean defaultIdem = Set.of("get", "head", "put", "delete", "options").contains(op.method);
        assertEquals(idem == null ? defaultIdem : idem, meta.idempotent(), op + " idempotent");
    }

    /** The expected request path, computed from the spec's URL template. */
    private static String expectedPath(Op op, Expected expected) {
        String path = op.path;
        if (path.startsWith("/{apiVersion}/")) {
            path = "/api/2/" + path.substring("/{apiVersion}/".length());
        } else if (path.startsWith("/3/")) {
            path = "/api/3/" + path.substring("/3/".length());
        } else {
            fail(op + ": path outside the spec conventions");
        }
        for (Map.Entry<String, String> p : expected.pathParams.entrySet()) {
            path = path.replace("{" + p.getKey() + "}", p.getValue());
        }
        assertTrue(!path.contains("{"), op + ": unfilled template " + path);
        return path;
    }

    /** What the test expects on the wire, filled while the arguments are made. */
    static final class Expected {
        final Map<String, String> pathParams = new LinkedHashMap<>();
        final Map<String, List<String>> query = new LinkedHashMap<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        final Map<String, List<String>> form = new LinkedHashMap<>();
        final List<String> multipart = new ArrayList<>();
        String rawBody;
        Object jsonBody;
    }

    /**
     * A JSON request body ({@code application/json}, a model parameter): the model made from the
     * examples of its schema's properties in the spec, expected back on the wire as the same JSON.
     */
    private static void fillJsonBody(Op op, Method method, Object[] args, Expected expected) throws IOException {
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < args.length; i++) {
            for (Annotation a : annotations[i]) {
                if (a instanceof Body && !(args[i] instanceof RequestBody && method.getParameterTypes()[i] == RequestBody.class)) {
                    Map<String, Object> json = map(map(map(op.node.get("requestBody")).get("content")).get("application/json"));
                    String ref = String.valueOf(map(json.get("schema")).get("$ref"));
                    Map<String, Object> schema = map(map(map(map(spec.get("components")).get("schemas"))
                            .get(ref.substring(ref.lastIndexOf('/') + 1))).get("properties"));
                    Map<String, Object> value = new LinkedHashMap<>();
                    schema.forEach((name, property) -> value.put(name, map(property).get("example")));
                    args[i] = SmartFileJson.moshi().adapter(method.getGenericParameterTypes()[i]).fromJsonValue(value);
                    expected.rawBody = null;
                    expected.jsonBody = value;
                }
            }
        }
    }

    /** The name of the operation's multipart file field in the spec ({@code file}, {@code signature}, ...). */
    private static String filePartName(Op op) {
        Object body = op.node.get("requestBody");
        if (body == null) {
            return null;
        }
        Object multipart = map(map(body).get("content")).get("multipart/form-data");
        if (multipart == null) {
            return null;
        }
        Map<String, Object> properties = map(map(map(multipart).get("schema")).get("properties"));
        for (Map.Entry<String, Object> p : properties.entrySet()) {
            Map<String, Object> schema = map(p.getValue());
            Object items = schema.get("items");
            if ("binary".equals(schema.get("format")) || (items != null && "binary".equals(map(items).get("format")))) {
                return p.getKey();
            }
        }
        return null;
    }

    private static Object[] arguments(Method method, boolean v3, String filePart, Expected expected) {
        Type[] types = method.getGenericParameterTypes();
        Annotation[][] annotations = method.getParameterAnnotations();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            for (Annotation a : annotations[i]) {
                if (a instanceof retrofit2.http.Path) {
                    retrofit2.http.Path p = (retrofit2.http.Path) a;
                    if (p.encoded()) {
                        String id = v3 ? V3_PATH_ID : V2_PATH_ID;
                        args[i] = id;
                        expected.pathParams.put(p.value(), id);
                    } else if (types[i] == String.class) {
                        args[i] = PLAIN_ID;
                        expected.pathParams.put(p.value(), PLAIN_ID_ENCODED);
                    } else {
                        args[i] = sample(types[i], p.value());
                        expected.pathParams.put(p.value(), args[i].toString());
                    }
                } else if (a instanceof Query) {
                    args[i] = sample(types[i], ((Query) a).value());
                    expected.query.put(((Query) a).value(), asStrings(args[i]));
                } else if (a instanceof Header) {
                    args[i] = sample(types[i], ((Header) a).value());
                    expected.headers.put(((Header) a).value(), args[i].toString());
                } else if (a instanceof Field) {
                    args[i] = sample(types[i], ((Field) a).value());
                    expected.form.put(((Field) a).value(), asStrings(args[i]));
                } else if (a instanceof Part) {
                    String name = ((Part) a).value();
                    if (name.isEmpty()) {
                        assertNotNull(filePart, method + ": a file part the spec does not name");
                        List<MultipartBody.Part> parts = List.of(
                                MultipartBody.Part.createFormData(filePart, "a b.txt", RequestBody.create("first file", OCTET)),
                                MultipartBody.Part.createFormData(filePart, "r\u00e9sum\u00e9.pdf", RequestBody.create("second file", OCTET)));
                        args[i] = types[i] instanceof ParameterizedType ? parts : parts.get(0);
                        expected.multipart.add("name=\"" + filePart + "\"; filename=\"a b.txt\"");
                        expected.multipart.add("first file");
                        if (types[i] instanceof ParameterizedType) {
                            expected.multipart.add("second file");
                        }
                    } else {
                        args[i] = sample(types[i], name);
                        expected.multipart.add("name=\"" + name + "\"");
                        // unquoted: the scalars converter, not JSON, encodes string parts
                        expected.multipart.add("\r\n\r\n" + args[i] + "\r\n");
                    }
                } else if (a instanceof Body) {
                    args[i] = RequestBody.create("raw file bytes", OCTET);
                    expected.rawBody = "raw file bytes";
                }
            }
            assertNotNull(args[i], method + ": no sample for parameter " + i);
        }
        return args;
    }

    private static Object sample(Type type, String name) {
        if (type == String.class) {
            switch (name) {
                case "Range":
                    return "bytes=5-";
                case "If-Unmodified-Since":
                    return "Sat, 23 Feb 2013 22:49:30 GMT";
                default:
                    return name + " value & more";
            }
        }
        if (type == Boolean.class) {
            return Boolean.TRUE;
        }
        if (type == Integer.class) {
            return 7;
        }
        if (type == Long.class) {
            return 4096L;
        }
        if (type instanceof ParameterizedType && Types.getRawType(type) == List.class) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            return List.of(sample(element, name + "1"), sample(element, name + "2"));
        }
        throw new AssertionError("no sample value for type " + type + " of " + name);
    }

    private static List<String> asStrings(Object value) {
        if (value instanceof List) {
            return ((List<?>) value).stream().map(String::valueOf).collect(Collectors.toList());
        }
        return List.of(String.valueOf(value));
    }

    private static Map<String, List<String>> parseForm(String body) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        HttpUrl parsed = HttpUrl.get("http://x/?" + body);
        for (String name : parsed.queryParameterNames()) {
            out.put(name, parsed.queryParameterValues(name));
        }
        return out;
    }

    /** Decodes the reply with the method's own return type, re-encodes it, and compares it with the example. */
    private static void assertDecodesLosslessly(Op op, Method method, Object decoded, Object example) {
        assertNotNull(decoded, op + " decoded to null");
        Type bodyType = ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0];
        JsonAdapter<Object> adapter = SmartFileJson.moshi().adapter(bodyType);
        Object roundTrip = SmartFileJson.moshi().adapter(Object.class).fromJsonValue(adapter.toJsonValue(decoded));
        Object want = normalise(example);
        if (method.getAnnotation(SingleOrArray.class) != null && !(want instanceof List)) {
            want = List.of(want);
        }
        assertEquals(want, normalise(roundTrip), op + ": the model lost or changed fields of the example");
    }

    /** Drops nulls and empty containers (models read them as absent) and makes every number a double. */
    private static Object normalise(Object value) {
        if (value instanceof Map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                Object v = normalise(e.getValue());
                if (v != null && !(v instanceof Map && ((Map<?, ?>) v).isEmpty()) && !(v instanceof List && ((List<?>) v).isEmpty())) {
                    out.put(e.getKey().toString(), v);
                }
            }
            return new java.util.TreeMap<>(out);
        }
        if (value instanceof List) {
            return ((List<?>) value).stream().map(GeneratedOperationsTest::normalise).collect(Collectors.toList());
        }
        if (value instanceof Number) {
            return ((Number) value).doubleValue();
        }
        return value;
    }

    private static Map<String, Object> successResponse(Op op) {
        Map<String, Object> responses = map(op.node.get("responses"));
        String code = responses.keySet().stream().filter(c -> c.startsWith("2")).sorted().findFirst()
                .orElseThrow(() -> new AssertionError(op + " has no 2xx response"));
        Map<String, Object> response = new LinkedHashMap<>(deref(map(responses.get(code))));
        response.put("code", code);
        return response;
    }

    private static Map<String, Object> jsonContent(Map<String, Object> response) {
        Map<String, Object> content = map(response.get("content"));
        return content == null ? null : map(content.get("application/json"));
    }

    private static boolean isBinary(Map<String, Object> response) {
        Map<String, Object> content = map(response.get("content"));
        if (content == null || content.containsKey("application/json")) {
            return false;
        }
        return content.values().stream().map(GeneratedOperationsTest::map)
                .map(mt -> deref(map(mt.get("schema"))))
                .anyMatch(s -> s != null && "binary".equals(s.get("format")));
    }

    private static Object exampleOf(Map<String, Object> response) {
        Map<String, Object> json = jsonContent(response);
        if (json == null) {
            return null;
        }
        if (json.containsKey("example")) {
            return json.get("example");
        }
        Map<String, Object> examples = map(json.get("examples"));
        if (examples != null && !examples.isEmpty()) {
            return deref(map(examples.values().iterator().next())).get("value");
        }
        throw new AssertionError("JSON reply without an example: " + response);
    }

    private static Map<String, Object> deref(Map<String, Object> node) {
        Map<String, Object> n = node;
        while (n != null && n.containsKey("$ref")) {
            String[] parts = n.get("$ref").toString().substring(2).split("/");
            Map<String, Object> target = spec;
            for (String part : parts) {
                target = map(target.get(part));
            }
            n = target;
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    /** The interface the spec's conventions put an operation in: {@code <Tag>Api}, or {@code <Tag>V3Api} for v3. */
    private static Class<?> apiClass(Op op) throws ClassNotFoundException {
        String tag = op.tag();
        String simple = Character.toUpperCase(tag.charAt(0)) + tag.substring(1) + (op.path.startsWith("/3/") ? "V3Api" : "Api");
        return Class.forName("com.smartfile.sdk.api." + simple);
    }

    private static Method findMethod(Class<?> api, String name) {
        for (Method m : api.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new AssertionError(api.getSimpleName() + " has no method " + name);
    }

    /** Reads YAML scalars as JSON would: an unquoted timestamp stays a string, as it is on the wire. */
    static final class JsonLikeResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
