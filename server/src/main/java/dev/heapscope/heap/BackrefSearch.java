package dev.heapscope.heap;

import dev.heapscope.Cancellation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Who holds objects of a given type inside a root's graph, like Python's
 * {@code objgraph.find_backref_chain}: a breadth-first walk from the root, so each object found
 * gets a shortest chain of references back to the root.
 *
 * <p>Results carry only type names, field names and array indexes, never field values.
 *
 * <p>Memory: the walk keeps, per visited object, its queue slot, its parent's visit index and the
 * edge that reached it (about 12 bytes with compressed oops) plus the visited set (8 to 32
 * bytes, ~11 typical): roughly 25 bytes per object, so about 125 MB at the default limit of
 * 5,000,000 objects. Pass a lower {@link WalkOptions#maxObjects()} to bound it further.
 * Instances are thread-safe.
 */
public final class BackrefSearch {

    /** Most chains one search may return. */
    public static final int MAX_LIMIT = 10_000;
    /** Deepest chain one search may follow. */
    public static final int MAX_DEPTH_LIMIT = 100_000;

    private final HeapModel model;

    /** One per heapscope, built by {@link RootsService} with the walkers' shared model. */
    BackrefSearch(HeapModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /**
     * Finds up to {@code limit} objects whose class is, extends or implements {@code targetType},
     * each with its shortest chain back to {@code root}. Array types match by exact name only.
     *
     * @param root       where the search starts; may itself match (then its chain has no hops)
     * @param targetType binary or canonical class name, e.g. {@code com.example.Outer$Listener}
     * @param limit      most chains to return, 1 to {@value #MAX_LIMIT}
     * @param maxDepth   objects further than this many references from the root are not examined,
     *                   0 to {@value #MAX_DEPTH_LIMIT}
     * @param options    object and time limits and boundaries (objects at a boundary are not searched)
     * @throws IllegalArgumentException if limit or maxDepth is out of range, or targetType is blank
     * @throws NullPointerException     if an argument is null
     */
    public BackrefResult find(Object root, String targetType, int limit, int maxDepth, WalkOptions options) {
        return find(root, targetType, limit, maxDepth, options, new Cancellation());
    }

    /** As {@link #find(Object, String, int, int, WalkOptions)}, stopping early once {@code cancellation} is cancelled. */
    public BackrefResult find(Object root, String targetType, int limit, int maxDepth, WalkOptions options,
                              Cancellation cancellation) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(targetType, "targetType");
        Objects.requireNonNull(options, "options");
        if (targetType.isBlank()) {
            throw new IllegalArgumentException("targetType must not be blank");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be in 1.." + MAX_LIMIT + " but was " + limit);
        }
        if (maxDepth < 0 || maxDepth > MAX_DEPTH_LIMIT) {
            throw new IllegalArgumentException("maxDepth must be in 0.." + MAX_DEPTH_LIMIT + " but was " + maxDepth);
        }
        return new Search(model, new TypeMatcher(targetType), limit, maxDepth, options, cancellation).run(root);
    }

    /** State of one search; confined to the calling thread. */
    private static final class Search {
        private static final int NO_PARENT = -1;

        private final GraphWalk walk;
        private final TypeMatcher matcher;
        private final int limit;
        private final int maxDepth;
        private final List<BackrefChain> chains = new ArrayList<>();

        Search(HeapModel model, TypeMatcher matcher, int limit, int maxDepth, WalkOptions options,
               Cancellation cancellation) {
            this.walk = new GraphWalk(model, options, cancellation);
            this.matcher = matcher;
            this.limit = limit;
            this.maxDepth = maxDepth;
        }

        BackrefResult run(Object root) {
            ObjectQueue queue = walk.queue;
            WalkBudget budget = walk.budget;
            try {
                walk.start(root);
                queue.add(root, NO_PARENT, 0);
                int depth = 0;
                int levelEnd = 1;
                for (int i = 0; i < queue.size() && budget.tryVisit(); i++) {
                    if (i == levelEnd) {
                        depth++;
                        levelEnd = queue.size();
                    }
                    if (visit(i, depth) && chains.size() == limit) {
                        if (i + 1 < queue.size()) {
                            budget.stop("result limit " + limit + " reached");
                        }
                        break;
                    }
                }
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                budget.stop("search stopped by " + e.getClass().getName());
            }
            String reason = budget.exhaustedReason();
            return new BackrefResult(chains, reason != null, reason, budget.visited(), budget.elapsedNanos());
        }

        /** Examines the object at {@code index}; true if it matched. */
        private boolean visit(int index, int depth) {
            Object o = walk.queue.object(index);
            ClassInfo info = walk.model.info(o.getClass());
            if (walk.excluded(info)) {
                return false;
            }
            boolean matched = matcher.matches(info);
            if (matched) {
                chains.add(chainTo(index, info.typeName(), info.sizeOf(o, walk.model.shape)));
            }
            if (depth < maxDepth) {
                walk.forEachReference(o, info, (target, slot) -> {
                    if (walk.reach(target)) {
                        walk.queue.add(target, index, slot);
                    }
                });
            }
            return matched;
        }

        private BackrefChain chainTo(int index, String targetType, long targetBytes) {
            List<Hop> hops = new ArrayList<>();
            ObjectQueue queue = walk.queue;
            for (int i = index; queue.first(i) != NO_PARENT; i = queue.first(i)) {
                ClassInfo holder = walk.model.info(queue.object(queue.first(i)).getClass());
                int edge = queue.second(i);
                String edgeName = holder.type.isArray() ? "[" + edge + "]" : holder.fieldNames[edge];
                hops.add(new Hop(holder.typeName(), edgeName));
            }
            return new BackrefChain(targetType, targetBytes, hops, hops.size());
        }
    }
}
