package dev.heapscope.jmx;

import dev.heapscope.Doc;
import dev.heapscope.heap.ClassHistogram;
import dev.heapscope.heap.ClassLayoutView;
import dev.heapscope.heap.HeapService;
import java.util.Map;

/** {@code dev.heapscope:type=Heap}: the heap now, as {@code /api/v1/heap} and {@code /api/v1/layout} offer it. */
@Doc("heapscope's view of the heap now (objgraph.show_most_common_types): the exact live class histogram after a"
        + " full GC, and the field layout of a class.")
final class HeapBean {

    static final Map<String, String> PARAMETERS = Map.of(
            "limit", "classes to return, 1..10000",
            "className", "a binary name such as java.util.HashMap$Node, or an array type such as byte[]");

    private final HeapService heap;

    HeapBean(HeapService heap) {
        this.heap = heap;
    }

    @Doc("The live class histogram now, after a full GC, biggest classes by shallow bytes first. Heavy: one at a"
            + " time with snapshots (IllegalStateException when another runs).")
    public ClassHistogram histogram(int limit) {
        return heap.histogram(limit);
    }

    @Doc("The field layout of one class on this JVM (JOL's ClassLayout), so \"why is my object 48 bytes\" has an"
            + " answer: header, instance size, fields with offsets and sizes, gaps and alignment padding. Unknown"
            + " class: IllegalArgumentException.")
    public ClassLayoutView layout(String className) {
        return heap.layout(className);
    }
}
