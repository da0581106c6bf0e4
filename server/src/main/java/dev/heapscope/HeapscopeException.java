package dev.heapscope;

/**
 * A failure the caller can act on. The core throws one subclass per kind of failure; the REST
 * adapter maps each kind once to an RFC 9457 problem with a stable type and status, the JMX adapter
 * to a standard JDK exception. The message is the human detail and never carries a value read from
 * an inspected object.
 */
public abstract sealed class HeapscopeException extends RuntimeException {

    private final String kind;
    private final int retryAfterSeconds;

    private HeapscopeException(String kind, String detail, int retryAfterSeconds) {
        super(detail, null, false, false);
        this.kind = kind;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A short, stable name of the kind, used as the last segment of the problem type. */
    public final String kind() {
        return kind;
    }

    /** Seconds after which trying again may succeed; 0 when waiting will not help. */
    public final int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Bad input: a malformed name, an unknown enum value, a number out of range. */
    public static final class BadRequest extends HeapscopeException {
        public BadRequest(String detail) {
            super("bad-request", detail, 0);
        }
    }

    /** A name that is not known: a snapshot, a root, a class. */
    public static final class NotFound extends HeapscopeException {
        public NotFound(String detail) {
            super("not-found", detail, 0);
        }
    }

    /** The request contradicts the current state: different tracing settings, a full store, a taken name. */
    public static final class Conflict extends HeapscopeException {
        public Conflict(String detail) {
            super("conflict", detail, 0);
        }
    }

    /** A heavy operation is already running; try again after {@link #retryAfterSeconds()}. */
    public static final class Busy extends HeapscopeException {
        public Busy(String detail, int retryAfterSeconds) {
            super("busy", detail, retryAfterSeconds);
        }
    }

    /** The thing existed but is gone: a registered root that was garbage collected. */
    public static final class Gone extends HeapscopeException {
        public Gone(String detail) {
            super("gone", detail, 0);
        }
    }

    /**
     * A facility of the JVM heapscope relies on is missing or failed (e.g. JFR is not available), or the
     * host cannot afford the work now (its heap is nearly full): then {@link #retryAfterSeconds()} is
     * positive.
     */
    public static final class Unavailable extends HeapscopeException {
        public Unavailable(String detail) {
            this(detail, 0);
        }

        public Unavailable(String detail, int retryAfterSeconds) {
            super("unavailable", detail, retryAfterSeconds);
        }
    }
}
