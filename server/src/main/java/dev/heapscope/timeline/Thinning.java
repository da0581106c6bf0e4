package dev.heapscope.timeline;

/**
 * Folds rows leaving the fine ring into one row per period (a minute) in the coarse ring, so old figures
 * are thinned rather than lost. Each coarse row holds, per column, the period's largest value: for memory
 * the peak is the figure that matters (what came close to the maximum), and a maximum of maxima stays
 * one when periods are merged again for a plot.
 */
final class Thinning {

    private final LongRing coarse;
    private final long periodMillis;
    private final long[] bucket;
    private boolean filling;

    Thinning(LongRing coarse, long periodMillis) {
        this.coarse = coarse;
        this.periodMillis = periodMillis;
        this.bucket = new long[coarse.width()];
    }

    /** Adds one row that left the fine ring (rows arrive in time order). */
    void fold(long[] row) {
        long period = Math.floorDiv(row[0], periodMillis) * periodMillis;
        if (filling && bucket[0] != period) {
            coarse.add(bucket, null);
            filling = false;
        }
        if (!filling) {
            System.arraycopy(row, 0, bucket, 0, bucket.length);
            bucket[0] = period;
            filling = true;
            return;
        }
        for (int c = 1; c < bucket.length; c++) {
            bucket[c] = Math.max(bucket[c], row[c]);
        }
    }

    /** The period being filled, or null: it is part of the history too until it is complete. */
    long[] pending() {
        return filling ? bucket.clone() : null;
    }

    void clear() {
        filling = false;
    }
}
