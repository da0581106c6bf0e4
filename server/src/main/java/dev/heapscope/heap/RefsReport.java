package dev.heapscope.heap;

import java.util.ArrayList;
import java.util.List;

/**
 * What a root holds (objgraph.show_refs): the reference tree to {@code maxDepth} levels, and how the walk went.
 *
 * @param root     the root's registered name
 * @param maxDepth levels below the root
 * @param tree     the root's group (count 1) and its children
 * @param walk     how the walk went
 */
public record RefsReport(String root, int maxDepth, RefNode tree, WalkFigures walk) {

    /**
     * The tree flattened in depth-first order, the root first: each child group after its parent and before
     * the parent's next sibling, for views that cannot nest a type in itself (JMX open types).
     */
    public List<RefRow> rows() {
        List<RefRow> rows = new ArrayList<>();
        flatten(tree, 0, "", rows);
        return rows;
    }

    // depth is at most RootsService.MAX_REFS_DEPTH, so the recursion stays shallow
    private static void flatten(RefNode node, int depth, String path, List<RefRow> rows) {
        rows.add(new RefRow(depth, path, node.field(), node.type(), node.count(), node.shallowBytes(),
                node.deepBytes(), node.otherChildren(), node.otherBytes()));
        for (RefNode child : node.children()) {
            flatten(child, depth + 1, path.isEmpty() ? child.field() : path + "/" + child.field(), rows);
        }
    }
}
