package dev.heapscope.heap;

import java.util.List;
import java.util.Objects;

/**
 * A group of objects in a {@link ReferenceTree}: those of one type reached through one field
 * (or through the elements of an array) of the parent group's objects.
 *
 * @param field         the parent's field name, {@code "[*]"} for array elements, {@code ""} for the root
 * @param type          {@link Class#getTypeName()} of the group's objects
 * @param count         number of objects in the group
 * @param shallowBytes  their own size in bytes
 * @param deepBytes     shallowBytes plus everything first reached (breadth-first) below them
 * @param children      the largest child groups by deepBytes, at most {@link ReferenceTrees#MAX_CHILDREN}
 * @param otherChildren number of child groups left out of {@code children}
 * @param otherBytes    their deep bytes
 */
public record RefNode(String field, String type, long count, long shallowBytes, long deepBytes,
                      List<RefNode> children, int otherChildren, long otherBytes) {
    public RefNode {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(type, "type");
        children = List.copyOf(children);
    }
}
