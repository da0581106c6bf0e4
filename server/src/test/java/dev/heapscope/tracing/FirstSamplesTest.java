package dev.heapscope.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bound on each thread's first allocation sample, with the threads' allocation given. */
class FirstSamplesTest {

    static final long MB = 1_000_000;

    final Map<String, Long> summed = new HashMap<>();

    @Test
    void settle_capsTheFirstSample_atWhatTheThreadAllocatedSinceTheStart_lessItsLaterSamples() {
        // given: thread 1 had allocated 500 MB before tracing started, then 12 MB since; its first sample
        // carries 300 MB from before the start, its two later ones 4 MB each
        ThreadAllocations atStart = allocations(1, 500 * MB);
        FirstSamples<String> samples = new FirstSamples<>(atStart, () -> allocations(1, 512 * MB));

        // when
        long first = samples.accept(1, "leak line", 300 * MB);
        long second = samples.accept(1, "other line", 4 * MB);
        long third = samples.accept(1, "other line", 4 * MB);
        samples.settle(this::sum);

        // then: the first counts as 12 - 8 = 4 MB, not 300
        assertThat(first).isEqualTo(-1);
        assertThat(second).isEqualTo(4 * MB);
        assertThat(third).isEqualTo(4 * MB);
        assertThat(summed).containsExactly(Map.entry("leak line", 4 * MB));
    }

    @Test
    void settle_keepsTheFirstSample_whenItIsBelowTheCap() {
        FirstSamples<String> samples = new FirstSamples<>(allocations(1, 0), () -> allocations(1, 100 * MB));

        samples.accept(1, "line", 2 * MB);
        samples.settle(this::sum);

        assertThat(summed).containsExactly(Map.entry("line", 2 * MB));
    }

    @Test
    void settle_keepsTheWholeFirstSample_ofAThreadStartedAfterTracing_thatHasEnded() {
        // given: thread 2 was not alive at the start and is gone now: its weight is only its own allocation
        FirstSamples<String> samples = new FirstSamples<>(allocations(1, 0), () -> allocations(1, 0));

        samples.accept(2, "line", 7 * MB);
        samples.settle(this::sum);

        assertThat(summed).containsExactly(Map.entry("line", 7 * MB));
    }

    @Test
    void settle_countsAtMostTheAverageLaterSample_whenTheThreadAliveAtTheStartHasEnded() {
        FirstSamples<String> samples = new FirstSamples<>(allocations(1, 0), () -> allocations(9, 0));

        samples.accept(1, "first", 300 * MB);
        samples.accept(1, "later", 2 * MB);
        samples.accept(1, "later", 4 * MB);
        samples.settle(this::sum);

        assertThat(summed).containsEntry("first", 3 * MB);
    }

    @Test
    void settle_dropsTheFirstSample_whenNothingBoundsIt() {
        // allocation accounting off: no reading at all, and no later sample to compare with
        FirstSamples<String> samples = new FirstSamples<>(allocations(), FirstSamplesTest::allocations);

        samples.accept(1, "first", 300 * MB);
        samples.settle(this::sum);

        assertThat(summed).isEmpty();
    }

    @Test
    void accept_holdsOnlyTheFirstSampleOfEachThread_andSettleForgetsEndedThreads() {
        Map<Long, Long> alive = new HashMap<>(Map.of(1L, 0L, 2L, 0L));
        FirstSamples<String> samples = new FirstSamples<>(allocations(1, 0, 2, 0),
                () -> new ThreadAllocations(alive));

        assertThat(samples.accept(1, "a", 10)).isEqualTo(-1);
        assertThat(samples.accept(2, "a", 10)).isEqualTo(-1);
        samples.settle(this::sum);
        assertThat(samples.accept(1, "a", 10)).isEqualTo(10);
        alive.remove(2L);
        samples.accept(1, "a", 10);
        samples.accept(3, "a", 10);
        samples.settle(this::sum);

        assertThat(samples.threadsRemembered()).isEqualTo(1);
    }

    private void sum(String key, long weight) {
        summed.merge(key, weight, Long::sum);
    }

    /** Thread id, bytes, thread id, bytes, ... */
    static ThreadAllocations allocations(long... idAndBytes) {
        Map<Long, Long> bytes = new HashMap<>();
        for (int i = 0; i < idAndBytes.length; i += 2) {
            bytes.put(idAndBytes[i], idAndBytes[i + 1]);
        }
        return new ThreadAllocations(bytes);
    }
}
