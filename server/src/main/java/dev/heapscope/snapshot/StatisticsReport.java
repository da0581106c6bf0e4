package dev.heapscope.snapshot;

import dev.heapscope.Doc;
import java.util.List;

/** Statistics of one snapshot, biggest first (tracemalloc's Snapshot.statistics). */
@Doc("statistics of one snapshot, biggest first (tracemalloc's Snapshot.statistics)")
public record StatisticsReport(
        @Doc("the snapshot's name") String snapshot,
        @Doc("what the entries are grouped by: line, method, file, type, traceback or root") GroupBy groupBy,
        @Doc("allocated (since tracing started) or live (alive at the snapshot)") View view,
        @Doc("whether every frame of a traceback counted, not only the first outside the JDK") boolean cumulative,
        @Doc("frames per traceback used") int stackDepth,
        @Doc("what the sizes are: ESTIMATED bytes, SAMPLES, EXACT or UNAVAILABLE") FigureBasis sizeBasis,
        @Doc("what the counts are: SAMPLES or EXACT") FigureBasis countBasis,
        @Doc("the size summed over all groups, not only the entries returned") long totalSize,
        @Doc("the count summed over all groups") long totalCount,
        @Doc("at most the limit asked for, biggest size first") List<Statistic> entries,
        @Doc("what a reader should know about these figures") List<String> notes) {
    public StatisticsReport {
        entries = List.copyOf(entries);
        notes = List.copyOf(notes);
    }
}
