package dev.heapscope.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns timeline rows into points, merging neighbours into equal time buckets when more rows than wanted
 * fall in the range. A merged point keeps each figure's largest value: a plot of merged points still shows
 * every peak.
 */
final class Buckets {

    private final List<MemoryPoint> points = new ArrayList<>();
    private final long fromMillis;
    private final long widthMillis;
    private final int poolCount;
    private long[] open;
    private long openBucket = Long.MIN_VALUE;
    private long openResolutionSeconds;

    /**
     * @param widthMillis 0 to keep every row as it is, else the bucket width
     */
    Buckets(long fromMillis, long widthMillis, int poolCount) {
        this.fromMillis = fromMillis;
        this.widthMillis = widthMillis;
        this.poolCount = poolCount;
    }

    /** The bucket width that brings {@code rows} in {@code [from, to]} down to at most {@code maxPoints}. */
    static long widthFor(long fromMillis, long toMillis, int rows, int maxPoints) {
        if (rows <= maxPoints) {
            return 0;
        }
        return Math.max(1000, Math.floorDiv(toMillis - fromMillis, maxPoints) + 1);
    }

    /** Adds a row, rows in time order; {@code resolutionSeconds} is the period the row stands for. */
    void add(long[] row, long resolutionSeconds) {
        if (widthMillis == 0) {
            points.add(point(row, resolutionSeconds));
            return;
        }
        long bucket = Math.floorDiv(row[0] - fromMillis, widthMillis);
        if (open != null && bucket != openBucket) {
            flush();
        }
        if (open == null) {
            open = row.clone();
            open[0] = fromMillis + bucket * widthMillis;
            openBucket = bucket;
            openResolutionSeconds = Math.max(resolutionSeconds, (widthMillis + 999) / 1000);
            return;
        }
        for (int c = 1; c < open.length; c++) {
            open[c] = Math.max(open[c], row[c]);
        }
    }

    List<MemoryPoint> points() {
        if (open != null) {
            flush();
        }
        return points;
    }

    private void flush() {
        points.add(point(open, openResolutionSeconds));
        open = null;
    }

    private MemoryPoint point(long[] row, long resolutionSeconds) {
        List<Long> pools = new ArrayList<>(poolCount);
        for (int i = 0; i < poolCount; i++) {
            pools.add(row[MemoryPools.FIXED_COLUMNS + i]);
        }
        return new MemoryPoint(Instant.ofEpochMilli(row[0]), resolutionSeconds, row[1], row[2], row[3], pools);
    }
}
