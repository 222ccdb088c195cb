package com.smartfile.sdk.codegen;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.openapitools.codegen.CodegenConstants;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;
import org.openapitools.codegen.CodegenProperty;
import org.openapitools.codegen.CodegenResponse;
import org.openapitools.codegen.SupportingFile;
import org.openapitools.codegen.languages.JavaClientCodegen;
import org.openapitools.codegen.model.ModelMap;
import org.openapitools.codegen.model.ModelsMap;
import org.openapitools.codegen.model.OperationsMap;
import org.openapitools.codegen.utils.CamelizeOption;
import org.openapitools.codegen.utils.StringUtils;

/**
 * OpenAPI Generator configuration that turns {@code spec/smartfile-api.yaml} into Retrofit
 * interfaces and Moshi models, following the conventions written down in {@code spec/README.md}.
 *
 * <p>It starts from the stock Java client codegen (library {@code retrofit2}) and changes only what
 * templates cannot express:
 * <ul>
 *   <li>operation URLs become relative: v2 paths lose their {@code /{apiVersion}/} prefix and
 *       parameter (base {@code <base>/api/<apiVersion>/}); v3 paths lose {@code /3/} and go to
 *       interfaces of their own, named {@code …V3Api} (base {@code <base>/api/3/}), because Retrofit
 *       refuses {@code ../} in a URL that has path parameters;</li>
 *   <li>per-operation metadata from {@code x-smartfile-*} extensions (task, paged, idempotent,
 *       single-or-array) is resolved, defaulted and checked, ready for {@code @SmartFileOperation};</li>
 *   <li>every {@code x-smartfile-evidence} is checked ({@link Evidence}); its {@code unconfirmed}
 *       sentence, and nothing else of it, reaches the Javadoc;</li>
 *   <li>file parameters are classified (multipart part, part list, raw request body);</li>
 *   <li>naive timestamps ({@code format: local-date-time}) map to {@link java.time.LocalDateTime};</li>
 *   <li>Gson, Jackson and javax annotation imports are dropped, so generated code depends on Moshi only;</li>
 *   <li>only our own supporting files are written.</li>
 * </ul>
 * Templates live in the repository's {@code templates/} folder.
 */
public class SmartFileJavaCodegen extends JavaClientCodegen {

    /** The generator name, usable as {@code generatorName} in place of the class name. */
    public static final String NAME = "smartfile-java";

    static final String API_VERSION_PARAM = "apiVersion";
    static final String V2_PREFIX = "/{" + API_VERSION_PARAM + "}/";
    static final String V3_PREFIX = "/3/";

    static final String EXT_TASK = "x-smartfile-task";
    static final String EXT_PAGED = "x-smartfile-paged";
    static final String EXT_IDEMPOTENT = "x-smartfile-idempotent";
    static final String EXT_SINGLE_OR_ARRAY = "x-smartfile-single-or-array";
    static final String EXT_PATH_ID = "x-smartfile-path-id";

    /** Resolved metadata handed to the templates (prefix {@code x-sf-} marks values we computed). */
    static final String SF_TASK = "x-sf-task";
    static final String SF_PAGED = "x-sf-paged";
    static final String SF_IDEMPOTENT = "x-sf-idempotent";
    static final String SF_SINGLE_OR_ARRAY = "x-sf-single-or-array";
    static final String SF_FILE_PART = "x-sf-file-part";
    static final String SF_FILE_LIST = "x-sf-file-list";
    static final String SF_RAW_BODY = "x-sf-raw-body";
    static final String SF_PATH_ID = "x-sf-path-id";
    static final String SF_API_ROOT = "x-sf-api-root";

    /**
     * Generator option: {@code true} generates sdk-ext's service layer ({@code templates/service.mustache},
     * one class per tag, from the operations' {@code x-smartfile-sdk}) instead of Retrofit interfaces and models.
     */
    public static final String OPT_SERVICES = "smartfileServices";

    /**
     * Generator option, with {@link #OPT_SERVICES}: the tags (separated by {@code |}) whose service class is
     * hand-written; for them the generated interface is {@code <Tag>Operations} (public and documented, since
     * the public {@code <Tag>Service} written by hand extends it; its implementation {@code Default<Tag>Operations}
     * is package-private).
     */
    public static final String OPT_HAND_WRITTEN = "smartfileHandWrittenServices";

    /**
     * Generator option: the SDK's internal package. When given, the Retrofit interfaces go there
     * (it is then the {@code apiPackage}), and so do {@code SmartFileJson} and the models marked
     * {@code x-smartfile-internal: true} (wire shapes users never see); the model package keeps the
     * public models only. Without it (the generated-sdk module) everything stays where it was.
     */
    public static final String OPT_INTERNAL_PACKAGE = "smartfileInternalPackage";

    static final String EXT_INTERNAL = "x-smartfile-internal";

    /**
     * Generator option: {@code true} replaces the schemas marked {@code x-smartfile-page: true} (one
     * paging envelope, repeated per item type) by one generic {@code Page<T>} (templates/Page.mustache).
     */
    public static final String OPT_GENERIC_PAGE = "smartfileGenericPage";

    static final String EXT_PAGE = "x-smartfile-page";

    /**
     * On a boolean schema property: the Java name of a flag whose absence means {@code false}
     * ({@code isdir} with {@code x-smartfile-flag: directory} reads {@code boolean isDirectory()} and is
     * built with {@code directory(boolean)}); the wire name stays.
     */
    static final String EXT_FLAG = "x-smartfile-flag";
    static final String SF_PAGE_ITEM = "x-sf-page-item";
    /** The properties of the paging envelope, as templates/Page.mustache has them. */
    static final Set<String> PAGE_PROPERTIES = Set.of("count", "page", "pages", "per_page", "total", "next", "previous", "results");

    private boolean genericPage;
    /** Page schema's model name → its item's model name. */
    private final Map<String, String> pageItems = new HashMap<>();

    /**
     * On a schema {@code allOf: [$ref, …, {properties}]}: generate a composition (templates/composedModel.mustache)
     * that holds each {@code $ref}'d model as a part plus its own properties, decoded from the one
     * JSON object by one adapter, instead of a flat copy of every property.
     */
    static final String EXT_COMPOSED = "x-smartfile-composed";
    static final String SF_PARTS = "x-sf-parts";
    /** Composed schema's model name → the model names of its parts. */
    private final Map<String, List<String>> composedParts = new HashMap<>();

    private boolean services;
    private String internalPackage;
    private final Set<String> internalModels = new HashSet<>();
    private final Set<String> handWritten = new HashSet<>();

    private static final Set<String> PAGED_ITEM_FIELDS = Set.of("children", "results");
    private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
    private static final List<String> FOREIGN_IMPORT_PREFIXES = List.of(
            "com.google.gson.", "io.gsonfire.", "com.fasterxml.jackson.", "org.openapitools.jackson.",
            "javax.annotation.", "jakarta.annotation.", "io.swagger.", "java.io.");

    /** Creates the codegen with SmartFile's type mappings. */
    public SmartFileJavaCodegen() {
        super();
        setLibrary(RETROFIT_2);
        typeMapping.put("local-date-time", "LocalDateTime");
        importMapping.put("LocalDateTime", "java.time.LocalDateTime");
        // "file" is reserved by the stock codegen (it would become "_file"); it is a fine Java name.
        parameterNameMapping.put("file", "file");
        // Likewise "list" (an ACL right); as a field or parameter name it cannot clash with java.util.List.
        parameterNameMapping.put("list", "list");
        nameMapping.put("list", "list");
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getHelp() {
        return "Generates the SmartFile SDK's Retrofit interfaces and Moshi models.";
    }

    @Override
    public void processOpts() {
        defaultOption(DATE_LIBRARY, "java8");
        defaultOption(OPENAPI_NULLABLE, "false");
        defaultOption(CodegenConstants.HIDE_GENERATION_TIMESTAMP, "true");
        defaultOption(ANNOTATION_LIBRARY, "none");
        defaultOption(DOCUMENTATION_PROVIDER, "none");
        defaultOption(USE_BEANVALIDATION, "false");
        defaultOption(CodegenConstants.SERIALIZABLE_MODEL, "false");
        super.processOpts();
        services = Boolean.parseBoolean(String.valueOf(additionalProperties.get(OPT_SERVICES)));
        Object internal = additionalProperties.get(OPT_INTERNAL_PACKAGE);
        internalPackage = internal == null || internal.toString().trim().isEmpty() ? null : internal.toString().trim();
        genericPage = Boolean.parseBoolean(String.valueOf(additionalProperties.get(OPT_GENERIC_PAGE)));
        additionalProperties.put("smartfileJsonPackage", internalPackage != null ? internalPackage : modelPackage);
        additionalProperties.put("smartfileRetrofitPackage", internalPackage != null ? internalPackage : apiPackage);
        if (services) {
            Object hand = additionalProperties.get(OPT_HAND_WRITTEN);
            if (hand != null) {
                for (String tag : hand.toString().split("[|,]")) {
                    if (!tag.trim().isEmpty()) {
                        handWritten.add(tag.trim());
                    }
                }
            }
            apiTemplateFiles.clear();
            // <Tag>Service (the public interface; <Tag>Operations for a hand-written tag) and
            // Default<Tag>Service (the client's implementation).
            apiTemplateFiles.put("service.mustache", ".java");
            apiTemplateFiles.put(SERVICE_IMPL_TEMPLATE, ".java");
            modelTemplateFiles.clear();
            supportingFiles.clear();
            return;
        }

        // The stock supporting files (ApiClient, Gson JSON, build scripts…) are replaced by the
        // hand-written sdk-ext layer; we generate only the annotations that carry spec metadata.
        supportingFiles.clear();
        String apiFolder = (sourceFolder + File.separator + apiPackage).replace('.', File.separatorChar);
        supportingFiles.add(new SupportingFile("SmartFileOperation.mustache", apiFolder, "SmartFileOperation.java"));
        supportingFiles.add(new SupportingFile("SingleOrArray.mustache", apiFolder, "SingleOrArray.java"));
        supportingFiles.add(new SupportingFile("apiPackageInfo.mustache", apiFolder, "package-info.java"));
        String modelFolder = (sourceFolder + File.separator + modelPackage).replace('.', File.separatorChar);
        supportingFiles.add(new SupportingFile("modelPackageInfo.mustache", modelFolder, "package-info.java"));
        supportingFiles.add(new SupportingFile("SmartFileJson.mustache", internalPackage != null ? apiFolder : modelFolder,
                "SmartFileJson.java"));
        if (genericPage) {
            supportingFiles.add(new SupportingFile("Page.mustache", modelFolder, "Page.java"));
        }
    }

    @Override
    public void preprocessOpenAPI(io.swagger.v3.oas.models.OpenAPI openAPI) {
        super.preprocessOpenAPI(openAPI);
        Evidence.check(openAPI);
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().forEach((name, schema) -> {
                if (schema.getExtensions() != null && Boolean.TRUE.equals(schema.getExtensions().get(EXT_INTERNAL))) {
                    internalModels.add(toModelName(name));
                }
                if (schema.getExtensions() != null && Boolean.TRUE.equals(schema.getExtensions().get(EXT_PAGE))) {
                    pageItems.put(toModelName(name), pageItem(name, schema));
                }
                if (schema.getExtensions() != null && Boolean.TRUE.equals(schema.getExtensions().get(EXT_COMPOSED))) {
                    composedParts.put(toModelName(name), parts(name, schema));
                }
            });
        }
    }

    @SuppressWarnings("rawtypes")
    private String pageItem(String name, io.swagger.v3.oas.models.media.Schema schema) {
        Map<?, ?> props = schema.getProperties();
        if (props == null || !props.keySet().equals(PAGE_PROPERTIES)) {
            throw new IllegalArgumentException("Schema " + name + " is marked " + EXT_PAGE + " but its properties "
                    + (props == null ? "[]" : props.keySet()) + " are not the paging envelope " + PAGE_PROPERTIES);
        }
        io.swagger.v3.oas.models.media.Schema results = (io.swagger.v3.oas.models.media.Schema) props.get("results");
        String ref = results.getItems() == null ? null : results.getItems().get$ref();
        if (ref == null) {
            throw new IllegalArgumentException("Schema " + name + ": results must be an array of a $ref'd schema");
        }
        return toModelName(ref.substring(ref.lastIndexOf('/') + 1));
    }

    @SuppressWarnings("rawtypes")
    private List<String> parts(String name, io.swagger.v3.oas.models.media.Schema schema) {
        List<String> parts = new ArrayList<>();
        if (schema.getAllOf() != null) {
            for (Object member : schema.getAllOf()) {
                String ref = ((io.swagger.v3.oas.models.media.Schema) member).get$ref();
                if (ref != null) {
                    parts.add(toModelName(ref.substring(ref.lastIndexOf('/') + 1)));
                }
            }
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("Schema " + name + " is marked " + EXT_COMPOSED
                    + " but has no allOf member that is a $ref to compose");
        }
        return parts;
    }

    /**
     * With {@link #OPT_GENERIC_PAGE}, the page envelopes are not generated: {@code Page<T>} stands for them.
     * A composed model ({@link #EXT_COMPOSED}) keeps only its own properties; its parts become members.
     */
    @Override
    public Map<String, ModelsMap> postProcessAllModels(Map<String, ModelsMap> objs) {
        Map<String, ModelsMap> result = super.postProcessAllModels(objs);
        if (genericPage) {
            result.keySet().removeIf(name -> pageItems.containsKey(toModelName(name)));
        }
        List<String> adapters = new ArrayList<>();
        for (Map.Entry<String, List<String>> composed : composedParts.entrySet()) {
            CodegenModel model = modelNamed(result, composed.getKey());
            if (model == null) {
                continue;
            }
            Set<String> inherited = new HashSet<>();
            List<Map<String, Object>> parts = new ArrayList<>();
            for (String partName : composed.getValue()) {
                CodegenModel part = modelNamed(result, partName);
                if (part == null) {
                    throw new IllegalArgumentException(composed.getKey() + " composes " + partName + ", which is not generated");
                }
                part.vars.forEach(v -> inherited.add(v.baseName));
                String member = StringUtils.camelize(part.classname, CamelizeOption.LOWERCASE_FIRST_LETTER);
                parts.add(Map.of("classname", part.classname, "name", member,
                        "getter", "get" + part.classname));
            }
            model.vars.removeIf(v -> inherited.contains(v.baseName));
            model.vendorExtensions.put(SF_PARTS, parts);
            model.vendorExtensions.put("x-sf-composed", true);
            boolean internal = internalPackage != null && internalModels.contains(model.classname);
            adapters.add((internal ? internalPackage : modelPackage) + "." + model.classname);
        }
        java.util.Collections.sort(adapters);
        additionalProperties.put("smartfileComposedModels", adapters);
        return result;
    }

    private static CodegenModel modelNamed(Map<String, ModelsMap> models, String classname) {
        for (ModelsMap map : models.values()) {
            for (ModelMap mo : map.getModels()) {
                if (mo.getModel().classname.equals(classname)) {
                    return mo.getModel();
                }
            }
        }
        return null;
    }

    /** Internal models (with {@link #OPT_INTERNAL_PACKAGE}) are imported from the internal package. */
    @Override
    public String toModelImport(String name) {
        if (internalPackage != null && internalModels.contains(name)) {
            return internalPackage + "." + name;
        }
        return super.toModelImport(name);
    }

    @Override
    public String modelFilename(String templateName, String modelName) {
        if (internalPackage != null && internalModels.contains(toModelName(modelName))) {
            String folder = outputFolder + File.separator + sourceFolder + File.separator
                    + internalPackage.replace('.', File.separatorChar);
            return folder + File.separator + toModelFilename(modelName) + modelTemplateFiles.get(templateName);
        }
        return super.modelFilename(templateName, modelName);
    }

    private void defaultOption(String key, String value) {
        additionalProperties.putIfAbsent(key, value);
    }

    @Override
    public CodegenOperation fromOperation(String path, String httpMethod, Operation operation, List<Server> servers) {
        CodegenOperation op = super.fromOperation(path, httpMethod, operation, servers);
        op.vendorExtensions.put(SF_API_ROOT, isV3(op.path) ? "api/3/" : "api/<apiVersion>/");
        op.path = relativePath(op.operationId, op.path);
        removeParam(op, API_VERSION_PARAM);

        Map<String, Object> ext = op.vendorExtensions;
        op.vendorExtensions.put(SF_TASK, Boolean.TRUE.equals(ext.get(EXT_TASK)));
        op.vendorExtensions.put(SF_IDEMPOTENT, idempotent(op));
        op.vendorExtensions.put(SF_PAGED, paged(op));
        op.vendorExtensions.put(SF_SINGLE_OR_ARRAY, singleOrArray(op));

        for (CodegenParameter p : allParamLists(op)) {
            classifyParameter(op, p);
            p.description = Evidence.inline(JavadocText.of(p.unescapedDescription), p.vendorExtensions);
        }
        if (genericPage && op.returnBaseType != null && pageItems.containsKey(op.returnBaseType)) {
            String item = pageItems.get(op.returnBaseType);
            op.vendorExtensions.put(SF_PAGE_ITEM, item);
            op.imports.remove(op.returnBaseType);
            op.imports.add("Page");
            op.imports.add(item);
            op.returnType = "Page<" + item + ">";
            op.returnBaseType = "Page";
        }
        // Javadoc, not HTML-escaped Markdown (the templates print these unescaped).
        op.summary = JavadocText.of(operation.getSummary());
        op.notes = Evidence.withParagraph(JavadocText.of(operation.getDescription()), operation.getExtensions());
        return op;
    }

    /**
     * Makes an operation path relative to its interface's base URL: {@code <base>/api/<apiVersion>/}
     * for v2, {@code <base>/api/3/} for v3.
     */
    static String relativePath(String operationId, String path) {
        if (path.startsWith(V2_PREFIX)) {
            return path.substring(V2_PREFIX.length());
        }
        if (path.startsWith(V3_PREFIX)) {
            return path.substring(V3_PREFIX.length());
        }
        throw new IllegalArgumentException("Operation " + operationId + " has path " + path
                + "; SmartFile paths must start with " + V2_PREFIX + " (v2) or " + V3_PREFIX + " (v3), see spec/README.md");
    }

    static boolean isV3(String specPath) {
        return specPath.startsWith(V3_PREFIX);
    }

    /** v3 operations go to {@code <Tag>V3Api}: they live under another base URL. */
    @Override
    public void addOperationToGroup(String tag, String resourcePath, Operation operation, CodegenOperation co,
                                    Map<String, List<CodegenOperation>> operations) {
        if (services && !co.vendorExtensions.containsKey(ServiceMethods.EXT_SDK)) {
            return; // not part of the typed services (transfers, account calls: hand-written)
        }
        // A service is one class per tag, calling the tag's v2 and v3 interfaces as each operation needs.
        super.addOperationToGroup(isV3(resourcePath) && !services ? tag + "V3" : tag, resourcePath, operation, co,
                operations);
    }

    private static void removeParam(CodegenOperation op, String baseName) {
        Predicate<CodegenParameter> named = p -> baseName.equals(p.baseName);
        for (List<CodegenParameter> list : paramLists(op)) {
            if (list != null) {
                list.removeIf(named);
            }
        }
    }

    private static List<List<CodegenParameter>> paramLists(CodegenOperation op) {
        List<List<CodegenParameter>> lists = new ArrayList<>();
        lists.add(op.allParams);
        lists.add(op.pathParams);
        lists.add(op.queryParams);
        lists.add(op.headerParams);
        lists.add(op.formParams);
        lists.add(op.bodyParams);
        lists.add(op.cookieParams);
        lists.add(op.requiredParams);
        lists.add(op.optionalParams);
        lists.add(op.requiredAndNotNullableParams);
        lists.add(op.notNullableParams);
        return lists;
    }

    private static List<CodegenParameter> allParamLists(CodegenOperation op) {
        List<CodegenParameter> all = new ArrayList<>();
        for (List<CodegenParameter> list : paramLists(op)) {
            if (list != null) {
                all.addAll(list);
            }
        }
        if (op.bodyParam != null) {
            all.add(op.bodyParam);
        }
        return all;
    }

    private static boolean idempotent(CodegenOperation op) {
        Object declared = op.vendorExtensions.get(EXT_IDEMPOTENT);
        if (declared instanceof Boolean) {
            return (Boolean) declared;
        }
        if (declared != null) {
            throw new IllegalArgumentException("Operation " + op.operationId + ": " + EXT_IDEMPOTENT
                    + " must be true or false, was " + declared);
        }
        return IDEMPOTENT_METHODS.contains(op.httpMethod.toUpperCase(Locale.ROOT));
    }

    private static String paged(CodegenOperation op) {
        Object declared = op.vendorExtensions.get(EXT_PAGED);
        if (declared == null) {
            return "";
        }
        if (!PAGED_ITEM_FIELDS.contains(declared.toString())) {
            throw new IllegalArgumentException("Operation " + op.operationId + ": " + EXT_PAGED
                    + " must be one of " + PAGED_ITEM_FIELDS + ", was " + declared);
        }
        return declared.toString();
    }

    private static boolean singleOrArray(CodegenOperation op) {
        if (Boolean.TRUE.equals(op.vendorExtensions.get(EXT_SINGLE_OR_ARRAY))) {
            return true;
        }
        for (CodegenResponse r : op.responses) {
            if (Boolean.TRUE.equals(r.vendorExtensions.get(EXT_SINGLE_OR_ARRAY))) {
                return true;
            }
        }
        return false;
    }

    private static void classifyParameter(CodegenOperation op, CodegenParameter p) {
        boolean binary = p.isFile || p.isBinary;
        boolean binaryItems = p.isArray && p.items != null && (p.items.isFile || p.items.isBinary);
        if (p.isFormParam && (binary || binaryItems)) {
            p.vendorExtensions.put(SF_FILE_PART, true);
            p.vendorExtensions.put(SF_FILE_LIST, binaryItems);
        }
        if (p.isBodyParam && binary) {
            p.vendorExtensions.put(SF_RAW_BODY, true);
        }
        if (p.isPathParam) {
            boolean pathId = Boolean.TRUE.equals(p.vendorExtensions.get(EXT_PATH_ID));
            p.vendorExtensions.put(SF_PATH_ID, pathId);
            if (pathId && !op.path.endsWith("{" + p.baseName + "}")) {
                throw new IllegalArgumentException("Operation " + op.operationId + ": path id {" + p.baseName
                        + "} must end the URL (no '/' after it), see spec/README.md");
            }
        }
    }

    /** Every written file is post-processed ({@link #postProcessFile}): the unused imports of Java files go. */
    @Override
    public boolean isEnablePostProcessFile() {
        return true;
    }

    /**
     * Drops the imports a generated Java file does not use ({@link Imports#pruneUnused}), instead of the external
     * formatter ({@code JAVA_POST_PROCESS_FILE}) the base generator would run.
     */
    @Override
    public void postProcessFile(File file, String fileType) {
        if (file == null || !file.getName().endsWith(".java")) {
            return;
        }
        try {
            String text = new String(Files.readAllBytes(file.toPath()), StandardCharsets.UTF_8);
            String pruned = Imports.pruneUnused(text);
            if (!pruned.equals(text)) {
                Files.write(file.toPath(), pruned.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prune the imports of " + file, e);
        }
    }

    @Override
    public OperationsMap postProcessOperationsWithModels(OperationsMap objs, List<ModelMap> allModels) {
        OperationsMap result = super.postProcessOperationsWithModels(objs, allModels);
        dropForeignImports(result.getImports());
        if (services) {
            Map<String, CodegenModel> models = new HashMap<>();
            for (ModelMap m : allModels) {
                models.put(m.getModel().classname, m.getModel());
            }
            String tag = null;
            boolean tasks = false;
            boolean v2 = false;
            boolean v3 = false;
            for (CodegenOperation op : result.getOperations().getOperation()) {
                op.vendorExtensions.put("x-sf-methods", ServiceMethods.of(op, models));
                tag = op.tags == null || op.tags.isEmpty() ? tag : op.tags.get(0).getName();
                tasks |= Boolean.TRUE.equals(op.vendorExtensions.get(SF_TASK));
                v3 |= ServiceMethods.isV3(op);
                v2 |= !ServiceMethods.isV3(op);
            }
            if (tasks && !handWritten.contains(tag)) {
                throw new IllegalArgumentException("Tag " + tag + " has task operations in its service: its service must be "
                        + "hand-written (" + OPT_HAND_WRITTEN + "), to turn the replies into PendingTasks");
            }
            result.put("serviceDoc", serviceDoc(tag));
            result.put("handWritten", handWritten.contains(tag));
            result.put("serviceName", ServiceMethods.serviceClassName(tag, false));
            result.put("hasTasks", tasks);
            result.put("apiClass", StringUtils.camelize(tag, CamelizeOption.UPPERCASE_FIRST_CHAR) + "Api");
            result.put("apiV3Class", StringUtils.camelize(tag, CamelizeOption.UPPERCASE_FIRST_CHAR) + "V3Api");
            result.put("hasV2", v2);
            result.put("hasV3", v3);
        }
        return result;
    }

    @Override
    public ModelsMap postProcessModels(ModelsMap objs) {
        ModelsMap result = super.postProcessModels(objs);
        dropForeignImports(result.getImports());
        // model.mustache imports the java.util types it uses itself.
        result.getImports().removeIf(entry -> String.valueOf(entry.get("import")).startsWith("java.util."));
        for (ModelMap mo : result.getModels()) {
            mo.getModel().description = Evidence.withParagraph(JavadocText.of(mo.getModel().unescapedDescription),
                    mo.getModel().vendorExtensions);
            for (CodegenProperty var : mo.getModel().vars) {
                var.description = Evidence.inline(JavadocText.of(var.unescapedDescription), var.vendorExtensions);
            }
            if (internalPackage != null && internalModels.contains(mo.getModel().classname)) {
                // Written to the internal package; it still uses the public models by name.
                result.put("package", internalPackage);
                mo.getModel().vendorExtensions.put("x-sf-internal", true);
                result.getImports().add(Map.of("import", modelPackage + ".*"));
            }
            for (CodegenProperty var : mo.getModel().vars) {
                if (var.isEnum && var.allowableValues != null) {
                    checkNoUnknownConstant(mo.getModel().classname, var);
                }
                Object flag = var.vendorExtensions.get(EXT_FLAG);
                if (flag != null) {
                    var.vendorExtensions.put("x-sf-flag", flag(mo.getModel().classname, var, flag));
                }
            }
        }
        return result;
    }

    /** The names a flag property is read and built by: {@code getter} ({@code isDirectory}) and {@code setter}. */
    private static Map<String, String> flag(String model, CodegenProperty var, Object flag) {
        String name = String.valueOf(flag);
        if (!var.isBoolean || !name.matches("[a-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException(model + "." + var.baseName + ": " + EXT_FLAG
                    + " needs a boolean property and a lowerCamelCase Java name, not " + var.dataType + " / " + name);
        }
        return Map.of("getter", "is" + Character.toUpperCase(name.charAt(0)) + name.substring(1), "setter", name);
    }

    @SuppressWarnings("unchecked")
    private static void checkNoUnknownConstant(String model, CodegenProperty var) {
        Object enumVars = var.allowableValues.get("enumVars");
        if (enumVars instanceof List) {
            for (Map<String, Object> ev : (List<Map<String, Object>>) enumVars) {
                if ("UNKNOWN".equals(ev.get("name"))) {
                    throw new IllegalArgumentException(model + "." + var.baseName
                            + ": the enum constant UNKNOWN is reserved for values the SDK does not know");
                }
            }
        }
    }

    private static void dropForeignImports(List<Map<String, String>> imports) {
        if (imports == null) {
            return;
        }
        imports.removeIf(entry -> {
            String name = entry.get("import");
            return name != null && FOREIGN_IMPORT_PREFIXES.stream().anyMatch(name::startsWith);
        });
    }

    /** The class Javadoc of a tag's service: the tag's {@code x-smartfile-sdk.doc}. */
    @SuppressWarnings("unchecked")
    private String serviceDoc(String tagName) {
        if (openAPI.getTags() != null) {
            for (Tag tag : openAPI.getTags()) {
                Object ext = tag.getExtensions() == null ? null : tag.getExtensions().get(ServiceMethods.EXT_SDK);
                if (tag.getName().equals(tagName) && ext instanceof Map && ((Map<String, Object>) ext).get("doc") != null) {
                    return ((Map<String, Object>) ext).get("doc").toString().trim();
                }
            }
        }
        throw new IllegalArgumentException("Tag " + tagName + " has operations with " + ServiceMethods.EXT_SDK
                + " but no " + ServiceMethods.EXT_SDK + ".doc for its service class; see spec/README.md");
    }

    static final String SERVICE_IMPL_TEMPLATE = "serviceImpl.mustache";

    /** The implementation of a service interface goes to {@code Default<Service>.java}. */
    @Override
    public String apiFilename(String templateName, String tag) {
        if (services && SERVICE_IMPL_TEMPLATE.equals(templateName)) {
            return apiFileFolder() + File.separator + "Default" + toApiFilename(tag) + ".java";
        }
        return super.apiFilename(templateName, tag);
    }

    @Override
    public String toApiName(String name) {
        if (services) {
            String tag = StringUtils.camelize(name, CamelizeOption.LOWERCASE_FIRST_CHAR);
            return ServiceMethods.serviceClassName(tag, handWritten.contains(tag));
        }
        return super.toApiName(name);
    }

    /** Inner enums are named after their property ({@code Status}), not {@code StatusEnum}. */
    @Override
    public String toEnumName(CodegenProperty property) {
        return StringUtils.camelize(property.name, CamelizeOption.UPPERCASE_FIRST_CHAR);
    }
}
