package dev.heapscope.jmx;

import dev.heapscope.heap.ClassHistogram;
import dev.heapscope.heap.ClassLayoutView;
import dev.heapscope.heap.HeapService;

/**
 * {@code dev.heapscope:type=Heap}: the heap now, as {@code /api/v1/heap} and {@code /api/v1/layout} offer it. Its
 * public methods are the MBean's attributes and operations ({@link OpenBean}), described in this package's {@code
 * descriptions.properties}.
 */
final class HeapBean {

    private final HeapService heap;

    HeapBean(HeapService heap) {
        this.heap = heap;
    }

    public ClassHistogram histogram(int limit) {
        return heap.histogram(limit);
    }

    public ClassLayoutView layout(String className) {
        return heap.layout(className);
    }
}
