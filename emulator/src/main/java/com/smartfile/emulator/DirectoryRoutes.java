package com.smartfile.emulator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.smartfile.sdk.model.Group;
import com.smartfile.sdk.model.GroupPage;
import com.smartfile.sdk.model.Role;
import com.smartfile.sdk.model.RolePage;
import com.smartfile.sdk.model.User;
import com.smartfile.sdk.model.UserPage;

/**
 * Users, groups and roles: paged lists, create (201), get, update (POST, and PUT for users),
 * delete (204); unknown ids answer 404, invalid input 400 {@code {"field_errors": …}}. Renaming
 * (a new {@code username} or {@code name}) is allowed and checked for clashes. Deleting a user
 * also drops its access rules, quota and group memberships.
 */
final class DirectoryRoutes {

    private final AccountStore store;

    DirectoryRoutes(AccountStore store) {
        this.store = store;
    }

    void register(Router v2) {
        v2.add("GET", "user", this::listUsers);
        v2.add("POST", "user", this::createUser);
        v2.add("GET", "user/*", this::getUser);
        v2.add("POST", "user/*", this::updateUser);
        v2.add("PUT", "user/*", this::updateUser);
        v2.add("DELETE", "user/*", this::deleteUser);
        v2.add("GET", "group", this::listGroups);
        v2.add("POST", "group", this::createGroup);
        v2.add("GET", "group/*", this::getGroup);
        v2.add("POST", "group/*", this::updateGroup);
        v2.add("DELETE", "group/*", this::deleteGroup);
        v2.add("GET", "role", this::listRoles);
        v2.add("POST", "role", this::createRole);
        v2.add("GET", "role/*", this::getRole);
        v2.add("POST", "role/*", this::updateRole);
        v2.add("DELETE", "role/*", this::deleteRole);
    }

    // ------------------------------------------------------------------ users

    private void listUsers(ApiRequest req, List<String> vars) throws IOException, ApiException {
        List<User> all = new ArrayList<>();
        synchronized (store) {
            store.users.values().forEach(u -> all.add(AccountStore.withUrl(u, req.baseUrl())));
        }
        Paging p = Paging.of(req, all.size());
        req.json(200, UserPage.builder().count(p.total).page(p.page).pages(p.pages).perPage(p.perPage)
                .total(p.total).next(p.next(req)).previous(p.previous(req)).results(p.slice(all)).build());
    }

    private void createUser(ApiRequest req, List<String> vars) throws IOException, ApiException {
        Params params = Params.fieldErrors(req.params());
        String username = params.required("username");
        User user;
        synchronized (store) {
            if (store.users.containsKey(username)) {
                throw params.invalid("username", "A user with that username already exists.");
            }
            user = applyUser(params, User.builder().username(username).role("User").active(true)).build();
            store.users.put(username, user);
        }
        req.json(201, AccountStore.withUrl(user, req.baseUrl()));
    }

    private User.Builder applyUser(Params params, User.Builder b) throws ApiException {
        String name = params.optional("name");
        if (name != null) {
            String trimmed = name.trim();
            int space = trimmed.indexOf(' ');
            b.name(trimmed).firstName(space < 0 ? trimmed : trimmed.substring(0, space))
                    .lastName(space < 0 ? "" : trimmed.substring(space + 1).trim());
        }
        String email = params.optional("email");
        if (email != null) {
            if (!email.isEmpty() && !email.contains("@")) {
                throw params.invalid("email", "Enter a valid email address.");
            }
            b.email(email);
        }
        String role = params.optional("role");
        if (role != null) {
            if (!store.roles.containsKey(role)) {
                throw params.invalid("role", "Unknown role \"" + role + "\".");
            }
            b.role(role);
        }
        Boolean active = params.bool("active");
        if (active != null) {
            b.active(active);
        }
        return b;
    }

    private User findUser(String username) throws ApiException {
        User u = store.users.get(username);
        if (u == null) {
            throw ApiException.notFound();
        }
        return u;
    }

    private void getUser(ApiRequest req, List<String> vars) throws IOException, ApiException {
        User u;
        synchronized (store) {
            u = findUser(vars.get(0));
        }
        req.json(200, AccountStore.withUrl(u, req.baseUrl()));
    }

    private void updateUser(ApiRequest req, List<String> vars) throws IOException, ApiException {
        Params params = Params.fieldErrors(req.params());
        User updated;
        synchronized (store) {
            User u = findUser(vars.get(0));
            String rename = params.optional("username");
            User.Builder b = applyUser(params, u.toBuilder());
            if (rename != null && !rename.isBlank() && !rename.equals(u.getUsername())) {
                if (store.users.containsKey(rename)) {
                    throw params.invalid("username", "A user with that username already exists.");
                }
                b.username(rename);
            }
            updated = b.build();
            store.users.remove(u.getUsername());
            store.users.put(updated.getUsername(), updated);
        }
        req.json(200, AccountStore.withUrl(updated, req.baseUrl()));
    }

    private void deleteUser(ApiRequest req, List<String> vars) throws IOException, ApiException {
        synchronized (store) {
            String username = findUser(vars.get(0)).getUsername();
            store.users.remove(username);
            store.userQuotas.remove(username);
            store.rules.values().removeIf(r -> username.equals(r.getUser()));
            for (Map.Entry<String, Group> e : store.groups.entrySet()) {
                List<Object> members = new ArrayList<>(e.getValue().getUsers());
                if (members.remove(username)) {
                    e.setValue(e.getValue().toBuilder().users(members).build());
                }
            }
        }
        req.noContent();
    }

    // ------------------------------------------------------------------ groups

    private void listGroups(ApiRequest req, List<String> vars) throws IOException, ApiException {
        List<Group> all;
        synchronized (store) {
            all = new ArrayList<>(store.groups.values());
        }
        Paging p = Paging.of(req, all.size());
        req.json(200, GroupPage.builder().count(p.total).page(p.page).pages(p.pages).perPage(p.perPage)
                .total(p.total).next(p.next(req)).previous(p.previous(req)).results(p.slice(all)).build());
    }

    private List<Object> members(Params params) throws ApiException {
        List<Object> members = new ArrayList<>();
        for (String u : params.list("users")) {
            if (u.isBlank()) {
                continue;
            }
            if (!store.users.containsKey(u)) {
                throw params.invalid("users", "Unknown user \"" + u + "\".");
            }
            if (!members.contains(u)) {
                members.add(u);
            }
        }
        return members;
    }

    private void createGroup(ApiRequest req, List<String> vars) throws IOException, ApiException {
        Params params = Params.fieldErrors(req.params());
        String name = params.required("name");
        Group group;
        synchronized (store) {
            if (store.groups.containsKey(name)) {
                throw params.invalid("name", "A group with that name already exists.");
            }
            group = Group.builder().name(name).users(members(params)).build();
            store.groups.put(name, group);
        }
        req.json(201, group);
    }

    private Group findGroup(String name) throws ApiException {
        Group g = store.groups.get(name);
        if (g == null) {
            throw ApiException.notFound();
        }
        return g;
    }

    private void getGroup(ApiRequest req, List<String> vars) throws IOException, ApiException {
        Group g;
        synchronized (store) {
            g = findGroup(vars.get(0));
        }
        req.json(200, g);
    }

    private void updateGroup(ApiRequest req, List<String> vars) throws IOException, ApiException {
        Params params = Params.fieldErrors(req.params());
        Group updated;
        synchronized (store) {
            Group g = findGroup(vars.get(0));
            Group.Builder b = g.toBuilder();
            if (params.has("users")) {
                b.users(members(params));
            }
            String rename = params.optional("name");
            if (rename != null && !rename.isBlank() && !rename.equals(g.getName())) {
                if (store.groups.containsKey(rename)) {
                    throw params.invalid("name", "A group with that name already exists.");
                }
                b.name(rename);
            }
            updated = b.build();
            store.groups.remove(g.getName());
            store.groups.put(updated.getName(), updated);
        }
        req.json(200, updated);
    }

    private void deleteGroup(ApiRequest req, List<String> vars) throws IOException, ApiException {
        synchronized (store) {
            String name = findGroup(vars.get(0)).getName();
            store.groups.remove(name);
            store.groupQuotas.remove(name);
            store.rules.values().removeIf(r -> name.equals(r.getGroup()));
        }
        req.noContent();
    }

    // ------------------------------------------------------------------ roles

    private void listRoles(ApiRequest req, List<String> vars) throws IOException, ApiException {
        List<Role> all;
        synchronized (store) {
            all = new ArrayList<>(store.roles.values());
        }
        Paging p = Paging.of(req, all.size());
        req.json(200, RolePage.builder().count(p.total).page(p.page).pages(p.pages).perPage(p.perPage)
                .total(p.total).next(p.next(req)).previous(p.previous(req)).results(p.slice(all)).build());
    }

    private static List<Object> rights(Params params) throws ApiException {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (String r : params.list("rights")) {
            if (r.isBlank()) {
                continue;
            }
            if (!AccountStore.isRight(r)) {
                throw params.invalid("rights", "Unknown right \"" + r + "\".");
            }
            seen.put(r, Boolean.TRUE);
        }
        return new ArrayList<>(seen.keySet());
    }

    private void createRole(ApiRequest req, List<String> vars) throws IOException, ApiException {
        Params params = Params.fieldErrors(req.params());
        String name = params.required("name");
        Role role;
        synchronized (store) {
            if (store.roles.containsKey(name)) {
                throw params.invalid("name", "A role with that name already exists.");
            }
            role = Role.builder().name(name).rights(rights(params)).build();
            store.roles.put(name, role);
        }
        req.json(201, role);
    }

    private Role findRole(String name) throws ApiException {
        Role r = store.roles.get(name);
        if (r == null) {
            throw ApiException.notFound();
        }
        return r;
    }

    private void getRole(ApiRequest req, List<String> vars) throws IOException, ApiException {
        Role r;
        synchronized (store) {
            r = findRole(vars.get(0));
        }
        req.json(200, r);
    }

    private void updateRole(ApiRequest req, List<String> vars) throws IOException, ApiException {
        Params params = Params.fieldErrors(req.params());
        Role updated;
        synchronized (store) {
            Role r = findRole(vars.get(0));
            Role.Builder b = r.toBuilder();
            if (params.has("rights")) {
                b.rights(rights(params));
            }
            String rename = params.optional("name");
            if (rename != null && !rename.isBlank() && !rename.equals(r.getName())) {
                if (store.roles.containsKey(rename)) {
                    throw params.invalid("name", "A role with that name already exists.");
                }
                b.name(rename);
            }
            updated = b.build();
            store.roles.remove(r.getName());
            store.roles.put(updated.getName(), updated);
        }
        req.json(200, updated);
    }

    private void deleteRole(ApiRequest req, List<String> vars) throws IOException, ApiException {
        synchronized (store) {
            store.roles.remove(findRole(vars.get(0)).getName());
        }
        req.noContent();
    }
}
