package dev.heapscope.heap;

import dev.heapscope.Cancellation;
import dev.heapscope.Names;
import dev.heapscope.Ranges;
import dev.heapscope.HeapscopeException;
import dev.heapscope.OneAtATime;
import java.lang.instrument.Instrumentation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Questions about registered roots: deep size (pympler.asizeof), back-reference chains
 * (objgraph.find_backref_chain) and the forward reference tree (objgraph.show_refs). Walks are heavy
 * and run one at a time with the other heavy operations; a second caller gets
 * {@link HeapscopeException.Busy}. A walk stops early (truncated, "cancelled: ...") when its caller's
 * {@link Cancellation} is cancelled or heapscope closes, and is refused with
 * {@link HeapscopeException.Unavailable} when the host's heap has no room for its tables. Each walk ends
 * in a {@value WalkEvent#NAME} JFR event.
 */
public final class RootsService {

    /** The time budget of each root's walk when a snapshot records every root. */
    public static final Duration SNAPSHOT_WALK_TIME_LIMIT = Duration.ofSeconds(5);
    /** The time budget of all a snapshot's root walks together; the roots left when it is spent are not walked. */
    public static final Duration SNAPSHOT_ROOTS_TIME_LIMIT = Duration.ofSeconds(30);
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

    /**
     * What a walk's tables take per object (visited set, queue or stack, parent and edge), the basis of
     * the heap check before a walk: a deep size keyed by reference takes a few bytes per object on a
     * densely allocated graph but up to 64 when every object sits in its own heap block (AddressSet),
     * about 25 for back-references and refs.
     */
    static final long TABLE_BYTES_PER_OBJECT = 64;
    /** Objects assumed for a root walked for the first time (later walks know how many it reached). */
    static final long FIRST_WALK_OBJECTS = 1_000_000;

    private final RootRegistry registry;
    private final OneAtATime heavy;
    private final Instrumentation instrumentation;
    private final FieldPaths paths;
    private final Cancellation closing;
    private volatile Walkers walkers;

    /**
     * @param instrumentation the agent's, or null when embedded: with it, roots named by a field path are
     *                        searched among every loaded class, and JOL sizes through it
     * @param closing         cancelled when heapscope closes: every running walk stops
     */
    public RootsService(RootRegistry registry, OneAtATime heavy, Instrumentation instrumentation,
                        Cancellation closing) {
        this.registry = registry;
        this.heavy = heavy;
        this.instrumentation = instrumentation;
        this.paths = new FieldPaths(instrumentation);
        this.closing = closing;
    }

    /** A flag for one caller's walk: cancelled by that caller (e.g. on disconnect) or when heapscope closes. */
    public Cancellation newCancellation() {
        return closing.child();
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
     * @throws HeapscopeException.Unavailable when the heap has no room for the walk's tables (retry later)
     */
    public DeepSizeReport size(String name, Integer limit, WalkOptions options) {
        return size(name, limit, options, newCancellation());
    }

    /** As {@link #size(String, Integer, WalkOptions)}, stopping early once {@code cancellation} is cancelled. */
    public DeepSizeReport size(String name, Integer limit, WalkOptions options, Cancellation cancellation) {
        int classes = Ranges.require("limit", limit, DEFAULT_FOOTPRINT_LIMIT, 1, MAX_FOOTPRINT_LIMIT);
        Object root = registry.get(name);
        return heavy.run("the deep size of root '" + name + "'", tableBytes(root, options), false, () -> {
            WalkEvent event = WalkEvent.begin("size", name);
            DeepSize size = walkers().sizes.measure(root, options, cancellation);
            event.end(size.objectsVisited(), size.truncated(), size.truncationReason());
            return DeepSizeReport.of(new RootSize(name, TypeNames.of(root.getClass()), size, options), classes);
        });
    }

    private long tableBytes(Object root, WalkOptions options) {
        long known = walkers().sizes.expectedObjects(root);
        return TABLE_BYTES_PER_OBJECT * Math.min(options.maxObjects(), known > 0 ? known : FIRST_WALK_OBJECTS);
    }

    /**
     * The shortest chains from a root to instances of {@code type} (or its subtypes) in its graph.
     *
     * @param limit    instances to report, 1..{@value #MAX_BACKREF_LIMIT} (null: {@value #DEFAULT_BACKREF_LIMIT})
     * @param maxDepth longest chain searched, 1..{@value #MAX_BACKREF_DEPTH} (null: {@value #DEFAULT_BACKREF_DEPTH})
     * @throws HeapscopeException.BadRequest for a missing type, one that cannot be a class name, or an
     *                                       out-of-range number
     * @throws HeapscopeException.NotFound   when no loaded class or interface has that name (none in the
     *                                       root's graph, and neither its class loader nor heapscope's knows
     *                                       it); else as {@link #size}
     */
    public BackrefReport backrefs(String name, String type, Integer limit, Integer maxDepth, WalkOptions options) {
        return backrefs(name, type, limit, maxDepth, options, newCancellation());
    }

    /** As {@link #backrefs(String, String, Integer, Integer, WalkOptions)}, stopping early once cancelled. */
    public BackrefReport backrefs(String name, String type, Integer limit, Integer maxDepth, WalkOptions options,
                                  Cancellation cancellation) {
        if (type == null || type.isBlank()) {
            throw new HeapscopeException.BadRequest("type is required, e.g. type=com.example.Session");
        }
        String wanted = type.trim();
        if (!TypeNames.isPlausible(wanted)) {
            throw new HeapscopeException.BadRequest("type '" + Names.shown(wanted) + "' is not a class name;"
                    + " use a binary name such as com.example.Outer$Session or byte[]");
        }
        int chains = Ranges.require("limit", limit, DEFAULT_BACKREF_LIMIT, 1, MAX_BACKREF_LIMIT);
        int depth = Ranges.require("maxDepth", maxDepth, DEFAULT_BACKREF_DEPTH, 1, MAX_BACKREF_DEPTH);
        Object root = registry.get(name);
        BackrefResult found = heavy.run("back-references in root '" + name + "'", tableBytes(root, options), false,
                () -> {
                    WalkEvent event = WalkEvent.begin("backrefs", name);
                    BackrefResult result = walkers().backrefs.find(root, wanted, chains, depth, options, cancellation);
                    event.end(result.objectsVisited(), result.truncated(), result.truncationReason());
                    return result;
                });
        if (found.chains().isEmpty() && !found.truncated() && !isLoadable(wanted, root)) {
            throw new HeapscopeException.NotFound("no class or interface named '" + wanted + "' is loaded: no object"
                    + " in root '" + name + "' is one, and neither its class loader nor heapscope's can load it;"
                    + " use the binary name, e.g. com.example.Outer$Session");
        }
        return new BackrefReport(name, TypeNames.of(root.getClass()), type, found.chains(),
                WalkFigures.of(found, options));
    }

    // the type may also be known only to a loader the walk met in the graph: that case found chains
    private static boolean isLoadable(String type, Object root) {
        return ClassLayouts.loadable(TypeNames.binaryName(type), root.getClass().getClassLoader(),
                Thread.currentThread().getContextClassLoader(), ClassLoader.getSystemClassLoader(),
                RootsService.class.getClassLoader()).isPresent();
    }

    /**
     * What a root holds, field by field and type by type, to {@code maxDepth} levels.
     *
     * @param maxDepth levels below the root, 1..{@value #MAX_REFS_DEPTH} (null: {@value #DEFAULT_REFS_DEPTH})
     * @throws HeapscopeException.BadRequest for a depth out of range; else as {@link #size}
     */
    public RefsReport refs(String name, Integer maxDepth, WalkOptions options) {
        return refs(name, maxDepth, options, newCancellation());
    }

    /** As {@link #refs(String, Integer, WalkOptions)}, stopping early once {@code cancellation} is cancelled. */
    public RefsReport refs(String name, Integer maxDepth, WalkOptions options, Cancellation cancellation) {
        int depth = Ranges.require("maxDepth", maxDepth, DEFAULT_REFS_DEPTH, 1, MAX_REFS_DEPTH);
        Object root = registry.get(name);
        ReferenceTree tree = heavy.run("the reference tree of root '" + name + "'", tableBytes(root, options), false,
                () -> {
                    WalkEvent event = WalkEvent.begin("refs", name);
                    ReferenceTree walked = walkers().trees.refs(root, depth, options, cancellation);
                    event.end(walked.objectsVisited(), walked.truncated(), walked.truncationReason());
                    return walked;
                });
        return new RefsReport(name, depth, tree.root(), WalkFigures.of(tree, options));
    }

    /**
     * The deep size of every live root, for a snapshot: each walk for at most {@link #SNAPSHOT_WALK_TIME_LIMIT}
     * and all of them for at most {@link #SNAPSHOT_ROOTS_TIME_LIMIT}, so that a service with many large roots
     * does not hold the host in one snapshot for minutes. The caller already holds the heavy-operation permit,
     * so this does not take it again; the walks stop when heapscope closes.
     *
     * @param notes receives a note naming the roots left unwalked when the budget is spent
     */
    public List<RootSize> sizeAllForSnapshot(List<String> notes) {
        return sizeAllForSnapshot(SNAPSHOT_ROOTS_TIME_LIMIT, notes);
    }

    List<RootSize> sizeAllForSnapshot(Duration budget, List<String> notes) {
        long deadline = System.nanoTime() + budget.toNanos();
        List<RootSize> sizes = new ArrayList<>();
        List<String> unwalked = new ArrayList<>();
        for (RootRegistry.RegisteredRoot registered : registry.list()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                unwalked.add(registered.name());
                continue;
            }
            Object root;
            try {
                root = registry.get(registered.name());
            } catch (HeapscopeException.Gone | HeapscopeException.NotFound e) {
                continue;
            }
            WalkOptions options = WalkOptions.defaults().withTimeLimit(
                    Duration.ofNanos(Math.min(left, SNAPSHOT_WALK_TIME_LIMIT.toNanos())));
            sizes.add(new RootSize(registered.name(), TypeNames.of(root.getClass()),
                    walkers().sizes.measure(root, options, closing), options));
        }
        if (!unwalked.isEmpty()) {
            String spent = budget.toSeconds() > 0 ? budget.toSeconds() + " s" : budget.toMillis() + " ms";
            String named = String.join(", ", unwalked.subList(0, Math.min(10, unwalked.size())))
                    + (unwalked.size() > 10 ? ", ..." : "");
            notes.add(unwalked.size() + " registered roots were not walked: a snapshot walks roots for at most "
                    + spent + " in all (" + named + ")");
        }
        return sizes;
    }

    /**
     * The deep size of heapscope's own state, for {@code OwnMemory}: walked without the heavy-operation
     * permit (the state is heapscope's, small and immutable once published) but stopped by close(). The
     * holder's last slot receives the walkers' own tables. Empty when this JVM offers no walks, and on JDK 24+
     * until a walk has started the walkers (starting them prints the JVM's one-time Unsafe warning).
     *
     * @param holder the parts of the state, and a free last slot; reuse it, so the walker's size hint for
     *               it sizes the next measurement
     */
    public Optional<DeepSize> measureOwn(Object[] holder, long maxObjects, Duration timeLimit) {
        Walkers w = walkers;
        if (w == null && !JolVm.startsQuietly()) {
            return Optional.empty(); // not before an operator's walk has started them (see JolVm)
        }
        try {
            w = walkers();
        } catch (HeapscopeException.Unavailable e) {
            return Optional.empty();
        }
        holder[holder.length - 1] = w.sizes.ownState();
        WalkOptions options = WalkOptions.defaults().withMaxObjects(maxObjects).withTimeLimit(timeLimit);
        try {
            return Optional.of(w.sizes.measure(holder, options, closing));
        } finally {
            java.util.Arrays.fill(holder, null);
        }
    }

    /** The tables a snapshot's walks of every live root need, estimated from their last walks. */
    public long snapshotWalkBytes() {
        long bytes = 0;
        WalkOptions options = WalkOptions.defaults().withTimeLimit(SNAPSHOT_WALK_TIME_LIMIT);
        for (RootRegistry.RegisteredRoot registered : registry.list()) {
            try {
                bytes = Math.max(bytes, tableBytes(registry.get(registered.name()), options));
            } catch (HeapscopeException.Gone | HeapscopeException.NotFound e) {
                // collected since it was listed: nothing to walk
            } catch (HeapscopeException.Unavailable e) {
                return 0; // no walks on this JVM: the snapshot notes it and walks nothing
            }
        }
        return bytes;
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
