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
    void compareLeaks_reportsNewAndGrownGroups_only() {
        Snapshot before = snapshot("before", List.of(live("byte[]", 1, STATIC_MAP, PUT),
                live("java.lang.String", 1, null, OTHER), live("java.lang.String", 1, null, OTHER)));
        Snapshot after = snapshot("after", List.of(live("byte[]", 1, STATIC_MAP, PUT),
                live("byte[]", 2, STATIC_MAP, PUT), live("byte[]", 3, STATIC_MAP, PUT),
                live("java.lang.String", 1, null, OTHER), live("int[]", 1, null, HANDLE)));

        LeakComparison comparison = Leaks.compare(after, before, 10);

        assertThat(comparison.groups()).extracting(g -> g.group().site(), LeakGrowth::samplesDiff, LeakGrowth::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("com/example/Store.java:42", 2, LeakGrowth.Status.GROWN),
                        org.assertj.core.groups.Tuple.tuple("com/example/Handler.java:10", 1, LeakGrowth.Status.NEW));
    }
}
