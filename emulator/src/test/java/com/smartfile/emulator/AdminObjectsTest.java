package com.smartfile.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.smartfile.sdk.model.AccessRule;
import com.smartfile.sdk.model.AccessRulePage;
import com.smartfile.sdk.model.Group;
import com.smartfile.sdk.model.Link;
import com.smartfile.sdk.model.LinkPage;
import com.smartfile.sdk.model.PathAccess;
import com.smartfile.sdk.model.Quota;
import com.smartfile.sdk.model.Role;
import com.smartfile.sdk.model.RolePage;
import com.smartfile.sdk.model.User;
import com.smartfile.sdk.model.UserPage;

/** users, groups, roles, links, access rules and quotas kept in memory, with the spec's status codes. */
@ExtendWith(SmartFileEmulatorExtension.class)
class AdminObjectsTest {

    @Test
    void usersCrud(EmulatorCredentials c) {
        TestClient client = TestClient.basic(c);
        Reply created = client.postForm("api/2/user/", "username", "bsmith", "name", "Bob Smith", "email",
                "bsmith@example.com", "password", "correct-horse", "role", "User", "send_email", "false");
        Checks.json(created, 201);
        assertTrue(!created.text().contains("password") && !created.text().contains("correct-horse"));
        User bob = created.as(User.class);
        assertEquals("Bob", bob.getFirstName());
        assertEquals("Smith", bob.getLastName());
        assertEquals(c.baseUrl() + "api/2/user/bsmith/", bob.getUrl());
        assertEquals("A user with that username already exists.", fieldError(
                client.postForm("api/2/user/", "username", "bsmith"), "username"));
        assertEquals("This field is required.", fieldError(client.postForm("api/2/user/", "name", "x"), "username"));
        fieldError(client.postForm("api/2/user/", "username", "x", "role", "Emperor"), "role");

        // other tests of this class add users too: walk every page of one
        UserPage first = client.get("api/2/user/?limit=1").as(UserPage.class);
        assertTrue(first.getTotal() >= 2);
        assertEquals((int) (long) first.getTotal(), first.getPages());
        boolean found = false;
        for (int p = 1; p <= first.getPages(); p++) {
            found |= client.get("api/2/user/?limit=1&page=" + p).as(UserPage.class).getResults().get(0)
                    .getUsername().equals("bsmith");
        }
        assertTrue(found);
        User updated = client.postForm("api/2/user/bsmith/", "active", "false", "username", "rsmith").as(User.class);
        assertEquals("rsmith", updated.getUsername());
        assertEquals(false, updated.getActive());
        User replaced = client.sendForm("PUT", "api/2/user/rsmith/", "role", "Manager").as(User.class);
        assertEquals("Manager", replaced.getRole());
        Checks.detail(client.get("api/2/user/bsmith/"), 404);
        assertEquals("rsmith", client.get("api/2/user/rsmith").as(User.class).getUsername());
        assertEquals(204, client.delete("api/2/user/rsmith/").status);
        Checks.detail(client.delete("api/2/user/rsmith/"), 404);
    }

    @Test
    void groupsAndRoles(EmulatorCredentials c) {
        TestClient client = TestClient.basic(c);
        client.postForm("api/2/user/", "username", "gina");
        Group g = client.postForm("api/2/group/", "name", "Accounting", "users", "gina", "users", "emulator")
                .as(Group.class);
        assertEquals(List.of("gina", "emulator"), g.getUsers());
        fieldError(client.postForm("api/2/group/", "name", "Other", "users", "nobody"), "users");
        fieldError(client.postForm("api/2/group/"), "name");
        assertEquals(List.of("gina"), client.postForm("api/2/group/Accounting/", "users", "gina", "name", "Finance")
                .as(Group.class).getUsers());
        Checks.detail(client.get("api/2/group/Accounting/"), 404);
        assertTrue(client.get("api/2/group/").as(com.smartfile.sdk.model.GroupPage.class).getResults().stream()
                .anyMatch(x -> x.getName().equals("Finance")));
        assertEquals(204, client.delete("api/2/group/Finance/").status);
        Checks.detail(client.delete("api/2/group/Finance/"), 404);

        RolePage roles = client.get("api/2/role/").as(RolePage.class);
        assertTrue(roles.getResults().stream().anyMatch(r -> r.getName().equals("Administrator")));
        Role auditor = client.postForm("api/2/role/", "name", "Auditor", "rights", "self_manage", "rights",
                "sftp_access").as(Role.class);
        assertEquals(List.of("self_manage", "sftp_access"), auditor.getRights());
        fieldError(client.postForm("api/2/role/", "name", "Bad", "rights", "fly"), "rights");
        assertEquals(List.of("self_manage"), client.postForm("api/2/role/Auditor/", "rights", "self_manage")
                .as(Role.class).getRights());
        assertEquals("Auditor", client.get("api/2/role/Auditor/").as(Role.class).getName());
        assertEquals(204, client.delete("api/2/role/Auditor/").status);
        Checks.detail(client.get("api/2/role/Auditor/"), 404);
    }

    @Test
    void links(EmulatorCredentials c, SmartFileEmulator e) throws Exception {
        TestClient client = TestClient.basic(c);
        Files.writeString(e.root().resolve("report.pdf"), "pdf");
        Reply created = client.postForm("api/2/link/", "path", "/report.pdf", "name", "Quarterly", "read", "true",
                "list", "on", "cache", "60", "usage_limit", "10", "expiration", "2030-01-02T03:04:05");
        Checks.json(created, 201);
        Link link = created.as(Link.class);
        assertEquals("/report.pdf", link.getPath());
        assertEquals("Quarterly", link.getName());
        assertEquals(c.baseUrl() + "link/" + link.getUid() + "/", link.getHref());
        assertEquals(true, link.getAcl().getRead());
        assertEquals(false, link.getAcl().getWrite());
        assertEquals(10L, link.getUsageLimit());
        assertEquals("2030-01-02T03:04:05", link.getExpiration());
        assertEquals("emulator", link.getOwner());
        assertTrue(link.getCreated().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"), link.getCreated());
        Checks.detail(client.postForm("api/2/link/", "path", "/missing.pdf"), 404);
        fieldError(client.postForm("api/2/link/"), "path");
        fieldError(client.postForm("api/2/link/", "path", "/report.pdf", "read", "maybe"), "read");
        LinkPage page = client.get("api/2/link/").as(LinkPage.class);
        assertEquals(1, page.getResults().size());
        assertEquals("Final", client.postForm("api/2/link/" + link.getUid() + "/", "name", "Final").as(Link.class)
                .getName());
        assertEquals("Final", client.get("api/2/link/" + link.getUid() + "/").as(Link.class).getName());
        assertEquals(204, client.delete("api/2/link/" + link.getUid() + "/").status);
        Checks.detail(client.get("api/2/link/" + link.getUid() + "/"), 404);
    }

    @Test
    void accessRules(EmulatorCredentials c, SmartFileEmulator e) throws Exception {
        TestClient client = TestClient.basic(c);
        Files.createDirectories(e.root().resolve("Shared Docs"));
        client.postForm("api/2/user/", "username", "ann");
        client.postForm("api/2/group/", "name", "Team");
        Reply created = client.postForm("api/2/access/user/", "user", "ann", "path", "/Shared Docs/", "read", "true",
                "list", "true");
        Checks.json(created, 201);
        AccessRule rule = created.as(AccessRule.class);
        assertEquals("ann", rule.getUser());
        assertEquals("/Shared Docs", rule.getPath());
        assertEquals(true, rule.getRead());
        assertEquals(false, rule.getWrite());
        AccessRule groupRule = client.postForm("api/2/access/group/", "group", "Team", "path", "/Shared Docs",
                "write", "true").as(AccessRule.class);
        Checks.detail(client.postForm("api/2/access/user/", "user", "nobody", "path", "/Shared Docs"), 404);
        Checks.detail(client.postForm("api/2/access/user/", "user", "ann", "path", "/none"), 404);
        fieldError(client.postForm("api/2/access/group/", "path", "/Shared Docs"), "group");

        AccessRulePage all = client.get("api/2/access/user/?path=/Shared%20Docs").as(AccessRulePage.class);
        assertEquals(1, all.getResults().size());
        assertEquals(1, client.get("api/2/access/user/ann/").as(AccessRulePage.class).getResults().size());
        Checks.detail(client.get("api/2/access/user/nobody/"), 404);
        assertEquals(true, client.postForm("api/2/access/user/ann/" + rule.getId() + "/", "remove", "true")
                .as(AccessRule.class).getRemove());
        assertEquals(rule.getId(), client.get("api/2/access/user/ann/" + rule.getId() + "/").as(AccessRule.class)
                .getId());
        Checks.detail(client.get("api/2/access/user/ann/" + groupRule.getId() + "/"), 404);
        assertEquals("Team", client.get("api/2/access/group/Team/" + groupRule.getId() + "/").as(AccessRule.class)
                .getGroup());

        PathAccess view = client.get("api/2/access/path/Shared%20Docs/").as(PathAccess.class);
        assertEquals("ann", view.getUsers().get(0).getUser());
        assertEquals(true, view.getUsers().get(0).getAcl().getRemove());
        assertEquals("Team", view.getGroups().get(0).getGroup());
        Checks.detail(client.get("api/2/access/path/nothing/"), 404);

        assertEquals(204, client.delete("api/2/access/user/ann/" + rule.getId() + "/").status);
        assertEquals(204, client.delete("api/2/access/group/Team/" + groupRule.getId()).status);
        Checks.detail(client.delete("api/2/access/group/Team/" + groupRule.getId()), 404);
    }

    @Test
    void quotas(EmulatorCredentials c) {
        TestClient client = TestClient.basic(c);
        client.postForm("api/2/user/", "username", "quinn");
        client.postForm("api/2/group/", "name", "QGroup");
        Checks.detail(client.get("api/2/quota/user/quinn/"), 404);
        Reply created = client.postForm("api/2/quota/user/quinn/", "disk_bytes_limit", "10737418240");
        Checks.json(created, 201);
        Quota q = created.as(Quota.class);
        assertEquals("quinn", q.getUser());
        assertEquals("notify", q.getEnforcementValue());
        assertEquals("monthly", q.getIntervalValue());
        assertEquals(10737418240L, q.getDiskBytesLimit());
        assertNull(q.getXferBytesLimit());
        Reply changed = client.postForm("api/2/quota/user/quinn/", "enforcement", "disable", "interval", "weekly",
                "disk_bytes_limit", "");
        Checks.json(changed, 200);
        assertNull(changed.as(Quota.class).getDiskBytesLimit());
        assertEquals("disable", client.get("api/2/quota/user/quinn/").as(Quota.class).getEnforcementValue());
        fieldError(client.postForm("api/2/quota/user/quinn/", "interval", "daily"), "interval");
        Checks.detail(client.postForm("api/2/quota/user/nobody/", "interval", "weekly"), 404);
        assertEquals(204, client.delete("api/2/quota/user/quinn/").status);
        Checks.detail(client.delete("api/2/quota/user/quinn/"), 404);

        Checks.json(client.postForm("api/2/quota/group/QGroup/", "xfer_bytes_limit", "5"), 201);
        assertEquals("QGroup", client.get("api/2/quota/group/QGroup/").as(Quota.class).getGroup());
        Checks.detail(client.get("api/2/quota/site/"), 404);
        Checks.json(client.postForm("api/2/quota/site/", "disk_bytes_limit", "1099511627776"), 201);
        Checks.json(client.postForm("api/2/quota/site/", "enforcement", "disable"), 200);
        assertEquals(1099511627776L, client.get("api/2/quota/site/").as(Quota.class).getDiskBytesLimit());
        assertEquals(204, client.delete("api/2/quota/site/").status);
    }

    @SuppressWarnings("unchecked")
    private static String fieldError(Reply r, String field) {
        Map<String, Object> body = Checks.json(r, 400);
        Map<String, Object> errors = (Map<String, Object>) body.get("field_errors");
        return (String) ((List<Object>) errors.get(field)).get(0);
    }
}
