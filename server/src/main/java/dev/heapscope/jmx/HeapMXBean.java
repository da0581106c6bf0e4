package dev.heapscope.jmx;

/**
 * The heap as it is now, as {@code /api/v1/heap...} offers it over REST ({@code dev.heapscope:type=Heap}).
 * The {@link Description} of each member is the reference.
 */
@Description("heapscope's view of the heap now (objgraph.show_most_common_types): the exact live class"
        + " histogram after a full GC.")
public interface HeapMXBean {

    @Description("The live class histogram now, after a full GC, biggest classes by shallow bytes first."
            + " Heavy: one at a time with snapshots (IllegalStateException when another runs).")
    HistogramView histogram(@Param(name = "limit", description = "classes to return, 1..10000") int limit);
}
