package dev.heapscope.snapshot;

import dev.heapscope.Doc;
import java.util.List;

/** One entry of {@code Snapshot.statistics()}: sizes and counts are of the report's size and count basis. */
@Doc("one group of a snapshot's statistics")
public record Statistic(@Doc("the group's key: a line, method, file, type, traceback or root") String key,
                        @Doc("the frames, top first, for groupBy traceback; empty otherwise") List<String> traceback,
                        @Doc("bytes, of the report's sizeBasis") long size,
                        @Doc("of the report's countBasis") long count) {
    public Statistic {
        traceback = List.copyOf(traceback);
    }

    /** size / count, bytes; 0 when count is 0. */
    @Doc("size / count, bytes; 0 when count is 0")
    public long average() {
        return count == 0 ? 0 : size / count;
    }
}
