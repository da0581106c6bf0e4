package dev.heapscope.heap;

import java.util.List;

/**
 * Result of a {@link BackrefSearch}.
 *
 * @param chains           one chain per object found, in breadth-first order (shortest first)
 * @param truncated        true if the search stopped before the whole reachable graph was searched
 *                         (object or time limit, or the requested number of chains found)
 * @param truncationReason why, e.g. {@code "result limit 10 reached"}; null if not truncated
 * @param objectsVisited   objects taken from the work queue
 * @param elapsedNanos     wall-clock duration in nanoseconds
 */
public record BackrefResult(List<BackrefChain> chains, boolean truncated, String truncationReason,
                            long objectsVisited, long elapsedNanos)
        implements WalkResult {
    public BackrefResult {
        chains = List.copyOf(chains);
        WalkResult.requireReason(truncated, truncationReason);
    }
}
