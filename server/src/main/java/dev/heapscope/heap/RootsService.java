package dev.heapscope.heap;

import dev.heapscope.Names;
import dev.heapscope.Ranges;
import dev.heapscope.HeapscopeException;
import dev.heapscope.OneAtATime;
import java.lang.instrument.Instrumentation;
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
    /** Classes a deep size's footprint lists unless asked otherwise. */
    public static final int DEFAULT_FOOTPRINT_LIMIT = 10;
    /** Classes a deep size's footprint lists at most. */
    public static final int MAX_FOOTPRINT_LIMIT = 10_000;
    /** Back-reference chains reported unless asked otherwise. */
    public static final int DEFAULT_BACKREF_LIMIT = 5;
    /** Back-reference chains reported at most. */
    public static final int MAX_BACKREF_LIMIT = 100;
    /** The longest back-reference chain searched unless asked otherwise. */
    public static final int DEFAULT_BACKREF_DEPTH = 20;
    /** The longest back-reference chain searched at most. */
    public static final int MAX_BACKREF_DEPTH = 1000;
    /** Levels of a reference tree unless asked otherwise. */
    public static final int DEFAULT_REFS_DEPTH = 3;
    /** Levels of a reference tree at most. */
    public static final int MAX_REFS_DEPTH = 10;

    private final RootRegistry registry;
    private final OneAtATime heavy;
    private final Instrumentation instrumentation;
    private final FieldPaths paths;
    private volatile Walkers walkers;

    public RootsService(RootRegistry registry, OneAtATime heavy) {
        this(registry, heavy, null);
    }

    /**
     * @param instrumentation the agent's, or null when embedded: with it, roots named by a field path are
     *                        searched among every loaded class, and JOL sizes through it
     */
    public RootsService(RootRegistry registry, OneAtATime heavy, Instrumentation instrumentation) {
        this.registry = registry;
        this.heavy = heavy;
        this.instrumentation = instrumentation;
        this.paths = new FieldPaths(instrumentation);
    }

    public List<RootRegistry.RegisteredRoot> list() {
        return registry.list();
    }

    /**
     * Registers, weakly, the object a static field of a loaded class and a path of instance fields lead to
     * (see {@link FieldPaths#resolve}), replacing a root of that name.
     *
     * @return the root as listed, and whether it replaced one of that name
     * @throws HeapscopeException.BadRequest for an invalid name, class name or path
     * @throws HeapscopeException.NotFound   when the class is not loaded, a field is missing or a step is null
     * @throws HeapscopeException.Conflict   when several loaders have the class and none was picked, or
     *                                       {@value RootRegistry#MAX_ROOTS} roots are registered already
     */
    public PathRegistration registerByPath(String name, String className, String fieldPath, String classLoader) {
        Names.require("root", name);
        Object root = paths.resolve(className, fieldPath, classLoader);
        boolean replaced = registry.register(name, root);
        return new PathRegistration(new RootRegistry.RegisteredRoot(name, TypeNames.of(root.getClass()), true),
                replaced);
    }

    /**
     * Forgets a root.
     *
     * @throws HeapscopeException.NotFound when no root has that name
     */
    public void unregister(String name) {
        if (!registry.unregister(name)) {
            throw new HeapscopeException.NotFound("no root registered as '" + name + "'");
        }
    }

    /**
     * A root registered by {@link #registerByPath}.
     *
     * @param root     as {@link #list()} shows it
     * @param replaced whether a root of that name was registered before
     */
    public record PathRegistration(RootRegistry.RegisteredRoot root, boolean replaced) {
    }

    /**
     * The deep size of one root.
     *
     * @param limit   classes listed in the footprint, 1..{@value #MAX_FOOTPRINT_LIMIT} (null: {@value
     *                #DEFAULT_FOOTPRINT_LIMIT}); the class count covers them all
     * @param options the walk's bounds ({@link WalkRequest#options})
     * @throws HeapscopeException.BadRequest for a limit out of range
     * @throws HeapscopeException.NotFound   when no root has that name
     * @throws HeapscopeException.Gone       when it has been collected
     * @throws HeapscopeException.Busy       when another heavy operation runs
     */
    public DeepSizeReport size(String name, Integer limit, WalkOptions options) {
        int classes = Ranges.require("limit", limit, DEFAULT_FOOTPRINT_LIMIT, 1, MAX_FOOTPRINT_LIMIT);
        Object root = registry.get(name);
        return heavy.run("deep size of root '" + name + "'", () -> DeepSizeReport.of(
                new RootSize(name, TypeNames.of(root.getClass()), walkers().sizes.measure(root, options), options),
                classes));
    }

    /**
     * The shortest chains from a root to instances of {@code type} (or its subtypes) in its graph.
     *
     * @param limit    instances to report, 1..{@value #MAX_BACKREF_LIMIT} (null: {@value #DEFAULT_BACKREF_LIMIT})
     * @param maxDepth longest chain searched, 1..{@value #MAX_BACKREF_DEPTH} (null: {@value #DEFAULT_BACKREF_DEPTH})
     * @throws HeapscopeException.BadRequest for a missing type or an out-of-range number; else as {@link #size}
     */
    public BackrefReport backrefs(String name, String type, Integer limit, Integer maxDepth, WalkOptions options) {
        if (type == null || type.isBlank()) {
            throw new HeapscopeException.BadRequest("type is required, e.g. type=com.example.Session");
        }
        int chains = Ranges.require("limit", limit, DEFAULT_BACKREF_LIMIT, 1, MAX_BACKREF_LIMIT);
        int depth = Ranges.require("maxDepth", maxDepth, DEFAULT_BACKREF_DEPTH, 1, MAX_BACKREF_DEPTH);
        Object root = registry.get(name);
        BackrefResult found = heavy.run("back-references in root '" + name + "'",
                () -> walkers().backrefs.find(root, type.trim(), chains, depth, options));
        return new BackrefReport(name, TypeNames.of(root.getClass()), type, found.chains(),
                WalkFigures.of(found, options));
    }

    /**
     * What a root holds, field by field and type by type, to {@code maxDepth} levels.
     *
     * @param maxDepth levels below the root, 1..{@value #MAX_REFS_DEPTH} (null: {@value #DEFAULT_REFS_DEPTH})
     * @throws HeapscopeException.BadRequest for a depth out of range; else as {@link #size}
     */
    public RefsReport refs(String name, Integer maxDepth, WalkOptions options) {
        int depth = Ranges.require("maxDepth", maxDepth, DEFAULT_REFS_DEPTH, 1, MAX_REFS_DEPTH);
        Object root = registry.get(name);
        ReferenceTree tree = heavy.run("reference tree of root '" + name + "'",
                () -> walkers().trees.refs(root, depth, options));
        return new RefsReport(name, depth, tree.root(), WalkFigures.of(tree, options));
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
                        HeapModel model = HeapModel.create(instrumentation);
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
