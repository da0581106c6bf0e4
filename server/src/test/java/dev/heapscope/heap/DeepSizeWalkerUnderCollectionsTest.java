package dev.heapscope.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

/** Walks keyed by compressed reference must stay exact when a collection moves objects under them. */
class DeepSizeWalkerUnderCollectionsTest {

    private final Map<String, List<Integer>> graph = graph(2_000);
    private final GraphLayout jol = GraphLayout.parseInstance(graph);

    @Test
    void measure_keysByReference_onThisJvmsStopTheWorldCollector() {
        // given
        assumeTrue(ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .allMatch(n -> n.startsWith("G1 ") || n.startsWith("PS ") || n.equals("Copy")
                        || n.equals("MarkSweepCompact")), "a collector that moves objects only in pauses");
        HeapModel model = HeapModel.create();
        assumeTrue(model.shape.compressedReferences(), "compressed oops");

        // when
        DeepSizeWalker walker = new DeepSizeWalker(model);

        // then
        assertThat(walker.keysByReference()).isTrue();
    }

    @Test
    void measure_walksAgainByReference_andEqualsJol_whenOneCollectionRanDuringTheWalk() {
        // given: the first walk's second look at the count sees one more collection
        AtomicLong looks = new AtomicLong();
        DeepSizeWalker walker = new DeepSizeWalker(HeapModel.create(),
                new ObjectMoves(() -> looks.getAndIncrement() < 1 ? 0 : 1, true));
        assumeTrue(walker.keysByReference(), "compressed oops");

        // when
        DeepSize size = walker.measure(graph, WalkOptions.unbounded());

        // then
        assertThat(walker.walksAgain()).isEqualTo(1);
        assertEqualsJol(size);
    }

    @Test
    void measure_endsByIdentity_andEqualsJol_whenCollectionsKeepRunning() {
        // given: every look at the count sees another collection
        AtomicLong collections = new AtomicLong();
        DeepSizeWalker walker = new DeepSizeWalker(HeapModel.create(),
                new ObjectMoves(collections::incrementAndGet, true));
        assumeTrue(walker.keysByReference(), "compressed oops");

        // when
        DeepSize size = walker.measure(graph, WalkOptions.unbounded());

        // then: two walks by reference, then one by identity
        assertThat(walker.walksAgain()).isEqualTo(2);
        assertEqualsJol(size);
    }

    @Test
    void measure_equalsJol_whileAnotherThreadCollectsGarbage() throws Exception {
        // given
        DeepSizeWalker walker = new DeepSizeWalker();
        AtomicBoolean done = new AtomicBoolean();
        Thread collector = new Thread(() -> {
            while (!done.get()) {
                System.gc();
            }
        }, "heapscope-test-collector");
        collector.setDaemon(true);

        // when
        List<DeepSize> sizes = new ArrayList<>();
        collector.start();
        try {
            for (int i = 0; i < 20; i++) {
                sizes.add(walker.measure(graph, WalkOptions.unbounded()));
            }
        } finally {
            done.set(true);
            collector.join();
        }

        // then
        sizes.forEach(this::assertEqualsJol);
    }

    @Test
    void measure_equalsJol_whenGoingByIdentityOnly() {
        // given
        DeepSizeWalker walker = new DeepSizeWalker(HeapModel.create(), ObjectMoves.UNSUPPORTED);

        // when
        DeepSize size = walker.measure(graph, WalkOptions.unbounded());

        // then
        assertThat(walker.keysByReference()).isFalse();
        assertEqualsJol(size);
    }

    private void assertEqualsJol(DeepSize size) {
        assertThat(size.truncated()).isFalse();
        assertThat(size.deepBytes()).as("deep bytes").isEqualTo(jol.totalSize());
        assertThat(size.objectCount()).as("object count").isEqualTo(jol.totalCount());
    }

    private static Map<String, List<Integer>> graph(int keys) {
        Map<String, List<Integer>> root = new HashMap<>();
        for (int i = 0; i < keys; i++) {
            List<Integer> values = new ArrayList<>();
            for (int j = 0; j < 10; j++) {
                values.add(1_000 + i * 10 + j);
            }
            root.put("key-" + i, values);
        }
        return root;
    }
}
