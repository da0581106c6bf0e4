package dev.heapscope.snapshot;

import dev.heapscope.tracing.LiveObjectSample;
import java.time.Instant;
import java.util.List;

/**
 * What a live comparison counts: the snapshot's sampled objects allocated after the baseline's samples
 * were taken, less (when the comparison runs backwards in time) the baseline's sampled objects allocated
 * after the snapshot's were. Objects that died are never subtracted: the sampler does not say which of the
 * baseline's objects are gone, only which objects it sampled alive.
 *
 * @param gained the snapshot's samples allocated after the baseline's were taken
 * @param lost   the baseline's samples allocated after the snapshot's were taken (empty unless backwards)
 */
record LiveGrowth(List<LiveObjectSample> gained, List<LiveObjectSample> lost) {

    static LiveGrowth between(Snapshot snapshot, Snapshot baseline) {
        return new LiveGrowth(allocatedAfter(snapshot, sampledAt(baseline)),
                allocatedAfter(baseline, sampledAt(snapshot)));
    }

    /**
     * When a snapshot's live samples were taken: objects allocated later cannot be among them. For a
     * snapshot without live samples, when it was taken.
     */
    static Instant sampledAt(Snapshot snapshot) {
        Instant until = snapshot.live().window().until();
        return until != null ? until : snapshot.takenAt();
    }

    private static List<LiveObjectSample> allocatedAfter(Snapshot snapshot, Instant cut) {
        return snapshot.liveObjects().stream().filter(s -> s.allocationTime().isAfter(cut)).toList();
    }
}
