package dev.heapscope.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heapscope.tracing.AllocationSample;
import dev.heapscope.tracing.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

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

    @Test
    void forget_givesBackTheBytesOfTheReportsItDrops() {
        cache.get("statistics", after, null, 1, () -> List.of("x".repeat(1000)));
        cache.get("compare", after, before, 1, () -> List.of("y".repeat(2000)));
        assertThat(cache.heldBytes()).isGreaterThan(3000);

        cache.forget("after");

        assertThat(cache.heldBytes()).isZero();
        assertThat((Object[]) cache.held()).isEmpty();
    }

    @Test
    void get_computesAReportOverTheBound_forEachRead_andNeverHoldsIt() {
        AtomicInteger computed = new AtomicInteger();
        String huge = "x".repeat((int) ReportCache.MAX_REPORT_BYTES);

        cache.get("statistics", after, null, 1000, () -> List.of(huge, computed.incrementAndGet()));
        cache.get("statistics", after, null, 1000, () -> List.of(huge, computed.incrementAndGet()));

        assertThat(computed).hasValue(2);
        assertThat((Object[]) cache.held()).isEmpty();
        assertThat(cache.heldBytes()).isZero();
    }

    @Test
    void get_dropsTheLeastRecentlyRead_beyondTheByteBudget() {
        int reportBytes = (int) (ReportCache.BUDGET_BYTES / 10);
        cache.get("statistics", before, null, -1, () -> List.of("kept, read often", "k".repeat(reportBytes)));
        for (int query = 0; query < 30; query++) {
            int q = query;
            cache.get("statistics", after, null, q, () -> List.of("report " + q, "r".repeat(reportBytes)));
            cache.get("statistics", before, null, -1, () -> List.of("computed again"));
            assertThat(cache.heldBytes()).isLessThanOrEqualTo(ReportCache.BUDGET_BYTES);
        }

        assertThat(cache.get("statistics", before, null, -1, () -> List.of("computed again")).get(0))
                .isEqualTo("kept, read often");
        assertThat(cache.get("statistics", after, null, 29, () -> List.of("computed again")).get(0))
                .isEqualTo("report 29");
        assertThat(cache.get("statistics", after, null, 0, () -> List.of("computed again")).get(0))
                .isEqualTo("computed again");
        assertThat((Object[]) cache.held()).hasSizeLessThan(11);
    }

    @Test
    void estimateBytes_isAtLeastWhatAReportKeeps_andAtMostTwice() {
        List<AllocationSample> samples = new ArrayList<>();
        for (int t = 0; t < 300; t++) {
            List<Frame> stack = new ArrayList<>();
            for (int f = 0; f < 64; f++) {
                stack.add(new Frame("com.example.layer" + f + ".Handler", "handle" + f % 7, "Handler.java",
                        100 + (t * 7 + f) % 900));
            }
            samples.add(new AllocationSample("byte[]", 1000 + t, stack));
        }
        Snapshot snapshot = StatisticsTest.snapshot("deep", samples);
        for (GroupBy groupBy : List.of(GroupBy.TRACEBACK, GroupBy.LINE)) {
            StatisticsReport report = Statistics.of(snapshot, new StatisticsQuery(groupBy, View.ALLOCATED, false,
                    1000, 16));
            // what the report keeps beyond the snapshot it was computed from
            long keeps = GraphLayout.parseInstance(report, snapshot).totalSize()
                    - GraphLayout.parseInstance(snapshot).totalSize();

            assertThat(ReportCache.estimateBytes(report)).as(groupBy.name()).isBetween(keeps, 2 * keeps);
        }
    }
}
