package dev.heapscope.heap;

import java.util.List;
import java.util.Objects;

/**
 * The shortest chain of references from a search root to one object of the searched type.
 *
 * @param targetType         {@link Class#getTypeName()} of the object found (its runtime class)
 * @param targetShallowBytes its shallow size in bytes
 * @param hops               from the object back to the root: {@code hops.get(0)} holds the object,
 *                           the last hop is the root; empty if the root itself matched
 * @param depth              number of references from the root to the object ({@code hops.size()})
 */
public record BackrefChain(String targetType, long targetShallowBytes, List<Hop> hops, int depth) {
    public BackrefChain {
        Objects.requireNonNull(targetType, "targetType");
        hops = List.copyOf(hops);
        if (depth != hops.size()) {
            throw new IllegalArgumentException("depth " + depth + " must equal the number of hops " + hops.size());
        }
    }

    /** e.g. {@code Listener <- Object[] [0] <- ArrayList.elementData <- EventBus.listeners}. */
    public String path() {
        StringBuilder sb = new StringBuilder(Hop.shortName(targetType));
        for (Hop hop : hops) {
            sb.append(" <- ").append(hop.describe());
        }
        return sb.toString();
    }
}
