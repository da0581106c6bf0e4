package dev.heapscope.tracing;

import java.time.Instant;

/**
 * Whether heapscope is tracing, since when and how, and the traced memory now.
 *
 * @param tracing  whether the allocation recording runs
 * @param since    when it started, or null when not tracing
 * @param settings the running settings, or null when not tracing
 * @param memory   heap in use now and at peak
 */
public record TracingStatus(boolean tracing, Instant since, TracingSettings settings, TracedMemory memory) {
}
