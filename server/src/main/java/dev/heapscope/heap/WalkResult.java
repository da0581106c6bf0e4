package dev.heapscope.heap;

import java.util.Objects;

/** What every graph walk reports about itself, whatever it measured. */
public interface WalkResult {

    /** Whether a limit (or an error) stopped the walk before the end: its figures are then lower bounds. */
    boolean truncated();

    /** Why it stopped early, e.g. {@code "object limit 100 reached"}; null when not truncated. */
    String truncationReason();

    /** Objects taken from the work list, including those stopped at by a boundary. */
    long objectsVisited();

    /** Wall-clock duration in nanoseconds. */
    long elapsedNanos();

    /** The check each result's constructor makes: a reason exactly when truncated. */
    static void requireReason(boolean truncated, String truncationReason) {
        if (truncated) {
            Objects.requireNonNull(truncationReason, "truncationReason");
        } else if (truncationReason != null) {
            throw new IllegalArgumentException("truncationReason must be null when not truncated");
        }
    }
}
