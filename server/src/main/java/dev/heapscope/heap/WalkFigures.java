package dev.heapscope.heap;

import dev.heapscope.Doc;
import java.util.List;

/** How one graph walk went, as every root report shows it: its bounds, whether they cut it short, its cost. */
@Doc("how the walk went: its bounds, whether they cut it short, its cost")
public record WalkFigures(
        @Doc("whether a limit stopped the walk: the figures are then lower bounds") boolean truncated,
        @Doc("why it stopped early, e.g. 'object limit 100 reached'; null when not truncated") String truncationReason,
        @Doc("objects the walk visited, those it stopped at included") long objectsVisited,
        @Doc("how long the walk took, ms") long elapsedMs,
        @Doc("the boundaries it stopped at: referents, classes, classLoaders, threads") List<String> notFollowed,
        @Doc("the object limit it ran under") long maxObjects,
        @Doc("the time budget it ran under, ms") long timeLimitMs) {

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

    /** Always true: the service keeps running during a walk. */
    @Doc("always true: the service keeps running and changing its objects during a walk, so every figure is an"
            + " estimate of a live graph, never a stopped-world picture")
    public boolean liveGraph() {
        return true;
    }
}
