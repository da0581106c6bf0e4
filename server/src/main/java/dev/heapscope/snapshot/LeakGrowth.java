package dev.heapscope.snapshot;

import java.util.Objects;

/**
 * A leak group that is new or has grown since a baseline.
 *
 * @param status          NEW when the baseline had no such group, else GROWN
 * @param baselineSamples its samples in the baseline (0 when new)
 * @param group           the group in the newer snapshot
 */
public record LeakGrowth(Status status, int baselineSamples, LeakGroup group) {

    /** How a group changed since the baseline. */
    public enum Status { NEW, GROWN }

    public LeakGrowth {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(group, "group");
    }

    /** Samples gained since the baseline. */
    public int samplesDiff() {
        return group.samples() - baselineSamples;
    }
}
