package dev.heapscope.snapshot;

/**
 * Heap figures at a snapshot.
 *
 * @param usedBytes        heap in use (MemoryMXBean), bytes
 * @param committedBytes   heap committed, bytes
 * @param maxBytes         heap maximum, bytes, or -1 when undefined
 * @param nonHeapUsedBytes non-heap in use (metaspace, code cache), bytes
 * @param liveBytes        exact shallow bytes of all live objects after a full GC (class histogram total)
 * @param liveObjects      exact number of live objects after a full GC
 */
public record HeapFigures(long usedBytes, long committedBytes, long maxBytes, long nonHeapUsedBytes,
                          long liveBytes, long liveObjects) {
}
