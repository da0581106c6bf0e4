package dev.heapscope.heap;

import java.util.Arrays;

/**
 * A LIFO work list of objects in chunks below G1's humongous threshold, for the same reason as
 * {@link IdentitySet}. Popped slots are not cleared: the stack lives for one walk only and
 * everything it holds is reachable from the root anyway.
 */
final class ObjectStack {

    private static final int CHUNK_SHIFT = 14;
    private static final int CHUNK_SLOTS = 1 << CHUNK_SHIFT;
    private static final int CHUNK_MASK = CHUNK_SLOTS - 1;

    private Object[][] chunks = new Object[4][];
    private int size;

    ObjectStack() {
        chunks[0] = new Object[CHUNK_SLOTS];
    }

    boolean isEmpty() {
        return size == 0;
    }

    void push(Object o) {
        int c = size >>> CHUNK_SHIFT;
        if (c == chunks.length) {
            chunks = Arrays.copyOf(chunks, c * 2);
        }
        Object[] chunk = chunks[c];
        if (chunk == null) {
            chunk = new Object[CHUNK_SLOTS];
            chunks[c] = chunk;
        }
        chunk[size & CHUNK_MASK] = o;
        size++;
    }

    Object pop() {
        size--;
        return chunks[size >>> CHUNK_SHIFT][size & CHUNK_MASK];
    }
}
