package dev.heapscope.tracing;

public record TracingSettings(int stackDepth, int allocationSamplesPerSecond) {
    public static final TracingSettings DEFAULTS = new TracingSettings(16, 150);
}
