package dev.heapscope.heap;

import java.lang.ref.WeakReference;

/**
 * How many objects the last walk from each recent root reached, so that the next walk from the
 * same root sizes its visited set once instead of growing it (each growth allocates a table four
 * times larger and rehashes everything, touching every object seen so far again).
 *
 * <p>Keyed by identity and held weakly (remembering a root never keeps it alive, nor calls its
 * {@code hashCode}), at most {@value #CAPACITY} roots, the oldest entry replaced first. One per
 * walker, so two heapscope instances never share it. Thread-safe.
 */
final class SizeHints {

    static final int CAPACITY = 32;

    private final WeakReference<?>[] roots = new WeakReference<?>[CAPACITY];
    private final long[] counts = new long[CAPACITY];
    private final long[] blocks = new long[CAPACITY];
    private int next;

    /** The object count last recorded for {@code root}, or 0 if none. */
    synchronized long expected(Object root) {
        int i = indexOf(root);
        return i < 0 ? 0 : counts[i];
    }

    /** The heap blocks (see {@link AddressSet}) last recorded for {@code root}, or 0 if none. */
    synchronized long expectedBlocks(Object root) {
        int i = indexOf(root);
        return i < 0 ? 0 : blocks[i];
    }

    synchronized void record(Object root, long count) {
        record(root, count, 0);
    }

    /** Records a walk's object count, and the blocks its {@link AddressSet} held (0 if it had none). */
    synchronized void record(Object root, long count, long blockCount) {
        int i = indexOf(root);
        if (i < 0) {
            i = next;
            next = (next + 1) % CAPACITY;
            roots[i] = new WeakReference<>(root);
        }
        counts[i] = count;
        blocks[i] = blockCount;
    }

    private int indexOf(Object root) {
        for (int i = 0; i < CAPACITY; i++) {
            WeakReference<?> ref = roots[i];
            if (ref != null && ref.get() == root) {
                return i;
            }
        }
        return -1;
    }
}
