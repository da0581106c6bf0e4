package dev.heapscope.jmx;

import dev.heapscope.heap.WalkOptions;
import dev.heapscope.heap.WalkRequest;
import java.util.List;

/** How one graph walk went, as REST's {@code walk} object: its bounds, whether they cut it short, its cost. */
public final class WalkView {

    private final boolean truncated;
    private final String truncationReason;
    private final long objectsVisited;
    private final long elapsedNanos;
    private final WalkOptions options;

    WalkView(boolean truncated, String truncationReason, long objectsVisited, long elapsedNanos,
             WalkOptions options) {
        this.truncated = truncated;
        this.truncationReason = truncationReason;
        this.objectsVisited = objectsVisited;
        this.elapsedNanos = elapsedNanos;
        this.options = options;
    }

    /** Whether a limit stopped the walk: the figures are then lower bounds. */
    public boolean isTruncated() {
        return truncated;
    }

    /** Why it stopped early, e.g. "object limit 100 reached"; null when not truncated. */
    public String getTruncationReason() {
        return truncationReason;
    }

    public long getObjectsVisited() {
        return objectsVisited;
    }

    public long getElapsedMs() {
        return elapsedNanos / 1_000_000;
    }

    /**
     * Always true: the host keeps running and mutating its objects during a walk, so every answer is a
     * consistent-enough estimate of a live graph, never a stopped-world picture.
     */
    public boolean isLiveGraph() {
        return true;
    }

    /** The boundaries the walk stopped at: referents, classes, classLoaders, threads. */
    public List<String> getNotFollowed() {
        return WalkRequest.describe(options.boundaries());
    }

    public long getMaxObjects() {
        return options.maxObjects();
    }

    public long getTimeLimitMs() {
        return options.timeLimit().toMillis();
    }
}
