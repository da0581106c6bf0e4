package dev.heapscope.jmx;

import dev.heapscope.snapshot.Snapshot;
import dev.heapscope.snapshot.SnapshotListener;
import dev.heapscope.tracing.TracingListener;
import dev.heapscope.tracing.TracingStatus;
import java.time.Instant;
import javax.management.MBeanNotificationInfo;
import javax.management.Notification;

/**
 * The notifications heapscope's beans send, whichever adapter (REST, JMX or code) caused them. Each carries a
 * {@link TracingEvent} or {@link SnapshotEvent} as CompositeData userData, so a console without heapscope's
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

    static final MBeanNotificationInfo TRACING = new MBeanNotificationInfo(
            new String[] {TRACING_STARTED, TRACING_STOPPED}, Notification.class.getName(),
            "tracing started or stopped, from any adapter; userData: time, since, stackDepth,"
                    + " allocationSamplesPerSecond");
    static final MBeanNotificationInfo SNAPSHOTS = new MBeanNotificationInfo(
            new String[] {SNAPSHOT_TAKEN, SNAPSHOT_DELETED}, Notification.class.getName(),
            "a snapshot taken or deleted, from any adapter; userData: name, time");

    private JmxEvents() {
    }

    record TracingEvent(Instant time, Instant since, int stackDepth, int allocationSamplesPerSecond) {
    }

    record SnapshotEvent(String name, Instant time) {
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
}
