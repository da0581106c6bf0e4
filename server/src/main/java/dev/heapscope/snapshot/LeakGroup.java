package dev.heapscope.snapshot;

import dev.heapscope.tracing.ReferenceChain;
import java.util.List;
import java.util.Objects;

/**
 * Live sampled objects of one type allocated at one site, with a chain that keeps one of them alive.
 *
 * @param site            the allocation line, e.g. {@code com/example/Store.java:42}
 * @param traceback       the oldest sample's allocation stack, top first, at most the tracing stack depth
 * @param type            the objects' readable type
 * @param samples         how many live sampled objects the group has
 * @param oldestAgeMillis the age of its oldest object at the snapshot, ms
 * @param chain           the oldest object's chain to its GC root, or null when the JVM reported none
 */
public record LeakGroup(String site, List<String> traceback, String type, int samples, long oldestAgeMillis,
                        ReferenceChain chain) {
    public LeakGroup {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(type, "type");
        traceback = List.copyOf(traceback);
    }

    /** The identity of a group across snapshots. */
    String key() {
        return site + " " + type;
    }
}
