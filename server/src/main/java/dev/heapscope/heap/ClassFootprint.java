package dev.heapscope.heap;

import dev.heapscope.Doc;
import java.util.Objects;

/** Objects of one class inside a measured graph. */
@Doc("the objects of one class inside a root's graph")
public record ClassFootprint(@Doc("the readable class name, e.g. java.lang.Object[]") String type,
                             @Doc("objects of that class") long count,
                             @Doc("their shallow bytes together") long bytes) {
    public ClassFootprint {
        Objects.requireNonNull(type, "type");
        if (count < 0 || bytes < 0) {
            throw new IllegalArgumentException("count and bytes must be >= 0 but were " + count + ", " + bytes);
        }
    }
}
