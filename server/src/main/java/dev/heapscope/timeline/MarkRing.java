package dev.heapscope.timeline;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The last marks, in parallel arrays. A watch snapshot's name is a function of its time
 * ({@link #watchName}), so its mark keeps no string of its own: the watch adds no growing objects to the
 * heap it watches. Not thread-safe: the timeline locks.
 */
final class MarkRing {

    private static final DateTimeFormatter WATCH_NAME =
            DateTimeFormatter.ofPattern("'watch-'yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

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

    /** {@code watch-20250131T120005Z}: the name of the watch snapshot taken at that second, UTC. */
    static String watchName(Instant time) {
        return WATCH_NAME.format(time);
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
                marks.add(new Mark(time, kind, names[slot] == null ? watchName(time) : names[slot]));
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
