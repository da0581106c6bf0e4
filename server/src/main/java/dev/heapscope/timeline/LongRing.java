package dev.heapscope.timeline;

/**
 * A bounded ring of fixed-width rows of longs, kept in one primitive array: no object per row, so its
 * cost is exactly {@code capacity * width * 8} bytes plus a header, whatever it holds. Column 0 of every
 * row is its time (epoch milliseconds), rows arrive in time order. Not thread-safe: the owner locks.
 */
final class LongRing {

    private final long[] rows;
    private final int width;
    private final int capacity;
    private int start;
    private int size;

    LongRing(int capacity, int width) {
        if (capacity < 1 || width < 1) {
            throw new IllegalArgumentException("capacity " + capacity + " and width " + width + " must be positive");
        }
        this.rows = new long[Math.multiplyExact(capacity, width)];
        this.capacity = capacity;
        this.width = width;
    }

    int capacity() {
        return capacity;
    }

    int width() {
        return width;
    }

    int size() {
        return size;
    }

    /**
     * Appends a row (its first {@link #width()} values); when full, the oldest row is copied into
     * {@code evicted} first (if not null) and returns true.
     */
    boolean add(long[] row, long[] evicted) {
        boolean evicts = size == capacity;
        if (evicts) {
            if (evicted != null) {
                System.arraycopy(rows, start * width, evicted, 0, width);
            }
            start = (start + 1) % capacity;
            size--;
        }
        System.arraycopy(row, 0, rows, ((start + size) % capacity) * width, width);
        size++;
        return evicts;
    }

    /** Value {@code column} of the i-th oldest row. */
    long get(int i, int column) {
        return rows[((start + i) % capacity) * width + column];
    }

    /** Copies the i-th oldest row into {@code into}. */
    void copy(int i, long[] into) {
        System.arraycopy(rows, ((start + i) % capacity) * width, into, 0, width);
    }

    /** The time of the i-th oldest row. */
    long time(int i) {
        return get(i, 0);
    }

    /** Index of the first row at or after {@code timeMillis} (size when none): rows are in time order. */
    int firstAtOrAfter(long timeMillis) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (time(mid) < timeMillis) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    void clear() {
        start = 0;
        size = 0;
    }
}
