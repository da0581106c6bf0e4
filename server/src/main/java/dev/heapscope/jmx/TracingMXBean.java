package dev.heapscope.jmx;

import javax.management.MBeanOperationInfo;

/**
 * Allocation tracing, as {@code GET/POST /api/v1/tracing...} offers it over REST
 * ({@code dev.heapscope:type=Tracing}). The {@link Description} of each member is the reference: it is
 * what JConsole and VisualVM show. Emits {@link JmxEvents#TRACING_STARTED} and
 * {@link JmxEvents#TRACING_STOPPED} whichever adapter started or stopped tracing.
 */
@Description("heapscope allocation tracing (the JVM's tracemalloc): a JDK Flight Recorder recording of"
        + " allocation samples and live object samples. Start it before taking snapshots.")
public interface TracingMXBean {

    @Description("Whether the allocation recording runs.")
    boolean isTracing();

    @Description("When tracing started, ISO-8601 UTC (e.g. 2025-01-31T12:00:00Z); null when not tracing.")
    String getSince();

    @Description("Frames kept per traceback while tracing, 1..64; 0 when not tracing.")
    int getStackDepth();

    @Description("JFR allocation samples per second (jdk.ObjectAllocationSample throttle) while tracing;"
            + " 0 when not tracing.")
    int getAllocationSamplesPerSecond();

    @Description("Heap in use now, bytes, summed over the heap memory pools (exact, MemoryPoolMXBean).")
    long getTracedMemoryCurrentBytes();

    @Description("Peak heap in use, bytes: the sum of each heap pool's peak since the JVM started or the"
            + " last resetPeak.")
    long getTracedMemoryPeakBytes();

    @Description(value = "Starts tracing with the given settings. Repeating it with the same settings does"
            + " nothing; while tracing with other settings it fails (IllegalStateException) naming them.",
            impact = MBeanOperationInfo.ACTION)
    void start(@Param(name = "stackDepth", description = "frames kept per traceback, 1..64 (default 16)")
               int stackDepth,
               @Param(name = "allocationSamplesPerSecond",
                       description = "JFR allocation samples per second, 1..10000 (default 1000); more catches shorter bursts"
                               + " and costs more") int allocationSamplesPerSecond);

    @Description(value = "Starts tracing with the defaults: stack depth 16, 1000 allocation samples per second.",
            impact = MBeanOperationInfo.ACTION)
    void startWithDefaults();

    @Description(value = "Stops tracing and discards its samples (snapshots keep theirs). Does nothing when"
            + " not tracing.", impact = MBeanOperationInfo.ACTION)
    void stop();

    @Description(value = "Resets the peak of traced memory to the heap in use now.",
            impact = MBeanOperationInfo.ACTION)
    void resetPeak();
}
