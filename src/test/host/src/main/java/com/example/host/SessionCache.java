package com.example.host;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The host's singleton cache, which an operator registers as a root by class and field path. */
public final class SessionCache {

    public static final SessionCache INSTANCE = new SessionCache();

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    private SessionCache() {
    }

    void fill(int count) {
        for (int i = 0; i < count; i++) {
            sessions.put("session-" + i, new Session("user-" + i, new byte[512]));
        }
    }

    Map<String, Session> sessions() {
        return sessions;
    }

    /** One logged-in user. */
    record Session(String user, byte[] attributes) {
    }
}
