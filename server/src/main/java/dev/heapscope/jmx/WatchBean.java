package dev.heapscope.jmx;

import dev.heapscope.watch.LeakWatch;
import dev.heapscope.watch.Suspect;
import dev.heapscope.watch.WatchListener;
import dev.heapscope.watch.WatchSettings;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;

/** {@link WatchMXBean} over {@link LeakWatch}: mapping only. */
final class WatchBean extends NotificationBroadcasterSupport implements WatchMXBean, WatchListener {

    private final LeakWatch watch;
    // notifications name the ObjectName as their source: the bean itself would not serialize to a remote client
    private final ObjectName source;
    private final AtomicLong sequence = new AtomicLong();

    WatchBean(LeakWatch watch, ObjectName source) {
        super(JmxEvents.watchInfo());
        this.watch = watch;
        this.source = source;
    }

    @Override
    public WatchView getStatus() {
        return new WatchView(watch.status());
    }

    @Override
    public WatchView start(int intervalSeconds, int keep, int minGrowingIntervals) {
        // JMX has no optional arguments: 0 stands for the default, as an absent field does in REST
        return new WatchView(watch.start(WatchSettings.of(intervalSeconds, keep,
                minGrowingIntervals == 0 ? null : minGrowingIntervals)));
    }

    @Override
    public WatchView startWithDefaults() {
        return new WatchView(watch.start(WatchSettings.defaults()));
    }

    @Override
    public WatchView stop() {
        return new WatchView(watch.stop());
    }

    @Override
    public void suspectAppeared(Suspect suspect) {
        Instant now = Instant.now();
        Notification notification = new Notification(JmxEvents.WATCH_SUSPECT, source, sequence.incrementAndGet(),
                now.toEpochMilli(), "new leak suspect: " + suspect.kind().wireName() + " " + suspect.key());
        notification.setUserData(JmxEvents.suspectEvent(suspect, now));
        sendNotification(notification);
    }
}
