package dev.heapscope.heap;

import java.util.Objects;

/**
 * Objects of one class inside a measured graph.
 *
 * @param type  the readable class name ({@link TypeNames}), e.g. {@code java.lang.Object[]}
 * @param count number of objects of that class
 * @param bytes their total shallow size in bytes
 */
public record ClassFootprint(String type, long count, long bytes) {
    public ClassFootprint {
        Objects.requireNonNull(type, "type");
        if (count < 0 || bytes < 0) {
            throw new IllegalArgumentException("count and bytes must be >= 0 but were " + count + ", " + bytes);
        }
    }
}
