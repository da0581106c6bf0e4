package dev.heapscope.heap;

import dev.heapscope.Cancellation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Deep size of an object graph, like Python's {@code pympler.asizeof}: every object reachable
 * from a root through instance fields and array elements, each counted once.
 *
 * <p>Sizes are JOL's model of this VM (headers, field layout, alignment). With no
 * {@linkplain Boundary boundaries}, the result equals JOL's
 * {@code GraphLayout.parseInstance(root).totalSize()} and {@code totalCount()}, at a fraction of
 * its time and memory. Static fields are not followed (as in JOL); nothing else is excluded.
 *
 * <p>The walker reads the live graph while the host mutates it: no exception escapes
 * {@link #measure}, and a result taken under mutation is an estimate. Its own memory is about
 * 10 to 20 bytes per visited object (a visited set and a work stack; see {@link IdentitySet}),
 * bounded by {@link WalkOptions#maxObjects()}. The walk runs in the calling thread. Instances are
 * thread-safe and cache per-class facts for their lifetime.
 */
public final class DeepSizeWalker {

    private static final long FIRST_WALK_CAPACITY = 1 << 16;

    private final HeapModel model;
    private final SizeHints sizeHints = new SizeHints();

    /** @throws IllegalStateException if this runtime offers no way to read object fields */
    public DeepSizeWalker() {
        this(HeapModel.create());
    }

    DeepSizeWalker(HeapModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /**
     * Measures everything reachable from {@code root} within the options' bounds.
     *
     * @param root    the object to measure; not null
     * @param options limits and boundaries; see {@link WalkOptions#defaults()}
     * @return the sizes in bytes; {@code truncated} if a limit stopped the walk early
     * @throws NullPointerException if root or options is null
     */
    public DeepSize measure(Object root, WalkOptions options) {
        return measure(root, options, new Cancellation());
    }

    /**
     * As {@link #measure(Object, WalkOptions)}, stopping early (truncated, "cancelled: ...") once
     * {@code cancellation} is cancelled; it is checked every few thousand objects.
     */
    public DeepSize measure(Object root, WalkOptions options, Cancellation cancellation) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(options, "options");
        long expected = sizeHints.expected(root);
        Walk walk = new Walk(model, options, expected, cancellation);
        DeepSize size = walk.run(root);
        sizeHints.record(root, walk.seen.size());
        return size;
    }

    /** What this walker keeps between walks (size hints, per-class facts), to measure heapscope's own memory. */
    Object[] ownState() {
        return new Object[] {sizeHints, model, model.cachedInfos()};
    }

    /** How many objects the last walk from {@code root} reached, or 0 if none is remembered. */
    long expectedObjects(Object root) {
        return sizeHints.expected(root);
    }

    /** Objects to make room for: a little more than last time, or a start that grows 4x at a time. */
    private static long initialCapacity(WalkOptions options, long expected) {
        long wanted = expected > 0 ? expected + (expected >>> 3) : FIRST_WALK_CAPACITY;
        return Math.min(options.maxObjects(), wanted);
    }

    /** The mutable state of one measurement; confined to the calling thread. */
    private static final class Walk {
        private final HeapModel model;
        private final ArrayShape shape;
        private final FieldReader reader;
        private final WalkBudget budget;
        private final int excludedKinds;
        private final boolean skipReferents;
        private final IdentitySet seen;
        private final ObjectStack work = new ObjectStack();
        private long[] counts;
        private long[] bytes;
        private ClassInfo[] infos;
        private long rootBytes;

        Walk(HeapModel model, WalkOptions options, long expectedObjects, Cancellation cancellation) {
            this.model = model;
            this.shape = model.shape;
            this.reader = model.reader;
            this.budget = new WalkBudget(options, cancellation);
            this.excludedKinds = Boundaries.excludedKinds(options);
            this.skipReferents = options.boundaries().contains(Boundary.REFERENCE_REFERENTS);
            this.seen = new IdentitySet(initialCapacity(options, expectedObjects));
            int classes = Math.max(64, model.classIdBound());
            this.counts = new long[classes];
            this.bytes = new long[classes];
            this.infos = new ClassInfo[classes];
        }

        DeepSize run(Object root) {
            try {
                seen.add(root);
                work.push(root);
                boolean first = true;
                while (!work.isEmpty() && budget.tryVisit()) {
                    Object o = work.pop();
                    long size = visit(o);
                    if (first) {
                        rootBytes = size;
                        first = false;
                    }
                }
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                // The host's graph, not our code, is the usual cause; report a partial result instead.
                budget.stop("walk stopped by " + e.getClass().getName());
            }
            return result();
        }

        /** Counts {@code o} and pushes its unseen referents; returns its size, 0 if excluded. */
        private long visit(Object o) {
            ClassInfo info = model.info(o.getClass());
            if ((info.kind & excludedKinds) != 0) {
                return 0;
            }
            long size;
            if (info.referenceArray) {
                Object[] array = (Object[]) o;
                size = info.arraySize(array.length, shape);
                for (Object e : array) {
                    offer(e);
                }
            } else if (info.primitiveArray) {
                size = info.arraySize(java.lang.reflect.Array.getLength(o), shape);
            } else {
                size = info.instanceSize(o, shape);
                for (long offset : skipReferents ? info.fieldOffsetsWithoutReferent : info.fieldOffsets) {
                    offer(reader.read(o, offset));
                }
            }
            count(info, size);
            return size;
        }

        /**
         * Marks {@code e} seen and queues it, or counts it at once if it holds no references
         * (boxes, primitive arrays): its header is in cache now, and the stack is spared a round trip.
         */
        private void offer(Object e) {
            if (e != null && budget.followEdge() && seen.add(e)) {
                ClassInfo info = model.info(e.getClass());
                if (!info.leaf) {
                    work.push(e);
                } else if ((info.kind & excludedKinds) == 0 && budget.tryVisit()) {
                    count(info, info.primitiveArray
                            ? info.arraySize(java.lang.reflect.Array.getLength(e), shape)
                            : info.instanceSize(e, shape));
                }
            }
        }

        private void count(ClassInfo info, long size) {
            int id = info.id;
            if (id >= counts.length) {
                int n = Math.max(id + 1, counts.length * 2);
                counts = Arrays.copyOf(counts, n);
                bytes = Arrays.copyOf(bytes, n);
                infos = Arrays.copyOf(infos, n);
            }
            if (counts[id]++ == 0) {
                infos[id] = info;
            }
            bytes[id] += size;
        }

        private DeepSize result() {
            List<ClassFootprint> byClass = new ArrayList<>();
            long totalBytes = 0;
            long totalCount = 0;
            for (int id = 0; id < counts.length; id++) {
                if (counts[id] > 0) {
                    byClass.add(new ClassFootprint(TypeNames.of(infos[id].type), counts[id], bytes[id]));
                    totalBytes += bytes[id];
                    totalCount += counts[id];
                }
            }
            byClass.sort(Comparator.comparingLong(ClassFootprint::bytes).reversed()
                    .thenComparing(ClassFootprint::type));
            String reason = budget.exhaustedReason();
            return new DeepSize(rootBytes, totalBytes, totalCount, byClass, reason != null, reason,
                    budget.visited(), budget.elapsedNanos());
        }
    }
}
