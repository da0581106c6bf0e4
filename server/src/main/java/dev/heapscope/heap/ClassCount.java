package dev.heapscope.heap;

import dev.heapscope.Doc;
import java.util.Objects;

/** One line of a class histogram: live instances of a type and their shallow bytes, exact. */
@Doc("one class in the live class histogram, exact")
public record ClassCount(@Doc("the readable type, e.g. byte[] or java.util.HashMap$Node") String type,
                         @Doc("live instances") long instances,
                         @Doc("their shallow bytes together") long bytes) {
    public ClassCount {
        Objects.requireNonNull(type, "type");
        if (instances < 0 || bytes < 0) {
            throw new IllegalArgumentException("negative histogram figures for " + type);
        }
    }
}
