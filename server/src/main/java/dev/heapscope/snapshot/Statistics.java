package dev.heapscope.snapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** tracemalloc's Snapshot.statistics() and compare_to() over heapscope snapshots. */
final class Statistics {

    private static final Comparator<Statistic> BIGGEST_FIRST = Comparator
            .comparingLong(Statistic::size).reversed()
            .thenComparing(Comparator.comparingLong(Statistic::count).reversed())
            .thenComparing(Statistic::key);

    // tracemalloc's order: abs(size_diff), size, abs(count_diff), count, key
    private static final Comparator<StatisticDiff> BIGGEST_CHANGE_FIRST = Comparator
            .comparingLong((StatisticDiff d) -> Math.abs(d.sizeDiff())).reversed()
            .thenComparing(Comparator.comparingLong(StatisticDiff::size).reversed())
            .thenComparing(Comparator.comparingLong((StatisticDiff d) -> Math.abs(d.countDiff())).reversed())
            .thenComparing(Comparator.comparingLong(StatisticDiff::count).reversed())
            .thenComparing(StatisticDiff::key);

    private Statistics() {
    }

    static StatisticsReport of(Snapshot snapshot, StatisticsQuery query) {
        Groups groups = Groups.of(snapshot, query);
        List<Statistic> all = new ArrayList<>(groups.groups().size());
        long totalSize = 0;
        long totalCount = 0;
        for (Map.Entry<String, Groups.Group> e : groups.groups().entrySet()) {
            Groups.Group g = e.getValue();
            all.add(new Statistic(e.getKey(), g.traceback, g.size, g.count));
            totalSize += g.size;
            totalCount += g.count;
        }
        all.sort(BIGGEST_FIRST);
        return new StatisticsReport(snapshot.name(), query.groupBy(), query.view(), query.cumulative(),
                groups.stackDepth(), groups.sizeBasis(),
                groups.countBasis(), totalSize, totalCount, top(all, query.limit()),
                SnapshotNotes.forView(snapshot, query));
    }

    static ComparisonReport compare(Snapshot snapshot, Snapshot baseline, StatisticsQuery query) {
        Groups before = Groups.of(baseline, query);
        Groups after = Groups.of(snapshot, query);
        Map<String, Groups.Group> now = after.groups();
        Set<String> keys = new HashSet<>(now.keySet());
        keys.addAll(before.groups().keySet());
        List<StatisticDiff> diffs = new ArrayList<>(keys.size());
        for (String key : keys) {
            Groups.Group a = now.get(key);
            Groups.Group b = before.groups().get(key);
            long size = a == null ? 0 : a.size;
            long count = a == null ? 0 : a.count;
            long oldSize = b == null ? 0 : b.size;
            long oldCount = b == null ? 0 : b.count;
            List<String> traceback = a != null ? a.traceback : b.traceback;
            diffs.add(new StatisticDiff(key, traceback, size, size - oldSize, count, count - oldCount));
        }
        diffs.sort(BIGGEST_CHANGE_FIRST);
        return new ComparisonReport(snapshot.name(), baseline.name(), query.groupBy(), query.view(),
                query.cumulative(), after.stackDepth(),
                after.sizeBasis(), after.countBasis(), top(diffs, query.limit()),
                SnapshotNotes.forComparison(snapshot, baseline, query));
    }

    private static <T> List<T> top(List<T> sorted, int limit) {
        return sorted.subList(0, Math.min(limit, sorted.size()));
    }
}
