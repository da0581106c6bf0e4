package dev.heapscope.heap;

/**
 * Counts visited objects against a walk's limits. The clock is read once every
 * {@value #CLOCK_EVERY} objects: {@code System.nanoTime()} costs ~20 ns, a visit a few ns.
 */
final class WalkBudget {

    private static final int CLOCK_EVERY = 4096;

    private final long maxObjects;
    private final long timeLimitMillis;
    private final long startNanos;
    private final long deadlineNanos;
    private long visited;
    private String exhaustedReason;

    WalkBudget(WalkOptions options) {
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
        if ((visited & (CLOCK_EVERY - 1)) == 0 && visited > 0 && System.nanoTime() - deadlineNanos > 0) {
            exhaustedReason = "time limit " + timeLimitMillis + " ms reached";
            return false;
        }
        visited++;
        return true;
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
