package com.smartfile.emulator;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.smartfile.sdk.model.Ping;
import com.smartfile.sdk.model.Session;
import com.smartfile.sdk.model.User;
import com.smartfile.sdk.model.WhoAmI;

/**
 * {@code ping/} (no authentication), {@code whoami/}, {@code right/} and the cookie session
 * ({@code session/}: POST starts one, 201 with {@code Set-Cookie: sessionid…} and
 * {@code csrftoken…}; GET describes it; DELETE ends it, 204).
 */
final class AccountRoutes {

    private final AccountStore store;
    private final Sessions sessions;
    private final String username;

    AccountRoutes(AccountStore store, Sessions sessions, String username) {
        this.store = store;
        this.sessions = sessions;
        this.username = username;
    }

    void register(Router v2) {
        v2.addAnonymous("GET", "ping", (req, vars) -> req.json(200, Ping.builder().ping("pong").build()));
        v2.add("GET", "whoami", this::whoami);
        v2.add("GET", "right", (req, vars) -> req.json(200, AccountStore.RIGHTS));
        v2.add("POST", "session", this::startSession);
        v2.add("GET", "session", this::describeSession);
        v2.add("DELETE", "session", this::endSession);
    }

    private User user(ApiRequest req) {
        User u;
        synchronized (store) {
            u = store.users.get(req.principal());
        }
        if (u == null) {
            u = User.builder().username(req.principal()).active(true).build();
        }
        return AccountStore.withUrl(u, req.baseUrl());
    }

    private void whoami(ApiRequest req, List<String> vars) throws IOException {
        req.json(200, WhoAmI.builder()
                .username(req.principal())
                .user(JsonReplies.toJsonValue(user(req)))
                .site(Map.of("name", "emulator", "url", req.baseUrl()))
                .address(req.localAddress().getHostString())
                .build());
    }

    private void startSession(ApiRequest req, List<String> vars) throws IOException {
        Sessions.Session s = sessions.start(req.principal() == null ? username : req.principal());
        req.replyHeaders().add("Set-Cookie", "sessionid=" + s.id + "; Path=/; HttpOnly; SameSite=Lax");
        req.replyHeaders().add("Set-Cookie", "csrftoken=" + s.csrfToken + "; Path=/; SameSite=Lax");
        req.json(201, Session.builder().user(user(req)).build());
    }

    private void describeSession(ApiRequest req, List<String> vars) throws IOException {
        req.json(200, Session.builder().user(user(req)).expires(Sessions.LIFETIME_SECONDS).build());
    }

    private void endSession(ApiRequest req, List<String> vars) throws IOException {
        sessions.end(Authenticator.cookie(req, "sessionid"));
        req.replyHeaders().add("Set-Cookie", "sessionid=; Path=/; Max-Age=0");
        req.replyHeaders().add("Set-Cookie", "csrftoken=; Path=/; Max-Age=0");
        req.noContent();
    }
}
