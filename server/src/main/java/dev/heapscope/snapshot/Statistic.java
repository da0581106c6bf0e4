package dev.heapscope.snapshot;

import java.util.List;

/**
 * One entry of {@code Snapshot.statistics()}.
 *
 * @param key       the group's key (a line, method, file, type or traceback)
 * @param traceback the frames, top first (groupBy traceback), else empty
 * @param size      bytes, of the report's size basis
 * @param count     of the report's count basis
 */
public record Statistic(String key, List<String> traceback, long size, long count) {
    public Statistic {
        traceback = List.copyOf(traceback);
    }

    /** size / count, bytes; 0 when count is 0. */
    public long average() {
        return count == 0 ? 0 : size / count;
    }
}
