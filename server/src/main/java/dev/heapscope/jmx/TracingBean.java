package dev.heapscope.jmx;

import dev.heapscope.tracing.TracingListener;
import dev.heapscope.tracing.TracingService;
import dev.heapscope.tracing.TracingSettings;
import dev.heapscope.tracing.TracingStatus;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;

/** {@link TracingMXBean} over {@link TracingService}: mapping only. */
final class TracingBean extends NotificationBroadcasterSupport implements TracingMXBean, TracingListener {

    private final TracingService tracing;
    // notifications name the ObjectName as their source: the bean itself would not serialize to a remote client
    private final ObjectName source;
    private final AtomicLong sequence = new AtomicLong();

    TracingBean(TracingService tracing, ObjectName source) {
        super(JmxEvents.tracingInfo());
        this.tracing = tracing;
        this.source = source;
    }

    @Override
    public boolean isTracing() {
        return tracing.status().tracing();
    }

    @Override
    public String getSince() {
        return Times.iso(tracing.status().since());
    }

    @Override
    public int getStackDepth() {
        TracingSettings settings = tracing.status().settings();
        return settings == null ? 0 : settings.stackDepth();
    }

    @Override
    public int getAllocationSamplesPerSecond() {
        TracingSettings settings = tracing.status().settings();
        return settings == null ? 0 : settings.allocationSamplesPerSecond();
    }

    @Override
    public long getTracedMemoryCurrentBytes() {
        return tracing.status().memory().currentBytes();
    }

    @Override
    public long getTracedMemoryPeakBytes() {
        return tracing.status().memory().peakBytes();
    }

    @Override
    public void start(int stackDepth, int allocationSamplesPerSecond) {
        tracing.start(TracingService.settings(stackDepth, allocationSamplesPerSecond, true));
    }

    @Override
    public void startWithDefaults() {
        tracing.start(TracingSettings.DEFAULTS);
    }

    @Override
    public void stop() {
        tracing.stop();
    }

    @Override
    public void resetPeak() {
        tracing.resetPeak();
    }

    @Override
    public void started(TracingStatus status) {
        send(JmxEvents.TRACING_STARTED, "tracing started", status);
    }

    @Override
    public void stopped(TracingStatus before) {
        send(JmxEvents.TRACING_STOPPED, "tracing stopped", before);
    }

    private void send(String type, String message, TracingStatus status) {
        Instant now = Instant.now();
        Notification notification = new Notification(type, source, sequence.incrementAndGet(), now.toEpochMilli(),
                message);
        notification.setUserData(JmxEvents.tracingEvent(status, now));
        sendNotification(notification);
    }
}
