package dev.heapscope.tracing;

import java.util.Objects;

/**
 * One link of a reference chain: an object holding the previous one.
 *
 * @param holderType    the holder's type in readable form, e.g. {@code java.util.HashMap$Node[]}
 * @param field         the holder's field that refers onwards, or null when the holder is an array
 * @param arrayIndex    the index in the holder array, or null when the holder is an object
 * @param skippedBefore hops JFR left out between this one and the previous (0 when none); JFR keeps
 *                      the hops nearest the object and nearest the root of a long chain
 */
public record Hop(String holderType, String field, Integer arrayIndex, int skippedBefore) {

    public Hop {
        Objects.requireNonNull(holderType, "holderType");
    }
}
