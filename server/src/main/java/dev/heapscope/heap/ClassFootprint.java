package dev.heapscope.heap;

import java.util.Objects;

/**
 * Objects of one class inside a measured graph.
 *
 * @param className {@link Class#getName()} of the objects, e.g. {@code java.util.HashMap$Node}
 *                  or {@code [Ljava.lang.Object;}
 * @param count     number of objects of that class
 * @param bytes     their total shallow size in bytes
 */
public record ClassFootprint(String className, long count, long bytes) {
    public ClassFootprint {
        Objects.requireNonNull(className, "className");
        if (count < 0 || bytes < 0) {
            throw new IllegalArgumentException("count and bytes must be >= 0 but were " + count + ", " + bytes);
        }
    }
}
