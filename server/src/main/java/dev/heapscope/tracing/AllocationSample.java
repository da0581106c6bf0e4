package dev.heapscope.tracing;

import java.util.List;
import java.util.Objects;

/**
 * One {@code jdk.ObjectAllocationSample}: an allocation JFR sampled, standing for more.
 *
 * @param objectType  the allocated type in readable form ({@code byte[]}, {@code java.lang.Object[]},
 *                    {@code java.util.HashMap$Node}; see {@link dev.heapscope.heap.TypeNames})
 * @param weightBytes estimated bytes the allocating thread allocated since its previous sample, which
 *                    this sample stands for. Summed over the whole program the weights approximate the
 *                    bytes allocated; for one site they are a rough estimate (often 2-4x off)
 * @param stack       the allocation traceback, top frame first, as deep as JFR recorded it (JVM-wide,
 *                    default 64); the requested depth is applied when aggregating
 */
public record AllocationSample(String objectType, long weightBytes, List<Frame> stack) {

    public AllocationSample {
        Objects.requireNonNull(objectType, "objectType");
        stack = List.copyOf(stack);
    }
}
