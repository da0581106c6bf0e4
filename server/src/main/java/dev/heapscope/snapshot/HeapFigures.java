package dev.heapscope.snapshot;

import dev.heapscope.Doc;

/** Heap figures at a snapshot. */
@Doc("heap figures at a snapshot")
public record HeapFigures(@Doc("heap in use (MemoryMXBean), bytes") long usedBytes,
                          @Doc("heap committed, bytes") long committedBytes,
                          @Doc("heap maximum, bytes; -1 when the heap has no defined maximum") long maxBytes,
                          @Doc("non-heap in use (metaspace, code cache), bytes") long nonHeapUsedBytes,
                          @Doc("exact shallow bytes of all live objects after a full GC") long liveBytes,
                          @Doc("exact number of live objects after a full GC") long liveObjects) {
}
