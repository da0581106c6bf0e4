package dev.heapscope.heap;

/**
 * A set of objects keyed by their 32-bit compressed references, for a deep-size walk's "seen" marks
 * while no garbage collection moves objects (see {@link ObjectMoves}).
 *
 * <p>Layout: the heap is cut into blocks of 32 units of the object alignment (8 bytes unless the JVM
 * was told otherwise), and the set holds one {@code long} per block it has met: the block's number in the
 * high half, a bit per unit in the low half. Objects start on the alignment and take at least one unit,
 * so no two start in the same unit and a bit is an object. Blocks are found by open addressing with
 * linear probing over a Fibonacci hash of their number.
 *
 * <p>Why not {@link IdentitySet}: {@link System#identityHashCode} reads each object's header, and the
 * first call on an object installs its hash through a call into the VM, measured at 85 to 180 ns per
 * object against ~10 ns to read an installed one: a first walk of a graph nobody hashed before paid that
 * for every object (~150 ms for 1.5 M objects, more than the rest of the walk). And a random slot per
 * object made every object a cache miss in the table; here objects allocated together (an object and
 * what it holds, usually) share a block and so one cache line of the table. A {@code long[]} also takes
 * no GC write barrier and is never scanned by a collection.
 *
 * <p>Memory: 8 bytes per slot, 2 to 8 slots per block met (load factor between 1/8 and 1/2): 16 to 64
 * bytes per object when every object sits in its own block, about a twentieth of that on a densely
 * allocated graph. One {@code long[]}; growing allocates the new table before dropping the old.
 */
final class AddressSet {

    private static final int MIN_CAPACITY = 1 << 10;
    private static final int MAX_CAPACITY = 1 << 30;
    private static final int FIBONACCI = 0x9E3779B9;
    private static final int UNITS_PER_BLOCK_BITS = 5;
    private static final long BITS_MASK = 0xFFFF_FFFFL;

    private final int unitShift;
    private long[] slots;
    private int shift;
    private int blocks;
    private int growAt;
    private long size;

    /**
     * @param expectedBlocks blocks to make room for without growing
     * @param unitShift      low bits of a key within one unit of object alignment (see {@link #unitShift})
     */
    AddressSet(long expectedBlocks, int unitShift) {
        this.unitShift = unitShift;
        allocate(capacityFor(expectedBlocks));
    }

    /**
     * How many low bits of a compressed reference fall within one unit of object alignment: 0 when
     * references count such units (the usual encoding, with a shift), log2 of the alignment when they
     * count bytes (a heap mapped below 4 GB, "unscaled"). Found by allocating pairs of objects one after
     * the other and reading how far apart their references are; 0, which is exact with either encoding
     * (only slower with bytes), unless six of eight pairs say bytes.
     */
    static int unitShift(FieldReader reader, ArrayShape shape) {
        long alignment = shape.objectAlignment();
        int sayBytes = 0;
        for (int i = 0; i < 8; i++) {
            Object[] pair = {new long[30], new long[30]};
            long apart = Integer.toUnsignedLong(reader.narrow(pair, shape.elementOffset(1)))
                    - Integer.toUnsignedLong(reader.narrow(pair, shape.elementOffset(0)));
            if (apart == shape.sizeOfInstance(pair[0])) {
                sayBytes++;
            }
        }
        return sayBytes >= 6 ? Long.numberOfTrailingZeros(alignment) : 0;
    }

    /** Objects in the set. */
    long size() {
        return size;
    }

    /** Blocks the set holds: what to size the next set of a walk from the same root for. */
    int blocks() {
        return blocks;
    }

    /** Adds the object whose compressed reference is {@code key} (non-zero); true if it was not there before. */
    boolean add(int key) {
        int unit = key >>> unitShift;
        long block = (long) (unit >>> UNITS_PER_BLOCK_BITS) + 1;
        long bit = 1L << (unit & ((1 << UNITS_PER_BLOCK_BITS) - 1));
        long[] table = slots;
        int mask = table.length - 1;
        int i = ((int) block * FIBONACCI) >>> shift;
        while (true) {
            long entry = table[i];
            if (entry == 0) {
                table[i] = block << 32 | bit;
                size++;
                if (++blocks >= growAt) {
                    grow();
                }
                return true;
            }
            if (entry >>> 32 == block) {
                if ((entry & bit) != 0) {
                    return false;
                }
                table[i] = entry | bit;
                size++;
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        if (slots.length >= MAX_CAPACITY) {
            // Keep accepting up to full; callers bound the walk far below this.
            growAt = Integer.MAX_VALUE;
            return;
        }
        long[] old = slots;
        allocate((int) Math.min(MAX_CAPACITY, (long) old.length << 2));
        long[] table = slots;
        int mask = table.length - 1;
        for (long entry : old) {
            if (entry != 0) {
                int i = ((int) (entry >>> 32) * FIBONACCI) >>> shift;
                while (table[i] != 0) {
                    i = (i + 1) & mask;
                }
                table[i] = entry;
            }
        }
    }

    private void allocate(int capacity) {
        slots = new long[capacity];
        shift = Integer.numberOfLeadingZeros(capacity) + 1;
        growAt = capacity >>> 1;
    }

    private static int capacityFor(long expectedBlocks) {
        long wanted = Math.max(MIN_CAPACITY, Math.min(expectedBlocks, MAX_CAPACITY / 2) * 2);
        return (int) Math.min(MAX_CAPACITY, Long.highestOneBit(wanted - 1) << 1);
    }
}
