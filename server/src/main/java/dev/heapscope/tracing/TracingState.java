package dev.heapscope.tracing;
import java.time.Instant;
public record TracingState(boolean tracing, Instant since, TracingSettings settings) {}
