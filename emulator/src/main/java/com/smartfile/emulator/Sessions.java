package com.smartfile.emulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Cookie sessions started with {@code POST session/}: session id → CSRF token and user. Thread-safe. */
final class Sessions {

    /** Lifetime reported in {@code expires} (two weeks, Django's default), in seconds. */
    static final long LIFETIME_SECONDS = 1_209_600;

    /** One session. */
    static final class Session {
        final String id;
        final String csrfToken;
        final String username;

        Session(String id, String csrfToken, String username) {
            this.id = id;
            this.csrfToken = csrfToken;
            this.username = username;
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /**
     * Starts a session.
     *
     * @param username the user
     * @return the session
     */
    Session start(String username) {
        Session s = new Session(Secrets.alphanumeric(40), Secrets.alphanumeric(32), username);
        sessions.put(s.id, s);
        return s;
    }

    /**
     * Finds a session.
     *
     * @param id the {@code sessionid} cookie value
     * @return the session, or null
     */
    Session find(String id) {
        return id == null ? null : sessions.get(id);
    }

    /**
     * Ends a session.
     *
     * @param id the session id
     */
    void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }
}
