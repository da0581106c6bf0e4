package dev.heapscope.tracing;

import java.util.Objects;

/**
 * Allocation tracing, the JVM's {@code tracemalloc}: a JDK Flight Recorder recording of
 * {@code jdk.ObjectAllocationSample} (sampled allocations, throttled to
 * {@link TracingSettings#allocationSamplesPerSecond()}) and {@code jdk.OldObjectSample} (sampled objects
 * still alive, with their reference chains), dumped on demand.
 *
 * <p>Each tracer has its own recording (a unique name) and its own temporary directory, so two tracers in
 * one JVM do not see each other's start, stop or dumps. The samples themselves are JVM-wide: when two
 * recordings run, JFR samples allocations at the higher of their rates, and both see those samples.
 *
 * <p>Limits: the recording keeps at most {@value TracingRecording#MAX_SIZE_BYTES} bytes on disk (older
 * allocation samples age out first); JFR keeps at most 256 live-object samples JVM-wide (the JVM option
 * {@code -XX:FlightRecorderOptions:old-object-queue-size}); the reference-chain search at a dump
 * stops after {@value TracingRecording#CHAIN_SEARCH_CUTOFF}.
 *
 * <p>Thread-safe; operations run one at a time.
 */
public final class AllocationTracer implements AutoCloseable {

    private TracingRecording recording;

    /** A tracer that is not tracing yet. */
    public AllocationTracer() {
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
        if (recording == null) {
            recording = TracingRecording.start(settings);
        } else if (!recording.settings().equals(settings)) {
            throw new TracingConflict(recording.settings(), settings);
        }
        return state();
    }

    /**
     * Stops tracing, discarding the recording, its samples and its files. Does nothing when not tracing.
     *
     * @return the state, not tracing
     */
    public synchronized TracingState stop() {
        if (recording != null) {
            try {
                recording.close();
            } finally {
                recording = null;
            }
        }
        return TracingState.OFF;
    }

    /** Whether this tracer is tracing, since when and with which settings. */
    public synchronized TracingState state() {
        return recording == null
                ? TracingState.OFF
                : new TracingState(true, recording.since(), recording.settings());
    }

    /**
     * Runs a full GC (so that live-object samples have survived a collection, as in
     * {@code jmap -dump:live}) and dumps what tracing holds. Heapscope's own allocations (threads named
     * {@code heapscope-*}, or allocations whose first frame outside the JDK is heapscope code) are left
     * out. Takes tens of milliseconds on a small heap plus the GC; with chains, the chain search runs at
     * a safepoint for at most {@value TracingRecording#CHAIN_SEARCH_CUTOFF}.
     *
     * @param withChains whether to search reference chains to GC roots for the live-object samples
     * @throws IllegalStateException when not tracing, or when the JVM refuses the GC or the dump
     */
    public synchronized TraceDump dump(boolean withChains) {
        return recording().dump(withChains, true);
    }

    /**
     * As {@link #dump(boolean)} without the full GC, for a caller that has just run one itself (a
     * snapshot's class histogram does): a second full GC in a row would double the pause for nothing.
     *
     * @throws IllegalStateException when not tracing, or when the JVM refuses the dump
     */
    public synchronized TraceDump dumpAfterFullGc(boolean withChains) {
        return recording().dump(withChains, false);
    }

    /**
     * A copy of the running recording as a JFR file (what JDK Mission Control and {@code jfr summary} read),
     * in the tracer's private directory; the caller deletes it.
     *
     * @throws IllegalStateException when not tracing
     */
    public synchronized java.nio.file.Path copyRecording() {
        return recording().copy();
    }

    private TracingRecording recording() {
        if (recording == null) {
            throw new IllegalStateException("not tracing: start tracing before dumping");
        }
        return recording;
    }

    /** Same as {@link #stop()}: releases the recording and its files. */
    @Override
    public void close() {
        stop();
    }
}
