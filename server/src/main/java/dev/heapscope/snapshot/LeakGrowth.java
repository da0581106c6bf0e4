package dev.heapscope.snapshot;

/**
 * A leak group that is new or has grown since a baseline.
 *
 * @param group           the group in the newer snapshot
 * @param baselineSamples its samples in the baseline (0 when new)
 * @param isNew           whether the baseline had no such group
 */
public record LeakGrowth(LeakGroup group, int baselineSamples, boolean isNew) {

    /** Samples gained since the baseline. */
    public int samplesDiff() {
        return group.samples() - baselineSamples;
    }
}
