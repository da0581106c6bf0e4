package dev.heapscope.tracing;

import java.util.Objects;

/**
 * Allocation tracing, the JVM's {@code tracemalloc}: a JDK Flight Recorder recording of
 * {@code jdk.ObjectAllocationSample} (sampled allocations, throttled to
 * {@link TracingSettings#allocationSamplesPerSecond()}) and, unless turned off, {@code jdk.OldObjectSample}
 * (sampled objects still alive, with their reference chains). A reader sums the allocation samples as JFR
 * writes them; a dump copies those sums and the live samples JFR emits for it.
 *
 * <p>Each tracer has its own recording (a unique name) and its own temporary directory, so two tracers in
 * one JVM do not see each other's start, stop or dumps. The samples themselves are JVM-wide: when two
 * recordings run, JFR samples allocations at the higher of their rates, and both see those samples; and
 * JFR's live-object sampler is shared (see {@link LiveSampleWindow}).
 *
 * <p>Limits: at most {@value AllocationSums#MAX_KEYS} distinct (type, traceback, site) sums, the rest per
 * type; JFR keeps at most 256 live-object samples JVM-wide (the JVM option
 * {@code -XX:FlightRecorderOptions:old-object-queue-size}); the reference-chain search at a dump stops
 * after {@value TracingRecording#CHAIN_SEARCH_CUTOFF}.
 *
 * <p>Thread-safe. Start, stop and dumps run one at a time; {@link #state()} never waits for them.
 */
public final class AllocationTracer implements AutoCloseable {

    private final long maxSizeBytes;
    // volatile so that recordingBytes() reads it without the lock a running dump holds
    private volatile TracingSession session;
    // published after every change, so that status reads take no lock a running dump holds
    private volatile TracingState state = TracingState.OFF;

    /** A tracer that is not tracing yet. */
    public AllocationTracer() {
        this(TracingRecording.MAX_SIZE_BYTES);
    }

    /** A tracer whose recording keeps at most this many bytes on disk (tests use a small bound). */
    AllocationTracer(long maxSizeBytes) {
        this.maxSizeBytes = maxSizeBytes;
    }

    /**
     * Starts tracing. Repeating it with equal settings changes nothing.
     *
     * @return the state: tracing, since when, with which settings
     * @throws TracingConflict       when tracing already runs with other settings (stop it first)
     * @throws IllegalStateException when JDK Flight Recorder is not available in this JVM
     */
    public synchronized TracingState start(TracingSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (session == null) {
            session = TracingSession.start(settings, maxSizeBytes);
            state = new TracingState(true, session.since(), settings);
        } else if (!session.settings().equals(settings)) {
            throw new TracingConflict(session.settings(), settings);
        }
        return state;
    }

    /**
     * Stops tracing, discarding the recording, its reader thread, its samples and its files. Does nothing
     * when not tracing.
     *
     * @return the state, not tracing
     */
    public synchronized TracingState stop() {
        if (session != null) {
            state = TracingState.OFF;
            try {
                session.close();
            } finally {
                session = null;
            }
        }
        return TracingState.OFF;
    }

    /** Whether this tracer is tracing, since when and with which settings. Never waits. */
    public TracingState state() {
        return state;
    }

    /**
     * Runs a full GC (so that live-object samples have survived a collection, as in
     * {@code jmap -dump:live}) and dumps what tracing holds. Heapscope's own allocations (threads named
     * {@code heapscope-*}, or allocations whose first frame outside the JDK is heapscope code) are left
     * out. Takes tens of milliseconds on a small heap plus the GC, whatever the time tracing has run; with
     * chains, the chain search runs at a safepoint for at most {@value TracingRecording#CHAIN_SEARCH_CUTOFF}.
     *
     * @param withChains whether to search reference chains to GC roots for the live-object samples
     * @throws IllegalStateException when not tracing, or when the JVM refuses the GC or the dump
     */
    public synchronized TraceDump dump(boolean withChains) {
        return session().dump(withChains, true);
    }

    /**
     * As {@link #dump(boolean)} without the full GC, for a caller that has just run one itself (a
     * snapshot's class histogram does): a second full GC in a row would double the pause for nothing.
     *
     * @throws IllegalStateException when not tracing, or when the JVM refuses the dump
     */
    public synchronized TraceDump dumpAfterFullGc(boolean withChains) {
        return session().dump(withChains, false);
    }

    /** The recording's bytes on disk as JFR counts them (its completed chunks), 0 when not tracing; takes no lock. */
    public long recordingBytes() {
        TracingSession current = session;
        return current == null ? 0 : current.recordingBytes();
    }

    /**
     * A copy of the running recording as a JFR file (what JDK Mission Control and {@code jfr summary} read),
     * in the tracer's private directory; the caller deletes it.
     *
     * @throws IllegalStateException when not tracing
     */
    public synchronized java.nio.file.Path copyRecording() {
        return session().copyRecording();
    }

    /**
     * What the running session holds that grows with tracing (the running sums with their tracebacks and
     * interned frames, the live samples read since the last dump), to count in heapscope's own memory; null when
     * not tracing. Takes no lock: a measurement reads it while the reader adds to it.
     */
    public Object ownState() {
        TracingSession current = session;
        return current == null ? null : current.ownState();
    }

    /** The running session, for tests in this package. */
    synchronized TracingSession session() {
        if (session == null) {
            throw new IllegalStateException("not tracing: start tracing before dumping");
        }
        return session;
    }

    /** Same as {@link #stop()}: releases the recording, the reader thread and the files. */
    @Override
    public void close() {
        stop();
    }
}
