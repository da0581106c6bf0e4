package dev.heapscope.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The last marks, in parallel arrays. A watch snapshot's name is a function of its time
 * ({@link MarkKind#watchSnapshotName}), so its mark keeps no string of its own: the watch adds no growing objects to the
 * heap it watches. Not thread-safe: the timeline locks.
 */
final class MarkRing {

    private final long[] times;
    private final byte[] kinds;
    private final String[] names;
    private int start;
    private int size;

    MarkRing(int capacity) {
        times = new long[capacity];
        kinds = new byte[capacity];
        names = new String[capacity];
    }

    void add(long timeMillis, MarkKind kind, String name) {
        int capacity = times.length;
        int slot = (start + size) % capacity;
        if (size == capacity) {
            start = (start + 1) % capacity;
        } else {
            size++;
        }
        times[slot] = timeMillis;
        kinds[slot] = (byte) kind.ordinal();
        names[slot] = kind == MarkKind.WATCH_SNAPSHOT ? null : name;
    }

    List<Mark> between(long fromMillis, long toMillis) {
        List<Mark> marks = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int slot = (start + i) % times.length;
            if (times[slot] >= fromMillis && times[slot] <= toMillis) {
                Instant time = Instant.ofEpochMilli(times[slot]);
                MarkKind kind = MarkKind.values()[kinds[slot]];
                marks.add(new Mark(time, kind, names[slot] == null ? MarkKind.watchSnapshotName(time) : names[slot]));
            }
        }
        return marks;
    }

    int capacity() {
        return times.length;
    }

    long bytes() {
        // three arrays plus the name strings, which are the snapshot names the store holds anyway
        return 3L * 16 + 8L * times.length + kinds.length + 4L * names.length;
    }

    void clear() {
        size = 0;
        start = 0;
        java.util.Arrays.fill(names, null);
    }
}
