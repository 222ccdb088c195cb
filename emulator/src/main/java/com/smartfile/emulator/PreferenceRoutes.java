package com.smartfile.emulator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.smartfile.sdk.model.Preference;

/**
 * Preferences: {@code pref/user/} (the caller's own) and {@code pref/site/} (every user's defaults)
 * list as plain arrays of {@code {name, value}} and take POST {@code name}, {@code value} (200 with the
 * preference; a blank {@code name} or a missing {@code value} answers 400 {@code field_errors});
 * {@code pref/} lists those in force for the caller, the site's overridden by the caller's own, in
 * name order. Any name is taken; preferences are records only (e.g. {@code max-per-page} does not
 * change the emulator's page size).
 */
final class PreferenceRoutes {

    private final Map<String, String> site = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> users = new HashMap<>();

    void register(Router v2) {
        v2.add("GET", "pref", this::effective);
        v2.add("GET", "pref/user", (req, vars) -> list(req, userPrefs(req)));
        v2.add("POST", "pref/user", (req, vars) -> set(req, userPrefs(req)));
        v2.add("GET", "pref/site", (req, vars) -> list(req, site));
        v2.add("POST", "pref/site", (req, vars) -> set(req, site));
    }

    private Map<String, String> userPrefs(ApiRequest req) {
        synchronized (this) {
            return users.computeIfAbsent(String.valueOf(req.principal()), k -> new LinkedHashMap<>());
        }
    }

    private void effective(ApiRequest req, List<String> vars) throws IOException {
        Map<String, String> merged = new java.util.TreeMap<>();
        synchronized (this) {
            merged.putAll(site);
            merged.putAll(userPrefs(req));
        }
        req.json(200, toList(merged));
    }

    private void list(ApiRequest req, Map<String, String> prefs) throws IOException {
        List<Preference> out;
        synchronized (this) {
            out = toList(new java.util.TreeMap<>(prefs));
        }
        req.json(200, out);
    }

    private static List<Preference> toList(Map<String, String> prefs) {
        List<Preference> out = new ArrayList<>();
        prefs.forEach((k, v) -> out.add(Preference.builder().name(k).value(v).build()));
        return out;
    }

    private void set(ApiRequest req, Map<String, String> prefs) throws IOException, ApiException {
        Params params = Params.fieldErrors(req.params());
        String name = params.required("name");
        String value = params.optional("value");
        if (value == null) {
            throw params.invalid("value", ApiException.REQUIRED);
        }
        synchronized (this) {
            prefs.put(name, value);
        }
        req.json(200, Preference.builder().name(name).value(value).build());
    }
}
