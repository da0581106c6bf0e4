package dev.heapscope.heap;

import dev.heapscope.Cancellation;
import dev.heapscope.HeapHeadroom;

/**
 * Counts visited objects and followed references against a walk's limits. The clock and the
 * cancellation flag are read once every {@value #CLOCK_EVERY} objects or references
 * ({@code System.nanoTime()} costs ~20 ns, a visit a few ns), so that even a walk through one huge array
 * stops promptly; the heap's fill once every {@value #HEAP_EVERY} such checks (a few microseconds): a
 * walk that would leave the host's heap nearly full stops and lets go of its tables.
 */
final class WalkBudget {

    private static final int CLOCK_EVERY = 4096;
    private static final int HEAP_EVERY = 64;

    private final long maxObjects;
    private final long timeLimitMillis;
    private final long startNanos;
    private final long deadlineNanos;
    private final Cancellation cancellation;
    private long visited;
    private long edges;
    private int checkpoints;
    private String exhaustedReason;

    WalkBudget(WalkOptions options, Cancellation cancellation) {
        this.cancellation = cancellation;
        this.maxObjects = options.maxObjects();
        this.timeLimitMillis = options.timeLimit().toMillis();
        this.startNanos = System.nanoTime();
        this.deadlineNanos = startNanos + options.timeLimit().toNanos();
    }

    /** Counts one visit; false once a limit is reached (and stays false). */
    boolean tryVisit() {
        if (exhaustedReason != null) {
            return false;
        }
        if (visited >= maxObjects) {
            exhaustedReason = "object limit " + maxObjects + " reached";
            return false;
        }
        if ((visited & (CLOCK_EVERY - 1)) == 0 && visited > 0 && (exhaustedReason = checkpoint()) != null) {
            return false;
        }
        visited++;
        return true;
    }

    /** Counts one reference about to be followed; false once the walk must stop (and stays false). */
    boolean followEdge() {
        if ((++edges & (CLOCK_EVERY - 1)) == 0 && exhaustedReason == null) {
            exhaustedReason = checkpoint();
        }
        return exhaustedReason == null;
    }

    private String checkpoint() {
        if (System.nanoTime() - deadlineNanos > 0) {
            return "time limit " + timeLimitMillis + " ms reached";
        }
        String cancelled = cancellation.reason();
        if (cancelled != null) {
            return "cancelled: " + cancelled;
        }
        return ++checkpoints % HEAP_EVERY == 0 ? HeapHeadroom.walkMustStop() : null;
    }

    /** Marks the walk as stopped for a reason other than the limits (e.g. an error). */
    void stop(String reason) {
        if (exhaustedReason == null) {
            exhaustedReason = reason;
        }
    }

    long visited() {
        return visited;
    }

    /** Null if no limit was reached. */
    String exhaustedReason() {
        return exhaustedReason;
    }

    long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }
}
