package dev.heapscope.heap;

import java.util.List;

/**
 * How one graph walk went, as every root report shows it: its bounds, whether they cut it short, its cost.
 *
 * @param truncated        whether a limit stopped the walk: the figures are then lower bounds
 * @param truncationReason why it stopped early, e.g. {@code "object limit 100 reached"}; null if not truncated
 * @param objectsVisited   objects the walk visited, those it stopped at included
 * @param elapsedMs        how long it took, ms
 * @param notFollowed      the boundaries it stopped at: referents, classes, classLoaders, threads
 * @param maxObjects       the object limit it ran under
 * @param timeLimitMs      the time budget it ran under, ms
 */
public record WalkFigures(boolean truncated, String truncationReason, long objectsVisited, long elapsedMs,
                          List<String> notFollowed, long maxObjects, long timeLimitMs) {

    public WalkFigures {
        WalkResult.requireReason(truncated, truncationReason);
        notFollowed = List.copyOf(notFollowed);
    }

    /** The figures of a walk that ran under {@code options}. */
    public static WalkFigures of(WalkResult result, WalkOptions options) {
        return new WalkFigures(result.truncated(), result.truncationReason(), result.objectsVisited(),
                result.elapsedNanos() / 1_000_000, WalkRequest.describe(options.boundaries()), options.maxObjects(),
                options.timeLimit().toMillis());
    }

    /**
     * Always true: the service keeps running and changing its objects during a walk, so every figure is an
     * estimate of a live graph, never a stopped-world picture.
     */
    public boolean liveGraph() {
        return true;
    }
}
