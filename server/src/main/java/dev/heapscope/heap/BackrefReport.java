package dev.heapscope.heap;

import java.util.List;

/**
 * Who keeps instances of a type alive inside a root (objgraph.find_backref_chain).
 *
 * @param root     the root's registered name
 * @param rootType the root object's readable type
 * @param type     the type searched for (its subtypes match too)
 * @param chains   one chain per instance found, shortest first
 * @param walk     how the walk went
 */
public record BackrefReport(String root, String rootType, String type, List<BackrefChain> chains, WalkFigures walk) {
    public BackrefReport {
        chains = List.copyOf(chains);
    }
}
