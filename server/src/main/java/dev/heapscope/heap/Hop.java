package dev.heapscope.heap;

import dev.heapscope.Doc;
import java.util.Objects;

/** One step of a reference chain: the object that holds the next object, and how. */
@Doc("one reference: an object of holderType holds the next one through edge")
public record Hop(@Doc("the holder's type, e.g. java.lang.Object[]") String holderType,
                  @Doc("the holder's field name, or an array index such as [0]") String edge) {
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
