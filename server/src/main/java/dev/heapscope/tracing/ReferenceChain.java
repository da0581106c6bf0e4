package dev.heapscope.tracing;

import java.util.List;
import java.util.Objects;

/**
 * The references that keep a sampled object alive, from the object towards its GC root.
 *
 * @param hops      hops[0] holds the sampled object, hops[1] holds hops[0]'s holder, and so on; the
 *                  last hop is held by the root. For a static field the chain ends at the field's
 *                  holder object and the root names the field and its class.
 * @param root      the GC root the chain ends at; kind "other" when the search found none
 * @param truncated whether JFR left hops out (some {@link Hop#skippedBefore()} &gt; 0) or stopped
 *                  searching before it reached a root
 */
public record ReferenceChain(List<Hop> hops, GcRoot root, boolean truncated) {

    public ReferenceChain {
        hops = List.copyOf(hops);
        Objects.requireNonNull(root, "root");
    }
}
