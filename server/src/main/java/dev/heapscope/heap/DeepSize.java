package dev.heapscope.heap;

import java.util.List;

/**
 * The retained-by-reachability size of a root: every object reachable from it, counted once.
 *
 * @param shallowBytes     size of the root object itself in bytes (0 if the root is stopped at by a boundary)
 * @param deepBytes        total size in bytes of all counted objects, the root included
 * @param objectCount      number of counted objects
 * @param byClass          one entry per class of counted objects, largest total bytes first
 * @param truncated        true if the walk stopped at a limit (or hit an error) before the end:
 *                         the figures are then a lower bound
 * @param truncationReason why it stopped early, e.g. {@code "object limit 5000000 reached"}; null if not truncated
 * @param objectsVisited   objects taken from the work list, including those stopped at by a boundary
 * @param elapsedNanos     wall-clock duration of the walk in nanoseconds
 */
public record DeepSize(long shallowBytes, long deepBytes, long objectCount, List<ClassFootprint> byClass,
                       boolean truncated, String truncationReason, long objectsVisited, long elapsedNanos)
        implements WalkResult {
    public DeepSize {
        byClass = List.copyOf(byClass);
        WalkResult.requireReason(truncated, truncationReason);
    }
}
