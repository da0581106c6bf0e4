package dev.heapscope.heap;

import java.util.Objects;

/**
 * One step of a reference chain: the object that holds the next object, and how.
 *
 * @param holderType {@link Class#getTypeName()} of the holder, e.g. {@code java.lang.Object[]}
 * @param edge       the holder's field name (e.g. {@code elementData}), or an array index such as {@code [3]}
 */
public record Hop(String holderType, String edge) {
    public Hop {
        Objects.requireNonNull(holderType, "holderType");
        Objects.requireNonNull(edge, "edge");
    }

    /** {@code ArrayList.elementData} or {@code Object[] [0]}, with the package left out. */
    public String describe() {
        String shortType = shortName(holderType);
        return edge.startsWith("[") ? shortType + " " + edge : shortType + "." + edge;
    }

    static String shortName(String typeName) {
        return typeName.substring(typeName.lastIndexOf('.') + 1);
    }
}
