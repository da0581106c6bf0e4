package dev.heapscope;

/**
 * A flag that stops work which checks it: a graph walk checks it every few thousand objects. A child is
 * cancelled with its parent, so that heapscope's close() (the parent) stops every walk while one
 * request's disconnect (a child) stops only its own. Thread-safe; cancelling is idempotent and keeps the
 * first reason.
 */
public final class Cancellation {

    private final Cancellation parent;
    private volatile String reason;

    /** A flag nobody has cancelled yet. */
    public Cancellation() {
        this(null);
    }

    private Cancellation(Cancellation parent) {
        this.parent = parent;
    }

    /** A flag cancelled when this one is, or on its own. */
    public Cancellation child() {
        return new Cancellation(this);
    }

    /** Cancels, giving the reason a stopped walk reports (e.g. "the client closed the connection"). */
    public void cancel(String why) {
        if (reason == null) {
            reason = why;
        }
    }

    public boolean isCancelled() {
        return reason() != null;
    }

    /** Why it was cancelled, this flag's own reason first; null when it was not. */
    public String reason() {
        String own = reason;
        return own != null || parent == null ? own : parent.reason();
    }
}
