package dev.heapscope.heap;

import dev.heapscope.Cancellation;

/**
 * What the breadth-first walks that report more than a size share (back-reference chains, reference
 * trees): the budget, the boundaries, the objects seen, the queue, and how an object's references are
 * read. {@link DeepSizeWalker} has a faster path of its own. Confined to the walking thread.
 */
final class GraphWalk {

    /** Receives one reference an object holds. */
    interface ReferenceSink {
        /**
         * @param target the referenced object, or null
         * @param slot   the element's index in an array, or the field's slot in {@link ClassInfo#fieldNames}
         */
        void accept(Object target, int slot);
    }

    final HeapModel model;
    final WalkBudget budget;
    final ObjectQueue queue = new ObjectQueue();
    private final IdentitySet seen;
    private final int excludedKinds;
    private final boolean skipReferents;

    GraphWalk(HeapModel model, WalkOptions options, Cancellation cancellation) {
        this.model = model;
        this.budget = new WalkBudget(options, cancellation);
        this.excludedKinds = Boundaries.excludedKinds(options);
        this.skipReferents = options.boundaries().contains(Boundary.REFERENCE_REFERENTS);
        this.seen = new IdentitySet(Math.min(options.maxObjects(), 1 << 16));
    }

    /** Whether the walk stops at objects of this class (a boundary of the options). */
    boolean excluded(ClassInfo info) {
        return (info.kind & excludedKinds) != 0;
    }

    /** Whether {@code o} is an object not seen before that the budget lets the walk reach; marks it seen. */
    boolean reach(Object o) {
        return o != null && budget.followEdge() && seen.add(o);
    }

    /** Marks the root seen. */
    void start(Object root) {
        seen.add(root);
    }

    /** Each reference {@code o} holds, referents left out when the options say so. */
    void forEachReference(Object o, ClassInfo info, ReferenceSink sink) {
        if (info.referenceArray) {
            Object[] array = (Object[]) o;
            for (int i = 0; i < array.length; i++) {
                sink.accept(array[i], i);
            }
        } else if (!info.primitiveArray) {
            long[] offsets = skipReferents ? info.fieldOffsetsWithoutReferent : info.fieldOffsets;
            for (int k = 0; k < offsets.length; k++) {
                sink.accept(model.reader.read(o, offsets[k]), skipReferents ? info.slotsWithoutReferent[k] : k);
            }
        }
    }
}
