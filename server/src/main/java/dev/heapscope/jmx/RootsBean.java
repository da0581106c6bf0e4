package dev.heapscope.jmx;

import dev.heapscope.HeapscopeException;
import dev.heapscope.heap.RootsService;
import dev.heapscope.heap.WalkOptions;
import dev.heapscope.heap.WalkRequest;
import java.util.List;

/** {@link RootsMXBean} over {@link RootsService}: mapping only, with REST's defaults for 0 and "". */
final class RootsBean implements RootsMXBean {

    // the defaults REST applies to an absent query parameter (openapi.yaml), so both adapters answer alike
    static final int DEFAULT_FOOTPRINT_LIMIT = 10;
    static final int MAX_FOOTPRINT_LIMIT = 10_000;
    static final int DEFAULT_BACKREF_LIMIT = 5;
    static final int DEFAULT_BACKREF_DEPTH = 20;
    static final int DEFAULT_REFS_DEPTH = 3;

    private final RootsService roots;

    RootsBean(RootsService roots) {
        this.roots = roots;
    }

    @Override
    public List<RootView> getRoots() {
        return roots.list().stream().map(RootView::new).toList();
    }

    @Override
    public DeepSizeView size(String name, int limit, long maxObjects, long timeLimitMs, String follow) {
        int classes = orDefault(limit, DEFAULT_FOOTPRINT_LIMIT);
        if (classes < 1 || classes > MAX_FOOTPRINT_LIMIT) {
            throw new HeapscopeException.BadRequest("limit " + classes + " is out of range: use 1.."
                    + MAX_FOOTPRINT_LIMIT);
        }
        return new DeepSizeView(roots.size(name, options(maxObjects, timeLimitMs, follow)), classes);
    }

    @Override
    public BackrefsView backrefs(String name, String type, int limit, int maxDepth, long maxObjects,
                                 long timeLimitMs, String follow) {
        WalkOptions options = options(maxObjects, timeLimitMs, follow);
        return new BackrefsView(name, roots.typeOf(name), type, roots.backrefs(name, type,
                orDefault(limit, DEFAULT_BACKREF_LIMIT), orDefault(maxDepth, DEFAULT_BACKREF_DEPTH), options), options);
    }

    @Override
    public RefsView refs(String name, int maxDepth, long maxObjects, long timeLimitMs, String follow) {
        WalkOptions options = options(maxObjects, timeLimitMs, follow);
        int depth = orDefault(maxDepth, DEFAULT_REFS_DEPTH);
        return new RefsView(name, depth, roots.refs(name, depth, options), options);
    }

    // JMX has no optional arguments: 0 and "" stand for an absent REST query parameter
    private static WalkOptions options(long maxObjects, long timeLimitMs, String follow) {
        return WalkRequest.options(maxObjects == 0 ? null : maxObjects, timeLimitMs == 0 ? null : timeLimitMs,
                follow == null || follow.isBlank() ? null : follow);
    }

    private static int orDefault(int value, int defaultValue) {
        return value == 0 ? defaultValue : value;
    }
}
