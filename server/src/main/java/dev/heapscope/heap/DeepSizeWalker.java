package dev.heapscope.heap;

import dev.heapscope.Cancellation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

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
 * 10 to 20 bytes per visited object (a visited set and a work stack; see {@link AddressSet}),
 * bounded by {@link WalkOptions#maxObjects()}. The walk runs in the calling thread. Instances are
 * thread-safe and cache per-class facts for their lifetime.
 *
 * <p>How it tells objects apart: by their compressed references while no collection moves them, where
 * the JVM allows ({@link ObjectMoves}: G1, Parallel or Serial, with compressed oops); a walk during
 * which a collection ran starts again (once more by reference, then by identity, {@link IdentitySet}),
 * within what is left of its time limit. Elsewhere every walk goes by identity, 2 to 5 times slower
 * (measured on a 1.5 M-object graph, first walk 5x: identity hashes are installed then).
 */
public final class DeepSizeWalker {

    private static final long FIRST_WALK_CAPACITY = 1 << 16;
    private static final long FIRST_WALK_BLOCKS = 1 << 13;
    /** Walks keyed by reference before one by identity, when collections keep moving objects under them. */
    private static final int KEYED_ATTEMPTS = 2;
    /** Objects taken from the work stack between two looks at the collection count. */
    private static final int MOVES_CHECK_EVERY = 1024;

    private final HeapModel model;
    private final ObjectMoves moves;
    private final int unitShift;
    private final SizeHints sizeHints = new SizeHints();
    private final AtomicLong walksAgain = new AtomicLong();

    /** @throws IllegalStateException if this runtime offers no way to read object fields */
    public DeepSizeWalker() {
        this(HeapModel.create());
    }

    DeepSizeWalker(HeapModel model) {
        this(model, ObjectMoves.ofThisJvm());
    }

    /** @param moves how collections are seen here; {@link ObjectMoves#UNSUPPORTED} to go by identity only */
    DeepSizeWalker(HeapModel model, ObjectMoves moves) {
        this.model = Objects.requireNonNull(model, "model");
        this.moves = moves.supported() && model.shape.compressedReferences() ? moves : null;
        this.unitShift = this.moves != null ? AddressSet.unitShift(model.reader, model.shape) : 0;
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
        long expectedBlocks = sizeHints.expectedBlocks(root);
        long start = System.nanoTime();
        int attempt = 0;
        Walk walk = new Walk(model, options, expected, expectedBlocks, moves, unitShift, cancellation);
        DeepSize size = walk.run(root);
        while (walk.movedUnder && !cancellation.isCancelled()) {
            // a collection moved objects during the walk, so its keys no longer told them apart: walk
            // again, with room for as many blocks as it had met (no growth, so no allocation to start
            // another collection midway), and by identity after that
            expectedBlocks = Math.max(expectedBlocks, 2 * walk.blockCount());
            ObjectMoves keyed = ++attempt < KEYED_ATTEMPTS ? moves : null;
            walksAgain.incrementAndGet();
            walk = new Walk(model, options.withTimeLimit(timeLeft(options, start)), expected, expectedBlocks, keyed,
                    unitShift, cancellation);
            size = sinceFirstAttempt(walk.run(root), options, System.nanoTime() - start);
        }
        sizeHints.record(root, walk.seenCount(), walk.blockCount());
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

    private static Duration timeLeft(WalkOptions options, long startNanos) {
        Duration left = options.timeLimit().minusNanos(System.nanoTime() - startNanos);
        return left.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : left;
    }

    /** Whether walks here tell objects apart by their compressed references (see the class comment). */
    boolean keysByReference() {
        return moves != null;
    }

    /** Walks started again because a collection moved objects under them, since this walker was made. */
    long walksAgain() {
        return walksAgain.get();
    }

    /** Objects (or blocks) to make room for: a little more than last time, or a start that grows 4x at a time. */
    private static long initialCapacity(WalkOptions options, long expected, long firstWalk) {
        long wanted = expected > 0 ? expected + (expected >>> 3) : firstWalk;
        return Math.min(options.maxObjects(), wanted);
    }

    /** A second attempt's result as the caller's one walk: its whole time, its own time limit. */
    private static DeepSize sinceFirstAttempt(DeepSize retried, WalkOptions options, long elapsedNanos) {
        String reason = retried.truncated() && retried.truncationReason().startsWith("time limit")
                ? "time limit " + options.timeLimit().toMillis() + " ms reached" : retried.truncationReason();
        return new DeepSize(retried.shallowBytes(), retried.deepBytes(), retried.objectCount(), retried.byClass(),
                retried.truncated(), reason, retried.objectsVisited(), elapsedNanos);
    }

    /** The mutable state of one measurement; confined to the calling thread. */
    private static final class Walk {
        private final HeapModel model;
        private final ArrayShape shape;
        private final FieldReader reader;
        private final WalkBudget budget;
        private final int excludedKinds;
        private final boolean skipReferents;
        /** Keyed by compressed reference, while {@link #moves} sees no collection; else null. */
        private final AddressSet keys;
        /** Keyed by identity when {@link #keys} is null. */
        private final IdentitySet seen;
        private final ObjectMoves moves;
        private final long movesAtStart;
        private final ObjectStack work = new ObjectStack();
        private long[] counts;
        private long[] bytes;
        private ClassInfo[] infos;
        private long rootBytes;
        /** Set when a collection ran during a walk keyed by reference: its figures are void. */
        boolean movedUnder;

        Walk(HeapModel model, WalkOptions options, long expectedObjects, long expectedBlocks, ObjectMoves moves,
             int unitShift, Cancellation cancellation) {
            this.model = model;
            this.shape = model.shape;
            this.reader = model.reader;
            this.budget = new WalkBudget(options, cancellation);
            this.excludedKinds = Boundaries.excludedKinds(options);
            this.skipReferents = options.boundaries().contains(Boundary.REFERENCE_REFERENTS);
            this.moves = moves;
            this.keys = moves != null ? new AddressSet(initialCapacity(options, expectedBlocks, FIRST_WALK_BLOCKS),
                    unitShift) : null;
            this.seen = moves != null ? null
                    : new IdentitySet(initialCapacity(options, expectedObjects, FIRST_WALK_CAPACITY));
            // after the tables are allocated: allocating them may itself start a collection
            this.movesAtStart = moves != null ? moves.count() : 0;
            int classes = Math.max(64, model.classIdBound());
            this.counts = new long[classes];
            this.bytes = new long[classes];
            this.infos = new ClassInfo[classes];
        }

        long seenCount() {
            return keys != null ? keys.size() : seen.size();
        }

        long blockCount() {
            return keys != null ? keys.blocks() : 0;
        }

        DeepSize run(Object root) {
            try {
                if (keys != null) {
                    Object[] box = {root};
                    keys.add(reader.narrow(box, shape.elementOffset(0)));
                } else {
                    seen.add(root);
                }
                work.push(root);
                boolean first = true;
                int sinceCheck = 0;
                while (!work.isEmpty() && budget.tryVisit()) {
                    Object o = work.pop();
                    long size = visit(o);
                    if (first) {
                        rootBytes = size;
                        first = false;
                    }
                    if (++sinceCheck == MOVES_CHECK_EVERY) {
                        sinceCheck = 0;
                        if (moved()) {
                            return result();
                        }
                    }
                }
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                // The host's graph, not our code, is the usual cause; report a partial result instead.
                budget.stop("walk stopped by " + e.getClass().getName());
            }
            moved();
            return result();
        }

        private boolean moved() {
            if (moves != null && moves.count() != movesAtStart) {
                movedUnder = true;
            }
            return movedUnder;
        }

        /** Counts {@code o} and pushes its unseen referents; returns its size, 0 if excluded. */
        private long visit(Object o) {
            ClassInfo info = model.info(o.getClass());
            if ((info.kind & excludedKinds) != 0) {
                return 0;
            }
            long size;
            if (info.referenceArray) {
                // no cast to Object[] here: C2 refuses to intrinsify an int read (offerKeyed) of a slot it
                // knows holds references, and falls back to a JNI call per element
                int length = java.lang.reflect.Array.getLength(o);
                size = info.arraySize(length, shape);
                for (int i = 0; i < length; i++) {
                    if (keys != null) {
                        offerKeyed(o, shape.elementOffset(i));
                    } else {
                        offerIdentity(((Object[]) o)[i]);
                    }
                }
            } else if (info.primitiveArray) {
                size = info.arraySize(java.lang.reflect.Array.getLength(o), shape);
            } else {
                size = info.instanceSize(o, shape);
                for (long offset : skipReferents ? info.fieldOffsetsWithoutReferent : info.fieldOffsets) {
                    if (keys != null) {
                        offerKeyed(o, offset);
                    } else {
                        offerIdentity(reader.read(o, offset));
                    }
                }
            }
            count(info, size);
            return size;
        }

        /** The reference at {@code offset} in {@code holder}, if its key is new: the header waits until then. */
        private void offerKeyed(Object holder, long offset) {
            int key = reader.narrow(holder, offset);
            if (key != 0 && budget.followEdge() && keys.add(key)) {
                accept(reader.read(holder, offset));
            }
        }

        private void offerIdentity(Object e) {
            if (e != null && budget.followEdge() && seen.add(e)) {
                accept(e);
            }
        }

        /**
         * Queues {@code e}, just marked seen, or counts it at once if it holds no references (boxes,
         * primitive arrays): its header is in cache now, and the stack is spared a round trip. Null
         * when the host cleared the field between reading its key and its value.
         */
        private void accept(Object e) {
            if (e == null) {
                return;
            }
            ClassInfo info = model.info(e.getClass());
            if (!info.leaf) {
                work.push(e);
            } else if ((info.kind & excludedKinds) == 0 && budget.tryVisit()) {
                count(info, info.primitiveArray
                        ? info.arraySize(java.lang.reflect.Array.getLength(e), shape)
                        : info.instanceSize(e, shape));
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
