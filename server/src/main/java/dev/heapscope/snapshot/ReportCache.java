package dev.heapscope.snapshot;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Reports of snapshots already taken, computed once per query: a snapshot never changes, so neither does a
 * report of it, and a dashboard polling the same comparison costs one computation. At most
 * {@value #CAPACITY} reports, the least recently read dropped first; a deleted snapshot's are dropped at
 * once. Reading takes no lock (dozens of clients polling reports never queue behind each other on a busy
 * host), and nothing is computed under one: two first readers may both compute.
 */
final class ReportCache {

    static final int CAPACITY = 256;

    /** A report's identity: the snapshots by name and time taken (a name taken again is another snapshot). */
    private record Key(String kind, String name, Instant takenAt, String baseline, Instant baselineTakenAt,
                       Object query) {
    }

    /** A report and when it was last read, in {@link System#nanoTime()}; a racy write of that is harmless. */
    private static final class Held {
        final Object report;
        volatile long readAt = System.nanoTime();

        Held(Object report) {
            this.report = report;
        }
    }

    private final Map<Key, Held> reports = new ConcurrentHashMap<>();

    /** The report of {@code kind} for the snapshot (and baseline, or null) and query, computed if not held. */
    @SuppressWarnings("unchecked")
    <T> T get(String kind, Snapshot snapshot, Snapshot baseline, Object query, Supplier<T> compute) {
        Key key = new Key(kind, snapshot.name(), snapshot.takenAt(), baseline == null ? null : baseline.name(),
                baseline == null ? null : baseline.takenAt(), query);
        Held held = reports.get(key);
        if (held != null) {
            held.readAt = System.nanoTime();
            return (T) held.report;
        }
        T report = Objects.requireNonNull(compute.get());
        reports.put(key, new Held(report));
        evictBeyondCapacity();
        return report;
    }

    /** Drops every report of a snapshot (as itself or as a baseline). */
    void forget(String name) {
        reports.keySet().removeIf(k -> k.name().equals(name) || name.equals(k.baseline()));
    }

    /** The reports held, to count them in heapscope's own memory. */
    Object held() {
        return reports.values().stream().map(h -> h.report).toArray();
    }

    // only after a computation, which costs far more than this scan of CAPACITY entries
    private void evictBeyondCapacity() {
        while (reports.size() > CAPACITY) {
            reports.entrySet().stream().min(Comparator.comparingLong(e -> e.getValue().readAt))
                    .ifPresent(e -> reports.remove(e.getKey(), e.getValue()));
        }
    }
}
