package dev.heapscope.jmx;

import dev.heapscope.tracing.TracingStatus;
import java.time.Instant;
import java.util.Map;
import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;

/**
 * The notifications heapscope's MXBeans emit. Each carries CompositeData as userData, so a console
 * without heapscope's classes can show it: snapshot events have {@code name} and {@code time}; tracing
 * events have {@code time}, {@code since}, {@code stackDepth} and {@code allocationSamplesPerSecond} (the
 * settings that started, or that ran until the stop). Times are ISO-8601 UTC.
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
    /** The leak watch found a new suspect. */
    public static final String WATCH_SUSPECT = "dev.heapscope.watch.suspect";

    private static final CompositeType SNAPSHOT_EVENT = type("dev.heapscope.SnapshotEvent",
            "a snapshot taken or deleted",
            new String[] {"name", "time"},
            new String[] {"the snapshot's name", "when it was taken or deleted, ISO-8601 UTC"},
            new OpenType<?>[] {SimpleType.STRING, SimpleType.STRING});
    private static final CompositeType TRACING_EVENT = type("dev.heapscope.TracingEvent",
            "tracing started or stopped",
            new String[] {"time", "since", "stackDepth", "allocationSamplesPerSecond"},
            new String[] {"when tracing started or stopped, ISO-8601 UTC", "when the recording started,"
                    + " ISO-8601 UTC", "frames kept per traceback", "JFR allocation samples per second"},
            new OpenType<?>[] {SimpleType.STRING, SimpleType.STRING, SimpleType.INTEGER, SimpleType.INTEGER});

    private static final CompositeType SUSPECT_EVENT = type("dev.heapscope.SuspectEvent",
            "a new leak suspect",
            new String[] {"time", "key", "kind", "bytesPerHour", "countPerHour", "growingIntervals", "intervals"},
            new String[] {"when it was found, ISO-8601 UTC", "the type, or the allocation site and type",
                    "type or site", "live bytes gained per hour, -1 where sizes are unknown",
                    "instances (types) or new live samples (sites) per hour", "intervals in which it grew",
                    "intervals judged"},
            new OpenType<?>[] {SimpleType.STRING, SimpleType.STRING, SimpleType.STRING, SimpleType.LONG,
                    SimpleType.DOUBLE, SimpleType.INTEGER, SimpleType.INTEGER});

    private JmxEvents() {
    }

    static MBeanNotificationInfo[] watchInfo() {
        return new MBeanNotificationInfo[] {new MBeanNotificationInfo(new String[] {WATCH_SUSPECT},
                Notification.class.getName(), "a type or allocation site became a leak suspect; userData: time, key,"
                        + " kind, bytesPerHour, countPerHour, growingIntervals, intervals")};
    }

    static CompositeData suspectEvent(dev.heapscope.watch.Suspect suspect, Instant time) {
        return data(SUSPECT_EVENT, Map.of(
                "time", Times.iso(time),
                "key", suspect.key(),
                "kind", suspect.kind().wireName(),
                "bytesPerHour", suspect.bytesPerHour() == null ? -1L : suspect.bytesPerHour(),
                "countPerHour", suspect.countPerHour(),
                "growingIntervals", suspect.growingIntervals(),
                "intervals", suspect.intervals()));
    }

    static MBeanNotificationInfo[] tracingInfo() {
        return new MBeanNotificationInfo[] {new MBeanNotificationInfo(
                new String[] {TRACING_STARTED, TRACING_STOPPED}, Notification.class.getName(),
                "tracing started or stopped, from any adapter; userData: time, since, stackDepth,"
                        + " allocationSamplesPerSecond")};
    }

    static MBeanNotificationInfo[] snapshotInfo() {
        return new MBeanNotificationInfo[] {new MBeanNotificationInfo(
                new String[] {SNAPSHOT_TAKEN, SNAPSHOT_DELETED}, Notification.class.getName(),
                "a snapshot taken or deleted, from any adapter; userData: name, time")};
    }

    static CompositeData snapshotEvent(String name, Instant time) {
        return data(SNAPSHOT_EVENT, Map.of("name", name, "time", Times.iso(time)));
    }

    static CompositeData tracingEvent(TracingStatus status, Instant time) {
        return data(TRACING_EVENT, Map.of(
                "time", Times.iso(time),
                "since", Times.iso(status.since()),
                "stackDepth", status.settings().stackDepth(),
                "allocationSamplesPerSecond", status.settings().allocationSamplesPerSecond()));
    }

    private static CompositeData data(CompositeType type, Map<String, ?> items) {
        try {
            return new CompositeDataSupport(type, items);
        } catch (OpenDataException e) {
            throw new IllegalStateException("event does not match its own type " + type.getTypeName(), e);
        }
    }

    private static CompositeType type(String name, String description, String[] items, String[] descriptions,
                                      OpenType<?>[] types) {
        try {
            return new CompositeType(name, description, items, descriptions, types);
        } catch (OpenDataException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
