package dev.heapscope.heap;

import dev.heapscope.Names;
import dev.heapscope.Ranges;
import dev.heapscope.HeapscopeException;
import dev.heapscope.OneAtATime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Questions about registered roots: deep size (pympler.asizeof), back-reference chains
 * (objgraph.find_backref_chain) and the forward reference tree (objgraph.show_refs). Walks are heavy
 * and run one at a time with the other heavy operations; a second caller gets
 * {@link HeapscopeException.Busy}.
 */
public final class RootsService {

    /** The time budget of each root's walk when a snapshot records every root. */
    public static final Duration SNAPSHOT_WALK_TIME_LIMIT = Duration.ofSeconds(5);
    /** Classes a deep size's footprint lists unless asked otherwise, and at most. */
    public static final int DEFAULT_FOOTPRINT_LIMIT = 10;
    public static final int MAX_FOOTPRINT_LIMIT = 10_000;
    /** Back-reference chains reported unless asked otherwise, and at most. */
    public static final int DEFAULT_BACKREF_LIMIT = 5;
    public static final int MAX_BACKREF_LIMIT = 100;
    /** The longest back-reference chain searched unless asked otherwise, and at most. */
    public static final int DEFAULT_BACKREF_DEPTH = 20;
    public static final int MAX_BACKREF_DEPTH = 1000;
    /** Levels of a reference tree unless asked otherwise, and at most. */
    public static final int DEFAULT_REFS_DEPTH = 3;
    public static final int MAX_REFS_DEPTH = 10;

    private final RootRegistry registry;
    private final OneAtATime heavy;
    private volatile Walkers walkers;

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
                new RootSize(name, TypeNames.of(root.getClass()), walkers().sizes.measure(root, options), options));
    }

    /** Classes to list in a footprint: {@code limit}, or the default when null. @throws HeapscopeException.BadRequest out of range */
    public static int footprintLimit(Integer limit) {
        return Ranges.require("limit", limit, DEFAULT_FOOTPRINT_LIMIT, 1, MAX_FOOTPRINT_LIMIT);
    }

    /** Back-reference chains to report: {@code limit}, or the default when null. @throws HeapscopeException.BadRequest out of range */
    public static int backrefLimit(Integer limit) {
        return Ranges.require("limit", limit, DEFAULT_BACKREF_LIMIT, 1, MAX_BACKREF_LIMIT);
    }

    /** Longest back-reference chain: {@code maxDepth}, or the default when null. @throws HeapscopeException.BadRequest out of range */
    public static int backrefDepth(Integer maxDepth) {
        return Ranges.require("maxDepth", maxDepth, DEFAULT_BACKREF_DEPTH, 1, MAX_BACKREF_DEPTH);
    }

    /** Levels of a reference tree: {@code maxDepth}, or the default when null. @throws HeapscopeException.BadRequest out of range */
    public static int refsDepth(Integer maxDepth) {
        return Ranges.require("maxDepth", maxDepth, DEFAULT_REFS_DEPTH, 1, MAX_REFS_DEPTH);
    }

    /**
     * The shortest chains from a root to instances of {@code type} (or its subtypes) in its graph.
     *
     * @param limit    instances to report, 1..{@value #MAX_BACKREF_LIMIT}
     * @param maxDepth longest chain searched, 1..{@value #MAX_BACKREF_DEPTH}
     * @throws HeapscopeException.BadRequest for a missing type or an out-of-range number
     */
    public BackrefResult backrefs(String name, String type, int limit, int maxDepth, WalkOptions options) {
        if (type == null || type.isBlank()) {
            throw new HeapscopeException.BadRequest("type is required, e.g. type=com.example.Session");
        }
        String wanted = type.trim();
        if (!TypeNames.isPlausible(wanted)) {
            throw new HeapscopeException.BadRequest("type '" + Names.shown(wanted) + "' is not a class name;"
                    + " use a binary name such as com.example.Outer$Session or byte[]");
        }
        backrefLimit(limit);
        backrefDepth(maxDepth);
        Object root = registry.get(name);
        BackrefResult result = heavy.run("back-references in root '" + name + "'",
                () -> walkers().backrefs.find(root, wanted, limit, maxDepth, options));
        if (result.chains().isEmpty() && !result.truncated() && !isLoadable(wanted, root)) {
            throw new HeapscopeException.NotFound("no class or interface named '" + wanted + "' is loaded: no object"
                    + " in root '" + name + "' is one, and neither its class loader nor heapscope's can load it;"
                    + " use the binary name, e.g. com.example.Outer$Session");
        }
        return result;
    }

    // the type may also be known only to a loader the walk met in the graph: that case found chains
    private static boolean isLoadable(String type, Object root) {
        return ClassLayouts.loadable(TypeNames.binaryName(type), root.getClass().getClassLoader(),
                Thread.currentThread().getContextClassLoader(), ClassLoader.getSystemClassLoader(),
                RootsService.class.getClassLoader()).isPresent();
    }

    /**
     * What a root holds, field by field, to {@code maxDepth} levels.
     *
     * @param maxDepth levels below the root, 1..{@value #MAX_REFS_DEPTH}
     */
    public ReferenceTree refs(String name, int maxDepth, WalkOptions options) {
        refsDepth(maxDepth);
        Object root = registry.get(name);
        return heavy.run("reference tree of root '" + name + "'",
                () -> walkers().trees.refs(root, maxDepth, options));
    }

    /** The readable type of a live root. */
    public String typeOf(String name) {
        return TypeNames.of(registry.get(name).getClass());
    }

    /**
     * The deep size of every live root, for a snapshot. The caller already holds the heavy-operation
     * permit, so this does not take it again.
     */
    public List<RootSize> sizeAllForSnapshot() {
        WalkOptions options = WalkOptions.defaults().withTimeLimit(SNAPSHOT_WALK_TIME_LIMIT);
        List<RootSize> sizes = new ArrayList<>();
        for (RootRegistry.RegisteredRoot registered : registry.list()) {
            Object root;
            try {
                root = registry.get(registered.name());
            } catch (HeapscopeException.Gone | HeapscopeException.NotFound e) {
                continue;
            }
            sizes.add(new RootSize(registered.name(), TypeNames.of(root.getClass()),
                    walkers().sizes.measure(root, options), options));
        }
        return sizes;
    }

    /** Created on first use: the VM model costs some class loading, and many services never walk. */
    private Walkers walkers() {
        Walkers w = walkers;
        if (w == null) {
            synchronized (this) {
                w = walkers;
                if (w == null) {
                    try {
                        HeapModel model = HeapModel.create();
                        walkers = w = new Walkers(new DeepSizeWalker(model), new BackrefSearch(model),
                                new ReferenceTrees(model));
                    } catch (RuntimeException e) {
                        throw new HeapscopeException.Unavailable("object graph walks are unavailable on this JVM: "
                                + e.getMessage());
                    }
                }
            }
        }
        return w;
    }

    /** The three walks, sharing one cache of per-class facts. */
    private record Walkers(DeepSizeWalker sizes, BackrefSearch backrefs, ReferenceTrees trees) {
    }
}
