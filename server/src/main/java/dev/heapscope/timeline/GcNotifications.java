package dev.heapscope.timeline;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationFilter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The JVM's own notification after each collection ({@code GarbageCollectorMXBean} as a
 * {@link NotificationEmitter}): the JVM sends it anyway from its service thread, so listening costs the
 * host nothing per GC beyond our listener's few array writes, and nothing at all between GCs (no polling).
 * The one JVM facility of the timeline that speaks javax.management; {@link #close()} removes every
 * listener it added.
 */
final class GcNotifications implements AutoCloseable {

    /** One collection as the timeline keeps it. */
    record Collection(long endEpochMillis, long durationMillis, String collector, String cause,
                      Map<String, MemoryUsage> usageAfter) {
    }

    private static final NotificationFilter GC_ONLY = n ->
            GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType());

    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener;
    private final long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();

    GcNotifications(Consumer<Collection> sink) {
        this.listener = (notification, handback) -> sink.accept(collection(notification));
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, GC_ONLY, null);
                emitters.add(emitter);
            }
        }
    }

    /** How many collectors are listened to (0 on a JVM whose collectors send no notifications). */
    int collectors() {
        return emitters.size();
    }

    private Collection collection(Notification notification) {
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        GcInfo gc = info.getGcInfo();
        return new Collection(jvmStartMillis + gc.getEndTime(), gc.getDuration(), info.getGcName(),
                info.getGcCause(), gc.getMemoryUsageAfterGc());
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener, GC_ONLY, null);
            } catch (ListenerNotFoundException e) {
                // already removed: nothing of ours is left on this collector
            }
        }
        emitters.clear();
    }
}
