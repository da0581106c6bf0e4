package dev.heapscope.snapshot;

import java.util.Objects;

/**
 * A leak group with live samples gained since a baseline.
 *
   * @param status          NEW when the baseline had no live sample at that site and type, else GROWN
 * @param baselineSamples the baseline's live samples at the same site and type (0 when none)
 * @param group           the group in the newer snapshot; its chain is one of a gained sample
 * @param samplesDiff     the snapshot's samples of the group allocated after the baseline's samples were
 *                        taken, less (backwards in time) the baseline's allocated after the snapshot's
 *                        ({@link LiveGrowth}); at least 1
 */
public record LeakGrowth(Status status, int baselineSamples, LeakGroup group, int samplesDiff) {

    /** How a group changed since the baseline. */
    public enum Status { NEW, GROWN }

    public LeakGrowth {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(group, "group");
    }
}
