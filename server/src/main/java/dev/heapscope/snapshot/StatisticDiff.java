package dev.heapscope.snapshot;

import java.util.List;

/**
 * One entry of a comparison (tracemalloc's StatisticDiff).
 *
 * @param key       the group's key
 * @param traceback the frames, top first (groupBy traceback), else empty
 * @param size      bytes in the newer snapshot
 * @param sizeDiff  size minus the baseline's size
 * @param count     count in the newer snapshot
 * @param countDiff count minus the baseline's count
 */
public record StatisticDiff(String key, List<String> traceback, long size, long sizeDiff, long count, long countDiff) {
    public StatisticDiff {
        traceback = List.copyOf(traceback);
    }

    /** size / count in the newer snapshot, bytes; 0 when count is 0. */
    public long average() {
        return count == 0 ? 0 : size / count;
    }
}
