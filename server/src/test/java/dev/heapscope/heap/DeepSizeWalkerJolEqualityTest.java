package dev.heapscope.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

/** With no boundaries the walker must agree with JOL's GraphLayout to the byte and the object. */
class DeepSizeWalkerJolEqualityTest {

    private final DeepSizeWalker walker = new DeepSizeWalker();

    @Test
    void measure_equalsJol_onHashMapOfLists() {
        Map<String, List<Integer>> map = new HashMap<>();
        for (int i = 0; i < 1_000; i++) {
            List<Integer> values = new ArrayList<>();
            for (int j = 0; j < 10; j++) {
                values.add(i * 10 + j);
            }
            map.put("key-" + i, values);
        }
        assertEqualsJol(map);
    }

    @Test
    void measure_equalsJol_onARepeatedWalk_whenTheRootGrewOrShrankSinceTheLastOne() {
        Map<Integer, String> map = new HashMap<>();
        map.put(1, "one");
        walker.measure(map, WalkOptions.unbounded());
        for (int i = 0; i < 50_000; i++) {
            map.put(i, "v" + i);
        }
        assertEqualsJol(map);
        map.clear();
        assertEqualsJol(map);
    }

    @Test
    void measure_equalsJol_onArrayList() {
        List<Object> list = new ArrayList<>(List.of("a", "bb", 3, 4L, 5.0));
        assertEqualsJol(list);
    }

    @Test
    void measure_equalsJol_onLinkedList() {
        LinkedList<Integer> list = new LinkedList<>();
        for (int i = 0; i < 10_000; i++) {
            list.add(i);
        }
        assertEqualsJol(list);
    }

    @Test
    void measure_equalsJol_onStrings() {
        assertEqualsJol("latin1 string");
        assertEqualsJol("utf16 \u20ac string");
        assertEqualsJol(new String(new char[1_000]));
    }

    @Test
    void measure_equalsJol_onBoxedNumbers() {
        assertEqualsJol(new Object[] {1, 2L, 3.0f, 4.0d, (short) 5, (byte) 6, 'c', true,
                new java.math.BigInteger("123456789012345678901234567890"), new java.math.BigDecimal("1.5")});
    }

    @Test
    void measure_equalsJol_onPrimitiveArrays() {
        for (Object array : List.of(new boolean[3], new byte[7], new char[5], new short[9], new int[11],
                new long[13], new float[15], new double[17], new int[0], new long[0])) {
            assertEqualsJol(array);
        }
    }

    @Test
    void measure_equalsJol_onObjectArraysWithNullsAndDuplicates() {
        Object shared = new Object();
        assertEqualsJol(new Object[] {shared, null, shared, new Object(), new String[] {"x", null}});
    }

    @Test
    void measure_equalsJol_onMultiDimensionalArrays() {
        assertEqualsJol(new int[7][5][3]);
        assertEqualsJol(new Object[4][0]);
        assertEqualsJol(new String[][] {{"a"}, null, {"b", "c"}});
    }

    @Test
    void measure_equalsJol_onCycles() {
        Node a = new Node();
        Node b = new Node();
        a.next = b;
        b.next = a;
        a.self = a;
        assertEqualsJol(a);
    }

    @Test
    void measure_equalsJol_onSharedSubstructure() {
        List<String> shared = new ArrayList<>(List.of("s1", "s2"));
        Map<String, Object> map = new HashMap<>();
        map.put("one", shared);
        map.put("two", shared);
        map.put("three", List.of(shared, shared));
        assertEqualsJol(map);
    }

    @Test
    void measure_equalsJol_onUserClassesWithPrivateSuperclassFields() {
        assertEqualsJol(new Child());
    }

    @Test
    void measure_equalsJol_onRecords() {
        assertEqualsJol(new Pair("left", List.of(1, 2, 3)));
    }

    @Test
    void measure_equalsJol_onGraphHoldingWeakReference_whenBoundariesOff() {
        Object referent = new int[100];
        Object[] root = {referent, new WeakReference<>(referent), new WeakReference<>(new long[50])};
        assertEqualsJol(root);
    }

    @Test
    void measure_equalsJol_onGraphHoldingClassObject_whenBoundariesOff() {
        assertEqualsJolOnceTheWorldSettles(new Object[] {int.class, DeepSizeWalkerJolEqualityTest.class});
    }

    @Test
    void measure_equalsJol_onGraphHoldingThread_whenBoundariesOff() {
        Thread thread = new Thread(() -> { }, "heapscope-test-unstarted");
        assertEqualsJolOnceTheWorldSettles(new Object[] {thread});
    }

    /**
     * A Class or Thread reaches much of the JVM (thread groups, class-value maps, reflection caches),
     * which both walks themselves disturb, and which other threads (the test runner's, JFR's) change
     * while the walks run. Passes when, in one of a bounded number of rounds, our walk gives the same
     * answer before and after JOL's and JOL agrees with it; a walker that is off by even one object
     * never passes.
     */
    private void assertEqualsJolOnceTheWorldSettles(Object root) {
        String last = "";
        for (int attempt = 0; attempt < 20; attempt++) {
            DeepSize before = walker.measure(root, WalkOptions.unbounded());
            GraphLayout jol = GraphLayout.parseInstance(root);
            DeepSize after = walker.measure(root, WalkOptions.unbounded());
            boolean settled = before.deepBytes() == after.deepBytes() && before.objectCount() == after.objectCount();
            if (settled && after.deepBytes() == jol.totalSize() && after.objectCount() == jol.totalCount()) {
                return;
            }
            last = "ours " + before.deepBytes() + "/" + after.deepBytes() + " bytes, " + after.objectCount()
                    + " objects; JOL " + jol.totalSize() + " bytes, " + jol.totalCount() + " objects";
        }
        throw new AssertionError("never equal to JOL in 20 settled rounds; last: " + last);
    }

    private void assertEqualsJol(Object root) {
        DeepSize ours = walker.measure(root, WalkOptions.unbounded());
        GraphLayout jol = GraphLayout.parseInstance(root);
        assertThat(ours.truncated()).isFalse();
        assertThat(ours.deepBytes()).as("deep bytes").isEqualTo(jol.totalSize());
        assertThat(ours.objectCount()).as("object count").isEqualTo(jol.totalCount());
        for (Class<?> c : jol.getClasses()) {
            ClassFootprint fp = ours.byClass().stream().filter(f -> f.type().equals(TypeNames.of(c)))
                    .findFirst().orElseThrow();
            assertThat(fp.count()).as("count of " + c.getName()).isEqualTo(jol.getClassCounts().count(c));
            assertThat(fp.bytes()).as("bytes of " + c.getName()).isEqualTo(jol.getClassSizes().count(c));
        }
    }

    static class Node {
        Node next;
        Node self;
    }

    static class Base {
        private final String secretName = new String("base-field");
        private final int[] numbers = new int[4];
        protected Object shared = new Object();
    }

    static class Child extends Base {
        private final String secretName = new String("child-field");
        private final long[] longs = new long[2];
    }

    record Pair(String left, List<Integer> right) {
    }
}
