package dev.heapscope.tracing;
import java.time.Instant; import java.util.List;
public record TraceDump(Instant dumpedAt, List<AllocationSample> allocations, List<LiveObjectSample> liveObjects, boolean chainsIncluded) {}
