package dev.heapscope.heap;

import dev.heapscope.Names;
import dev.heapscope.HeapscopeException;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The objects a service registered by name so heapscope can measure them. Each is held through a
 * {@link WeakReference}, so registering an object never keeps it alive.
 */
public final class RootRegistry {

    /** Roots a registry holds at most. */
    public static final int MAX_ROOTS = 1024;

    private final Map<String, Entry> roots = new LinkedHashMap<>();

    /**
     * Registers {@code root} under {@code name}, replacing an earlier root of that name.
     *
     * @return whether it replaced a root of that name
     * @throws HeapscopeException.BadRequest for an invalid name or a null root
     * @throws HeapscopeException.Conflict   when {@value #MAX_ROOTS} roots are registered already
     */
    public synchronized boolean register(String name, Object root) {
        Names.require("root", name);
        if (root == null) {
            throw new HeapscopeException.BadRequest("root '" + name + "' is null");
        }
        if (!roots.containsKey(name) && roots.size() >= MAX_ROOTS) {
            throw new HeapscopeException.Conflict("at most " + MAX_ROOTS + " roots can be registered");
        }
        return roots.put(name, new Entry(TypeNames.of(root.getClass()), new WeakReference<>(root))) != null;
    }

    /** Forgets a root; returns whether it was registered. */
    public synchronized boolean unregister(String name) {
        return roots.remove(name) != null;
    }

    /** Every registered root, in registration order, alive or collected. */
    public synchronized List<RegisteredRoot> list() {
        List<RegisteredRoot> list = new ArrayList<>(roots.size());
        roots.forEach((name, e) -> list.add(new RegisteredRoot(name, e.type(), e.ref().get() != null)));
        return list;
    }

    /**
     * The live object registered under {@code name}.
     *
     * @throws HeapscopeException.NotFound when no root has that name
     * @throws HeapscopeException.Gone     when it has been garbage collected
     */
    public synchronized Object get(String name) {
        Entry e = roots.get(name);
        if (e == null) {
            throw new HeapscopeException.NotFound("no root registered as '" + name + "'");
        }
        Object root = e.ref().get();
        if (root == null) {
            throw new HeapscopeException.Gone("root '" + name + "' (" + e.type() + ") has been garbage collected");
        }
        return root;
    }

    public synchronized void clear() {
        roots.clear();
    }

    private record Entry(String type, WeakReference<Object> ref) {
        Entry {
            Objects.requireNonNull(type);
        }
    }

    /**
     * A registered root as listed.
     *
     * @param name  its name
     * @param type  the readable type it had when registered
     * @param alive whether it has not been garbage collected
     */
    public record RegisteredRoot(String name, String type, boolean alive) {
    }
}
