package dev.heapscope.metrics;

import dev.heapscope.snapshot.SnapshotService;
import dev.heapscope.timeline.GcPoint;
import dev.heapscope.timeline.MemoryTimeline;
import dev.heapscope.tracing.TracingService;
import dev.heapscope.watch.LeakWatch;
import dev.heapscope.watch.WatchStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.ToDoubleFunction;

/**
 * heapscope's figures for a fleet's Prometheus, through Micrometer's Prometheus registry. The registry is
 * heapscope's own, never Micrometer's global one: a host that uses Micrometer keeps its meters, and
 * heapscope's do not appear among them. Every figure is read when scraped; nothing runs between scrapes.
 * A figure that does not exist (no projection, no GC yet) is NaN, as Prometheus expects.
 */
public final class HeapscopeMetrics implements AutoCloseable {

    /** The Prometheus text format's media type, version 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public HeapscopeMetrics(TracingService tracing, SnapshotService snapshots, MemoryTimeline timeline,
                            LeakWatch watch) {
        gauge("heapscope.tracing.active", null, "1 while allocation tracing runs, else 0", tracing,
                t -> t.status().tracing() ? 1 : 0);
        gauge("heapscope.traced", "bytes", "heap in use now, summed over the heap pools (tracemalloc's current)",
                tracing, t -> t.status().memory().currentBytes());
        gauge("heapscope.traced.peak", "bytes", "peak heap in use since start or the last reset-peak", tracing,
                t -> t.status().memory().peakBytes());
        gauge("heapscope.heap.after.gc", "bytes", "the heap pools' use right after the most recent collection"
                + " (the live set plus what that collection did not reach)", timeline, HeapscopeMetrics::afterGc);
        gauge("heapscope.heap.max", "bytes", "the heap's maximum, NaN when undefined", timeline,
                t -> t.maxHeapBytes() < 0 ? Double.NaN : t.maxHeapBytes());
        gauge("heapscope.snapshots", null, "snapshots held in the store", snapshots, s -> s.list().size());
        gauge("heapscope.watch.active", null, "1 while the leak watch runs, else 0", watch,
                w -> w.status().watching() ? 1 : 0);
        gauge("heapscope.watch.suspects", null, "types and sites the leak watch finds growing steadily", watch,
                w -> w.status().suspects().size());
        gauge("heapscope.watch.live.growth", "bytes.per.hour", "the live set's least-squares growth over the"
                + " watch's window, NaN with too little data", watch, HeapscopeMetrics::growth);
        gauge("heapscope.watch.projected.oom", "timestamp.seconds", "when the live set's trend reaches the heap"
                + " maximum (unix time), NaN when it does not grow", watch, HeapscopeMetrics::projection);
    }

    /** The registry's scrape: every meter in the Prometheus text format. */
    public String scrape() {
        return registry.scrape(CONTENT_TYPE);
    }

    @Override
    public void close() {
        registry.close();
    }

    private <T> void gauge(String name, String unit, String description, T source, ToDoubleFunction<T> value) {
        Gauge.builder(name, source, value).baseUnit(unit).description(description).strongReference(true)
                .register(registry);
    }

    private static double afterGc(MemoryTimeline timeline) {
        GcPoint last = timeline.lastCollection();
        return last == null ? Double.NaN : last.heapAfterBytes();
    }

    private static double growth(LeakWatch watch) {
        Long slope = watch.status().liveSet().slopeBytesPerHour();
        return slope == null ? Double.NaN : slope;
    }

    private static double projection(LeakWatch watch) {
        WatchStatus status = watch.status();
        return status.liveSet().projectedOutOfMemoryAt() == null ? Double.NaN
                : status.liveSet().projectedOutOfMemoryAt().getEpochSecond();
    }
}
