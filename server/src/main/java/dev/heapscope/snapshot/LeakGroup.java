package dev.heapscope.snapshot;

import dev.heapscope.Doc;
import dev.heapscope.tracing.ReferenceChain;
import java.util.List;
import java.util.Objects;

/** Live sampled objects of one type allocated at one site, with a chain that keeps one of them alive. */
@Doc("live sampled objects of one type allocated at one site")
public record LeakGroup(
        @Doc("the allocation line, e.g. com/example/Store.java:42") String site,
        @Doc("the oldest sample's allocation stack, top first, at most the tracing stack depth")
        List<String> traceback,
        @Doc("the objects' readable type") String type,
        @Doc("live sampled objects in the group") int samples,
        @Doc("the age of the group's oldest object at the snapshot, ms") long oldestAgeMillis,
        @Doc("the oldest object's chain to its GC root; null when the JVM reported none") ReferenceChain chain) {
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
