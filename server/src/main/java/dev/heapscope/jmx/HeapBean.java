package dev.heapscope.jmx;

import dev.heapscope.heap.HeapService;

/** {@link HeapMXBean} over {@link HeapService}: mapping only. */
final class HeapBean implements HeapMXBean {

    private final HeapService heap;

    HeapBean(HeapService heap) {
        this.heap = heap;
    }

    @Override
    public HistogramView histogram(int limit) {
        return new HistogramView(heap.histogram(limit));
    }

    @Override
    public LayoutView layout(String className) {
        return new LayoutView(heap.layout(className));
    }
}
