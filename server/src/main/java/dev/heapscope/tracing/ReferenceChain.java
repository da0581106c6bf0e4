package dev.heapscope.tracing;

import dev.heapscope.Doc;
import java.util.List;
import java.util.Objects;

/**
 * The references that keep a sampled object alive, from the object towards its GC root. For a static field
 * the chain ends at the field's holder object and the root names the field and its class.
 */
@Doc("the references that keep a sampled object alive, from the object towards its GC root")
public record ReferenceChain(
        @Doc("hops[0] holds the object, hops[1] holds hops[0]'s holder, and so on; the last is held by the root")
        List<Hop> hops,
        @Doc("the GC root the chain ends at; kind 'other' when the search found none") GcRoot root,
        @Doc("whether the JVM left hops out or stopped searching before it reached a root (its search is"
                + " bounded)") boolean truncated) {

    public ReferenceChain {
        hops = List.copyOf(hops);
        Objects.requireNonNull(root, "root");
    }
}
