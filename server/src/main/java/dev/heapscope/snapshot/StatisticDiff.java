package dev.heapscope.snapshot;

import dev.heapscope.Doc;
import java.util.List;

/** One entry of a comparison (tracemalloc's StatisticDiff). */
@Doc("one group of a comparison: its figures in the newer snapshot and their change since the baseline")
public record StatisticDiff(@Doc("the group's key: a line, method, file, type, traceback or root") String key,
                            @Doc("the frames, top first, for groupBy traceback; empty otherwise")
                            List<String> traceback,
                            @Doc("bytes in the newer snapshot, of the report's sizeBasis") long size,
                            @Doc("size minus the baseline's size, bytes") long sizeDiff,
                            @Doc("count in the newer snapshot, of the report's countBasis") long count,
                            @Doc("count minus the baseline's count") long countDiff) {
    public StatisticDiff {
        traceback = List.copyOf(traceback);
    }

    /** size / count in the newer snapshot, bytes; 0 when count is 0. */
    @Doc("size / count in the newer snapshot, bytes; 0 when count is 0")
    public long average() {
        return count == 0 ? 0 : size / count;
    }
}
