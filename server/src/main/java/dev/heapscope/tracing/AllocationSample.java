package dev.heapscope.tracing;

import java.util.List;
import java.util.Objects;

/**
 * {@code jdk.ObjectAllocationSample} events of one type, one traceback and one site, summed: allocations
 * JFR sampled, standing for more.
 *
 * @param objectType  the allocated type in readable form ({@code byte[]}, {@code java.lang.Object[]},
 *                    {@code java.util.HashMap$Node}; see {@link dev.heapscope.heap.TypeNames})
 * @param weightBytes the samples' weights summed: estimated bytes their threads allocated since each
 *                    one's previous sample. Summed over the whole program the weights approximate the
 *                    bytes allocated; for one site they are a rough estimate
 * @param stack       the allocation traceback, top frame first, cut to the tracing stack depth; empty
 *                    for the overflow entry of a type (see {@link TraceDump#allocationsOverflowed()})
 * @param samples     how many JFR events were summed, at least 1
 * @param site        the first frame outside the JDK and heapscope, looked for on the whole stack (it
 *                    can lie deeper than the kept frames); null for the overflow entry
 */
public record AllocationSample(String objectType, long weightBytes, List<Frame> stack, long samples, Frame site) {

    public AllocationSample {
        Objects.requireNonNull(objectType, "objectType");
        stack = List.copyOf(stack);
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be at least 1, was " + samples);
        }
    }

    /** One event with this whole stack; the site is found on it. */
    public AllocationSample(String objectType, long weightBytes, List<Frame> stack) {
        this(objectType, weightBytes, stack, 1, Frames.siteOf(stack).orElse(null));
    }
}
