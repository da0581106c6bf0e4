package dev.heapscope.watch;

/**
 * The Mann-Kendall trend test on a short series: does it rise more often than chance allows? It compares
 * every pair of points, not neighbours only, so one dip in a steady rise (a churn buffer alive at one
 * snapshot's GC) does not hide the trend, and a flat series with noise does not make one.
 *
 * <p>{@code S} is the number of rising pairs less the falling ones. Without a trend, every order of the
 * points is equally likely, so {@code S} follows from the number of inversions of a random permutation,
 * whose distribution (Mahonian numbers) is computed exactly: the watch's series are at most
 * {@value WatchSettings#MAX_KEEP} points. Ties count as neither rising nor falling, which only makes the
 * test stricter.
 */
final class TrendTest {

    private TrendTest() {
    }

    /** Rising pairs less falling pairs. */
    static int s(long[] values) {
        int s = 0;
        for (int i = 0; i < values.length; i++) {
            for (int j = i + 1; j < values.length; j++) {
                s += Long.signum(values[j] - values[i]);
            }
        }
        return s;
    }

    /**
     * The one-sided p-value of a rise: how likely a series with no trend has an {@code S} at least this large.
     *
     * @throws IllegalArgumentException for fewer than 2 or more than 64 points
     */
    static double risingPValue(long[] values) {
        int m = values.length;
        if (m < 2 || m > 64) {
            throw new IllegalArgumentException("the trend test takes 2..64 points, not " + m);
        }
        int pairs = m * (m - 1) / 2;
        // S = pairs - 2 * inversions, so S' >= S exactly when inversions' <= (pairs - S) / 2
        int maxInversions = Math.floorDiv(pairs - s(values), 2);
        double[] counts = inversionCounts(m);
        double atMost = 0;
        double all = 0;
        for (int k = 0; k < counts.length; k++) {
            all += counts[k];
            if (k <= maxInversions) {
                atMost += counts[k];
            }
        }
        return atMost / all;
    }

    /** How many permutations of m items have k inversions, for every k (in doubles: 64! overflows a long). */
    private static double[] inversionCounts(int m) {
        double[] counts = {1};
        for (int size = 2; size <= m; size++) {
            double[] next = new double[counts.length + size - 1];
            for (int k = 0; k < counts.length; k++) {
                for (int added = 0; added < size; added++) {
                    next[k + added] += counts[k];
                }
            }
            counts = next;
        }
        return counts;
    }
}
