package dev.heapscope.watch;

import dev.heapscope.Ranges;

/**
 * How the leak watch runs.
 *
 * @param intervalSeconds     seconds between snapshots, {@value #MIN_INTERVAL_SECONDS}..{@value #MAX_INTERVAL_SECONDS}
 *                            (default 600). Each snapshot runs a full GC.
 * @param keep                snapshots kept in the watch's ring, {@value #MIN_KEEP}..{@value #MAX_KEEP} (default 6):
 *                            suspects and the trend are judged over their {@code keep - 1} intervals
 * @param minGrowingIntervals intervals of growth that make a suspect, 2..keep-1 (default three quarters of
 *                            {@code keep - 1}, rounded up)
 */
public record WatchSettings(int intervalSeconds, int keep, int minGrowingIntervals) {

    public static final int MIN_INTERVAL_SECONDS = 5;
    public static final int MAX_INTERVAL_SECONDS = 24 * 3600;
    public static final int DEFAULT_INTERVAL_SECONDS = 600;
    public static final int MIN_KEEP = 4;
    public static final int MAX_KEEP = 24;
    public static final int DEFAULT_KEEP = 6;

    /** @throws dev.heapscope.HeapscopeException.BadRequest naming a value out of range */
    public WatchSettings {
        Ranges.require("intervalSeconds", intervalSeconds, DEFAULT_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS,
                MAX_INTERVAL_SECONDS);
        Ranges.require("keep", keep, DEFAULT_KEEP, MIN_KEEP, MAX_KEEP);
        Ranges.require("minGrowingIntervals", minGrowingIntervals, 2, 2, keep - 1);
    }

    /** From wire values; nulls take their defaults. */
    public static WatchSettings of(Integer intervalSeconds, Integer keep, Integer minGrowingIntervals) {
        int k = Ranges.require("keep", keep, DEFAULT_KEEP, MIN_KEEP, MAX_KEEP);
        return new WatchSettings(
                Ranges.require("intervalSeconds", intervalSeconds, DEFAULT_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS,
                        MAX_INTERVAL_SECONDS),
                k, minGrowingIntervals == null ? defaultMinGrowing(k - 1) : minGrowingIntervals);
    }

    /** Three quarters of the intervals, rounded up, at least 2. */
    static int defaultMinGrowing(int intervals) {
        return Math.max(2, (3 * intervals + 3) / 4);
    }

    /** The defaults: every 10 minutes, 6 kept. */
    public static WatchSettings defaults() {
        return of(null, null, null);
    }
}
