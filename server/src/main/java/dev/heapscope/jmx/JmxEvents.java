package dev.heapscope.jmx;

import dev.heapscope.snapshot.Snapshot;
import dev.heapscope.snapshot.SnapshotListener;
import dev.heapscope.tracing.TracingListener;
import dev.heapscope.tracing.TracingStatus;
import dev.heapscope.watch.Suspect;
import dev.heapscope.watch.WatchListener;
import java.time.Instant;
import javax.management.MBeanNotificationInfo;
import javax.management.Notification;

/**
 * The notifications heapscope's beans send, whichever adapter (REST, JMX or code) caused them. Each carries a
 * {@link TracingEvent}, {@link SnapshotEvent} or {@link SuspectEvent} as CompositeData userData, so a console without heapscope's
 * classes can show it.
 */
public final class JmxEvents {

    /** Tracing went from off to on (from REST, JMX or code). */
    public static final String TRACING_STARTED = "dev.heapscope.tracing.started";
    /** Tracing went from on to off. */
    public static final String TRACING_STOPPED = "dev.heapscope.tracing.stopped";
    /** A snapshot was taken. */
    public static final String SNAPSHOT_TAKEN = "dev.heapscope.snapshot.taken";
    /** A snapshot was deleted. */
    public static final String SNAPSHOT_DELETED = "dev.heapscope.snapshot.deleted";
    /** The leak watch found a type or allocation site that was not a suspect before. */
    public static final String WATCH_SUSPECT = "dev.heapscope.watch.suspect";

    static final MBeanNotificationInfo TRACING = new MBeanNotificationInfo(
            new String[] {TRACING_STARTED, TRACING_STOPPED}, Notification.class.getName(),
            "tracing started or stopped, from any adapter; userData: time, since, stackDepth,"
                    + " allocationSamplesPerSecond");
    static final MBeanNotificationInfo SNAPSHOTS = new MBeanNotificationInfo(
            new String[] {SNAPSHOT_TAKEN, SNAPSHOT_DELETED}, Notification.class.getName(),
            "a snapshot taken or deleted, from any adapter; userData: name, time");
    static final MBeanNotificationInfo WATCH = new MBeanNotificationInfo(new String[] {WATCH_SUSPECT},
            Notification.class.getName(), "a type or allocation site became a leak suspect; userData: time, key,"
                    + " kind, bytesPerHour, countPerHour, growingIntervals, intervals");

    private JmxEvents() {
    }

    record TracingEvent(Instant time, Instant since, int stackDepth, int allocationSamplesPerSecond) {
    }

    record SnapshotEvent(String name, Instant time) {
    }

    record SuspectEvent(Instant time, String key, String kind, Long bytesPerHour, double countPerHour,
                        int growingIntervals, int intervals) {
    }

    /** Sends tracing's notifications from {@code bean}: the settings that started, or that ran until the stop. */
    static TracingListener tracing(OpenBean bean) {
        return new TracingListener() {
            @Override
            public void started(TracingStatus status) {
                send(TRACING_STARTED, "tracing started", status);
            }

            @Override
            public void stopped(TracingStatus before) {
                send(TRACING_STOPPED, "tracing stopped", before);
            }

            private void send(String type, String message, TracingStatus status) {
                Instant now = Instant.now();
                bean.send(type, message, now, new TracingEvent(now, status.since(), status.settings().stackDepth(),
                        status.settings().allocationSamplesPerSecond()));
            }
        };
    }

    /** Sends snapshots' notifications from {@code bean}. */
    static SnapshotListener snapshots(OpenBean bean) {
        return new SnapshotListener() {
            @Override
            public void taken(Snapshot snapshot) {
                bean.send(SNAPSHOT_TAKEN, "snapshot '" + snapshot.name() + "' taken", snapshot.takenAt(),
                        new SnapshotEvent(snapshot.name(), snapshot.takenAt()));
            }

            @Override
            public void deleted(Snapshot snapshot) {
                Instant now = Instant.now();
                bean.send(SNAPSHOT_DELETED, "snapshot '" + snapshot.name() + "' deleted", now,
                        new SnapshotEvent(snapshot.name(), now));
            }
        };
    }

    /** Sends the watch's notification from {@code bean} for each new suspect. */
    static WatchListener watch(OpenBean bean) {
        return new WatchListener() {
            @Override
            public void suspectAppeared(Suspect suspect) {
                Instant now = Instant.now();
                bean.send(WATCH_SUSPECT, "new leak suspect: " + suspect.kind().wireName() + " " + suspect.key(), now,
                        new SuspectEvent(now, suspect.key(), suspect.kind().wireName(), suspect.bytesPerHour(),
                                suspect.countPerHour(), suspect.growingIntervals(), suspect.intervals()));
            }
        };
    }
}
