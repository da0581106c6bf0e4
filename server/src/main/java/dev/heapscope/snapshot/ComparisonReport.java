package dev.heapscope.snapshot;

import java.util.List;

/**
 * A snapshot compared to a baseline, biggest absolute size difference first.
 *
 * @param snapshot   the newer snapshot's name
 * @param baseline   the baseline's name
 * @param groupBy    what the entries are grouped by
 * @param view       allocated or live
 * @param cumulative whether every frame of a traceback counted
 * @param stackDepth frames per traceback used
 * @param sizeBasis  what the sizes are
 * @param countBasis what the counts are
 * @param entries    at most the query's limit
 * @param notes      what a reader should know about these figures
 */
public record ComparisonReport(String snapshot, String baseline, GroupBy groupBy, View view, boolean cumulative,
                               int stackDepth, FigureBasis sizeBasis, FigureBasis countBasis,
                               List<StatisticDiff> entries, List<String> notes) {
    public ComparisonReport {
        entries = List.copyOf(entries);
        notes = List.copyOf(notes);
    }
}
