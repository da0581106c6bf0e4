package dev.heapscope.heap;

import dev.heapscope.Doc;
import java.util.List;

/** Who keeps instances of a type alive inside a root (objgraph.find_backref_chain). */
@Doc("the shortest chains from a root to instances of a type in its graph")
public record BackrefReport(
        @Doc("the root's registered name") String root,
        @Doc("the root object's readable type") String rootType,
        @Doc("the type searched for (its subtypes match too)") String type,
        @Doc("one chain per instance found, shortest first") List<BackrefChain> chains,
        @Doc("how the walk went") WalkFigures walk) {

    public BackrefReport {
        chains = List.copyOf(chains);
    }
}
