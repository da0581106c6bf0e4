package dev.heapscope.snapshot;

import dev.heapscope.tracing.Frame;
import java.util.List;
import java.util.Objects;

/**
 * Allocation samples that share a type and a traceback, summed.
 *
 * @param type        readable type name
 * @param site        the first frame outside the JDK and heapscope, or null for the overflow record
 * @param traceback   top frame first, at most the tracing stack depth
 * @param weightBytes estimated bytes: the sum of the samples' JFR weights
 * @param samples     number of samples summed
 */
public record AllocationRecord(String type, Frame site, List<Frame> traceback, long weightBytes, long samples) {
    public AllocationRecord {
        Objects.requireNonNull(type, "type");
        traceback = List.copyOf(traceback);
    }
}
