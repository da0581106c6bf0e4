package dev.heapscope.heap;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Tells whether a garbage collection may have moved objects since a point in time, so that a walk keyed
 * by compressed references ({@link AddressSet}) knows whether its keys still hold.
 *
 * <p>Only for collectors that move objects in stop-the-world pauses, each counted by its
 * {@link GarbageCollectorMXBean} when the pause ends (before any Java thread runs again): G1, Parallel
 * and Serial. G1's concurrent cycle ({@code G1 Concurrent GC}, JDK 20+) moves nothing and is not
 * counted. ZGC and Shenandoah move objects while Java threads run, so {@link #supported()} is false
 * for them (and for any collector not known here). Reading the counts costs well under a
 * microsecond.
 */
final class ObjectMoves {

    private static final List<String> STOP_THE_WORLD_PREFIXES = List.of("G1 ", "PS ", "Copy", "MarkSweepCompact");
    private static final String NON_MOVING = "G1 Concurrent GC";

    /** For a walk that goes by identity only. */
    static final ObjectMoves UNSUPPORTED = new ObjectMoves(() -> 0, false);

    private final LongSupplier count;
    private final boolean supported;

    /** @param count collections so far that may have moved objects */
    ObjectMoves(LongSupplier count, boolean supported) {
        this.count = count;
        this.supported = supported;
    }

    static ObjectMoves ofThisJvm() {
        List<GarbageCollectorMXBean> all = ManagementFactory.getGarbageCollectorMXBeans();
        boolean known = !all.isEmpty() && all.stream()
                .allMatch(gc -> STOP_THE_WORLD_PREFIXES.stream().anyMatch(gc.getName()::startsWith));
        List<GarbageCollectorMXBean> moving = all.stream().filter(gc -> !gc.getName().equals(NON_MOVING)).toList();
        return new ObjectMoves(() -> {
            long n = 0;
            for (GarbageCollectorMXBean gc : moving) {
                n += gc.getCollectionCount();
            }
            return n;
        }, known);
    }

    /** Whether this JVM's collector moves objects only in pauses that {@link #count()} counts. */
    boolean supported() {
        return supported;
    }

    /** Collections so far that may have moved objects: a walk whose count changed must not trust its keys. */
    long count() {
        return count.getAsLong();
    }
}
