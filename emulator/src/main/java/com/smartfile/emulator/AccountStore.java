package com.smartfile.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import com.smartfile.sdk.model.AccessRule;
import com.smartfile.sdk.model.Group;
import com.smartfile.sdk.model.Link;
import com.smartfile.sdk.model.Quota;
import com.smartfile.sdk.model.Right;
import com.smartfile.sdk.model.Role;
import com.smartfile.sdk.model.User;

/**
 * The site's administration objects, kept in memory as the generated models: users, groups, roles,
 * links, access rules and quotas. Routes lock the store itself ({@code synchronized (store)}) around
 * each read-modify-write. Users are stored without {@code url} (added per request) and never with
 * a password.
 */
final class AccountStore {

    /** The rights roles can grant. */
    static final List<Right> RIGHTS = List.of(
            Right.builder().name("sftp_access").description("Can connect with SFTP").build(),
            Right.builder().name("ftp_access").description("Can connect with FTP").build(),
            Right.builder().name("webdav_access").description("Can connect with WebDAV").build(),
            Right.builder().name("self_manage").description("Can change own settings").build(),
            Right.builder().name("user_manage").description("Can manage users and groups").build(),
            Right.builder().name("site_manage").description("Can manage the site").build());

    final Map<String, User> users = new LinkedHashMap<>();
    final Map<String, Group> groups = new LinkedHashMap<>();
    final Map<String, Role> roles = new LinkedHashMap<>();
    final Map<String, Link> links = new LinkedHashMap<>();
    final Map<Long, AccessRule> rules = new TreeMap<>();
    final Map<String, Quota> userQuotas = new LinkedHashMap<>();
    final Map<String, Quota> groupQuotas = new LinkedHashMap<>();
    /** Site quotas by site name; {@code quota/site/} is the one of {@link #OWN_SITE}. */
    final Map<String, Quota> siteQuotas = new LinkedHashMap<>();
    /** The sites by name, seeded with the account's own ({@link #OWN_SITE}). */
    final Map<String, com.smartfile.sdk.model.Site> sites = new LinkedHashMap<>();
    /** The account's own site, as {@code whoami/} names it. */
    static final String OWN_SITE = "emulator";
    private final AtomicLong nextRuleId = new AtomicLong(1);

    /**
     * Creates the store with the default roles and the account's own user.
     *
     * @param username the account user's username
     */
    AccountStore(String username) {
        roles.put("User", Role.builder().name("User").rights(List.of("self_manage")).build());
        roles.put("Manager", Role.builder().name("Manager")
                .rights(List.of("self_manage", "user_manage", "sftp_access", "ftp_access")).build());
        roles.put("Administrator", Role.builder().name("Administrator")
                .rights(List.of("self_manage", "user_manage", "site_manage", "sftp_access", "ftp_access",
                        "webdav_access")).build());
        sites.put(OWN_SITE, com.smartfile.sdk.model.Site.builder().name(OWN_SITE).industry("Other")
                .contact("Emulator User").email(username + "@example.com").build());
        users.put(username, User.builder().username(username).name("Emulator User").firstName("Emulator")
                .lastName("User").email(username + "@example.com").role("Administrator").active(true).build());
    }

    /**
     * Hands out the next access-rule id.
     *
     * @return the id
     */
    long nextRuleId() {
        return nextRuleId.getAndIncrement();
    }

    /**
     * Tells whether a right name is known.
     *
     * @param name the right
     * @return true when known
     */
    static boolean isRight(String name) {
        return RIGHTS.stream().anyMatch(r -> r.getName().equals(name));
    }

    /**
     * A user as replied: with its API {@code url}.
     *
     * @param user the stored user
     * @param baseUrl the base URL
     * @return the user
     */
    static User withUrl(User user, String baseUrl) {
        return user.toBuilder().url(baseUrl + "api/2/user/" + PercentCodec.encodePathSegment(user.getUsername()) + "/")
                .build();
    }
}
