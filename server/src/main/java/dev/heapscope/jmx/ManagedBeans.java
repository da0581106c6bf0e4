package dev.heapscope.jmx;

import dev.heapscope.heap.HeapService;
import dev.heapscope.heap.RootsService;
import dev.heapscope.snapshot.SnapshotService;
import dev.heapscope.tracing.TracingService;
import dev.heapscope.watch.LeakWatch;
import java.util.List;
import javax.management.MalformedObjectNameException;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;

/** The catalogue of heapscope's MXBeans: adding one is one more entry in {@link #create}. */
final class ManagedBeans {

    private static final Runnable NOTHING = () -> { };

    private final TracingService tracing;
    private final SnapshotService snapshots;
    private final HeapService heap;
    private final RootsService roots;
    private final LeakWatch watch;

    ManagedBeans(TracingService tracing, SnapshotService snapshots, HeapService heap, RootsService roots,
                 LeakWatch watch) {
        this.tracing = tracing;
        this.snapshots = snapshots;
        this.heap = heap;
        this.roots = roots;
        this.watch = watch;
    }

    /** Fresh beans named {@code dev.heapscope:type=<T>[,name=<instance>]}; instance null for no name key. */
    List<ManagedBean> create(String instance) {
        ObjectName tracingName = name("Tracing", instance);
        TracingBean tracingBean = new TracingBean(tracing, tracingName);
        ObjectName snapshotsName = name("Snapshots", instance);
        SnapshotsBean snapshotsBean = new SnapshotsBean(snapshots, snapshotsName);
        ObjectName watchName = name("Watch", instance);
        WatchBean watchBean = new WatchBean(watch, watchName);
        return List.of(
                new ManagedBean(tracingName, new DescribedMBean(tracingBean, TracingMXBean.class, tracingBean),
                        () -> tracing.addListener(tracingBean), () -> tracing.removeListener(tracingBean)),
                new ManagedBean(snapshotsName,
                        new DescribedMBean(snapshotsBean, SnapshotsMXBean.class, snapshotsBean),
                        () -> snapshots.addListener(snapshotsBean), () -> snapshots.removeListener(snapshotsBean)),
                new ManagedBean(name("Heap", instance), new DescribedMBean(new HeapBean(heap), HeapMXBean.class,
                        new NotificationBroadcasterSupport()), NOTHING, NOTHING),
                new ManagedBean(name("Roots", instance), new DescribedMBean(new RootsBean(roots), RootsMXBean.class,
                        new NotificationBroadcasterSupport()), NOTHING, NOTHING),
                new ManagedBean(watchName, new DescribedMBean(watchBean, WatchMXBean.class, watchBean),
                        () -> watch.addListener(watchBean), () -> watch.removeListener(watchBean)));
    }

    static ObjectName name(String type, String instance) {
        try {
            return new ObjectName(JmxBeans.DOMAIN + ":type=" + type + (instance == null ? "" : ",name=" + instance));
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("'" + instance + "' cannot be part of a JMX name: " + e.getMessage(), e);
        }
    }
}
