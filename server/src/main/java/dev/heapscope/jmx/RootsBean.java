package dev.heapscope.jmx;

import dev.heapscope.Doc;
import dev.heapscope.heap.BackrefReport;
import dev.heapscope.heap.DeepSizeReport;
import dev.heapscope.heap.RefRow;
import dev.heapscope.heap.RefsReport;
import dev.heapscope.heap.RootRegistry;
import dev.heapscope.heap.RootsService;
import dev.heapscope.heap.WalkFigures;
import dev.heapscope.heap.WalkOptions;
import dev.heapscope.heap.WalkRequest;
import java.util.List;
import java.util.Map;

/**
 * {@code dev.heapscope:type=Roots}: registered roots as {@code /api/v1/roots...} offers them over REST. JMX has no
 * optional arguments, so 0 or an empty string stands for REST's default; each parameter's description says which.
 */
@Doc("heapscope registered roots (pympler.asizeof, objgraph.find_backref_chain and show_refs): deep sizes exact to"
        + " JOL's model, who keeps an object alive inside a root, and what a root holds. Walks are heavy: one at a"
        + " time with snapshots (IllegalStateException when another runs).")
final class RootsBean {

    static final Map<String, String> PARAMETERS = Map.of(
            "name", "the root's registered name",
            "type", "the type searched, a binary name such as com.example.Session; required",
            "size.limit", "classes in the footprint, 1.." + RootsService.MAX_FOOTPRINT_LIMIT + "; 0 for the default "
                    + RootsService.DEFAULT_FOOTPRINT_LIMIT,
            "backrefs.limit", "instances to report, 1.." + RootsService.MAX_BACKREF_LIMIT + "; 0 for the default "
                    + RootsService.DEFAULT_BACKREF_LIMIT,
            "backrefs.maxDepth", "longest chain searched in hops, 1.." + RootsService.MAX_BACKREF_DEPTH
                    + "; 0 for the default " + RootsService.DEFAULT_BACKREF_DEPTH,
            "refs.maxDepth", "levels below the root, 1.." + RootsService.MAX_REFS_DEPTH + "; 0 for the default "
                    + RootsService.DEFAULT_REFS_DEPTH,
            "maxObjects", "objects the walk visits at most, 1.." + WalkRequest.SERVER_MAX_OBJECTS
                    + "; 0 for the default " + WalkOptions.DEFAULT_MAX_OBJECTS,
            "timeLimitMs", "the walk's time budget in ms, 1.." + WalkRequest.SERVER_MAX_TIME_LIMIT_MS
                    + "; 0 for the default " + WalkOptions.DEFAULT_TIME_LIMIT.toMillis(),
            "follow", "comma-separated boundaries to cross: referents, classes, classLoaders, threads, or all /"
                    + " none; empty for the default none (the walk neither counts nor enters them)");

    private final RootsService roots;

    RootsBean(RootsService roots) {
        this.roots = roots;
    }

    @Doc("Every registered root, in registration order: name, type and whether it is still alive (roots are held"
            + " weakly, so a collected root stays listed with alive=false).")
    public List<RootRegistry.RegisteredRoot> getRoots() {
        return roots.list();
    }

    @Doc("The deep size of one root: shallow and deep bytes, object count, the footprint by class (biggest bytes"
            + " first) and the walk's figures. Unknown root: IllegalArgumentException; collected root or another"
            + " walk running: IllegalStateException.")
    public DeepSizeReport size(String name, int limit, long maxObjects, long timeLimitMs, String follow) {
        return roots.size(name, absentIfZero(limit), walk(maxObjects, timeLimitMs, follow));
    }

    @Doc("The shortest chains from a root to up to 'limit' instances of a type (or its subtypes) in its graph,"
            + " object first: each hop's holderType and edge (field name or array index such as [0]), and the chain"
            + " as one path string. Types and field names only, never a field's value.")
    public BackrefReport backrefs(String name, String type, int limit, int maxDepth, long maxObjects,
                                  long timeLimitMs, String follow) {
        return roots.backrefs(name, type, absentIfZero(limit), absentIfZero(maxDepth),
                walk(maxObjects, timeLimitMs, follow));
    }

    @Doc("What a root holds, field by field and type by type, to maxDepth levels (objgraph.show_refs). The tree is"
            + " flattened into rows in depth-first order, the root first (depth 0, empty path): each row's depth,"
            + " path of field names from the root (e.g. listeners/elementData/[*], [*] for array elements), field,"
            + " type, count, shallowBytes and deepBytes, and the child groups left out.")
    public FlatRefs refs(String name, int maxDepth, long maxObjects, long timeLimitMs, String follow) {
        RefsReport report = roots.refs(name, absentIfZero(maxDepth), walk(maxObjects, timeLimitMs, follow));
        return new FlatRefs(report.root(), report.maxDepth(), report.rows(), report.walk());
    }

    /** A reference tree as rows: a JMX open type cannot contain itself, so the tree cannot cross as a tree. */
    @Doc("what a root holds, its reference tree flattened into rows in depth-first order, the root first")
    record FlatRefs(@Doc("the root's registered name") String root,
                    @Doc("levels below the root") int maxDepth,
                    @Doc("the tree's groups, each after its parent and before the parent's next sibling")
                    List<RefRow> rows,
                    @Doc("how the walk went") WalkFigures walk) {
    }

    // JMX has no optional arguments: 0 and "" stand for an absent REST query parameter
    private static WalkOptions walk(long maxObjects, long timeLimitMs, String follow) {
        return WalkRequest.options(maxObjects == 0 ? null : maxObjects, timeLimitMs == 0 ? null : timeLimitMs,
                follow == null || follow.isBlank() ? null : follow);
    }

    private static Integer absentIfZero(int value) {
        return value == 0 ? null : value;
    }
}
