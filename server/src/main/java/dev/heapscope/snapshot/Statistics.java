package dev.heapscope.snapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
            all.add(new Statistic(e.getKey(), List.of(), g.size, g.count));
            totalSize += g.size;
            totalCount += g.count;
        }
        all.sort(BIGGEST_FIRST);
        // tracebacks written out for the entries kept only
        List<Statistic> kept = top(all, query.limit()).stream().map(s -> new Statistic(s.key(),
                groups.groups().get(s.key()).traceback(), s.size(), s.count())).toList();
        return new StatisticsReport(snapshot.name(), query.groupBy(), query.view(), query.cumulative(),
                groups.stackDepth(), groups.sizeBasis(),
                groups.countBasis(), totalSize, totalCount, kept,
                SnapshotNotes.forView(snapshot, query), liveSamplesAvailable(snapshot, query));
    }

    static ComparisonReport compare(Snapshot snapshot, Snapshot baseline, StatisticsQuery query) {
        Groups after = Groups.of(snapshot, query);
        // where a key the newer snapshot lacks finds its traceback: the baseline's groups (or the lost samples')
        List<Map<String, Groups.Group>> sources = new ArrayList<>(List.of(after.groups()));
        List<StatisticDiff> diffs = Groups.usesLiveSamples(query)
                ? liveDiffs(snapshot, baseline, query, after, sources)
                : diffs(after, Groups.of(baseline, query), sources);
        diffs.sort(BIGGEST_CHANGE_FIRST);
        List<StatisticDiff> kept = top(diffs, query.limit()).stream().map(d -> new StatisticDiff(d.key(),
                sources.stream().map(m -> m.get(d.key())).filter(Objects::nonNull).findFirst().orElseThrow()
                        .traceback(), d.size(), d.sizeDiff(), d.count(), d.countDiff())).toList();
        return new ComparisonReport(snapshot.name(), baseline.name(), query.groupBy(), query.view(),
                query.cumulative(), after.stackDepth(),
                after.sizeBasis(), after.countBasis(), kept,
                SnapshotNotes.forComparison(snapshot, baseline, query), liveSamplesAvailable(snapshot, query));
    }

    /** tracemalloc's compare_to: each key's figures now, less the baseline's. */
    private static List<StatisticDiff> diffs(Groups after, Groups before, List<Map<String, Groups.Group>> sources) {
        sources.add(before.groups());
        Set<String> keys = new HashSet<>(after.groups().keySet());
        keys.addAll(before.groups().keySet());
        List<StatisticDiff> diffs = new ArrayList<>(keys.size());
        for (String key : keys) {
            Groups.Group a = after.groups().get(key);
            Groups.Group b = before.groups().get(key);
            diffs.add(new StatisticDiff(key, List.of(), size(a), size(a) - size(b), count(a), count(a) - count(b)));
        }
        return diffs;
    }

    /**
     * Live samples by site: each key's samples now, and as difference the samples gained since the
     * baseline ({@link LiveGrowth}), not the baseline's samples subtracted: the two snapshots' samples
     * cover different allocation periods, so their counts do not subtract.
     */
    private static List<StatisticDiff> liveDiffs(Snapshot snapshot, Snapshot baseline, StatisticsQuery query,
                                                 Groups after, List<Map<String, Groups.Group>> sources) {
        LiveGrowth growth = LiveGrowth.between(snapshot, baseline);
        Map<String, Groups.Group> gained = Groups.ofLiveSamples(snapshot, growth.gained(), query).groups();
        Map<String, Groups.Group> lost = Groups.ofLiveSamples(baseline, growth.lost(), query).groups();
        sources.add(lost);
        Set<String> keys = new HashSet<>(after.groups().keySet());
        keys.addAll(lost.keySet());
        List<StatisticDiff> diffs = new ArrayList<>(keys.size());
        for (String key : keys) {
            Groups.Group a = after.groups().get(key);
            Groups.Group g = gained.get(key);
            Groups.Group l = lost.get(key);
            diffs.add(new StatisticDiff(key, List.of(), size(a), size(g) - size(l), count(a), count(g) - count(l)));
        }
        return diffs;
    }

    private static Boolean liveSamplesAvailable(Snapshot snapshot, StatisticsQuery query) {
        return Groups.usesLiveSamples(query) ? snapshot.live().available() : null;
    }

    private static long size(Groups.Group group) {
        return group == null ? 0 : group.size;
    }

    private static long count(Groups.Group group) {
        return group == null ? 0 : group.count;
    }

    private static <T> List<T> top(List<T> sorted, int limit) {
        return sorted.subList(0, Math.min(limit, sorted.size()));
    }
}
