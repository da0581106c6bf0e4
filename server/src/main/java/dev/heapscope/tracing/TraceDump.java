package dev.heapscope.tracing;

import java.time.Instant;
import java.util.List;

/**
 * What one dump of the tracing recording held, heapscope's own allocations left out.
 *
 * @param dumpedAt       when the dump was taken (after the full GC that precedes it)
 * @param allocations    allocation samples since tracing started, as far back as the recording's
 *                       disk bound keeps them (older samples age out first)
 * @param liveObjects    sampled objects alive after the GC
 * @param chainsIncluded whether live objects carry reference chains
 */
public record TraceDump(Instant dumpedAt, List<AllocationSample> allocations,
                        List<LiveObjectSample> liveObjects, boolean chainsIncluded) {

    public TraceDump {
        allocations = List.copyOf(allocations);
        liveObjects = List.copyOf(liveObjects);
    }
}
