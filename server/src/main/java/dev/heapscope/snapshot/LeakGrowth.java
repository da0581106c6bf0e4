package dev.heapscope.snapshot;

import dev.heapscope.Doc;
import java.util.Objects;

/** A leak group that is new or has grown since a baseline. */
@Doc("a leak group in the newer snapshot and how it grew")
public record LeakGrowth(@Doc("NEW (absent from the baseline) or GROWN") Status status,
                         @Doc("its samples in the baseline, 0 when new") int baselineSamples,
                         @Doc("the group in the newer snapshot") LeakGroup group) {

    /** How a group changed since the baseline. */
    public enum Status { NEW, GROWN }

    public LeakGrowth {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(group, "group");
    }

    /** Samples gained since the baseline. */
    @Doc("samples gained since the baseline")
    public int samplesDiff() {
        return group.samples() - baselineSamples;
    }
}
