package dev.heapscope.jmx;

import dev.heapscope.snapshot.ComparisonReport;
import dev.heapscope.snapshot.LeakComparison;
import dev.heapscope.snapshot.LeakReport;
import dev.heapscope.snapshot.Snapshot;
import dev.heapscope.snapshot.SnapshotService;
import dev.heapscope.snapshot.SnapshotSummary;
import dev.heapscope.snapshot.StatisticsQuery;
import dev.heapscope.snapshot.StatisticsReport;
import java.util.List;

/**
 * {@code dev.heapscope:type=Snapshots}: named snapshots as {@code /api/v1/snapshots...} offers them over REST. Its
 * public methods are the MBean's attributes and operations ({@link OpenBean}), described in this package's {@code
 * descriptions.properties}.
 */
final class SnapshotsBean {

    private final SnapshotService snapshots;

    SnapshotsBean(SnapshotService snapshots) {
        this.snapshots = snapshots;
    }

    public List<SnapshotSummary> getSnapshots() {
        return snapshots.list().stream().map(Snapshot::summary).toList();
    }

    public int getCapacity() {
        return snapshots.capacity();
    }

    @Action
    public SnapshotSummary take(String name) {
        return snapshots.take(name).summary();
    }

    public SnapshotSummary snapshot(String name) {
        return snapshots.get(name).summary();
    }

    @Action
    public void delete(String name) {
        snapshots.delete(name);
    }

    public StatisticsReport statistics(String name, String groupBy, String view, boolean cumulative, int limit,
                                       int stackDepth) {
        return snapshots.statistics(name, query(groupBy, view, cumulative, limit, stackDepth));
    }

    public ComparisonReport compare(String name, String baseline, String groupBy, String view, boolean cumulative,
                                    int limit, int stackDepth) {
        return snapshots.compare(name, baseline, query(groupBy, view, cumulative, limit, stackDepth));
    }

    public LeakReport leaks(String name, int limit) {
        return snapshots.leaks(name, limit);
    }

    public LeakComparison compareLeaks(String name, String baseline, int limit) {
        return snapshots.compareLeaks(name, baseline, limit);
    }

    // JMX has no optional arguments: 0 stands for "the depth tracing ran with", as an absent stackDepth in REST
    private static StatisticsQuery query(String groupBy, String view, boolean cumulative, int limit, int stackDepth) {
        return StatisticsQuery.of(groupBy, view, cumulative, limit, stackDepth == 0 ? null : stackDepth);
    }
}
