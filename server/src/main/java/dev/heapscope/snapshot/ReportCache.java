package dev.heapscope.snapshot;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Reports of snapshots already taken, computed once per query: a snapshot never changes, so neither does a
 * report of it, and a dashboard polling the same comparison costs one computation. At most
 * {@value #CAPACITY} reports, the least recently read dropped first; a deleted snapshot's are dropped at
 * once. The lock guards the map only, never a computation: two first readers may both compute.
 */
final class ReportCache {

    static final int CAPACITY = 256;

    /** A report's identity: the snapshots by name and time taken (a name taken again is another snapshot). */
    private record Key(String kind, String name, Instant takenAt, String baseline, Instant baselineTakenAt,
                       Object query) {
    }

    private final Map<Key, Object> reports = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The report of {@code kind} for the snapshot (and baseline, or null) and query, computed if not held. */
    @SuppressWarnings("unchecked")
    <T> T get(String kind, Snapshot snapshot, Snapshot baseline, Object query, Supplier<T> compute) {
        Key key = new Key(kind, snapshot.name(), snapshot.takenAt(), baseline == null ? null : baseline.name(),
                baseline == null ? null : baseline.takenAt(), query);
        Object held;
        synchronized (reports) {
            held = reports.get(key);
        }
        if (held != null) {
            return (T) held;
        }
        T report = Objects.requireNonNull(compute.get());
        synchronized (reports) {
            reports.put(key, report);
        }
        return report;
    }

    /** Drops every report of a snapshot (as itself or as a baseline). */
    void forget(String name) {
        synchronized (reports) {
            reports.keySet().removeIf(k -> k.name().equals(name) || name.equals(k.baseline()));
        }
    }

    /** The reports held, to count them in heapscope's own memory. */
    Object held() {
        synchronized (reports) {
            return reports.values().toArray();
        }
    }
}
