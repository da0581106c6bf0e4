package dev.heapscope.heap;

import dev.heapscope.HeapscopeException;
import dev.heapscope.OneAtATime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Questions about registered roots: their deep size now (pympler.asizeof). Walks are heavy and run
 * one at a time with the other heavy operations; a second caller gets {@link HeapscopeException.Busy}.
 */
public final class RootsService {

    /** The time budget of each root's walk when a snapshot records every root. */
    public static final Duration SNAPSHOT_WALK_TIME_LIMIT = Duration.ofSeconds(5);

    private final RootRegistry registry;
    private final OneAtATime heavy;
    private volatile DeepSizeWalker walker;

    public RootsService(RootRegistry registry, OneAtATime heavy) {
        this.registry = registry;
        this.heavy = heavy;
    }

    public List<RootRegistry.RegisteredRoot> list() {
        return registry.list();
    }

    /**
     * The deep size of one root.
     *
     * @throws HeapscopeException.NotFound when no root has that name
     * @throws HeapscopeException.Gone     when it has been collected
     * @throws HeapscopeException.Busy     when another heavy operation runs
     */
    public RootSize size(String name, WalkOptions options) {
        Object root = registry.get(name);
        return heavy.run("deep size of root '" + name + "'", () ->
                new RootSize(name, TypeNames.of(root.getClass()), walker().measure(root, options), options));
    }

    /**
     * The deep size of every live root, for a snapshot. The caller already holds the heavy-operation
     * permit, so this does not take it again.
     */
    public List<RootSize> sizeAllForSnapshot() {
        WalkOptions options = WalkOptions.defaults().withTimeLimit(SNAPSHOT_WALK_TIME_LIMIT);
        List<RootSize> sizes = new ArrayList<>();
        for (RootRegistry.RegisteredRoot registered : registry.list()) {
            if (!registered.alive()) {
                continue;
            }
            Object root;
            try {
                root = registry.get(registered.name());
            } catch (HeapscopeException.Gone | HeapscopeException.NotFound e) {
                continue;
            }
            sizes.add(new RootSize(registered.name(), TypeNames.of(root.getClass()),
                    walker().measure(root, options), options));
        }
        return sizes;
    }

    /** Created on first use: building the VM model costs a few milliseconds and some class loading. */
    DeepSizeWalker walker() {
        DeepSizeWalker w = walker;
        if (w == null) {
            synchronized (this) {
                w = walker;
                if (w == null) {
                    try {
                        walker = w = new DeepSizeWalker();
                    } catch (IllegalStateException e) {
                        throw new HeapscopeException.Unavailable("deep sizes are unavailable on this JVM: "
                                + e.getMessage());
                    }
                }
            }
        }
        return w;
    }
}
