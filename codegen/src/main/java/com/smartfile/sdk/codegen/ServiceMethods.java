package com.smartfile.sdk.codegen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;
import org.openapitools.codegen.CodegenProperty;

/**
 * Reads an operation's {@code x-smartfile-sdk} extension (one method or a list of them) and turns
 * it into what {@code templates/service.mustache} prints: signatures, the checked arguments of the
 * Retrofit call, Javadoc texts. See {@code spec/README.md} for the extension's fields.
 *
 * <p>The arguments are positional: one entry per parameter of the generated Retrofit method, in
 * its order, so a spec change that adds or reorders parameters fails the build here instead of
 * sending the wrong value.
 */
final class ServiceMethods {

    static final String EXT_SDK = "x-smartfile-sdk";

    private static final List<String> CHECKS = List.of(
            "none", "name", "names", "number", "page", "limit", "pathId", "path", "paths", "nonRootPath", "nonRootPaths",
            "nonRootPathId", "enum", "model");

    private ServiceMethods() {
    }

    /** The methods an operation contributes to its service; empty when it has no {@code x-smartfile-sdk}. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> of(CodegenOperation op, Map<String, CodegenModel> models) {
        Object ext = op.vendorExtensions.get(EXT_SDK);
        if (ext == null) {
            return Collections.emptyList();
        }
        List<Object> specs = ext instanceof List ? (List<Object>) ext : List.of(ext);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object spec : specs) {
            if (!(spec instanceof Map)) {
                throw fail(op, "each " + EXT_SDK + " entry must be a map, was " + spec);
            }
            out.add(method(op, (Map<String, Object>) spec, models));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> method(CodegenOperation op, Map<String, Object> spec, Map<String, CodegenModel> models) {
        String name = required(op, spec, "method");
        boolean task = Boolean.TRUE.equals(op.vendorExtensions.get(SmartFileJavaCodegen.SF_TASK));
        String callType = op.returnType == null ? "Void" : op.returnType;
        boolean isVoid = "Void".equals(callType);
        String javaReturn = task ? "PendingTask" : isVoid ? "void" : callType;

        List<Object> args = spec.get("args") == null ? List.of() : (List<Object>) spec.get("args");
        if (args.size() != op.allParams.size()) {
            throw fail(op, "method " + name + " lists " + args.size() + " args, but the operation has "
                    + op.allParams.size() + " parameters (" + op.allParams.stream().map(p -> p.paramName)
                    .collect(Collectors.joining(", ")) + "); give one entry per parameter, in order");
        }
        Map<String, Object> request = (Map<String, Object>) spec.get("request");

        List<Map<String, Object>> params = new ArrayList<>();
        List<String> callArgs = new ArrayList<>();
        List<Map<String, Object>> iterParams = new ArrayList<>();
        boolean requestPlaced = false;
        boolean checked = false;
        for (int i = 0; i < args.size(); i++) {
            Map<String, Object> arg = (Map<String, Object>) args.get(i);
            CodegenParameter p = op.allParams.get(i);
            if (arg.containsKey("value")) {
                Object v = arg.get("value");
                callArgs.add(String.valueOf(v));
                continue;
            }
            if (arg.containsKey("field")) {
                if (request == null) {
                    throw fail(op, "arg " + p.paramName + " takes a request field, but method " + name + " has no request");
                }
                if (!requestPlaced) {
                    String type = (request.get("default") != null ? "@Nullable " : "") + required(op, request, "type");
                    Map<String, Object> rp = param(type, required(op, request, "name"), required(op, request, "doc"));
                    params.add(rp);
                    iterParams.add(rp);
                    requestPlaced = true;
                }
                callArgs.add("r." + arg.get("field"));
                continue;
            }
            String check = String.valueOf(arg.getOrDefault("check", "none"));
            if (!CHECKS.contains(check)) {
                throw fail(op, "arg " + p.paramName + ": check must be one of " + CHECKS + ", was " + check);
            }
            checked |= !"none".equals(check);
            String argName = String.valueOf(arg.getOrDefault("name", p.paramName));
            boolean optional = Boolean.TRUE.equals(arg.get("optional"));
            boolean varargs = Boolean.TRUE.equals(arg.get("varargs"));
            String type = arg.get("type") != null ? arg.get("type").toString() : javaType(check, optional, varargs, p);
            if (optional && !type.startsWith("@")) {
                type = "@Nullable " + type;
            }
            String doc = arg.get("doc") != null ? arg.get("doc").toString() : defaultDoc(op, check, argName);
            Map<String, Object> param = param(type, argName, doc);
            params.add(param);
            String label = String.valueOf(arg.getOrDefault("label", argName));
            String expr = expression(op, check, label, argName, optional, varargs, p,
                    String.valueOf(arg.getOrDefault("operation", name)));
            callArgs.add(expr);
            if ("page".equals(check)) {
                param.put("lambda", "page");
            } else if ("limit".equals(check)) {
                param.put("lambda", "pageSize");
            } else {
                iterParams.add(param);
            }
        }
        if (request != null && !requestPlaced) {
            throw fail(op, "method " + name + " has a request but no arg takes a field of it");
        }
        if (spec.get("signature") != null) {
            reorder(op, params, (List<Object>) spec.get("signature"));
            reorder(op, iterParams, (List<Object>) spec.get("signature"));
        }
        List<String> lambdaArgs = params.stream().map(p -> p.getOrDefault("lambda", p.get("name")).toString())
                .collect(Collectors.toList());

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("asyncName", name + "Async");
        m.put("operationId", op.operationId);
        m.put("callName", name + "Call");
        m.put("callType", callType);
        m.put("javaReturn", javaReturn);
        m.put("asyncReturn", task ? "PendingTask" : boxed(javaReturn));
        m.put("isVoid", isVoid && !task);
        m.put("isTask", task);
        m.put("returnsValue", !(isVoid && !task));
        m.put("doc", Evidence.withParagraph(String.valueOf(spec.getOrDefault("doc", op.summary + ".")), op.vendorExtensions));
        m.put("returns", isVoid && !task ? "" : task ? "the started task; {@code await()} it for the outcome"
                : required(op, spec, "returns"));
        m.put("params", params);
        m.put("paramsDecl", decl(params));
        m.put("argNames", names(params));
        m.put("link", "#" + name + "(" + params.stream().map(x -> erasure(x.get("type").toString()))
                .collect(Collectors.joining(", ")) + ")");
        m.put("callArgs", String.join(", ", callArgs));
        m.put("apiField", isV3(op) ? "apiV3" : "api");
        m.put("checked", checked || request != null);
        m.put("throws", spec.get("throws") == null ? List.of() : spec.get("throws"));
        m.put("httpLine", op.httpMethod + " " + op.path);
        m.put("hasRequest", request != null);
        m.put("requestCode", request == null ? "" : requestCode(op, request));
        Object iterate = spec.get("iterate");
        if (iterate != null) {
            m.put("iterate", iterate(op, name, (Map<String, Object>) iterate, iterParams, lambdaArgs, models));
        }
        return m;
    }

    /** Puts the parameters in the order {@code signature} names them (the API's order is not always the natural one). */
    private static void reorder(CodegenOperation op, List<Map<String, Object>> params, List<Object> signature) {
        List<String> order = signature.stream().map(String::valueOf).collect(Collectors.toList());
        for (Map<String, Object> p : params) {
            if (!order.contains(p.get("name").toString())) {
                throw fail(op, "signature " + order + " does not name the parameter " + p.get("name"));
            }
        }
        params.sort((a, b) -> order.indexOf(a.get("name").toString()) - order.indexOf(b.get("name").toString()));
    }

    private static Map<String, Object> iterate(CodegenOperation op, String pageMethod, Map<String, Object> spec,
                                               List<Map<String, Object>> params, List<String> lambdaArgs,
                                               Map<String, CodegenModel> models) {
        String paged = String.valueOf(op.vendorExtensions.get(SmartFileJavaCodegen.SF_PAGED));
        if (paged.isEmpty()) {
            throw fail(op, "iterate needs an operation marked " + SmartFileJavaCodegen.EXT_PAGED);
        }
        Map<String, Object> it = new LinkedHashMap<>();
        it.put("name", required(op, spec, "name"));
        it.put("doc", required(op, spec, "doc"));
        it.put("returns", required(op, spec, "returns"));
        Object item = op.vendorExtensions.get(SmartFileJavaCodegen.SF_PAGE_ITEM);
        if (item != null && "results".equals(paged)) {
            it.put("itemType", item);
            it.put("pageType", "Page<" + item + ">");
            it.put("itemsGetter", "getResults");
            it.put("pagesGetter", "getPages");
        } else {
            CodegenModel page = models.get(op.returnBaseType);
            CodegenProperty items = page == null ? null
                    : page.vars.stream().filter(v -> v.baseName.equals(paged)).findFirst().orElse(null);
            if (items == null || items.items == null) {
                throw fail(op, "the reply " + op.returnBaseType + " has no array property " + paged);
            }
            it.put("itemType", items.items.dataType);
            it.put("pageType", op.returnBaseType);
            it.put("itemsGetter", items.getter);
            it.put("pagesGetter", page.vars.stream().filter(v -> v.baseName.equals("pages")).findFirst()
                    .orElseThrow(() -> fail(op, "the reply " + op.returnBaseType + " has no pages property")).getter);
        }
        it.put("params", params);
        it.put("paramsDecl", decl(params));
        it.put("argNames", names(params));
        it.put("pageSize", Boolean.TRUE.equals(spec.get("pageSize")));
        it.put("sizedDecl", params.isEmpty() ? "int pageSize" : decl(params) + ", int pageSize");
        it.put("defaultSizeArgs", params.isEmpty() ? "PagedIterable.DEFAULT_PAGE_SIZE"
                : names(params) + ", PagedIterable.DEFAULT_PAGE_SIZE");
        it.put("lambdaArgs", String.join(", ", lambdaArgs));
        it.put("pageMethod", pageMethod);
        return it;
    }

    @SuppressWarnings("unchecked")
    private static String requestCode(CodegenOperation op, Map<String, Object> request) {
        String type = required(op, request, "type");
        String name = required(op, request, "name");
        if (request.get("default") != null) {
            return type + " r = " + name + " == null ? " + request.get("default") + " : " + name + ";";
        }
        StringBuilder code = new StringBuilder(type + " r = Requests.require(" + name + ", \"" + type + "\");");
        for (Object field : (List<Object>) request.getOrDefault("requires", List.of())) {
            code.append("\n        Requests.present(r.").append(field).append(", \"").append(type).append("\", \"")
                    .append(field).append("\");");
        }
        return code.toString();
    }

    private static String javaType(String check, boolean optional, boolean varargs, CodegenParameter p) {
        switch (check) {
            case "names":
            case "paths":
            case "nonRootPaths":
                return varargs ? "String..." : "Collection<String>";
            case "number":
                return optional ? "Long" : "long";
            case "page":
            case "limit":
                return "int";
            case "name":
            case "path":
            case "nonRootPath":
            case "nonRootPathId":
            case "pathId":
            case "enum":
                return "String";
            default:
                return p.dataType;
        }
    }

    /**
     * The argument check as Java code. {@code nonRootPath(s)} refuse the root folder before any request;
     * {@code operation} (the arg's {@code operation}, else the method name) says what would be done to it.
     */
    private static String expression(CodegenOperation op, String check, String label, String name, boolean optional,
                                     boolean varargs, CodegenParameter p, String operation) {
        String q = "\"" + label + "\"";
        String e;
        switch (check) {
            case "name":
                e = "Ids.name(" + q + ", " + name + ")";
                break;
            case "names":
                e = "Ids.names(" + q + ", " + (varargs ? "Ids.list(" + name + ")" : name) + ")";
                break;
            case "number":
                e = "Ids.number(" + q + ", " + name + ")";
                break;
            case "page":
                return "Paging.page(" + name + ")";
            case "limit":
                return "Paging.limit(" + name + ")";
            case "pathId":
                e = "PathIds.v2(" + name + ")";
                break;
            case "path":
                e = "PathIds.formValue(" + name + ")";
                break;
            case "paths":
                e = "PathIds.formValues(" + q + ", " + (varargs ? "Ids.list(" + name + ")" : name) + ")";
                break;
            case "nonRootPath":
                e = "PathIds.nonRootFormValue(\"" + operation + "\", " + name + ")";
                break;
            case "nonRootPaths":
                e = "PathIds.nonRootFormValues(" + q + ", \"" + operation + "\", "
                        + (varargs ? "Ids.list(" + name + ")" : name) + ")";
                break;
            case "nonRootPathId":
                e = "PathIds.v2(PathIds.nonRootFormValue(\"" + operation + "\", " + name + "))";
                break;
            case "model":
                e = "Requests.require(" + name + ", \"" + p.dataType + "\")";
                break;
            case "enum":
                List<String> allowed = enumValues(op, p);
                e = "Ids.oneOf(" + q + ", " + name + ", " + allowed.stream().map(v -> "\"" + v + "\"")
                        .collect(Collectors.joining(", ")) + ")";
                break;
            default:
                return name;
        }
        return optional ? name + " == null ? null : " + e : e;
    }

    @SuppressWarnings("unchecked")
    private static List<String> enumValues(CodegenOperation op, CodegenParameter p) {
        Object values = p.allowableValues == null ? null : p.allowableValues.get("values");
        if (!(values instanceof List) || ((List<Object>) values).isEmpty()) {
            throw fail(op, "arg " + p.paramName + " has check enum but the spec gives it no enum values");
        }
        return ((List<Object>) values).stream().map(String::valueOf).collect(Collectors.toList());
    }

    private static String defaultDoc(CodegenOperation op, String check, String name) {
        if ("page".equals(check)) {
            return "the page number, from 1";
        }
        if ("limit".equals(check)) {
            return "the page size, at least 1";
        }
        throw fail(op, "arg " + name + " needs a doc");
    }

    private static Map<String, Object> param(String type, String name, String doc) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", type);
        p.put("name", name);
        p.put("doc", doc);
        return p;
    }

    private static String decl(List<Map<String, Object>> params) {
        return params.stream().map(p -> p.get("type") + " " + p.get("name")).collect(Collectors.joining(", "));
    }

    private static String names(List<Map<String, Object>> params) {
        return params.stream().map(p -> p.get("name").toString()).collect(Collectors.joining(", "));
    }

    private static String erasure(String annotated) {
        String type = annotated.replace("@Nullable ", "");
        int generic = type.indexOf('<');
        return generic < 0 ? type : type.substring(0, generic);
    }

    private static String boxed(String type) {
        switch (type) {
            case "void":
                return "Void";
            case "long":
                return "Long";
            case "int":
                return "Integer";
            case "boolean":
                return "Boolean";
            default:
                return type;
        }
    }

    private static String required(CodegenOperation op, Map<String, Object> spec, String key) {
        Object v = spec.get(key);
        if (v == null || v.toString().trim().isEmpty()) {
            throw fail(op, EXT_SDK + " needs '" + key + "' (in " + spec + ")");
        }
        return v.toString();
    }

    private static IllegalArgumentException fail(CodegenOperation op, String message) {
        return new IllegalArgumentException("Operation " + op.operationId + ": " + message + "; see spec/README.md");
    }

    /** Whether the operation lives under {@code <base>/api/3/} (its Retrofit method is in the tag's {@code …V3Api}). */
    static boolean isV3(CodegenOperation op) {
        return "api/3/".equals(op.vendorExtensions.get(SmartFileJavaCodegen.SF_API_ROOT));
    }

    static String serviceClassName(String tag, boolean handWritten) {
        String base = tag.substring(0, 1).toUpperCase(Locale.ROOT) + tag.substring(1);
        return base + (handWritten ? "Operations" : "Service");
    }
}
