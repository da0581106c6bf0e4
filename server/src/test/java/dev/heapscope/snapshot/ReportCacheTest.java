package dev.heapscope.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReportCacheTest {

    private final ReportCache cache = new ReportCache();
    private final Snapshot before = StatisticsTest.snapshot("before", List.of());
    private final Snapshot after = StatisticsTest.snapshot("after", List.of());

    @Test
    void get_computesOnce_forTheSameSnapshotsAndQuery() {
        AtomicInteger computed = new AtomicInteger();

        Object first = cache.get("compare", after, before, 10, () -> "report " + computed.incrementAndGet());
        Object second = cache.get("compare", after, before, 10, () -> "report " + computed.incrementAndGet());
        Object otherQuery = cache.get("compare", after, before, 20, () -> "report " + computed.incrementAndGet());

        assertThat(first).isSameAs(second).isEqualTo("report 1");
        assertThat(otherQuery).isEqualTo("report 2");
    }

    @Test
    void get_dropsTheLeastRecentlyRead_beyondCapacity() {
        cache.get("statistics", before, null, -1, () -> "kept, read often");
        for (int query = 0; query < ReportCache.CAPACITY; query++) {
            int q = query;
            cache.get("statistics", after, null, q, () -> "report " + q);
            cache.get("statistics", before, null, -1, () -> "computed again");
        }

        assertThat(cache.get("statistics", before, null, -1, () -> "computed again")).isEqualTo("kept, read often");
        assertThat(cache.get("statistics", after, null, 0, () -> "computed again")).isEqualTo("computed again");
        assertThat((Object[]) cache.held()).hasSize(ReportCache.CAPACITY);
    }

    @Test
    void forget_dropsASnapshotsReports_asItselfAndAsBaseline() {
        cache.get("statistics", after, null, 1, () -> "of after");
        cache.get("compare", after, before, 1, () -> "after against before");
        cache.get("statistics", before, null, 1, () -> "of before");

        cache.forget("before");

        assertThat(cache.get("compare", after, before, 1, () -> "computed again")).isEqualTo("computed again");
        assertThat(cache.get("statistics", before, null, 1, () -> "computed again")).isEqualTo("computed again");
        assertThat(cache.get("statistics", after, null, 1, () -> "computed again")).isEqualTo("of after");
    }
}
