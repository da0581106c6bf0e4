package dev.heapscope.tracing;
import java.util.List;
public record AllocationSample(String objectType, long weightBytes, List<Frame> stack) {}
