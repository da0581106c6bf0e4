package dev.heapscope.snapshot;

import dev.heapscope.Doc;
import dev.heapscope.tracing.TracingSettings;
import java.time.Instant;
import java.util.List;

/** What a snapshot holds, in figures: how REST and JMX list and return snapshots. */
@Doc("a snapshot's summary: when, whether tracing was on, how much it holds, the heap figures")
public record SnapshotSummary(
        @Doc("the snapshot's name") String name,
        @Doc("when it was taken, ISO-8601 UTC") Instant takenAt,
        @Doc("whether tracing was on (the site views are empty when it was off)") boolean tracing,
        @Doc("when tracing started, ISO-8601 UTC; null when it was off") Instant tracingSince,
        @Doc("the settings tracing ran with; null when it was off") TracingSettings settings,
        @Doc("allocation samples the snapshot holds") long allocationSamples,
        @Doc("live sampled objects the snapshot holds (taken after a full GC)") long liveSamples,
        @Doc("classes in its live class histogram") int histogramClasses,
        @Doc("heap figures at the snapshot") HeapFigures heap,
        @Doc("what a reader should know about this snapshot's figures") List<String> notes) {
    public SnapshotSummary {
        notes = List.copyOf(notes);
    }
}
