package dev.heapscope.jmx;

/**
 * The heap as it is now, as {@code /api/v1/heap...} and {@code /api/v1/layout} offer it over REST
 * ({@code dev.heapscope:type=Heap}). The {@link Description} of each member is the reference.
 */
@Description("heapscope's view of the heap now (objgraph.show_most_common_types): the exact live class"
        + " histogram after a full GC, and the field layout of a class.")
public interface HeapMXBean {

    @Description("The live class histogram now, after a full GC, biggest classes by shallow bytes first."
            + " Heavy: one at a time with snapshots (IllegalStateException when another runs).")
    HistogramView histogram(@Param(name = "limit", description = "classes to return, 1..10000") int limit);

    @Description("The field layout of one class on this JVM (JOL's ClassLayout), so \"why is my object 48 bytes\""
            + " has an answer: header, instance size, fields with offsets and sizes, gaps and alignment padding."
            + " Unknown class: IllegalArgumentException.")
    LayoutView layout(@Param(name = "className", description = "a binary name such as java.util.HashMap$Node,"
            + " or an array type such as byte[]") String className);
}
