package dev.heapscope.heap;

import java.util.Arrays;

/**
 * An append-only list of objects in chunks (see {@link IdentitySet} for why chunks), with one
 * int and one int "tag" per element: breadth-first walks use the position as the object's
 * visit index and the ints for its parent index and edge (or group). About 4 + 8 bytes per
 * element with compressed oops.
 */
final class ObjectQueue {

    private static final int CHUNK_SHIFT = 14;
    private static final int CHUNK_SLOTS = 1 << CHUNK_SHIFT;
    private static final int CHUNK_MASK = CHUNK_SLOTS - 1;

    private Object[][] objects = new Object[4][];
    private int[][] firsts = new int[4][];
    private int[][] seconds = new int[4][];
    private int size;

    int size() {
        return size;
    }

    /** Appends and returns the new element's index. */
    int add(Object o, int first, int second) {
        int c = size >>> CHUNK_SHIFT;
        if (c == objects.length) {
            objects = Arrays.copyOf(objects, c * 2);
            firsts = Arrays.copyOf(firsts, c * 2);
            seconds = Arrays.copyOf(seconds, c * 2);
        }
        if (objects[c] == null) {
            objects[c] = new Object[CHUNK_SLOTS];
            firsts[c] = new int[CHUNK_SLOTS];
            seconds[c] = new int[CHUNK_SLOTS];
        }
        int i = size & CHUNK_MASK;
        objects[c][i] = o;
        firsts[c][i] = first;
        seconds[c][i] = second;
        return size++;
    }

    Object object(int index) {
        return objects[index >>> CHUNK_SHIFT][index & CHUNK_MASK];
    }

    int first(int index) {
        return firsts[index >>> CHUNK_SHIFT][index & CHUNK_MASK];
    }

    int second(int index) {
        return seconds[index >>> CHUNK_SHIFT][index & CHUNK_MASK];
    }
}
