package dev.heapscope.jmx;

import dev.heapscope.heap.RootsService;
import dev.heapscope.heap.WalkOptions;
import dev.heapscope.heap.WalkRequest;
import java.util.List;

/** {@link RootsMXBean} over {@link RootsService}: mapping only, with REST's defaults for 0 and "". */
final class RootsBean implements RootsMXBean {

    private final RootsService roots;

    RootsBean(RootsService roots) {
        this.roots = roots;
    }

    @Override
    public List<RootView> getRoots() {
        return roots.list().stream().map(RootView::new).toList();
    }

    @Override
    public RootView register(String name, String className, String fieldPath, String classLoader) {
        return new RootView(roots.registerByPath(name, className, fieldPath,
                classLoader == null || classLoader.isBlank() ? null : classLoader).root());
    }

    @Override
    public void unregister(String name) {
        roots.unregister(name);
    }

    @Override
    public DeepSizeView size(String name, int limit, long maxObjects, long timeLimitMs, String follow) {
        int classes = RootsService.footprintLimit(absentIfZero(limit));
        return new DeepSizeView(roots.size(name, options(maxObjects, timeLimitMs, follow)), classes);
    }

    @Override
    public BackrefsView backrefs(String name, String type, int limit, int maxDepth, long maxObjects,
                                 long timeLimitMs, String follow) {
        WalkOptions options = options(maxObjects, timeLimitMs, follow);
        return new BackrefsView(name, roots.typeOf(name), type, roots.backrefs(name, type,
                RootsService.backrefLimit(absentIfZero(limit)), RootsService.backrefDepth(absentIfZero(maxDepth)),
                options), options);
    }

    @Override
    public RefsView refs(String name, int maxDepth, long maxObjects, long timeLimitMs, String follow) {
        WalkOptions options = options(maxObjects, timeLimitMs, follow);
        int depth = RootsService.refsDepth(absentIfZero(maxDepth));
        return new RefsView(name, depth, roots.refs(name, depth, options), options);
    }

    // JMX has no optional arguments: 0 and "" stand for an absent REST query parameter
    private static WalkOptions options(long maxObjects, long timeLimitMs, String follow) {
        return WalkRequest.options(maxObjects == 0 ? null : maxObjects, timeLimitMs == 0 ? null : timeLimitMs,
                follow == null || follow.isBlank() ? null : follow);
    }

    private static Integer absentIfZero(int value) {
        return value == 0 ? null : value;
    }
}
