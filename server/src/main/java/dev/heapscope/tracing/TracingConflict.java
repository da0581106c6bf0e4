package dev.heapscope.tracing;

/**
 * Tracing was asked to start with settings other than the ones it runs with. Stop it first.
 */
public final class TracingConflict extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient TracingSettings running;

    TracingConflict(TracingSettings running, TracingSettings requested) {
        super("tracing already runs with " + running + "; stop it before starting with " + requested);
        this.running = running;
    }

    /** The settings tracing runs with. */
    public TracingSettings running() {
        return running;
    }
}
