package dev.heapscope.jmx;

import dev.heapscope.snapshot.Snapshot;
import dev.heapscope.snapshot.SnapshotListener;
import dev.heapscope.snapshot.SnapshotService;
import dev.heapscope.snapshot.StatisticsQuery;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;

/** {@link SnapshotsMXBean} over {@link SnapshotService}: mapping only. */
final class SnapshotsBean extends NotificationBroadcasterSupport implements SnapshotsMXBean, SnapshotListener {

    private final SnapshotService snapshots;
    // notifications name the ObjectName as their source: the bean itself would not serialize to a remote client
    private final ObjectName source;
    private final AtomicLong sequence = new AtomicLong();

    SnapshotsBean(SnapshotService snapshots, ObjectName source) {
        super(JmxEvents.snapshotInfo());
        this.snapshots = snapshots;
        this.source = source;
    }

    @Override
    public List<SnapshotView> getSnapshots() {
        return snapshots.list().stream().map(SnapshotView::new).toList();
    }

    @Override
    public int getCapacity() {
        return snapshots.capacity();
    }

    @Override
    public SnapshotView take(String name) {
        return new SnapshotView(snapshots.take(name));
    }

    @Override
    public SnapshotView snapshot(String name) {
        return new SnapshotView(snapshots.get(name));
    }

    @Override
    public void delete(String name) {
        snapshots.delete(name);
    }

    @Override
    public StatisticsView statistics(String name, String groupBy, String view, boolean cumulative, int limit,
                                     int stackDepth) {
        return new StatisticsView(snapshots.statistics(name, query(groupBy, view, cumulative, limit, stackDepth)));
    }

    @Override
    public ComparisonView compare(String name, String baseline, String groupBy, String view, boolean cumulative,
                                  int limit, int stackDepth) {
        return new ComparisonView(snapshots.compare(name, baseline,
                query(groupBy, view, cumulative, limit, stackDepth)));
    }

    @Override
    public LeakReportView leaks(String name, int limit) {
        return new LeakReportView(snapshots.leaks(name, limit));
    }

    @Override
    public LeakComparisonView compareLeaks(String name, String baseline, int limit) {
        return new LeakComparisonView(snapshots.compareLeaks(name, baseline, limit));
    }

    @Override
    public void taken(Snapshot snapshot) {
        send(JmxEvents.SNAPSHOT_TAKEN, "snapshot '" + snapshot.name() + "' taken", snapshot.name(),
                snapshot.takenAt());
    }

    @Override
    public void deleted(Snapshot snapshot) {
        send(JmxEvents.SNAPSHOT_DELETED, "snapshot '" + snapshot.name() + "' deleted", snapshot.name(),
                Instant.now());
    }

    // JMX has no optional arguments: 0 stands for "the depth tracing ran with", as an absent stackDepth does in REST
    private static StatisticsQuery query(String groupBy, String view, boolean cumulative, int limit, int stackDepth) {
        return StatisticsQuery.of(groupBy, view, cumulative, limit, stackDepth == 0 ? null : stackDepth);
    }

    private void send(String type, String message, String name, Instant time) {
        Notification notification = new Notification(type, source, sequence.incrementAndGet(), time.toEpochMilli(),
                message);
        notification.setUserData(JmxEvents.snapshotEvent(name, time));
        sendNotification(notification);
    }
}
