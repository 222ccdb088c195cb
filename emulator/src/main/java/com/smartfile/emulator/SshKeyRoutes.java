package com.smartfile.emulator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.smartfile.sdk.model.SshKey;

/**
 * v3 SSH keys of users ({@code /api/3/sshkeys/…}, JSON bodies as the node client sends them; a form
 * works too): {@code GET sshkeys/{user}/} lists them as a plain array, {@code POST} there adds one
 * (the older node client; 200, 400 when the name is taken); {@code GET}, {@code PUT} (create or
 * replace), {@code PATCH} (change: a new {@code name} renames) and {@code DELETE} (204) on
 * {@code sshkeys/{user}/{name}}. The user must exist (404). A key must be an OpenSSH public key line,
 * {@code <algorithm> <base64> [comment]}, whose blob names the same algorithm; otherwise 400
 * {@code {"key": [...]}}.
 */
final class SshKeyRoutes {

    private final AccountStore accounts;
    private final Map<String, Map<String, SshKey>> keys = new HashMap<>();

    SshKeyRoutes(AccountStore accounts) {
        this.accounts = accounts;
    }

    void register(Router v3) {
        v3.add("GET", "sshkeys/*", this::list);
        v3.add("POST", "sshkeys/*", this::add);
        v3.add("GET", "sshkeys/*/*", this::get);
        v3.add("PUT", "sshkeys/*/*", this::save);
        v3.add("PATCH", "sshkeys/*/*", this::update);
        v3.add("DELETE", "sshkeys/*/*", this::delete);
    }

    private Map<String, SshKey> of(String user) throws ApiException {
        synchronized (accounts) {
            if (!accounts.users.containsKey(user)) {
                throw ApiException.notFound();
            }
        }
        return keys.computeIfAbsent(user, k -> new LinkedHashMap<>());
    }

    private void list(ApiRequest req, List<String> vars) throws IOException, ApiException {
        List<SshKey> out;
        synchronized (keys) {
            out = new ArrayList<>(of(vars.get(0)).values());
        }
        req.json(200, out);
    }

    private void get(ApiRequest req, List<String> vars) throws IOException, ApiException {
        SshKey key;
        synchronized (keys) {
            key = of(vars.get(0)).get(vars.get(1));
        }
        if (key == null) {
            throw ApiException.notFound();
        }
        req.json(200, key);
    }

    private void add(ApiRequest req, List<String> vars) throws IOException, ApiException {
        Params params = Params.fieldLists(req.params());
        SshKey key = SshKey.builder().name(name(params, params.required("name"))).key(key(params)).build();
        synchronized (keys) {
            Map<String, SshKey> mine = of(vars.get(0));
            if (mine.containsKey(key.getName())) {
                throw params.invalid("name", "A key with that name already exists.");
            }
            mine.put(key.getName(), key);
        }
        req.json(200, key);
    }

    private void save(ApiRequest req, List<String> vars) throws IOException, ApiException {
        Params params = Params.fieldLists(req.params());
        String name = vars.get(1);
        String bodyName = params.optional("name");
        if (bodyName != null && !bodyName.equals(name)) {
            throw params.invalid("name", "The name in the body differs from the one in the URL; rename with PATCH.");
        }
        SshKey key = SshKey.builder().name(name(params, name)).key(key(params)).build();
        synchronized (keys) {
            of(vars.get(0)).put(name, key);
        }
        req.json(200, key);
    }

    private void update(ApiRequest req, List<String> vars) throws IOException, ApiException {
        Params params = Params.fieldLists(req.params());
        String current = vars.get(1);
        SshKey key;
        synchronized (keys) {
            Map<String, SshKey> mine = of(vars.get(0));
            SshKey old = mine.get(current);
            if (old == null) {
                throw ApiException.notFound();
            }
            String name = params.has("name") ? name(params, params.required("name")) : current;
            if (!name.equals(current) && mine.containsKey(name)) {
                throw params.invalid("name", "A key with that name already exists.");
            }
            key = SshKey.builder().name(name).key(params.has("key") ? key(params) : old.getKey()).build();
            Map<String, SshKey> renamed = new LinkedHashMap<>();
            mine.forEach((k, v) -> renamed.put(k.equals(current) ? name : k, k.equals(current) ? key : v));
            mine.clear();
            mine.putAll(renamed);
        }
        req.json(200, key);
    }

    private void delete(ApiRequest req, List<String> vars) throws IOException, ApiException {
        synchronized (keys) {
            if (of(vars.get(0)).remove(vars.get(1)) == null) {
                throw ApiException.notFound();
            }
        }
        req.noContent();
    }

    private static String name(Params params, String name) throws ApiException {
        if (name.contains("/") || name.chars().anyMatch(Character::isISOControl)) {
            throw params.invalid("name", "A key name may not contain '/' or control characters.");
        }
        return name;
    }

    /** Checks an OpenSSH public key line: the blob must start with the algorithm it is announced as. */
    private static String key(Params params) throws ApiException {
        String line = params.required("key").trim();
        String[] parts = line.split("\\s+", 3);
        if (parts.length < 2) {
            throw params.invalid("key", "Expected an OpenSSH public key line: <algorithm> <base64> [comment].");
        }
        try {
            ByteBuffer blob = ByteBuffer.wrap(Base64.getDecoder().decode(parts[1]));
            int length = blob.getInt();
            if (length <= 0 || length > blob.remaining()) {
                throw new IllegalArgumentException("bad length");
            }
            byte[] algorithm = new byte[length];
            blob.get(algorithm);
            if (!new String(algorithm, StandardCharsets.US_ASCII).equals(parts[0])) {
                throw params.invalid("key", "The key data is not a " + parts[0] + " key.");
            }
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
            throw params.invalid("key", "The key data is not valid base64 of an SSH public key.");
        }
        return line;
    }
}
