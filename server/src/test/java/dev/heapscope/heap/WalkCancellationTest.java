package dev.heapscope.heap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heapscope.Cancellation;
import org.junit.jupiter.api.Test;

/** Every walk stops within a few thousand objects or references of its flag being cancelled. */
class WalkCancellationTest {

    private static final int ELEMENTS = 200_000;

    private static Object[] graph() {
        Object[] root = new Object[ELEMENTS];
        for (int i = 0; i < ELEMENTS; i++) {
            root[i] = new Object[] {new int[1]};
        }
        return root;
    }

    private static Cancellation cancelled() {
        Cancellation flag = new Cancellation();
        flag.cancel("the client closed the connection");
        return flag;
    }

    @Test
    void deepSize_stopsEarly_whenCancelled() {
        DeepSize size = new DeepSizeWalker().measure(graph(), WalkOptions.defaults(), cancelled());

        assertThat(size.truncated()).isTrue();
        assertThat(size.truncationReason()).isEqualTo("cancelled: the client closed the connection");
        assertThat(size.objectsVisited()).isLessThan(10_000);
    }

    @Test
    void backrefs_stopEarly_whenCancelled_evenInsideOneHugeArray() {
        BackrefResult result = new BackrefSearch(HeapModel.create()).find(graph(), "no.such.Type", 5, 10, WalkOptions.defaults(),
                cancelled());

        assertThat(result.truncated()).isTrue();
        assertThat(result.truncationReason()).startsWith("cancelled: ");
        assertThat(result.objectsVisited()).isLessThan(10_000);
    }

    @Test
    void refs_stopEarly_whenCancelled() {
        ReferenceTree tree = new ReferenceTrees(HeapModel.create()).refs(graph(), 3, WalkOptions.defaults(), cancelled());

        assertThat(tree.truncated()).isTrue();
        assertThat(tree.truncationReason()).startsWith("cancelled: ");
    }

    @Test
    void walks_runToTheEnd_whenNotCancelled() {
        DeepSize size = new DeepSizeWalker().measure(graph(), WalkOptions.defaults(), new Cancellation());

        assertThat(size.truncated()).isFalse();
        assertThat(size.objectCount()).isEqualTo(1 + 2L * ELEMENTS);
    }
}
