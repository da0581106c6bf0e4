package dev.heapscope.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;
import org.openjdk.jol.vm.VM;

class DeepSizeWalkerTest {

    private final DeepSizeWalker walker = new DeepSizeWalker();

    @Test
    void measure_countsExactlyTheHandBuiltGraph_whenAllBoundariesOn() {
        int[] referent = new int[10];
        Holder root = new Holder(new WeakReference<>(referent), String.class, Thread.currentThread());
        // Counted: root, the WeakReference and what it holds besides its referent (its queue,
        // ReferenceQueue.NULL, and that queue's lock). Not counted: referent, Class, Thread.
        GraphLayout refGraph = GraphLayout.parseInstance(root.ref);
        long expected = VM.current().sizeOf(root) + refGraph.totalSize() - VM.current().sizeOf(referent);

        DeepSize size = walker.measure(root, WalkOptions.defaults());

        assertThat(size.deepBytes()).isEqualTo(expected);
        assertThat(size.objectCount()).isEqualTo(1 + refGraph.totalCount() - 1);
        assertThat(size.shallowBytes()).isEqualTo(VM.current().sizeOf(root));
        assertThat(size.byClass()).extracting(ClassFootprint::type)
                .contains(Holder.class.getName(), WeakReference.class.getName())
                .doesNotContain("int[]", "java.lang.Class", "java.lang.Thread");
    }

    @Test
    void measure_isStrictlySmallerThanJol_whenBoundariesOnAndGraphHoldsRefClassAndThread() {
        Holder root = new Holder(new WeakReference<>(new long[100]), Holder.class, new Thread(() -> { }));

        DeepSize bounded = walker.measure(root, WalkOptions.defaults());

        assertThat(bounded.deepBytes()).isLessThan(GraphLayout.parseInstance(root).totalSize());
    }

    @Test
    void measure_skipsOnlyTheReferent_whenOnlyReferenceBoundaryOn() {
        long[] referent = new long[100];
        WeakReference<long[]> root = new WeakReference<>(referent);
        WalkOptions options = WalkOptions.unbounded().withBoundaries(EnumSet.of(Boundary.REFERENCE_REFERENTS));

        DeepSize size = walker.measure(root, options);

        assertThat(size.deepBytes()).isEqualTo(GraphLayout.parseInstance(root).totalSize() - VM.current().sizeOf(referent));
    }

    @Test
    void measure_sortsClassesByBytesDescending() {
        DeepSize size = walker.measure(List.of(new long[1000], "x", 1), WalkOptions.defaults());

        assertThat(size.byClass()).isSortedAccordingTo((a, b) -> Long.compare(b.bytes(), a.bytes()));
        assertThat(size.byClass().get(0).type()).isEqualTo("long[]");
    }

    @Test
    void measure_truncatesAtObjectLimit() {
        DeepSize size = walker.measure(bigList(10_000), WalkOptions.unbounded().withMaxObjects(100));

        assertThat(size.truncated()).isTrue();
        assertThat(size.truncationReason()).isEqualTo("object limit 100 reached");
        assertThat(size.objectCount()).isEqualTo(100);
        assertThat(size.objectsVisited()).isEqualTo(100);
    }

    @Test
    void measure_isNotTruncated_whenGraphHasExactlyTheLimit() {
        DeepSize size = walker.measure(new Object[] {new Object()}, WalkOptions.unbounded().withMaxObjects(2));

        assertThat(size.truncated()).isFalse();
        assertThat(size.truncationReason()).isNull();
    }

    @Test
    void measure_truncatesAtTimeLimit() {
        List<List<Integer>> big = bigList(1_000_000);

        DeepSize size = walker.measure(big, WalkOptions.unbounded().withTimeLimit(Duration.ofMillis(1)));

        assertThat(size.truncated()).isTrue();
        assertThat(size.truncationReason()).isEqualTo("time limit 1 ms reached");
        assertThat(size.objectCount()).isPositive().isLessThan(2_000_002);
    }

    @Test
    void measure_returnsResult_whileAnotherThreadMutatesTheGraph() throws Exception {
        Map<Integer, List<Integer>> shared = new HashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread mutator = new Thread(() -> {
            int i = 0;
            while (!stop.get()) {
                // Unsynchronized on purpose: the walker must survive resizes it races with.
                shared.put(i % 50_000, new ArrayList<>(List.of(i)));
                if (i % 3 == 0) {
                    shared.remove((i * 7) % 50_000);
                }
                i++;
            }
        }, "heapscope-test-mutator");
        mutator.start();
        try {
            for (int round = 0; round < 20; round++) {
                DeepSize size = walker.measure(shared, WalkOptions.defaults());
                assertThat(size.objectCount()).isPositive();
            }
        } finally {
            stop.set(true);
            mutator.join(10_000);
        }
    }

    @Test
    void measure_followsNoStaticFields() {
        DeepSize size = walker.measure(new WithStatic(), WalkOptions.unbounded());

        assertThat(size.objectCount()).isEqualTo(1);
    }

    @Test
    void measure_rejectsNullRoot() {
        assertThatThrownBy(() -> walker.measure(null, WalkOptions.defaults())).isInstanceOf(NullPointerException.class);
    }

    @Test
    void walkOptions_rejectZeroObjectLimit_namingTheValue() {
        assertThatThrownBy(() -> new WalkOptions(0, Duration.ofSeconds(1), Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxObjects").hasMessageContaining("0");
    }

    @Test
    void walkOptions_rejectNegativeTimeLimit_namingTheValue() {
        assertThatThrownBy(() -> new WalkOptions(10, Duration.ofMillis(-5), Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeLimit").hasMessageContaining("-0.005");
    }

    @Test
    void walkOptions_defaultsAreAllBoundariesFiveMillionObjectsTenSeconds() {
        WalkOptions d = WalkOptions.defaults();

        assertThat(d.boundaries()).containsExactlyInAnyOrder(Boundary.values());
        assertThat(d.maxObjects()).isEqualTo(5_000_000L);
        assertThat(d.timeLimit()).isEqualTo(Duration.ofSeconds(10));
    }

    static List<List<Integer>> bigList(int lists) {
        List<List<Integer>> big = new ArrayList<>(lists);
        for (int i = 0; i < lists; i++) {
            big.add(List.of(i + 1000));
        }
        return big;
    }

    static final class Holder {
        final WeakReference<?> ref;
        final Class<?> type;
        final Thread thread;

        Holder(WeakReference<?> ref, Class<?> type, Thread thread) {
            this.ref = ref;
            this.type = type;
            this.thread = thread;
        }
    }

    static final class WithStatic {
        static final Object BIG = new long[1000];
    }
}
