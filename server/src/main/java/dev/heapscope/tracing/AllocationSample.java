package dev.heapscope.tracing;

import java.util.List;
import java.util.Objects;

/**
 * {@code jdk.ObjectAllocationSample} events of one type and one traceback, summed: allocations JFR
 * sampled, standing for more.
 *
 * @param objectType  the allocated type in readable form ({@code byte[]}, {@code java.lang.Object[]},
 *                    {@code java.util.HashMap$Node}; see {@link dev.heapscope.heap.TypeNames})
 * @param weightBytes the samples' weights summed: estimated bytes their threads allocated since each
 *                    one's previous sample. Summed over the whole program the weights approximate the
 *                    bytes allocated; for one site they are a rough estimate
 * @param stack       the allocation traceback, top frame first, as deep as JFR recorded it (JVM-wide,
 *                    default 64); the requested depth is applied when aggregating
 * @param samples     how many JFR events were summed, at least 1
 */
public record AllocationSample(String objectType, long weightBytes, List<Frame> stack, long samples) {

    public AllocationSample {
        Objects.requireNonNull(objectType, "objectType");
        stack = List.copyOf(stack);
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be at least 1, was " + samples);
        }
    }

    /** One event. */
    public AllocationSample(String objectType, long weightBytes, List<Frame> stack) {
        this(objectType, weightBytes, stack, 1);
    }
}
