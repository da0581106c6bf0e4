package dev.heapscope.jmx;

import dev.heapscope.Doc;
import dev.heapscope.snapshot.ComparisonReport;
import dev.heapscope.snapshot.LeakComparison;
import dev.heapscope.snapshot.LeakReport;
import dev.heapscope.snapshot.Snapshot;
import dev.heapscope.snapshot.SnapshotService;
import dev.heapscope.snapshot.SnapshotSummary;
import dev.heapscope.snapshot.StatisticsQuery;
import dev.heapscope.snapshot.StatisticsReport;
import java.util.List;
import java.util.Map;

/** {@code dev.heapscope:type=Snapshots}: named snapshots as {@code /api/v1/snapshots...} offers them over REST. */
@Doc("heapscope named snapshots (tracemalloc's take_snapshot, statistics and compare_to): the class histogram and"
        + " heap figures after a full GC and, while tracing, the allocation and live samples.")
final class SnapshotsBean {

    static final Map<String, String> PARAMETERS = Map.of(
            "name", "the snapshot's name",
            "take.name", "1 to 64 characters from A-Z a-z 0-9 . _ -, starting with a letter or digit",
            "compare.name", "the newer snapshot's name",
            "compareLeaks.name", "the newer snapshot's name",
            "baseline", "the older snapshot's name",
            "groupBy", "line, method, file, type, traceback or root (the deep sizes of registered roots)",
            "view", "allocated (since tracing started, estimated from JFR samples) or live (alive at the snapshot,"
                    + " after a full GC)",
            "cumulative", "count every frame of a traceback, not only the first outside the JDK (line, method and"
                    + " file only)",
            "limit", "entries or groups to return, 1..1000 (REST's default 10)",
            "stackDepth", "frames per traceback, 1..64; 0 for the depth tracing ran with");

    private final SnapshotService snapshots;

    SnapshotsBean(SnapshotService snapshots) {
        this.snapshots = snapshots;
    }

    @Doc("Every snapshot held, oldest first: name, time, whether tracing was on, heap figures, notes.")
    public List<SnapshotSummary> getSnapshots() {
        return snapshots.list().stream().map(Snapshot::summary).toList();
    }

    @Doc("How many snapshots the store holds at most; taking one more fails until one is deleted.")
    public int getCapacity() {
        return snapshots.capacity();
    }

    @Action
    @Doc("Takes a snapshot: a full GC, the class histogram, heap figures and, while tracing, the samples. Heavy:"
            + " one at a time (IllegalStateException when another runs). Fails with IllegalStateException when"
            + " the name is taken or the store is full.")
    public SnapshotSummary take(String name) {
        return snapshots.take(name).summary();
    }

    @Doc("One snapshot's summary. Unknown names fail with IllegalArgumentException.")
    public SnapshotSummary snapshot(String name) {
        return snapshots.get(name).summary();
    }

    @Action
    @Doc("Deletes a snapshot. Unknown names fail with IllegalArgumentException.")
    public void delete(String name) {
        snapshots.delete(name);
    }

    @Doc("Statistics of one snapshot, biggest first (tracemalloc's Snapshot.statistics). sizeBasis and countBasis"
            + " say what the figures are: ESTIMATED bytes, SAMPLES or EXACT.")
    public StatisticsReport statistics(String name, String groupBy, String view, boolean cumulative, int limit,
                                       int stackDepth) {
        return snapshots.statistics(name, query(groupBy, view, cumulative, limit, stackDepth));
    }

    @Doc("A snapshot compared to a baseline, biggest absolute size difference first (tracemalloc's compare_to):"
            + " size, sizeDiff, count, countDiff, average per key.")
    public ComparisonReport compare(String name, String baseline, String groupBy, String view, boolean cumulative,
                                    int limit, int stackDepth) {
        return snapshots.compare(name, baseline, query(groupBy, view, cumulative, limit, stackDepth));
    }

    @Doc("Live sampled objects of a snapshot grouped by allocation site and type, most samples first, each with"
            + " the chain that keeps its oldest object alive (objgraph.find_backref_chain). Samples are a bounded"
            + " sample (a few hundred objects), taken after a full GC.")
    public LeakReport leaks(String name, int limit) {
        return snapshots.leaks(name, limit);
    }

    @Doc("Leak groups new or grown (in samples) since a baseline, biggest growth first: a group that persists and"
            + " grows across snapshots is the signal.")
    public LeakComparison compareLeaks(String name, String baseline, int limit) {
        return snapshots.compareLeaks(name, baseline, limit);
    }

    // JMX has no optional arguments: 0 stands for "the depth tracing ran with", as an absent stackDepth in REST
    private static StatisticsQuery query(String groupBy, String view, boolean cumulative, int limit, int stackDepth) {
        return StatisticsQuery.of(groupBy, view, cumulative, limit, stackDepth == 0 ? null : stackDepth);
    }
}
