package dev.heapscope;

import dev.heapscope.heap.HeapService;
import dev.heapscope.heap.RootsService;
import dev.heapscope.metrics.HeapscopeMetrics;
import dev.heapscope.snapshot.SnapshotService;
import dev.heapscope.timeline.MemoryTimeline;
import dev.heapscope.tracing.TracingService;
import dev.heapscope.watch.LeakWatch;
import java.util.Objects;

/**
 * The core services one heapscope instance runs, as its adapters (REST, JMX) reach them: an adapter depends on
 * these, never on the {@link Heapscope} facade that owns it.
 *
 * @param tracing   allocation tracing
 * @param snapshots named snapshots, statistics and comparisons
 * @param heap      the heap as it is now
 * @param roots     the registered roots
 * @param timeline  memory over time since heapscope started
 * @param watch     the leak watch
 * @param metrics   the figures for a Prometheus scrape
 */
public record Services(TracingService tracing, SnapshotService snapshots, HeapService heap, RootsService roots,
                       MemoryTimeline timeline, LeakWatch watch, HeapscopeMetrics metrics) {
    public Services {
        Objects.requireNonNull(tracing, "tracing");
        Objects.requireNonNull(snapshots, "snapshots");
        Objects.requireNonNull(heap, "heap");
        Objects.requireNonNull(roots, "roots");
        Objects.requireNonNull(timeline, "timeline");
        Objects.requireNonNull(watch, "watch");
        Objects.requireNonNull(metrics, "metrics");
    }
}
