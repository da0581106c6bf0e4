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
 * @param allocationSamples allocation samples summed since tracing started
 * @param liveSamplesAvailable whether it has live samples at all: false when tracing was off or ran with
 *                          live sampling off; its live views by site and leak reports are then empty for
 *                          that reason, not because nothing leaks (the notes say so)
 * @param liveSamples       live sampled objects it holds
 * @param liveSamplesFrom   objects allocated before this are not among its live samples: when tracing
 *                          started, or when the previous snapshot restarted JFR's sampler; null without
 *                          live samples
 * @param liveSamplesUntil  when its live samples were taken; null without live samples
 * @param liveSamplerSharedWith another running JFR recording that samples live objects too, so heapscope
 *                          left JFR's sampler alone and a full queue can hide new growth; null when none
 * @param chainsIncluded    whether its live samples carry reference chains; null without live samples
 * @param histogramClasses  classes in its live class histogram
 * @param heap              heap figures
 * @param notes             what a reader should know about its figures
 */
public record SnapshotSummary(String name, Instant takenAt, boolean tracing, Instant tracingSince,
                              TracingSettings settings, long allocationSamples, boolean liveSamplesAvailable,
                              long liveSamples, Instant liveSamplesFrom, Instant liveSamplesUntil,
                              String liveSamplerSharedWith, Boolean chainsIncluded, int histogramClasses,
                              HeapFigures heap, List<String> notes) {
    public SnapshotSummary {
        notes = List.copyOf(notes);
    }
}
