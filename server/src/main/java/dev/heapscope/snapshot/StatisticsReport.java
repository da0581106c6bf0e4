package dev.heapscope.snapshot;

import java.util.List;

/**
 * Statistics of one snapshot, biggest first.
 *
 * @param snapshot   the snapshot's name
 * @param groupBy    what the entries are grouped by
 * @param view       allocated or live
 * @param cumulative whether every frame of a traceback counted
 * @param stackDepth frames per traceback used
 * @param sizeBasis  what the sizes are
 * @param countBasis what the counts are
 * @param totalSize  the sum over all groups, not only the returned ones
 * @param totalCount the sum over all groups
 * @param entries    at most the query's limit
 * @param notes      what a reader should know about these figures
 */
public record StatisticsReport(String snapshot, GroupBy groupBy, View view, boolean cumulative, int stackDepth,
                               FigureBasis sizeBasis, FigureBasis countBasis, long totalSize, long totalCount,
                               List<Statistic> entries, List<String> notes) {
    public StatisticsReport {
        entries = List.copyOf(entries);
        notes = List.copyOf(notes);
    }
}
