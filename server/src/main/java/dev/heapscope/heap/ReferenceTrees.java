package dev.heapscope.heap;

import dev.heapscope.Cancellation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds {@link ReferenceTree}s: a breadth-first walk of the whole reachable graph (within the
 * options' limits) that files each object under the group of the first edge reaching it.
 *
 * <p>Sizes are attributed by a simple rule, not by dominators: an object shared by two fields
 * counts under whichever reaches it first in breadth-first order. Below {@code maxDepth} levels,
 * objects are not grouped further but still add to their ancestor's deep bytes.
 *
 * <p>Memory: as {@link BackrefSearch} (about 25 bytes per visited object) plus at most
 * {@value #MAX_GROUPS} groups. Results carry types, field names, counts and sizes only.
 * Instances are thread-safe.
 */
public final class ReferenceTrees {

    /** Children kept per node, largest deep bytes first; the rest are summed into "others". */
    public static final int MAX_CHILDREN = 20;
    /** Groups one walk may create; objects beyond are counted under their parent group. */
    public static final int MAX_GROUPS = 10_000;
    /** Deepest tree one call may ask for. */
    public static final int MAX_DEPTH_LIMIT = 32;

    private final HeapModel model;

    /** One per heapscope, built by {@link RootsService} with the walkers' shared model. */
    ReferenceTrees(HeapModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /**
     * @param root     the object to describe
     * @param maxDepth levels of groups below the root, 0 to {@value #MAX_DEPTH_LIMIT}
     * @param options  object and time limits and boundaries
     * @throws IllegalArgumentException if maxDepth is out of range
     * @throws NullPointerException     if root or options is null
     */
    public ReferenceTree refs(Object root, int maxDepth, WalkOptions options) {
        return refs(root, maxDepth, options, new Cancellation());
    }

    /** As {@link #refs(Object, int, WalkOptions)}, stopping early once {@code cancellation} is cancelled. */
    public ReferenceTree refs(Object root, int maxDepth, WalkOptions options, Cancellation cancellation) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(options, "options");
        if (maxDepth < 0 || maxDepth > MAX_DEPTH_LIMIT) {
            throw new IllegalArgumentException("maxDepth must be in 0.." + MAX_DEPTH_LIMIT + " but was " + maxDepth);
        }
        return new TreeWalk(model, maxDepth, options, cancellation).run(root);
    }

    private record GroupKey(int parent, int slot, int classId) {
    }

    private static final class Group {
        final int parent;
        final String field;
        final ClassInfo info;
        final int depth;
        final List<Group> children = new ArrayList<>();
        long count;
        long shallow;
        long deep;

        Group(int parent, String field, ClassInfo info, int depth) {
            this.parent = parent;
            this.field = field;
            this.info = info;
            this.depth = depth;
        }
    }

    /** State of one walk; confined to the calling thread. Queue ints: group id, negative = below it. */
    private static final class TreeWalk {
        private static final int ARRAY_ELEMENTS = -1;

        private final GraphWalk walk;
        private final int maxDepth;
        private final List<Group> groups = new ArrayList<>();
        private final Map<GroupKey, Integer> groupIds = new HashMap<>();

        TreeWalk(HeapModel model, int maxDepth, WalkOptions options, Cancellation cancellation) {
            this.walk = new GraphWalk(model, options, cancellation);
            this.maxDepth = maxDepth;
        }

        ReferenceTree run(Object root) {
            ObjectQueue queue = walk.queue;
            WalkBudget budget = walk.budget;
            ClassInfo rootInfo = walk.model.info(root.getClass());
            groups.add(new Group(-1, "", rootInfo, 0));
            try {
                walk.start(root);
                if (!walk.excluded(rootInfo)) {
                    queue.add(root, 0, 0);
                }
                for (int i = 0; i < queue.size() && budget.tryVisit(); i++) {
                    visit(queue.object(i), queue.first(i));
                }
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                budget.stop("walk stopped by " + e.getClass().getName());
            }
            for (int g = groups.size() - 1; g > 0; g--) {
                Group group = groups.get(g);
                groups.get(group.parent).deep += group.deep + group.shallow;
            }
            String reason = budget.exhaustedReason();
            return new ReferenceTree(node(groups.get(0)), reason != null, reason, budget.visited(),
                    budget.elapsedNanos());
        }

        private void visit(Object o, int code) {
            boolean below = code < 0;
            int g = below ? -(code + 1) : code;
            Group group = groups.get(g);
            ClassInfo info = walk.model.info(o.getClass());
            long size = info.sizeOf(o, walk.model.shape);
            if (below) {
                group.deep += size;
            } else {
                group.count++;
                group.shallow += size;
            }
            boolean expandBelow = below || group.depth >= maxDepth;
            boolean array = info.referenceArray;
            walk.forEachReference(o, info,
                    (target, slot) -> offer(target, g, array ? ARRAY_ELEMENTS : slot, expandBelow));
        }

        private void offer(Object e, int holderGroup, int slot, boolean below) {
            if (!walk.reach(e)) {
                return;
            }
            ClassInfo info = walk.model.info(e.getClass());
            if (walk.excluded(info)) {
                return;
            }
            int code = below ? -(holderGroup + 1) : groupFor(holderGroup, slot, info);
            walk.queue.add(e, code, 0);
        }

        private int groupFor(int holderGroup, int slot, ClassInfo info) {
            GroupKey key = new GroupKey(holderGroup, slot, info.id);
            Integer id = groupIds.get(key);
            if (id != null) {
                return id;
            }
            if (groups.size() >= MAX_GROUPS) {
                walk.budget.stop("group limit " + MAX_GROUPS + " reached");
                return -(holderGroup + 1);
            }
            Group holder = groups.get(holderGroup);
            String field = slot == ARRAY_ELEMENTS ? "[*]" : holder.info.fieldNames[slot];
            Group group = new Group(holderGroup, field, info, holder.depth + 1);
            groups.add(group);
            holder.children.add(group);
            groupIds.put(key, groups.size() - 1);
            return groups.size() - 1;
        }

        private RefNode node(Group group) {
            List<Group> sorted = new ArrayList<>(group.children);
            sorted.sort(Comparator.comparingLong((Group c) -> c.deep + c.shallow).reversed());
            List<RefNode> kept = new ArrayList<>();
            long otherBytes = 0;
            for (int i = 0; i < sorted.size(); i++) {
                if (i < MAX_CHILDREN) {
                    kept.add(node(sorted.get(i)));
                } else {
                    otherBytes += sorted.get(i).deep + sorted.get(i).shallow;
                }
            }
            return new RefNode(group.field, group.info.typeName(), group.count, group.shallow,
                    group.shallow + group.deep, kept, sorted.size() - kept.size(), otherBytes);
        }
    }
}
