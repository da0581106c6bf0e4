package dev.heapscope.tracing;

import java.time.Instant;

/**
 * Whether allocation tracing runs, since when and how.
 *
 * @param tracing  whether the recording runs
 * @param since    when it started, or null when not tracing
 * @param settings the running settings, or null when not tracing
 */
public record TracingState(boolean tracing, Instant since, TracingSettings settings) {

    static final TracingState OFF = new TracingState(false, null, null);
}
