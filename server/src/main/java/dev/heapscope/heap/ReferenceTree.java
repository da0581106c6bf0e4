package dev.heapscope.heap;

import java.util.Objects;

/**
 * What a root holds, field by field and type by type, like Python's {@code objgraph.show_refs}.
 *
 * @param root             the root's group (count 1) and its children
 * @param truncated        true if a limit stopped the walk: sizes are then lower bounds
 * @param truncationReason why; null if not truncated
 * @param objectsVisited   objects taken from the work queue
 * @param elapsedNanos     wall-clock duration in nanoseconds
 */
public record ReferenceTree(RefNode root, boolean truncated, String truncationReason,
                            long objectsVisited, long elapsedNanos)
        implements WalkResult {
    public ReferenceTree {
        Objects.requireNonNull(root, "root");
        WalkResult.requireReason(truncated, truncationReason);
    }
}
