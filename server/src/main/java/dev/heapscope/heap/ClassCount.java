package dev.heapscope.heap;

import java.util.Objects;

/**
 * One line of a class histogram: live instances of a type and their shallow bytes, exact.
 *
 * @param type      readable type name ({@link TypeNames})
 * @param instances number of live instances
 * @param bytes     their shallow size in bytes
 */
public record ClassCount(String type, long instances, long bytes) {
    public ClassCount {
        Objects.requireNonNull(type, "type");
        if (instances < 0 || bytes < 0) {
            throw new IllegalArgumentException("negative histogram figures for " + type);
        }
    }
}
