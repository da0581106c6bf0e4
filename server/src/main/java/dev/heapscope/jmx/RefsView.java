package dev.heapscope.jmx;

import dev.heapscope.heap.RefNode;
import dev.heapscope.heap.ReferenceTree;
import dev.heapscope.heap.WalkOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * A root's reference tree as JMX clients see it. The tree is flattened into rows in depth-first order,
 * the root first: the MXBean framework refuses a recursive type, so a RefNode-like view holding its own
 * children could not be registered at all.
 */
public final class RefsView {

    private final String root;
    private final int maxDepth;
    private final ReferenceTree tree;
    private final WalkOptions options;

    RefsView(String root, int maxDepth, ReferenceTree tree, WalkOptions options) {
        this.root = root;
        this.maxDepth = maxDepth;
        this.tree = tree;
        this.options = options;
    }

    public String getRoot() {
        return root;
    }

    public int getMaxDepth() {
        return maxDepth;
    }

    /** The tree's groups, depth-first, each child group after its parent and before the parent's next sibling. */
    public List<Row> getRows() {
        List<Row> rows = new ArrayList<>();
        flatten(tree.root(), 0, "", rows);
        return rows;
    }

    public WalkView getWalk() {
        return new WalkView(tree.truncated(), tree.truncationReason(), tree.objectsVisited(), tree.elapsedNanos(),
                options);
    }

    // depth is at most RootsService.MAX_REFS_DEPTH, so the recursion stays shallow
    private static void flatten(RefNode node, int depth, String path, List<Row> rows) {
        rows.add(new Row(node, depth, path));
        for (RefNode child : node.children()) {
            flatten(child, depth + 1, path.isEmpty() ? child.field() : path + "/" + child.field(), rows);
        }
    }

    /** The objects of one type reached through one field (or the elements) of the parent row's objects. */
    public static final class Row {

        private final RefNode node;
        private final int depth;
        private final String path;

        Row(RefNode node, int depth, String path) {
            this.node = node;
            this.depth = depth;
            this.path = path;
        }

        /** 0 for the root. */
        public int getDepth() {
            return depth;
        }

        /** Field names from the root, e.g. {@code listeners/elementData/[*]}; empty for the root. */
        public String getPath() {
            return path;
        }

        /** The parent's field, {@code [*]} for array elements, empty for the root. */
        public String getField() {
            return node.field();
        }

        public String getType() {
            return node.type();
        }

        public long getCount() {
            return node.count();
        }

        public long getShallowBytes() {
            return node.shallowBytes();
        }

        /** shallowBytes plus everything first reached below these objects. */
        public long getDeepBytes() {
            return node.deepBytes();
        }

        /** Child groups left out of the rows (only the biggest are kept). */
        public int getOtherChildren() {
            return node.otherChildren();
        }

        /** Their deep bytes. */
        public long getOtherBytes() {
            return node.otherBytes();
        }
    }
}
