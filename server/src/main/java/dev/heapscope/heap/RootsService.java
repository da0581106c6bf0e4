package dev.heapscope.heap;

import dev.heapscope.Cancellation;
import dev.heapscope.Names;
import dev.heapscope.Ranges;
import dev.heapscope.HeapscopeException;
import dev.heapscope.OneAtATime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    /**
     * What a walk's tables take per object (visited set, queue or stack, parent and edge), the basis of
     * the heap check before a walk: 8 to 32 bytes for a deep size, about 25 for back-references and refs.
     */
    static final long TABLE_BYTES_PER_OBJECT = 32;
    /** Objects assumed for a root walked for the first time (later walks know how many it reached). */
    static final long FIRST_WALK_OBJECTS = 1_000_000;

    private final RootRegistry registry;
    private final OneAtATime heavy;
    private final Cancellation closing;
    private volatile Walkers walkers;

    /** @param closing cancelled when heapscope closes: every running walk stops */
    public RootsService(RootRegistry registry, OneAtATime heavy, Cancellation closing) {
        this.registry = registry;
        this.heavy = heavy;
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
     * The deep size of one root.
     *
     * @throws HeapscopeException.NotFound when no root has that name
     * @throws HeapscopeException.Gone     when it has been collected
     * @throws HeapscopeException.Busy     when another heavy operation runs
     */
    public RootSize size(String name, WalkOptions options) {
        return size(name, options, newCancellation());
    }

    /**
     * As {@link #size(String, WalkOptions)}, stopping early once {@code cancellation} is cancelled.
     *
     * @throws HeapscopeException.Unavailable when the heap has no room for the walk's tables
     */
    public RootSize size(String name, WalkOptions options, Cancellation cancellation) {
        Object root = registry.get(name);
        return heavy.run("the deep size of root '" + name + "'", tableBytes(root, options), false, () -> {
            WalkEvent event = WalkEvent.begin("size", name);
            DeepSize size = walkers().sizes.measure(root, options, cancellation);
            event.end(size.objectsVisited(), size.truncated(), size.truncationReason());
            return new RootSize(name, TypeNames.of(root.getClass()), size, options);
        });
    }

    private long tableBytes(Object root, WalkOptions options) {
        long known = walkers().sizes.expectedObjects(root);
        return TABLE_BYTES_PER_OBJECT * Math.min(options.maxObjects(), known > 0 ? known : FIRST_WALK_OBJECTS);
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
        return backrefs(name, type, limit, maxDepth, options, newCancellation());
    }

    /** As {@link #backrefs(String, String, int, int, WalkOptions)}, stopping early once cancelled. */
    public BackrefResult backrefs(String name, String type, int limit, int maxDepth, WalkOptions options,
                                  Cancellation cancellation) {
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
        BackrefResult result = heavy.run("back-references in root '" + name + "'", tableBytes(root, options), false,
                () -> {
                    WalkEvent event = WalkEvent.begin("backrefs", name);
                    BackrefResult found = walkers().backrefs.find(root, wanted, limit, maxDepth, options, cancellation);
                    event.end(found.objectsVisited(), found.truncated(), found.truncationReason());
                    return found;
                });
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
        return refs(name, maxDepth, options, newCancellation());
    }

    /** As {@link #refs(String, int, WalkOptions)}, stopping early once {@code cancellation} is cancelled. */
    public ReferenceTree refs(String name, int maxDepth, WalkOptions options, Cancellation cancellation) {
        refsDepth(maxDepth);
        Object root = registry.get(name);
        return heavy.run("the reference tree of root '" + name + "'", tableBytes(root, options), false, () -> {
            WalkEvent event = WalkEvent.begin("refs", name);
            ReferenceTree tree = walkers().trees.refs(root, maxDepth, options, cancellation);
            event.end(tree.objectsVisited(), tree.truncated(), tree.truncationReason());
            return tree;
        });
    }

    /** The readable type of a live root. */
    public String typeOf(String name) {
        return TypeNames.of(registry.get(name).getClass());
    }

    /**
     * The deep size of every live root, for a snapshot. The caller already holds the heavy-operation
     * permit, so this does not take it again; the walks stop when heapscope closes.
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
                    walkers().sizes.measure(root, options, closing), options));
        }
        return sizes;
    }

    /**
     * The deep size of heapscope's own state, for {@code OwnMemory}: walked without the heavy-operation
     * permit (the state is heapscope's, small and immutable once published) but stopped by close(). The
     * holder's last slot receives the walkers' own tables. Empty when this JVM offers no walks.
     *
     * @param holder the parts of the state, and a free last slot; reuse it, so the walker's size hint for
     *               it sizes the next measurement
     */
    public Optional<DeepSize> measureOwn(Object[] holder, long maxObjects, Duration timeLimit) {
        Walkers w;
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
