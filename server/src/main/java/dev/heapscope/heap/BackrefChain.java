package dev.heapscope.heap;

import dev.heapscope.Doc;
import java.util.List;
import java.util.Objects;

/**
 * The shortest chain of references from a search root to one object of the searched type. {@code hops.get(0)}
 * holds the object, the last hop is the root; empty if the root itself matched.
 */
@Doc("the shortest chain from the root to one instance, object first")
public record BackrefChain(@Doc("the instance's runtime type") String targetType,
                           @Doc("the instance's shallow bytes") long targetShallowBytes,
                           @Doc("from the holder of the instance back to the root: the last hop is the root")
                           List<Hop> hops,
                           @Doc("references from the root to the instance") int depth) {
    public BackrefChain {
        Objects.requireNonNull(targetType, "targetType");
        hops = List.copyOf(hops);
        if (depth != hops.size()) {
            throw new IllegalArgumentException("depth " + depth + " must equal the number of hops " + hops.size());
        }
    }

    /** e.g. {@code Listener <- Object[] [0] <- ArrayList.elementData <- EventBus.listeners}. */
    @Doc("the chain on one line, e.g. Session <- Object[] [0] <- ArrayList.elementData <- EventBus.listeners")
    public String path() {
        StringBuilder sb = new StringBuilder(Hop.shortName(targetType));
        for (Hop hop : hops) {
            sb.append(" <- ").append(hop.describe());
        }
        return sb.toString();
    }
}
