package dev.heapscope.heap;

import java.util.Objects;

/**
 * The deep size of one registered root, with the bounds it was measured under.
 *
 * @param name    the root's name
 * @param type    the root object's readable type
 * @param size    the walk's figures
 * @param options the bounds and boundaries used
 */
public record RootSize(String name, String type, DeepSize size, WalkOptions options) {
    public RootSize {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(size, "size");
    }
}
