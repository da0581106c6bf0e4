package dev.heapscope.timeline;

import java.time.Instant;
import java.util.List;

/**
 * The timeline between two moments, ready to serve as JSON, a plot or mprof's lines.
 *
 * @param from          the first moment asked for (or the oldest kept, if later)
 * @param to            the last moment asked for (or now, if earlier)
 * @param maxHeapBytes  the heap's maximum, or -1 when the JVM defines none
 * @param pools         the memory pools' names, the order of every point's pool figures
 * @param heapPools     which of {@code pools} are heap pools
 * @param points        memory figures, oldest first: thinned history, then per-second samples
 * @param collections   garbage collections in the range, oldest first
 * @param marks         tracing and snapshot marks in the range, oldest first
 * @param thinned       whether more points fell in the range than asked for, so that neighbours were
 *                      merged (each merged point holds the largest figures of its period)
 * @param collectionsTruncated whether more collections fell in the range than asked for (the most recent are kept)
 * @param bounds        what the timeline keeps at most
 */
public record TimelineView(Instant from, Instant to, long maxHeapBytes, List<String> pools, List<Boolean> heapPools,
                           List<MemoryPoint> points, List<GcPoint> collections, List<Mark> marks, boolean thinned,
                           boolean collectionsTruncated, TimelineBounds bounds) {
    public TimelineView {
        pools = List.copyOf(pools);
        heapPools = List.copyOf(heapPools);
        points = List.copyOf(points);
        collections = List.copyOf(collections);
        marks = List.copyOf(marks);
    }
}
