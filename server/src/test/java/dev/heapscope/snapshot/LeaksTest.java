package dev.heapscope.snapshot;

import static dev.heapscope.snapshot.StatisticsTest.HANDLE;
import static dev.heapscope.snapshot.StatisticsTest.OTHER;
import static dev.heapscope.snapshot.StatisticsTest.PUT;
import static dev.heapscope.snapshot.StatisticsTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heapscope.tracing.GcRoot;
import dev.heapscope.tracing.Hop;
import dev.heapscope.tracing.LiveObjectSample;
import dev.heapscope.tracing.ReferenceChain;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LeaksTest {

    static final ReferenceChain STATIC_MAP = new ReferenceChain(List.of(
            new Hop("java.util.HashMap$Node", "value", null, 0),
            new Hop("java.util.HashMap$Node[]", null, 3, 0),
            new Hop("java.util.HashMap", "table", null, 0)),
            new GcRoot("static field", "static field cache of class com.example.Store"), false);

    static LiveObjectSample live(String type, long ageSeconds, ReferenceChain chain, dev.heapscope.tracing.Frame... stack) {
        return new LiveObjectSample(type, T0, Duration.ofSeconds(ageSeconds), OptionalLong.empty(), -1,
                List.of(stack), chain);
    }

    static Snapshot snapshot(String name, List<LiveObjectSample> live) {
        return StatisticsTest.snapshot(name, T0.plusSeconds(60), List.of(), live, List.of());
    }

    @Test
    void leaks_groupsBySiteAndType_mostSamplesFirst_withOldestChain() {
        List<LiveObjectSample> live = new ArrayList<>();
        live.add(live("byte[]", 5, null, PUT, HANDLE));
        live.add(live("byte[]", 30, STATIC_MAP, PUT, HANDLE));
        live.add(live("byte[]", 10, STATIC_MAP, PUT, HANDLE));
        live.add(live("java.lang.String", 50, null, OTHER, HANDLE));

        LeakReport report = Leaks.of(snapshot("s", live), 10);

        assertThat(report.groups()).hasSize(2);
        LeakGroup top = report.groups().get(0);
        assertThat(top.site()).isEqualTo("com/example/Store.java:42");
        assertThat(top.type()).isEqualTo("byte[]");
        assertThat(top.samples()).isEqualTo(3);
        assertThat(top.oldestAgeMillis()).isEqualTo(Duration.ofSeconds(30).toMillis());
        assertThat(top.chain()).isEqualTo(STATIC_MAP);
        assertThat(report.totalSamples()).isEqualTo(4);
    }

    @Test
    void compareLeaks_reportsGroupsWithSamplesAllocatedAfterTheBaseline_withTheirChain() {
        // given: 'after' keeps an old object at PUT (a shared sampler) and gained two there since 'before';
        // the object at OTHER was already in 'before', and HANDLE is new
        Instant b = T0.plusSeconds(10);
        ReferenceChain oldChain = new ReferenceChain(List.of(), new GcRoot("other", "old"), false);
        Snapshot before = snapshotAt("before", b, List.of(liveAt(T0.plusSeconds(1), oldChain, PUT),
                liveAt(T0.plusSeconds(2), null, OTHER), liveAt(T0.plusSeconds(3), null, OTHER)));
        Snapshot after = snapshotAt("after", T0.plusSeconds(20), List.of(liveAt(T0.plusSeconds(1), oldChain, PUT),
                liveAt(T0.plusSeconds(11), STATIC_MAP, PUT), liveAt(T0.plusSeconds(12), STATIC_MAP, PUT),
                liveAt(T0.plusSeconds(2), null, OTHER), liveAt(T0.plusSeconds(13), null, HANDLE)));

        // when
        LeakComparison comparison = Leaks.compare(after, before, 10);

        // then
        assertThat(comparison.groups()).extracting(g -> g.group().site(), LeakGrowth::samplesDiff, LeakGrowth::status,
                        LeakGrowth::baselineSamples)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("com/example/Store.java:42", 2, LeakGrowth.Status.GROWN, 1),
                        org.assertj.core.groups.Tuple.tuple("com/example/Handler.java:10", 1, LeakGrowth.Status.NEW, 0));
        assertThat(comparison.groups().get(0).group().chain()).isEqualTo(STATIC_MAP);
        assertThat(comparison.groups().get(0).group().samples()).isEqualTo(3);
        assertThat(comparison.liveSamplesAvailable()).isTrue();
    }

    @Test
    void leaks_sayLiveSamplesAreUnavailable_ratherThanReportingNoLeak_whenLiveSamplingWasOff() {
        Snapshot none = StatisticsTest.snapshot("none", T0.plusSeconds(10), List.of(),
                LiveSamples.unavailable(SnapshotNotes.LIVE_SAMPLING_OFF), List.of());

        LeakReport report = Leaks.of(none, 10);
        LeakComparison comparison = Leaks.compare(none, none, 10);

        assertThat(report.liveSamplesAvailable()).isFalse();
        assertThat(report.groups()).isEmpty();
        assertThat(report.notes()).singleElement().asString().contains("liveSampling false")
                .contains("does not mean there is no leak");
        assertThat(comparison.liveSamplesAvailable()).isFalse();
        assertThat(comparison.notes()).anyMatch(n -> n.contains("does not mean there is no leak"));
    }

    static LiveObjectSample liveAt(Instant allocatedAt, ReferenceChain chain, dev.heapscope.tracing.Frame... stack) {
        return new LiveObjectSample("byte[]", allocatedAt, Duration.ofSeconds(1), OptionalLong.empty(), -1,
                List.of(stack), chain);
    }

    static Snapshot snapshotAt(String name, Instant at, List<LiveObjectSample> live) {
        return StatisticsTest.snapshot(name, at, List.of(), live, List.of());
    }
}
