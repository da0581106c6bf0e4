package dev.heapscope.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SizeHintsTest {

    @Test
    void expected_isTheLastRecordedCount_forTheSameRootOnly() {
        // given
        SizeHints hints = new SizeHints();
        List<Integer> root = new ArrayList<>();
        List<Integer> equalButOther = new ArrayList<>();

        // when
        hints.record(root, 10);
        hints.record(root, 42);

        // then
        assertThat(hints.expected(root)).isEqualTo(42);
        assertThat(hints.expected(equalButOther)).isZero();
    }

    @Test
    void expected_forgetsTheOldestRoot_whenMoreRootsThanCapacityAreRecorded() {
        // given
        SizeHints hints = new SizeHints();
        List<Object> roots = new ArrayList<>();
        for (int i = 0; i <= SizeHints.CAPACITY; i++) {
            roots.add(new Object());
        }

        // when
        for (int i = 0; i < roots.size(); i++) {
            hints.record(roots.get(i), i + 1);
        }

        // then
        assertThat(hints.expected(roots.get(0))).isZero();
        assertThat(hints.expected(roots.get(SizeHints.CAPACITY))).isEqualTo(SizeHints.CAPACITY + 1);
    }
}
