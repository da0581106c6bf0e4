package dev.heapscope.tracing;

import dev.heapscope.Doc;
import java.util.Objects;

/**
 * One link of a reference chain: an object holding the previous one. JFR keeps the hops nearest the object and
 * nearest the root of a long chain.
 */
@Doc("one reference: an object of holderType holds the previous one in field (or at arrayIndex)")
public record Hop(@Doc("the holder's readable type, e.g. java.util.HashMap$Node[]") String holderType,
                  @Doc("the holder's field that refers onwards; null when the holder is an array") String field,
                  @Doc("the index in the holder array; null when the holder is an object") Integer arrayIndex,
                  @Doc("hops the JVM left out between this one and the previous, 0 when none") int skippedBefore) {

    public Hop {
        Objects.requireNonNull(holderType, "holderType");
    }
}
