package dev.heapscope.heap;

import java.util.List;

/**
 * The deep size of one registered root (pympler.asizeof), its footprint cut to the classes asked for.
 *
 * @param root         the root's registered name
 * @param type         the root object's readable type
 * @param shallowBytes the root object's own size in bytes (0 when a boundary stopped the walk at it)
 * @param deepBytes    every counted object reachable from the root, counted once, in bytes
 * @param objectCount  objects counted
 * @param classCount   classes in the graph, all of them, not only those in byClass
 * @param byClass      the footprint by class, biggest bytes first, at most the limit asked for
 * @param walk         how the walk went
 */
public record DeepSizeReport(String root, String type, long shallowBytes, long deepBytes, long objectCount,
                             int classCount, List<ClassFootprint> byClass, WalkFigures walk) {

    public DeepSizeReport {
        byClass = List.copyOf(byClass);
    }

    /** The report of one measured root, listing its {@code limit} biggest classes. */
    static DeepSizeReport of(RootSize measured, int limit) {
        DeepSize size = measured.size();
        return new DeepSizeReport(measured.name(), measured.type(), size.shallowBytes(), size.deepBytes(),
                size.objectCount(), size.byClass().size(), size.byClass().subList(0, Math.min(limit,
                size.byClass().size())), WalkFigures.of(size, measured.options()));
    }
}
