package dev.heapscope.snapshot;

/**
 * A leak group with live samples gained since a baseline.
 *
 * @param group           the group in the newer snapshot; its chain is one of a gained sample
 * @param baselineSamples the baseline's live samples at the same site and type (0 when none)
 * @param isNew           whether the baseline had no live sample at that site and type
 * @param samplesDiff     the snapshot's samples of the group allocated after the baseline's samples were
 *                        taken, less (backwards in time) the baseline's allocated after the snapshot's
 *                        ({@link LiveGrowth}); at least 1
 */
public record LeakGrowth(LeakGroup group, int baselineSamples, boolean isNew, int samplesDiff) {
}
