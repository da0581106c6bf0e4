package dev.heapscope.heap;

import dev.heapscope.Doc;
import java.util.List;

/** The deep size of one registered root (pympler.asizeof), its footprint cut to the classes asked for. */
@Doc("the deep size of one registered root (pympler.asizeof)")
public record DeepSizeReport(
        @Doc("the root's registered name") String root,
        @Doc("the root object's readable type") String type,
        @Doc("the root object's own size in bytes (0 when a boundary stopped the walk at it)") long shallowBytes,
        @Doc("every counted object reachable from the root, counted once, in bytes: JOL's totalSize with"
                + " follow=all") long deepBytes,
        @Doc("objects counted: JOL's totalCount with follow=all") long objectCount,
        @Doc("classes in the graph, all of them, not only those listed in byClass") int classCount,
        @Doc("the footprint by class, biggest bytes first, at most the limit asked for") List<ClassFootprint> byClass,
        @Doc("how the walk went") WalkFigures walk) {

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
