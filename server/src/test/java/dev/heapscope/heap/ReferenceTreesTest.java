package dev.heapscope.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

class ReferenceTreesTest {

    private final ReferenceTrees trees = new ReferenceTrees(HeapModel.create());

    @Test
    void refs_rootDeepBytesEqualsMeasure() {
        Map<String, List<Integer>> map = sampleMap();

        ReferenceTree tree = trees.refs(map, 4, WalkOptions.unbounded());

        assertThat(tree.root().deepBytes()).isEqualTo(GraphLayout.parseInstance(map).totalSize());
        assertThat(tree.root().count()).isEqualTo(1);
    }

    @Test
    void refs_groupsHashMapTableThenNodesThenKeysAndValues() {
        Map<String, List<Integer>> map = sampleMap();

        RefNode root = trees.refs(map, 3, WalkOptions.defaults()).root();
        assertThat(countOfType(root, "java.util.HashMap$Node")).isEqualTo(100);

        RefNode table = child(root, "table");
        assertThat(table.type()).isEqualTo("java.util.HashMap$Node[]");
        RefNode nodes = child(table, "[*]");
        assertThat(nodes.type()).isEqualTo("java.util.HashMap$Node");
        // Colliding nodes hang off their bucket's first node, under its "next" field.
        assertThat(child(nodes, "key").count()).isEqualTo(nodes.count());
        assertThat(child(nodes, "value").type()).isEqualTo("java.util.ArrayList");
    }

    @Test
    void refs_childrenDeepBytesNeverExceedParent() {
        RefNode root = trees.refs(sampleMap(), 5, WalkOptions.defaults()).root();

        assertWithinParent(root);
    }

    @Test
    void refs_keepsAtMostTwentyChildren_andCountsTheOthers() {
        Object[] root = new Object[30];
        for (int i = 0; i < root.length; i++) {
            root[i] = new Wide();
        }
        Wide wide = new Wide();

        RefNode node = trees.refs(wide, 1, WalkOptions.defaults()).root();

        assertThat(node.children()).hasSize(ReferenceTrees.MAX_CHILDREN);
        assertThat(node.otherChildren()).isEqualTo(25 - ReferenceTrees.MAX_CHILDREN);
        assertThat(node.otherBytes()).isPositive();
    }

    private static void assertWithinParent(RefNode node) {
        long sum = node.shallowBytes() + node.otherBytes();
        for (RefNode c : node.children()) {
            sum += c.deepBytes();
            assertWithinParent(c);
        }
        assertThat(sum).isLessThanOrEqualTo(node.deepBytes());
    }

    private static long countOfType(RefNode node, String type) {
        long n = node.type().equals(type) ? node.count() : 0;
        for (RefNode c : node.children()) {
            n += countOfType(c, type);
        }
        return n;
    }

    private static RefNode child(RefNode node, String field) {
        return node.children().stream().filter(c -> c.field().equals(field)).findFirst().orElseThrow();
    }

    private static Map<String, List<Integer>> sampleMap() {
        Map<String, List<Integer>> map = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            map.put("k" + i, new ArrayList<>(List.of(i + 1000, i + 2000)));
        }
        return map;
    }

    /** 25 fields of 25 different types (distinct array types). */
    static final class Wide {
        Object a = new byte[1]; Object b = new short[1]; Object c = new char[1]; Object d = new int[1];
        Object e = new long[1]; Object f = new float[1]; Object g = new double[1]; Object h = new boolean[1];
        Object i = new Object[1]; Object j = new String[1]; Object k = new Integer[1]; Object l = new Long[1];
        Object m = new byte[1][]; Object n = new short[1][]; Object o = new char[1][]; Object p = new int[1][];
        Object q = new long[1][]; Object r = new float[1][]; Object s = new double[1][]; Object t = new boolean[1][];
        Object u = new Object[1][]; Object v = new String[1][]; Object w = new Integer[1][]; Object x = new Long[1][];
        Object y = new Byte[1];
    }
}
