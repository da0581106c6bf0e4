package example.leakyshop;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * LEAK 1, the unbounded cache: every login adds a session and nothing ever removes one (no expiry, no
 * logout, no size bound). It is one long-lived instance for the whole service, which is what a
 * {@code static} map would be, without the static state.
 */
final class SessionCache {

    static final int ATTRIBUTE_BYTES = 2048;

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /** Logs a user in and returns the new session's id. */
    String login(String user) {
        Session session = new Session(UUID.randomUUID().toString(), user, Instant.now(), new byte[ATTRIBUTE_BYTES]);
        sessions.put(session.id(), session);
        return session.id();
    }

    int size() {
        return sessions.size();
    }

    /** The map itself, to register with heapscope as a root. */
    Map<String, Session> asMap() {
        return sessions;
    }
}
