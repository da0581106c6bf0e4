package dev.heapscope.heap;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Bounds and boundaries of one object-graph walk.
 *
 * @param maxObjects  the most objects a walk visits (including objects it stops at because of a
 *                    boundary) before it returns a truncated result; 1 to {@value #MAX_OBJECTS_LIMIT}.
 *                    The walker's own memory is proportional to it.
 * @param timeLimit   wall-clock budget of a walk; positive, at most {@link #MAX_TIME_LIMIT}.
 *                    Checked every few thousand objects, so a walk may overrun it by about a millisecond.
 * @param boundaries  kinds of objects not counted or entered; may be empty (then the walk reaches
 *                    exactly what JOL's {@code GraphLayout.parseInstance} reaches)
 */
public record WalkOptions(long maxObjects, Duration timeLimit, Set<Boundary> boundaries) {

    /** Default object limit: 5,000,000 objects. */
    public static final long DEFAULT_MAX_OBJECTS = 5_000_000L;
    /** Largest accepted object limit: 100,000,000 objects (the walker's tables are int-indexed). */
    public static final long MAX_OBJECTS_LIMIT = 100_000_000L;
    /** Default time budget: 10 seconds. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);
    /** Largest accepted time budget: 10 minutes. */
    public static final Duration MAX_TIME_LIMIT = Duration.ofMinutes(10);
    /** Default boundaries: all of them. */
    public static final Set<Boundary> DEFAULT_BOUNDARIES = Set.copyOf(EnumSet.allOf(Boundary.class));

    /**
     * @throws IllegalArgumentException if a value is out of range, naming it
     * @throws NullPointerException     if timeLimit or boundaries is null
     */
    public WalkOptions {
        Objects.requireNonNull(timeLimit, "timeLimit");
        Objects.requireNonNull(boundaries, "boundaries");
        if (maxObjects < 1 || maxObjects > MAX_OBJECTS_LIMIT) {
            throw new IllegalArgumentException(
                    "maxObjects must be in 1.." + MAX_OBJECTS_LIMIT + " but was " + maxObjects);
        }
        if (timeLimit.isNegative() || timeLimit.isZero() || timeLimit.compareTo(MAX_TIME_LIMIT) > 0) {
            throw new IllegalArgumentException(
                    "timeLimit must be positive and at most " + MAX_TIME_LIMIT + " but was " + timeLimit);
        }
        boundaries = boundaries.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(boundaries));
    }

    /** The defaults: {@value #DEFAULT_MAX_OBJECTS} objects, 10 s, all boundaries. */
    public static WalkOptions defaults() {
        return new WalkOptions(DEFAULT_MAX_OBJECTS, DEFAULT_TIME_LIMIT, DEFAULT_BOUNDARIES);
    }

    /** The defaults with no boundaries: the walk reaches what JOL's {@code GraphLayout} reaches. */
    public static WalkOptions unbounded() {
        return new WalkOptions(DEFAULT_MAX_OBJECTS, DEFAULT_TIME_LIMIT, Set.of());
    }

    /** A copy with another object limit. */
    public WalkOptions withMaxObjects(long newMaxObjects) {
        return new WalkOptions(newMaxObjects, timeLimit, boundaries);
    }

    /** A copy with another time budget. */
    public WalkOptions withTimeLimit(Duration newTimeLimit) {
        return new WalkOptions(maxObjects, newTimeLimit, boundaries);
    }

    /** A copy with other boundaries. */
    public WalkOptions withBoundaries(Set<Boundary> newBoundaries) {
        return new WalkOptions(maxObjects, timeLimit, newBoundaries);
    }
}
