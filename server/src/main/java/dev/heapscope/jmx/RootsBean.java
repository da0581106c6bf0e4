package dev.heapscope.jmx;

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

/**
 * {@code dev.heapscope:type=Roots}: registered roots as {@code /api/v1/roots...} offers them over REST. JMX has no
 * optional arguments, so 0 or an empty string stands for REST's default; each parameter's description says which.
 * Its public methods are the MBean's attributes and operations ({@link OpenBean}), described in this package's
 * {@code descriptions.properties}.
 */
final class RootsBean {

    private final RootsService roots;

    RootsBean(RootsService roots) {
        this.roots = roots;
    }

    public List<RootRegistry.RegisteredRoot> getRoots() {
        return roots.list();
    }

    @Action
    public RootRegistry.RegisteredRoot register(String name, String className, String fieldPath,
                                                String classLoader) {
        return roots.registerByPath(name, className, fieldPath,
                classLoader == null || classLoader.isBlank() ? null : classLoader).root();
    }

    @Action
    public void unregister(String name) {
        roots.unregister(name);
    }

    public DeepSizeReport size(String name, int limit, long maxObjects, long timeLimitMs, String follow) {
        return roots.size(name, absentIfZero(limit), walk(maxObjects, timeLimitMs, follow));
    }

    public BackrefReport backrefs(String name, String type, int limit, int maxDepth, long maxObjects,
                                  long timeLimitMs, String follow) {
        return roots.backrefs(name, type, absentIfZero(limit), absentIfZero(maxDepth),
                walk(maxObjects, timeLimitMs, follow));
    }

    public FlatRefs refs(String name, int maxDepth, long maxObjects, long timeLimitMs, String follow) {
        RefsReport report = roots.refs(name, absentIfZero(maxDepth), walk(maxObjects, timeLimitMs, follow));
        return new FlatRefs(report.root(), report.maxDepth(), report.rows(), report.walk());
    }

    /** A reference tree as rows: a JMX open type cannot contain itself, so the tree cannot cross as a tree. */
    record FlatRefs(String root, int maxDepth, List<RefRow> rows, WalkFigures walk) {
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
