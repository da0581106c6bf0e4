package dev.heapscope.jmx;

import dev.heapscope.heap.RootRegistry;

/** A registered root as JMX clients see it: CompositeData. */
public final class RootView {

    private final RootRegistry.RegisteredRoot root;

    RootView(RootRegistry.RegisteredRoot root) {
        this.root = root;
    }

    public String getName() {
        return root.name();
    }

    /** The readable type it had when registered. */
    public String getType() {
        return root.type();
    }

    /** Whether it has not been garbage collected (roots are held weakly). */
    public boolean isAlive() {
        return root.alive();
    }
}
