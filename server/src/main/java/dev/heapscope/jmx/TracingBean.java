package dev.heapscope.jmx;

import dev.heapscope.tracing.TracingService;
import dev.heapscope.tracing.TracingSettings;
import java.time.Instant;

/**
 * {@code dev.heapscope:type=Tracing}: allocation tracing as {@code /api/v1/tracing...} offers it over REST. Its
 * public methods are the MBean's attributes and operations ({@link OpenBean}), described in this package's {@code
 * descriptions.properties}.
 */
final class TracingBean {

    private final TracingService tracing;

    TracingBean(TracingService tracing) {
        this.tracing = tracing;
    }

    public boolean isTracing() {
        return tracing.status().tracing();
    }

    public Instant getSince() {
        return tracing.status().since();
    }

    public TracingSettings getSettings() {
        return tracing.status().settings();
    }

    public long getTracedMemoryCurrentBytes() {
        return tracing.status().memory().currentBytes();
    }

    public long getTracedMemoryPeakBytes() {
        return tracing.status().memory().peakBytes();
    }

    @Action
    public void start(int stackDepth, int allocationSamplesPerSecond, boolean liveSampling) {
        tracing.start(TracingService.settings(stackDepth, allocationSamplesPerSecond, liveSampling));
    }

    @Action
    public void startWithDefaults() {
        tracing.start(TracingSettings.DEFAULTS);
    }

    @Action
    public void stop() {
        tracing.stop();
    }

    @Action
    public void resetPeak() {
        tracing.resetPeak();
    }
}
