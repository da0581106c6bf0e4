package dev.heapscope.jmx;

import dev.heapscope.snapshot.HeapFigures;
import dev.heapscope.snapshot.Snapshot;
import java.util.List;

/**
 * A snapshot's summary; JMX clients see it as CompositeData with one item per getter (the MXBean mapping
 * of JDK 17 needs getters, records are not mapped). Times are ISO-8601 UTC, sizes bytes.
 */
public final class SnapshotView {

    private final Snapshot snapshot;

    SnapshotView(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    public String getName() {
        return snapshot.name();
    }

    public String getTakenAt() {
        return Times.iso(snapshot.takenAt());
    }

    public boolean isTracing() {
        return snapshot.tracing();
    }

    /** When tracing started, or null when it was off. */
    public String getTracingSince() {
        return Times.iso(snapshot.tracingSince());
    }

    /** Frames per traceback tracing ran with; 0 when it was off. */
    public int getStackDepth() {
        return snapshot.settings() == null ? 0 : snapshot.settings().stackDepth();
    }

    public long getAllocationSamples() {
        return snapshot.allocations().samples();
    }

    public long getLiveSamples() {
        return snapshot.liveObjects().size();
    }

    public int getHistogramClasses() {
        return snapshot.histogram().classes().size();
    }

    public long getHeapUsedBytes() {
        return heap().usedBytes();
    }

    public long getHeapCommittedBytes() {
        return heap().committedBytes();
    }

    /** -1 when the heap has no defined maximum. */
    public long getHeapMaxBytes() {
        return heap().maxBytes();
    }

    public long getNonHeapUsedBytes() {
        return heap().nonHeapUsedBytes();
    }

    /** Exact shallow bytes of all live objects after a full GC. */
    public long getLiveBytes() {
        return heap().liveBytes();
    }

    /** Exact number of live objects after a full GC. */
    public long getLiveObjects() {
        return heap().liveObjects();
    }

    public List<String> getNotes() {
        return snapshot.notes();
    }

    private HeapFigures heap() {
        return snapshot.heap();
    }
}
