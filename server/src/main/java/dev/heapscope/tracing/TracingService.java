package dev.heapscope.tracing;

import dev.heapscope.HeapscopeException;
import dev.heapscope.Listeners;

/**
 * Allocation tracing as the adapters see it: start, stop, status, reset peak, and the dump a snapshot
 * takes. Every operation is safe to call from any thread.
 */
public final class TracingService implements AutoCloseable {

    private final AllocationTracer tracer = new AllocationTracer();
    private final HeapPools pools = new HeapPools();
    private final Listeners<TracingListener> listeners = new Listeners<>();

    /**
     * Validated settings; a null value takes its default from {@link TracingSettings#DEFAULTS}.
     *
     * @throws HeapscopeException.BadRequest naming the value out of range
     */
    public static TracingSettings settings(Integer stackDepth, Integer allocationSamplesPerSecond,
                                           Boolean liveSampling) {
        TracingSettings defaults = TracingSettings.DEFAULTS;
        try {
            return new TracingSettings(stackDepth == null ? defaults.stackDepth() : stackDepth,
                    allocationSamplesPerSecond == null ? defaults.allocationSamplesPerSecond()
                            : allocationSamplesPerSecond,
                    liveSampling == null ? defaults.liveSampling() : liveSampling);
        } catch (IllegalArgumentException e) {
            throw new HeapscopeException.BadRequest(e.getMessage());
        }
    }

    /** Told when tracing starts or stops (the JMX notifications). */
    public Listeners<TracingListener> listeners() {
        return listeners;
    }

    /** The current state and traced memory. */
    public TracingStatus status() {
        TracingState state = tracer.state();
        return new TracingStatus(state.tracing(), state.since(), state.settings(), pools.read());
    }

    /**
     * Starts tracing; repeating with equal settings returns the current status.
     *
     * @throws HeapscopeException.Conflict    when tracing already runs with other settings
     * @throws HeapscopeException.Unavailable when JFR is not available or cannot record (no writable
     *                                        temporary directory)
     */
    public synchronized TracingStatus start(TracingSettings settings) {
        // synchronized so that of two racing starts exactly one sees the off-to-on change and notifies
        boolean wasTracing = tracer.state().tracing();
        try {
            tracer.start(settings);
        } catch (TracingConflict e) {
            throw new HeapscopeException.Conflict(e.getMessage());
        } catch (IllegalStateException | java.io.UncheckedIOException | SecurityException e) {
            throw new HeapscopeException.Unavailable("tracing cannot start: " + TracingFailures.describe(e));
        }
        TracingStatus now = status();
        if (!wasTracing && now.tracing()) {
            listeners.tell(l -> l.started(now));
        }
        return now;
    }

    /** Stops tracing and discards its samples; repeating it returns the current status. */
    public synchronized TracingStatus stop() {
        TracingStatus before = status();
        tracer.stop();
        if (before.tracing()) {
            listeners.tell(l -> l.stopped(before));
        }
        return status();
    }

    /** The tracing recording's bytes on disk (JFR's count of its completed chunks), 0 when not tracing. */
    public long recordingBytes() {
        return tracer.recordingBytes();
    }

    /** What tracing holds that grows while it runs, to count in heapscope's own memory; null when not tracing. */
    public Object ownState() {
        return tracer.ownState();
    }

    /** Resets the peak of traced memory to the current usage. */
    public TracingStatus resetPeak() {
        pools.resetPeak();
        return status();
    }

    /**
     * Dumps what tracing holds: allocation samples since tracing started and the live sampled objects,
     * with their reference chains when asked. The caller must have just run a full GC (live samples are
     * reported only once they survived one). Returns null when not tracing.
     */
    public TraceDump dumpAfterFullGc(boolean withChains) {
        if (!tracer.state().tracing()) {
            return null;
        }
        try {
            return tracer.dumpAfterFullGc(withChains);
        } catch (IllegalStateException e) {
            // tracing was stopped between the check and the dump
            return null;
        }
    }

    /**
     * The running recording so far, as a JFR file to stream; closing the copy deletes the file.
     *
     * @throws HeapscopeException.Conflict when not tracing
     */
    public RecordingCopy copyRecording() {
        try {
            return new RecordingCopy(tracer.copyRecording());
        } catch (IllegalStateException e) {
            throw new HeapscopeException.Conflict("not tracing: start tracing, then fetch the recording");
        }
    }

    @Override
    public void close() {
        tracer.close();
    }
}
