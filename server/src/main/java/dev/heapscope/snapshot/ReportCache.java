package dev.heapscope.snapshot;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Reports of snapshots already taken, computed once per query: a snapshot never changes, so neither does a
 * report of it, and a dashboard polling the same comparison costs one computation. At most
 * {@value #CAPACITY} reports holding at most {@value #BUDGET_BYTES} bytes between them, the least recently
 * read dropped first; a report over {@value #MAX_REPORT_BYTES} bytes (a thousand 64-frame tracebacks come to
 * ~13 MB) is computed for each read and never held, so no sequence of queries makes the cache a burden on
 * the host's heap. A deleted snapshot's reports are dropped at once. Reading takes no lock (dozens of clients
 * polling reports never queue behind each other on a busy host), and nothing is computed under one: two
 * first readers may both compute.
 */
final class ReportCache {

    static final int CAPACITY = 256;
    static final long BUDGET_BYTES = 16L << 20;
    static final long MAX_REPORT_BYTES = BUDGET_BYTES / 4;

    /** A report's identity: the snapshots by name and time taken (a name taken again is another snapshot). */
    private record Key(String kind, String name, Instant takenAt, String baseline, Instant baselineTakenAt,
                       Object query) {
    }

    /**
     * A report, its estimated size, and when it was last read, in {@link System#nanoTime()}; a racy write of
     * that is harmless.
     */
    private static final class Held {
        final Object report;
        final long bytes;
        volatile long readAt = System.nanoTime();

        Held(Object report, long bytes) {
            this.report = report;
            this.bytes = bytes;
        }
    }

    private static final ClassValue<Method[]> RECORD_READERS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            Method[] readers = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getAccessor)
                    .toArray(Method[]::new);
            // a report's record may be public inside a package-private class of another package
            Arrays.stream(readers).forEach(m -> m.setAccessible(true));
            return readers;
        }
    };

    private final Map<Key, Held> reports = new ConcurrentHashMap<>();
    private final AtomicLong heldBytes = new AtomicLong();

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
        long bytes = estimateBytes(report);
        if (bytes <= MAX_REPORT_BYTES) {
            Held previous = reports.put(key, new Held(report, bytes));
            heldBytes.addAndGet(bytes - (previous == null ? 0 : previous.bytes));
            evictBeyondBounds();
        }
        return report;
    }

    /** Drops every report of a snapshot (as itself or as a baseline). */
    void forget(String name) {
        reports.forEach((key, held) -> {
            if (key.name().equals(name) || name.equals(key.baseline())) {
                drop(key, held);
            }
        });
    }

    /** The reports held, to count them in heapscope's own memory. */
    Object held() {
        return reports.values().stream().map(h -> h.report).toArray();
    }

    /** The estimated bytes of the reports held. */
    long heldBytes() {
        return heldBytes.get();
    }

    /**
     * What a report keeps, estimated from its shape as a 64-bit JVM with compressed references lays it out:
     * 16 bytes per object header, 8 per field or list element, a string's characters as Latin-1 bytes. Each
     * string and element is counted where it appears (one two entries share is counted twice), so the estimate
     * errs on the high side, which is the side a bound wants.
     */
    static long estimateBytes(Object value) {
        if (value instanceof String s) {
            return 40 + s.length();
        }
        if (value instanceof Collection<?> elements) {
            long bytes = 32 + 8L * elements.size();
            for (Object element : elements) {
                bytes += estimateBytes(element);
            }
            return bytes;
        }
        if (value instanceof Map<?, ?> map) {
            return 48 + estimateBytes(map.keySet()) + estimateBytes(map.values());
        }
        if (value != null && value.getClass().isArray()) {
            int length = Array.getLength(value);
            long bytes = 16 + 8L * length;
            for (int i = 0; !value.getClass().getComponentType().isPrimitive() && i < length; i++) {
                bytes += estimateBytes(Array.get(value, i));
            }
            return bytes;
        }
        if (value != null && value.getClass().isRecord()) {
            Method[] readers = RECORD_READERS.get(value.getClass());
            long bytes = 16 + 8L * readers.length;
            for (Method reader : readers) {
                if (reader.getReturnType().isPrimitive()) {
                    continue;
                }
                try {
                    bytes += estimateBytes(reader.invoke(value));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + reader + " to weigh a report", e);
                }
            }
            return bytes;
        }
        // null, an enum constant, a boxed number, an Instant, a Duration: small, and often shared
        return value == null ? 0 : 24;
    }

    private void drop(Key key, Held held) {
        if (reports.remove(key, held)) {
            heldBytes.addAndGet(-held.bytes);
        }
    }

    // only after a computation, which costs far more than this scan of at most CAPACITY entries
    private void evictBeyondBounds() {
        while (reports.size() > CAPACITY || heldBytes.get() > BUDGET_BYTES) {
            Map.Entry<Key, Held> oldest = reports.entrySet().stream()
                    .min(Comparator.comparingLong(e -> e.getValue().readAt)).orElse(null);
            if (oldest == null) {
                return;
            }
            drop(oldest.getKey(), oldest.getValue());
        }
    }
}
