package dev.heapscope.snapshot;

import dev.heapscope.tracing.TracingSettings;
import java.time.Instant;
import java.util.List;

/**
 * What a snapshot holds, in figures: how the adapters list and return snapshots ({@link Snapshot#summary()}).
 *
 * @param name              the snapshot's name
 * @param takenAt           when it was taken
 * @param tracing           whether tracing was on
 * @param tracingSince      when tracing started, or null
 * @param settings          the tracing settings, or null
 * @param allocationSamples allocation samples it holds
 * @param liveSamples       live sampled objects it holds
 * @param histogramClasses  classes in its live class histogram
 * @param heap              heap figures
 * @param notes             what a reader should know about its figures
 */
public record SnapshotSummary(String name, Instant takenAt, boolean tracing, Instant tracingSince,
                              TracingSettings settings, long allocationSamples, long liveSamples,
                              int histogramClasses, HeapFigures heap, List<String> notes) {
    public SnapshotSummary {
        notes = List.copyOf(notes);
    }
}
