package dev.heapscope.timeline;

import java.time.Instant;
import java.util.List;

/**
 * Memory figures at one point of the timeline, in bytes.
 *
 * @param time               the start of the period the point stands for
 * @param resolutionSeconds  the period: 1 for a per-second sample; longer for thinned history or a plot's
 *                           buckets, whose figures are then the period's largest values
 * @param heapUsedBytes      heap in use
 * @param heapCommittedBytes heap committed
 * @param nonHeapUsedBytes   non-heap in use (metaspace, code cache)
 * @param poolUsedBytes      each memory pool's use, in the order of {@link TimelineView#pools()}
 */
public record MemoryPoint(Instant time, long resolutionSeconds, long heapUsedBytes, long heapCommittedBytes,
                          long nonHeapUsedBytes, List<Long> poolUsedBytes) {
    public MemoryPoint {
        poolUsedBytes = List.copyOf(poolUsedBytes);
    }
}
