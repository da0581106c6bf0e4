package dev.heapscope.tracing;

/**
 * How allocation tracing runs.
 *
 * @param stackDepth                 frames kept per traceback, 1..64 (default 16). JFR records stacks
 *                                   JVM-wide ({@code -XX:FlightRecorderOptions:stackdepth}, default 64);
 *                                   heapscope keeps this many frames of each when it sums the samples.
 * @param allocationSamplesPerSecond the JFR {@code throttle} of {@code jdk.ObjectAllocationSample}, in
 *                                   events per second for the whole JVM, 1..10,000 (default 1,000).
 *                                   JFR samples only when a thread takes a new allocation buffer, so
 *                                   steady allocation rarely reaches the cap; it bites on bursts, where
 *                                   JFR's own default of 150 let a 10 MB burst of a few milliseconds go
 *                                   unsampled. 150, 1,000 and 10,000 cost the same within noise on
 *                                   an allocation-heavy benchmark (BENCHMARKS.md).
 * @param liveSampling               whether to sample live objects too ({@code jdk.OldObjectSample},
 *                                   default true): the live views by line, method, file and traceback
 *                                   and the leak reports with their reference chains need it. Without
 *                                   it tracing costs less, snapshots skip the chain search, and only
 *                                   the allocated views and the exact live view by type remain.
 * @throws IllegalArgumentException naming the value out of range
 */
public record TracingSettings(int stackDepth, int allocationSamplesPerSecond, boolean liveSampling) {

    /** Largest {@link #stackDepth}: JFR's default JVM-wide stack depth. */
    public static final int MAX_STACK_DEPTH = 64;

    /** Largest {@link #allocationSamplesPerSecond}. */
    public static final int MAX_SAMPLES_PER_SECOND = 10_000;

    /** Live-object samples kept between two snapshots, so in one snapshot, at most; the oldest go first. */
    public static final int MAX_LIVE_SAMPLES = 4096;

    /** Depth 16, 1,000 allocation samples per second, live sampling on. */
    public static final TracingSettings DEFAULTS = new TracingSettings(16, 1000, true);

    public TracingSettings {
        if (stackDepth < 1 || stackDepth > MAX_STACK_DEPTH) {
            throw new IllegalArgumentException(
                    "stackDepth must be 1.." + MAX_STACK_DEPTH + ", was " + stackDepth);
        }
        if (allocationSamplesPerSecond < 1 || allocationSamplesPerSecond > MAX_SAMPLES_PER_SECOND) {
            throw new IllegalArgumentException("allocationSamplesPerSecond must be 1.."
                    + MAX_SAMPLES_PER_SECOND + ", was " + allocationSamplesPerSecond);
        }
    }

    /** With live sampling on, the default. */
    public TracingSettings(int stackDepth, int allocationSamplesPerSecond) {
        this(stackDepth, allocationSamplesPerSecond, true);
    }
}
