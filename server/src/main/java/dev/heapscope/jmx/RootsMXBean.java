package dev.heapscope.jmx;

import dev.heapscope.heap.RootsService;
import java.util.List;

/**
 * Registered roots, as {@code /api/v1/roots...} offers them over REST ({@code dev.heapscope:type=Roots}):
 * deep size (pympler.asizeof), back-reference chains (objgraph.find_backref_chain) and the forward reference
 * tree (objgraph.show_refs). Results are CompositeData. JMX has no optional arguments, so 0 or an empty string
 * stands for REST's default; each {@link Param} says which. The {@link Description} of each member is the
 * reference.
 */
@Description("heapscope registered roots (pympler.asizeof, objgraph.find_backref_chain and show_refs): deep"
        + " sizes exact to JOL's model, who keeps an object alive inside a root, and what a root holds. Walks"
        + " are heavy: one at a time with snapshots (IllegalStateException when another runs).")
public interface RootsMXBean {

    @Description("Every registered root, in registration order: name, type and whether it is still alive"
            + " (roots are held weakly, so a collected root stays listed with alive=false).")
    List<RootView> getRoots();

    @Description("Registers, weakly, the object that a static field of a loaded class and a path of instance"
            + " fields lead to (as REST's PUT /roots/{name}), replacing a root of that name; returns it as listed."
            + " The class is searched in every class loader. Not loaded, a field missing or a null on the way"
            + " (the message names the step), or a malformed name or path: IllegalArgumentException; several"
            + " class loaders have the class and classLoader picks none (the message lists them):"
            + " IllegalStateException.")
    RootView register(
            @Param(name = "name", description = "the root's name, [A-Za-z0-9][A-Za-z0-9._-]{0,63}") String name,
            @Param(name = "className", description = "a binary class name, e.g. com.example.SessionCache; required")
            String className,
            @Param(name = "fieldPath", description = "a static field of the class, then instance fields,"
                    + " dot-separated, e.g. INSTANCE.sessions; required") String fieldPath,
            @Param(name = "classLoader", description = "the class loader, by the name or identity string the"
                    + " conflict lists; empty for the only one that has the class") String classLoader);

    @Description("Forgets a registered root (the object itself is untouched). Unknown root: IllegalArgumentException.")
    void unregister(@Param(name = "name", description = "the root's registered name") String name);

    @Description("The deep size of one root: shallow and deep bytes, object count, the footprint by class"
            + " (biggest bytes first) and the walk's figures. Unknown root: IllegalArgumentException; collected"
            + " root or another walk running: IllegalStateException.")
    DeepSizeView size(
            @Param(name = "name", description = "the root's registered name") String name,
            @Param(name = "limit", description = "classes in the footprint, 1.."
                    + RootsService.MAX_FOOTPRINT_LIMIT + "; 0 for the default " + RootsService.DEFAULT_FOOTPRINT_LIMIT)
            int limit,
            @Param(name = "maxObjects", description = WalkDescriptions.MAX_OBJECTS) long maxObjects,
            @Param(name = "timeLimitMs", description = WalkDescriptions.TIME_LIMIT_MS) long timeLimitMs,
            @Param(name = "follow", description = WalkDescriptions.FOLLOW) String follow);

    @Description("The shortest chains from a root to up to 'limit' instances of a type (or its subtypes) in its"
            + " graph, object first: each hop's holderType and edge (field name or array index such as [0]), and"
            + " the chain as one path string. Types and field names only, never a field's value.")
    BackrefsView backrefs(
            @Param(name = "name", description = "the root's registered name") String name,
            @Param(name = "type", description = "the type searched, a binary name such as com.example.Session;"
                    + " required") String type,
            @Param(name = "limit", description = "instances to report, 1.."
                    + RootsService.MAX_BACKREF_LIMIT + "; 0 for the default " + RootsService.DEFAULT_BACKREF_LIMIT)
            int limit,
            @Param(name = "maxDepth", description = "longest chain searched in hops, 1.."
                    + RootsService.MAX_BACKREF_DEPTH + "; 0 for the default " + RootsService.DEFAULT_BACKREF_DEPTH)
            int maxDepth,
            @Param(name = "maxObjects", description = WalkDescriptions.MAX_OBJECTS) long maxObjects,
            @Param(name = "timeLimitMs", description = WalkDescriptions.TIME_LIMIT_MS) long timeLimitMs,
            @Param(name = "follow", description = WalkDescriptions.FOLLOW) String follow);

    @Description("What a root holds, field by field and type by type, to maxDepth levels (objgraph.show_refs)."
            + " The tree is flattened into rows in depth-first order, the root first (depth 0, empty path): each"
            + " row's depth, path of field names from the root (e.g. listeners/elementData/[*], [*] for array"
            + " elements), field, type, count, shallowBytes and deepBytes, and the child groups left out.")
    RefsView refs(
            @Param(name = "name", description = "the root's registered name") String name,
            @Param(name = "maxDepth", description = "levels below the root, 1.."
                    + RootsService.MAX_REFS_DEPTH + "; 0 for the default " + RootsService.DEFAULT_REFS_DEPTH)
            int maxDepth,
            @Param(name = "maxObjects", description = WalkDescriptions.MAX_OBJECTS) long maxObjects,
            @Param(name = "timeLimitMs", description = WalkDescriptions.TIME_LIMIT_MS) long timeLimitMs,
            @Param(name = "follow", description = WalkDescriptions.FOLLOW) String follow);
}
