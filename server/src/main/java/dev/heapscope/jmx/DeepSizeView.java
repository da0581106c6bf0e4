package dev.heapscope.jmx;

import dev.heapscope.heap.ClassFootprint;
import dev.heapscope.heap.DeepSize;
import dev.heapscope.heap.RootSize;
import dev.heapscope.heap.TypeNames;
import java.util.List;

/** The deep size of one root as JMX clients see it: CompositeData, the footprint as CompositeData[]. */
public final class DeepSizeView {

    private final RootSize root;
    private final int limit;

    DeepSizeView(RootSize root, int limit) {
        this.root = root;
        this.limit = limit;
    }

    public String getRoot() {
        return root.name();
    }

    public String getType() {
        return root.type();
    }

    /** The root object's own size in bytes (0 when a boundary stopped the walk at it). */
    public long getShallowBytes() {
        return size().shallowBytes();
    }

    /** Every counted object reachable from the root, counted once, in bytes: JOL's totalSize. */
    public long getDeepBytes() {
        return size().deepBytes();
    }

    /** JOL's totalCount. */
    public long getObjectCount() {
        return size().objectCount();
    }

    /** Classes in the graph, all of them, not only those returned in byClass. */
    public int getClassCount() {
        return size().byClass().size();
    }

    /** The footprint by class, biggest bytes first, at most the requested limit. */
    public List<Footprint> getByClass() {
        return size().byClass().stream().limit(limit).map(Footprint::new).toList();
    }

    public WalkView getWalk() {
        DeepSize d = size();
        return new WalkView(d.truncated(), d.truncationReason(), d.objectsVisited(), d.elapsedNanos(),
                root.options());
    }

    private DeepSize size() {
        return root.size();
    }

    /** The objects of one class inside the graph. */
    public static final class Footprint {

        private final ClassFootprint footprint;

        Footprint(ClassFootprint footprint) {
            this.footprint = footprint;
        }

        /** The readable class name, e.g. {@code java.lang.Object[]}. */
        public String getType() {
            return TypeNames.readable(footprint.className());
        }

        public long getCount() {
            return footprint.count();
        }

        /** Their shallow bytes together. */
        public long getBytes() {
            return footprint.bytes();
        }
    }
}
