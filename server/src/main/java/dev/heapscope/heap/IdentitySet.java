package dev.heapscope.heap;

/**
 * An identity set of objects: open addressing with linear probing over
 * {@link System#identityHashCode}, for a walk's "seen" marks.
 *
 * <p>Why chunks: one big {@code Object[]} is a humongous object under G1, allocated straight
 * into the old generation, and every reference stored into it takes G1's slow post-write
 * barrier (card dirtying and a StoreLoad fence). That made a plain walker ~8x slower under G1
 * than under ParallelGC. Chunks of {@value #CHUNK_SLOTS} slots (128 KiB with compressed oops)
 * stay below G1's humongous threshold (half a 1 MiB region), so they are allocated in the young
 * generation, where the barrier returns after its "young card" check.
 *
 * <p>Memory: 4 (8 without compressed oops) bytes per slot, 2 to 8 slots per element (load
 * factor between 1/8 and 1/2), so 8 to 32 bytes per element; a walker that knows the expected
 * size (see {@link SizeHints}) allocates once at a load of 1/4 to 1/2. Growing allocates the new
 * table before dropping the old one. Slots hold references only: keeping each hash beside its
 * object doubled the memory and measured no faster.
 */
final class IdentitySet {

    static final int CHUNK_SHIFT = 15;
    static final int CHUNK_SLOTS = 1 << CHUNK_SHIFT;
    private static final int CHUNK_MASK = CHUNK_SLOTS - 1;
    private static final int MIN_CAPACITY = 1 << 12;
    private static final int MAX_CAPACITY = 1 << 30;

    private Object[][] chunks;
    private int mask;
    private int size;
    private int growAt;

    IdentitySet(long expectedSize) {
        allocate(capacityFor(expectedSize));
    }

    int size() {
        return size;
    }

    /** Adds {@code o} (non-null); true if it was not there before. */
    boolean add(Object o) {
        int i = hash(o) & mask;
        while (true) {
            Object[] chunk = chunks[i >>> CHUNK_SHIFT];
            Object existing = chunk[i & CHUNK_MASK];
            if (existing == null) {
                chunk[i & CHUNK_MASK] = o;
                if (++size >= growAt) {
                    grow();
                }
                return true;
            }
            if (existing == o) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    boolean contains(Object o) {
        int i = hash(o) & mask;
        while (true) {
            Object existing = chunks[i >>> CHUNK_SHIFT][i & CHUNK_MASK];
            if (existing == null) {
                return false;
            }
            if (existing == o) {
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    private static int hash(Object o) {
        // Spread the identity hash's low bits over the whole table.
        return System.identityHashCode(o) * 0x9E3779B9;
    }

    private void grow() {
        if (mask + 1 >= MAX_CAPACITY) {
            // Keep accepting up to full; callers bound the walk far below this.
            growAt = Integer.MAX_VALUE;
            return;
        }
        Object[][] old = chunks;
        // Growing 4x rehashes a third as much as 2x: rehashing was a third of a big walk's time.
        allocate((int) Math.min(MAX_CAPACITY, (mask + 1L) << 2));
        for (Object[] chunk : old) {
            for (Object o : chunk) {
                if (o != null) {
                    reinsert(o);
                }
            }
        }
    }

    private void reinsert(Object o) {
        int i = hash(o) & mask;
        while (chunks[i >>> CHUNK_SHIFT][i & CHUNK_MASK] != null) {
            i = (i + 1) & mask;
        }
        chunks[i >>> CHUNK_SHIFT][i & CHUNK_MASK] = o;
    }

    private void allocate(int capacity) {
        int chunkSlots = Math.min(capacity, CHUNK_SLOTS);
        chunks = new Object[Math.max(1, capacity / chunkSlots)][];
        for (int c = 0; c < chunks.length; c++) {
            chunks[c] = new Object[chunkSlots];
        }
        mask = capacity - 1;
        growAt = capacity >>> 1;
    }

    private static int capacityFor(long expectedSize) {
        long wanted = Math.max(MIN_CAPACITY, Math.min(expectedSize, MAX_CAPACITY / 2) * 2);
        return (int) Math.min(MAX_CAPACITY, Long.highestOneBit(wanted - 1) << 1);
    }
}
