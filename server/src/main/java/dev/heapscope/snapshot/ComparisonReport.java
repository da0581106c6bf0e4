package dev.heapscope.snapshot;

import dev.heapscope.Doc;
import java.util.List;

/** A snapshot compared to a baseline, biggest absolute size difference first (tracemalloc's compare_to). */
@Doc("a snapshot compared to a baseline, biggest absolute size difference first (tracemalloc's compare_to)")
public record ComparisonReport(
        @Doc("the newer snapshot's name") String snapshot,
        @Doc("the baseline's name") String baseline,
        @Doc("what the entries are grouped by: line, method, file, type, traceback or root") GroupBy groupBy,
        @Doc("allocated (since tracing started) or live (alive at the snapshot)") View view,
        @Doc("whether every frame of a traceback counted, not only the first outside the JDK") boolean cumulative,
        @Doc("frames per traceback used") int stackDepth,
        @Doc("what the sizes are: ESTIMATED bytes, SAMPLES, EXACT or UNAVAILABLE") FigureBasis sizeBasis,
        @Doc("what the counts are: SAMPLES or EXACT") FigureBasis countBasis,
        @Doc("at most the limit asked for, biggest absolute sizeDiff first") List<StatisticDiff> entries,
        @Doc("what a reader should know about these figures") List<String> notes) {
    public ComparisonReport {
        entries = List.copyOf(entries);
        notes = List.copyOf(notes);
    }
}
