package dev.heapscope.snapshot;

import dev.heapscope.heap.ClassHistogram;
import dev.heapscope.heap.RootSize;
import dev.heapscope.tracing.LiveObjectSample;
import dev.heapscope.tracing.TracingSettings;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What heapscope saw at one moment: heap figures and the exact class histogram after a full GC, and,
 * when tracing was on, the allocation samples since tracing started and the live sampled objects with
 * the chains that keep them alive. Immutable.
 *
 * @param name         the snapshot's name
 * @param takenAt      when it was taken
 * @param tracing      whether tracing was on (site views are empty when it was off)
 * @param tracingSince when tracing started, or null
 * @param settings     the tracing settings, or null
 * @param heap         heap figures
 * @param histogram    the live class histogram, exact
 * @param allocations  allocation samples summed by type and traceback
 * @param liveObjects  live sampled objects (jdk.OldObjectSample), after a full GC
 * @param roots        the deep size of every registered root alive at the snapshot
 * @param notes        what a reader should know about this snapshot's figures
 */
public record Snapshot(String name, Instant takenAt, boolean tracing, Instant tracingSince,
                       TracingSettings settings, HeapFigures heap, ClassHistogram histogram,
                       AllocationProfile allocations, List<LiveObjectSample> liveObjects, List<RootSize> roots,
                       List<String> notes) {
    public Snapshot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(histogram, "histogram");
        Objects.requireNonNull(allocations, "allocations");
        liveObjects = List.copyOf(liveObjects);
        roots = List.copyOf(roots);
        notes = List.copyOf(notes);
    }

    /** Its figures without its samples, as adapters list it. */
    public SnapshotSummary summary() {
        return new SnapshotSummary(name, takenAt, tracing, tracingSince, settings, allocations.samples(),
                liveObjects.size(), histogram.classes().size(), heap, notes);
    }
}
