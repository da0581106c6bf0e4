package dev.heapscope.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heapscope.HeapscopeException;
import dev.heapscope.heap.ClassCount;
import dev.heapscope.heap.ClassHistogram;
import dev.heapscope.tracing.AllocationSample;
import dev.heapscope.tracing.Frame;
import dev.heapscope.tracing.LiveObjectSample;
import dev.heapscope.tracing.LiveSampleWindow;
import dev.heapscope.tracing.TracingSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    static final Frame RESIZE = new Frame("java.util.HashMap", "resize", "HashMap.java", 700);
    static final Frame PUT = new Frame("com.example.Store", "put", "Store.java", 42);
    static final Frame HANDLE = new Frame("com.example.Handler", "handle", "Handler.java", 10);
    static final Frame OTHER = new Frame("com.example.Cache", "fill", "Cache.java", 7);
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static AllocationSample sample(String type, long weight, Frame... stack) {
        return new AllocationSample(type, weight, List.of(stack));
    }

    static Snapshot snapshot(String name, Instant at, List<AllocationSample> samples, List<LiveObjectSample> live,
                             List<ClassCount> histogram) {
        return snapshot(name, at, samples, new LiveSamples(true, null, new LiveSampleWindow(true, T0, at, null),
                true, live), histogram);
    }

    static Snapshot snapshot(String name, Instant at, List<AllocationSample> samples, LiveSamples live,
                             List<ClassCount> histogram) {
        long bytes = histogram.stream().mapToLong(ClassCount::bytes).sum();
        long count = histogram.stream().mapToLong(ClassCount::instances).sum();
        return new Snapshot(name, at, true, T0, new TracingSettings(16, 150),
                new HeapFigures(0, 0, -1, 0, bytes, count), new ClassHistogram(at, histogram, count, bytes),
                AllocationProfile.of(samples, 16), live, List.of(), List.of(), null);
    }

    /** A live sample of a byte[] allocated at {@code allocatedAt} with this stack. */
    static LiveObjectSample liveAt(Instant allocatedAt, Frame... stack) {
        return new LiveObjectSample("byte[]", allocatedAt, Duration.ofSeconds(1), OptionalLong.empty(), 1000,
                List.of(stack), null);
    }

    static Snapshot snapshot(String name, List<AllocationSample> samples) {
        return snapshot(name, T0.plusSeconds(1), samples, List.of(), List.of());
    }

    static StatisticsQuery query(GroupBy groupBy, View view, boolean cumulative) {
        return new StatisticsQuery(groupBy, view, cumulative, 10, null);
    }

    @Test
    void statistics_attributesSampleToFirstFrameOutsideJdk() {
        Snapshot s = snapshot("s", List.of(sample("byte[]", 1000, RESIZE, PUT, HANDLE)));

        StatisticsReport report = Statistics.of(s, query(GroupBy.LINE, View.ALLOCATED, false));

        assertThat(report.entries()).extracting(Statistic::key).containsExactly("com/example/Store.java:42");
        assertThat(report.sizeBasis()).isEqualTo(FigureBasis.ESTIMATED);
        assertThat(report.countBasis()).isEqualTo(FigureBasis.SAMPLES);
    }

    @Test
    void statistics_sumsWeightsAndSamples_perKey_biggestFirst() {
        Snapshot s = snapshot("s", List.of(
                sample("byte[]", 1000, PUT, HANDLE), sample("byte[]", 3000, PUT, HANDLE),
                sample("java.lang.String", 500, OTHER, HANDLE)));

        StatisticsReport report = Statistics.of(s, query(GroupBy.LINE, View.ALLOCATED, false));

        assertThat(report.entries()).containsExactly(
                new Statistic("com/example/Store.java:42", List.of(), 4000, 2),
                new Statistic("com/example/Cache.java:7", List.of(), 500, 1));
        assertThat(report.totalSize()).isEqualTo(4500);
        assertThat(report.entries().get(0).average()).isEqualTo(2000);
    }

    @Test
    void statistics_groupsByMethodFileAndType() {
        Snapshot s = snapshot("s", List.of(sample("byte[]", 1000, PUT, HANDLE)));

        assertThat(Statistics.of(s, query(GroupBy.METHOD, View.ALLOCATED, false)).entries().get(0).key())
                .isEqualTo("com.example.Store.put");
        assertThat(Statistics.of(s, query(GroupBy.FILE, View.ALLOCATED, false)).entries().get(0).key())
                .isEqualTo("com/example/Store.java");
        assertThat(Statistics.of(s, query(GroupBy.TYPE, View.ALLOCATED, false)).entries().get(0).key())
                .isEqualTo("byte[]");
    }

    @Test
    void statistics_cumulative_countsEveryUserFrameOnce() {
        Snapshot s = snapshot("s", List.of(sample("byte[]", 1000, RESIZE, PUT, HANDLE),
                sample("byte[]", 500, OTHER, HANDLE)));

        StatisticsReport report = Statistics.of(s, query(GroupBy.METHOD, View.ALLOCATED, true));

        assertThat(report.entries()).extracting(Statistic::key, Statistic::size).containsExactly(
                org.assertj.core.groups.Tuple.tuple("com.example.Handler.handle", 1500L),
                org.assertj.core.groups.Tuple.tuple("com.example.Store.put", 1000L),
                org.assertj.core.groups.Tuple.tuple("com.example.Cache.fill", 500L));
    }

    @Test
    void statistics_traceback_keepsStackDepthFrames() {
        Snapshot s = snapshot("s", List.of(sample("byte[]", 1000, RESIZE, PUT, HANDLE)));

        StatisticsReport report = Statistics.of(s, new StatisticsQuery(GroupBy.TRACEBACK, View.ALLOCATED, false, 10, 2));

        assertThat(report.entries()).singleElement().satisfies(e -> {
            assertThat(e.traceback()).containsExactly("java.util.HashMap.resize (java/util/HashMap.java:700)",
                    "com.example.Store.put (com/example/Store.java:42)");
            assertThat(e.key()).isEqualTo("java.util.HashMap.resize:700 <- com.example.Store.put:42");
        });
        assertThat(report.stackDepth()).isEqualTo(2);
    }

    @Test
    void statistics_liveByType_isExactFromHistogram() {
        Snapshot s = snapshot("s", T0, List.of(), List.of(),
                List.of(new ClassCount("byte[]", 10, 10_160), new ClassCount("java.lang.String", 3, 72)));

        StatisticsReport report = Statistics.of(s, query(GroupBy.TYPE, View.LIVE, false));

        assertThat(report.sizeBasis()).isEqualTo(FigureBasis.EXACT);
        assertThat(report.entries()).first().isEqualTo(new Statistic("byte[]", List.of(), 10_160, 10));
    }

    @Test
    void statistics_liveByLine_countsSampledObjects_sizeUnavailableWithoutObjectSize() {
        LiveObjectSample leaked = new LiveObjectSample("byte[]", T0, Duration.ofSeconds(5), OptionalLong.empty(),
                1000, List.of(PUT, HANDLE), null);
        Snapshot s = snapshot("s", T0, List.of(), List.of(leaked, leaked), List.of());

        StatisticsReport report = Statistics.of(s, query(GroupBy.LINE, View.LIVE, false));

        assertThat(report.entries()).containsExactly(new Statistic("com/example/Store.java:42", List.of(), 0, 2));
        assertThat(report.sizeBasis()).isEqualTo(FigureBasis.UNAVAILABLE);
    }

    @Test
    void compareLive_countsTheSnapshotsSamplesAllocatedAfterTheBaseline_andNeverSubtractsTheBaselines() {
        // given: the baseline sampled 3 objects at PUT; 'after' (a shared sampler) holds one of those
        // and 2 allocated since, and none at OTHER any more
        Instant b = T0.plusSeconds(10);
        Snapshot before = snapshot("before", b, List.of(), List.of(liveAt(T0.plusSeconds(1), PUT),
                liveAt(T0.plusSeconds(2), PUT), liveAt(T0.plusSeconds(3), PUT), liveAt(T0.plusSeconds(3), OTHER)),
                List.of());
        Snapshot after = snapshot("after", T0.plusSeconds(20), List.of(), List.of(liveAt(T0.plusSeconds(1), PUT),
                liveAt(T0.plusSeconds(11), PUT), liveAt(T0.plusSeconds(12), PUT)), List.of());

        // when
        ComparisonReport report = Statistics.compare(after, before, query(GroupBy.LINE, View.LIVE, false));

        // then: +2 at PUT (not 3 - 3 = 0), and OTHER's object is not counted as gone
        assertThat(report.entries()).containsExactly(
                new StatisticDiff("com/example/Store.java:42", List.of(), 0, 0, 3, 2));
        assertThat(report.liveSamplesAvailable()).isTrue();
        assertThat(report.notes()).anyMatch(n -> n.contains("countDiff counts those allocated after 'before'")
                && n.contains("never subtracted"));
    }

    @Test
    void compareLive_backwards_subtractsTheBaselinesSamplesAllocatedAfterTheSnapshot() {
        Snapshot older = snapshot("older", T0.plusSeconds(10), List.of(), List.of(liveAt(T0.plusSeconds(1), PUT)),
                List.of());
        Snapshot newer = snapshot("newer", T0.plusSeconds(20), List.of(), List.of(liveAt(T0.plusSeconds(11), PUT),
                liveAt(T0.plusSeconds(12), PUT)), List.of());

        ComparisonReport report = Statistics.compare(older, newer, query(GroupBy.LINE, View.LIVE, false));

        assertThat(report.entries()).containsExactly(
                new StatisticDiff("com/example/Store.java:42", List.of(), 0, 0, 1, -2));
    }

    @Test
    void compareLive_saysLiveSamplesAreUnavailable_whenLiveSamplingWasOff() {
        LiveSamples none = LiveSamples.unavailable(SnapshotNotes.LIVE_SAMPLING_OFF);
        Snapshot before = snapshot("before", T0.plusSeconds(10), List.of(), none, List.of());
        Snapshot after = snapshot("after", T0.plusSeconds(20), List.of(), none, List.of());

        ComparisonReport report = Statistics.compare(after, before, query(GroupBy.LINE, View.LIVE, false));
        StatisticsReport byType = Statistics.of(after, query(GroupBy.TYPE, View.LIVE, false));

        assertThat(report.entries()).isEmpty();
        assertThat(report.liveSamplesAvailable()).isFalse();
        assertThat(report.notes()).anyMatch(n -> n.contains("liveSampling false")
                && n.contains("does not mean there is no leak"));
        assertThat(byType.liveSamplesAvailable()).isNull();
    }

    @Test
    void compare_sortsByAbsoluteSizeDiff_andKeepsVanishedKeys() {
        Snapshot before = snapshot("before", List.of(sample("byte[]", 100, PUT), sample("char[]", 9000, OTHER)));
        Snapshot after = snapshot("after", List.of(sample("byte[]", 5000, PUT), sample("int[]", 50, HANDLE)));

        ComparisonReport report = Statistics.compare(after, before, query(GroupBy.LINE, View.ALLOCATED, false));

        assertThat(report.entries()).containsExactly(
                new StatisticDiff("com/example/Cache.java:7", List.of(), 0, -9000, 0, -1),
                new StatisticDiff("com/example/Store.java:42", List.of(), 5000, 4900, 1, 0),
                new StatisticDiff("com/example/Handler.java:10", List.of(), 50, 50, 1, 1));
    }

    @Test
    void statistics_limitCutsEntries_butNotTotals() {
        List<AllocationSample> samples = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            samples.add(sample("byte[]", 10 + i, new Frame("com.example.C" + i, "m", "C" + i + ".java", i)));
        }
        StatisticsReport report = Statistics.of(snapshot("s", samples),
                new StatisticsQuery(GroupBy.LINE, View.ALLOCATED, false, 3, null));

        assertThat(report.entries()).hasSize(3).first().extracting(Statistic::size).isEqualTo(39L);
        assertThat(report.totalCount()).isEqualTo(30);
    }

    @Test
    void query_rejectsCumulativeTraceback_andOutOfRangeNumbers() {
        assertThatThrownBy(() -> StatisticsQuery.of("traceback", null, true, null, null))
                .isInstanceOf(HeapscopeException.BadRequest.class).hasMessageContaining("cumulative");
        assertThatThrownBy(() -> StatisticsQuery.of(null, null, false, 1001, null))
                .isInstanceOf(HeapscopeException.BadRequest.class).hasMessageContaining("limit 1001");
        assertThatThrownBy(() -> StatisticsQuery.of(null, null, false, null, 0))
                .isInstanceOf(HeapscopeException.BadRequest.class).hasMessageContaining("stackDepth 0");
        assertThatThrownBy(() -> StatisticsQuery.of(null, "dead", false, null, null))
                .isInstanceOf(HeapscopeException.BadRequest.class).hasMessageContaining("'dead'");
    }

    @Test
    void profile_boundsDistinctTracebacks_andSaysSo() {
        List<AllocationSample> samples = new ArrayList<>();
        for (int i = 0; i < AllocationProfile.MAX_RECORDS + 10; i++) {
            samples.add(sample("byte[]", 1, new Frame("com.example.C", "m", "C.java", i)));
        }

        AllocationProfile profile = AllocationProfile.of(samples, 16);

        assertThat(profile.overflowed()).isTrue();
        assertThat(profile.records()).hasSize(AllocationProfile.MAX_RECORDS + 1);
        assertThat(profile.records().stream().mapToLong(AllocationRecord::weightBytes).sum())
                .isEqualTo(AllocationProfile.MAX_RECORDS + 10);
    }
}
