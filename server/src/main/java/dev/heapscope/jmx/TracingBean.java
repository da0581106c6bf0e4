package dev.heapscope.jmx;

import dev.heapscope.Doc;
import dev.heapscope.tracing.TracingService;
import dev.heapscope.tracing.TracingSettings;
import java.time.Instant;
import java.util.Map;

/** {@code dev.heapscope:type=Tracing}: allocation tracing as {@code /api/v1/tracing...} offers it over REST. */
@Doc("heapscope allocation tracing (the JVM's tracemalloc): a JDK Flight Recorder recording of allocation samples"
        + " and live object samples. Start it before taking snapshots.")
final class TracingBean {

    static final Map<String, String> PARAMETERS = Map.of(
            "stackDepth", "frames kept per traceback, 1..64 (default 16)",
            "allocationSamplesPerSecond", "JFR allocation samples per second, 1..10000 (default 1000); more"
                    + " catches shorter bursts and costs more");

    private final TracingService tracing;

    TracingBean(TracingService tracing) {
        this.tracing = tracing;
    }

    @Doc("Whether the allocation recording runs.")
    public boolean isTracing() {
        return tracing.status().tracing();
    }

    @Doc("When tracing started, ISO-8601 UTC (e.g. 2025-01-31T12:00:00Z); null when not tracing.")
    public Instant getSince() {
        return tracing.status().since();
    }

    @Doc("Frames kept per traceback while tracing, 1..64; 0 when not tracing.")
    public int getStackDepth() {
        TracingSettings settings = tracing.status().settings();
        return settings == null ? 0 : settings.stackDepth();
    }

    @Doc("JFR allocation samples per second (jdk.ObjectAllocationSample throttle) while tracing; 0 when not"
            + " tracing.")
    public int getAllocationSamplesPerSecond() {
        TracingSettings settings = tracing.status().settings();
        return settings == null ? 0 : settings.allocationSamplesPerSecond();
    }

    @Doc("Heap in use now, bytes, summed over the heap memory pools (exact, MemoryPoolMXBean).")
    public long getTracedMemoryCurrentBytes() {
        return tracing.status().memory().currentBytes();
    }

    @Doc("Peak heap in use, bytes: the sum of each heap pool's peak since the JVM started or the last resetPeak.")
    public long getTracedMemoryPeakBytes() {
        return tracing.status().memory().peakBytes();
    }

    @Action
    @Doc("Starts tracing with the given settings. Repeating it with the same settings does nothing; while tracing"
            + " with other settings it fails (IllegalStateException) naming them.")
    public void start(int stackDepth, int allocationSamplesPerSecond) {
        tracing.start(TracingService.settings(stackDepth, allocationSamplesPerSecond));
    }

    @Action
    @Doc("Starts tracing with the defaults: stack depth 16, 1000 allocation samples per second.")
    public void startWithDefaults() {
        tracing.start(TracingSettings.DEFAULTS);
    }

    @Action
    @Doc("Stops tracing and discards its samples (snapshots keep theirs). Does nothing when not tracing.")
    public void stop() {
        tracing.stop();
    }

    @Action
    @Doc("Resets the peak of traced memory to the heap in use now.")
    public void resetPeak() {
        tracing.resetPeak();
    }
}
