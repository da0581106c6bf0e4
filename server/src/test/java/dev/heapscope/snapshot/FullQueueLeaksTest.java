package dev.heapscope.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.leaky.ArrayListLeak;
import com.example.leaky.Churn;
import com.example.leaky.LambdaLeak;
import com.example.leaky.LeakScenario;
import com.example.leaky.LinkedChainLeak;
import com.example.leaky.ListenerLeak;
import com.example.leaky.LongLivedState;
import com.example.leaky.ThreadStackLeak;
import dev.heapscope.Heapscope;
import dev.heapscope.tracing.GcRoot;
import dev.heapscope.tracing.TracingSettings;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: JFR's live-sample queue is full of long-lived state before {@code before}; five leaks of
 * different shapes then grow beside churn that allocates eight times more. At the defaults.
 */
class FullQueueLeaksTest {

    /** Leak lines and what their chains end at. */
    static final Map<String, GcRoot> LEAKS = Map.of(
            ListenerLeak.LINE_KEY, staticField("LISTENERS", ListenerLeak.class),
            ThreadStackLeak.LINE_KEY, new GcRoot(GcRoot.THREAD_STACK, ThreadStackLeak.THREAD_NAME),
            ArrayListLeak.LINE_KEY, staticField("ROWS", ArrayListLeak.class),
            LinkedChainLeak.LINE_KEY, staticField("head", LinkedChainLeak.class),
            LambdaLeak.LINE_KEY, staticField("CALLBACKS", LambdaLeak.class));

    /** JFR's queue holds 256; a few slots can hold other live objects of the JVM. */
    static final int FULL = 230;

    static Heapscope heapscope;
    static LeakScenario scenario;
    static Snapshot before;

    @BeforeAll
    static void leakAfterTheQueueIsFull() throws InterruptedException {
        heapscope = Heapscope.builder().port(0).jmx(false).start();
        heapscope.tracing().start(TracingSettings.DEFAULTS);
        scenario = new LeakScenario();
        before = takeWithFullQueue(heapscope, "before");
        scenario.grow(12, 8);
        heapscope.snapshots().take("after");
    }

    /**
     * Builds long-lived state until a snapshot shows JFR's queue full of it. JFR samples once per
     * allocation buffer, and how big those are depends on the heap and on what this JVM ran before (tens
     * of MB in a test JVM that has run many tests), so the state doubles until the queue fills.
     */
    static Snapshot takeWithFullQueue(Heapscope heapscope, String name) throws InterruptedException {
        int megabytes = 64;
        for (int round = 1; ; round++, megabytes *= 2) {
            LongLivedState.build(megabytes, 8);
            Snapshot taken = heapscope.snapshots().take(name);
            if (longLivedSamples(taken) >= FULL || round == 4) {
                return taken;
            }
            heapscope.snapshots().delete(name);
        }
    }

    static long longLivedSamples(Snapshot snapshot) {
        return snapshot.liveObjects().stream()
                .filter(s -> s.stack().stream().anyMatch(f -> f.lineKey().equals(LongLivedState.LINE_KEY)))
                .count();
    }

    @AfterAll
    static void release() {
        heapscope.close();
        scenario.close();
        LongLivedState.release();
    }

    @Test
    void before_holdsAFullQueueOfLongLivedState() {
        assertThat(longLivedSamples(before)).as("live samples of the long-lived state at 'before'")
                .isGreaterThanOrEqualTo(FULL);
    }

    @Test
    void compareLive_byLine_showsEveryLeak_andNotTheChurn() {
        ComparisonReport report = heapscope.snapshots().compare("after", "before",
                new StatisticsQuery(GroupBy.LINE, View.LIVE, false, 1000, null));

        Map<String, Long> gained = report.entries().stream()
                .collect(Collectors.toMap(StatisticDiff::key, StatisticDiff::countDiff));
        System.out.println("live samples gained by line: " + gained);
        assertThat(LEAKS.keySet()).allSatisfy(line -> assertThat(gained.getOrDefault(line, 0L)).as(line).isPositive());
        assertThat(gained.getOrDefault(Churn.LINE_KEY, 0L)).isNotPositive();
    }

    @Test
    void compareLive_byTraceback_showsEveryLeak() {
        ComparisonReport report = heapscope.snapshots().compare("after", "before",
                new StatisticsQuery(GroupBy.TRACEBACK, View.LIVE, false, 1000, null));

        assertThat(LEAKS.keySet()).allSatisfy(line -> assertThat(report.entries())
                .anyMatch(d -> d.countDiff() > 0 && d.traceback().stream().anyMatch(f -> f.contains("(" + line + ")"))));
    }

    @Test
    void compareLeaks_listsEveryLeak_withItsChain_andNotTheChurn() {
        LeakComparison comparison = heapscope.snapshots().compareLeaks("after", "before", 1000);

        Map<String, GcRoot> roots = comparison.groups().stream().filter(g -> g.group().chain() != null)
                .collect(Collectors.toMap(g -> g.group().site(), g -> g.group().chain().root(), (a, b) -> a));
        System.out.println("leak groups gained: " + comparison.groups().stream()
                .map(g -> g.group().site() + " " + g.group().type() + " +" + g.samplesDiff()).toList());
        assertThat(roots).containsAllEntriesOf(LEAKS);
        assertThat(comparison.groups()).noneMatch(g -> g.group().site().equals(Churn.LINE_KEY));
        assertThat(comparison.notes()).anyMatch(n -> n.contains("never subtracted"));
    }

    static GcRoot staticField(String field, Class<?> holder) {
        return new GcRoot(GcRoot.STATIC_FIELD, "static field " + field + " of class " + holder.getName());
    }

    static List<String> lines() {
        return List.copyOf(LEAKS.keySet());
    }
}
