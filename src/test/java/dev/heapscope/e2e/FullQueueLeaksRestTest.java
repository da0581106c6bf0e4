package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.leaky.ArrayListLeak;
import com.example.leaky.Churn;
import com.example.leaky.LambdaLeak;
import com.example.leaky.LeakService;
import com.example.leaky.LinkedChainLeak;
import com.example.leaky.ListenerLeak;
import com.example.leaky.LongLivedState;
import com.example.leaky.ThreadStackLeak;
import dev.heapscope.client.ApiClient;
import dev.heapscope.client.ApiException;
import dev.heapscope.client.api.SnapshotsApi;
import dev.heapscope.client.api.TracingApi;
import dev.heapscope.client.model.ComparisonReport;
import dev.heapscope.client.model.LeakComparison;
import dev.heapscope.client.model.SnapshotRequest;
import dev.heapscope.client.model.Statistic;
import dev.heapscope.client.model.StatisticDiff;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 over REST with the generated client: JFR's live-sample queue is full of long-lived state before
 * 'before'; five leaks of different shapes then grow beside eight times their allocation in churn.
 *
 * <p>The service runs in a JVM of its own ({@link LeakService}, 1 GB heap, JVM and heapscope defaults
 * otherwise): JFR samples live objects once per allocation buffer, and in this test JVM, shaped by every
 * earlier test, those buffers grow to tens of MB, so a 12 MB leak would get a sample or none.
 */
class FullQueueLeaksRestTest {

    static final List<String> LEAK_LINES = List.of(ListenerLeak.LINE_KEY, ThreadStackLeak.LINE_KEY,
            ArrayListLeak.LINE_KEY, LinkedChainLeak.LINE_KEY, LambdaLeak.LINE_KEY);
    /** JFR's queue holds 256; a few slots can hold other live objects of the JVM. */
    static final int FULL = 230;
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);

    static DemoProcess service;
    static SnapshotsApi snapshots;
    static long longLivedAtBefore;

    @BeforeAll
    static void leakAfterTheQueueIsFull() throws Exception {
        service = DemoProcess.testClass(List.of("-Xmx2g"), LeakService.class.getName());
        int port = service.awaitPort(Duration.ofSeconds(30));
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port + "/api/v1");
        snapshots = new SnapshotsApi(client);
        new TracingApi(client).startTracing(null);
        service.send("warm 256", COMMAND_TIMEOUT);
        longLivedAtBefore = takeWithFullQueue("before");
        service.send("grow 12 8", COMMAND_TIMEOUT);
        snapshots.takeSnapshot(new SnapshotRequest().name("after"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    /**
     * Builds long-lived state until a snapshot shows the queue full of it (JFR samples once per allocation
     * buffer, whose size the JVM chooses), and returns its live samples there.
     */
    static long takeWithFullQueue(String name) throws Exception {
        int megabytes = 64;
        for (int round = 1; ; round++, megabytes *= 2) {
            service.send("fill " + megabytes, COMMAND_TIMEOUT);
            snapshots.takeSnapshot(new SnapshotRequest().name(name));
            long samples = snapshots.getStatistics(name, "line", "live", false, 1000, null).getEntries().stream()
                    .filter(s -> s.getKey().equals(LongLivedState.LINE_KEY)).mapToLong(Statistic::getCount).sum();
            if (samples >= FULL || round == 3) {
                return samples;
            }
            snapshots.deleteSnapshot(name);
        }
    }

    @Test
    void before_holdsAFullQueueOfLongLivedState() {
        assertThat(longLivedAtBefore).isGreaterThanOrEqualTo(FULL);
    }

    @Test
    void compareLive_byLine_showsEveryLeak_andNotTheChurn() throws ApiException {
        ComparisonReport report = snapshots.compareSnapshots("after", "before", "line", "live", false, 1000, null);

        Map<String, Long> gained = report.getEntries().stream()
                .collect(Collectors.toMap(StatisticDiff::getKey, StatisticDiff::getCountDiff));
        assertThat(LEAK_LINES).allSatisfy(line -> assertThat(gained.getOrDefault(line, 0L)).as(line).isPositive());
        assertThat(gained.getOrDefault(Churn.LINE_KEY, 0L)).isNotPositive();
        assertThat(report.getLiveSamplesAvailable()).isTrue();
        assertThat(report.getNotes()).anyMatch(n -> n.contains("never subtracted"));
    }

    @Test
    void compareLive_byTraceback_showsEveryLeak() throws ApiException {
        ComparisonReport report = snapshots.compareSnapshots("after", "before", "traceback", "live", false, 1000, null);

        assertThat(LEAK_LINES).allSatisfy(line -> assertThat(report.getEntries()).as(line).anyMatch(d ->
                d.getCountDiff() > 0 && d.getTraceback().stream().anyMatch(f -> f.contains("(" + line + ")"))));
    }

    @Test
    void compareLeaks_listsEveryLeak_withAChainToItsRoot_andNotTheChurn() throws ApiException {
        LeakComparison comparison = snapshots.compareLeaks("after", "before", 1000);

        Map<String, String> roots = comparison.getGroups().stream().filter(g -> g.getGroup().getChain() != null)
                .collect(Collectors.toMap(g -> g.getGroup().getSite(),
                        g -> g.getGroup().getChain().getRoot().getDescription(), (a, b) -> a));
        assertThat(roots).containsEntry(ListenerLeak.LINE_KEY, "static field LISTENERS of class " + ListenerLeak.class.getName())
                .containsEntry(ThreadStackLeak.LINE_KEY, ThreadStackLeak.THREAD_NAME)
                .containsEntry(ArrayListLeak.LINE_KEY, "static field ROWS of class " + ArrayListLeak.class.getName())
                .containsEntry(LinkedChainLeak.LINE_KEY, "static field head of class " + LinkedChainLeak.class.getName())
                .containsEntry(LambdaLeak.LINE_KEY, "static field CALLBACKS of class " + LambdaLeak.class.getName());
        assertThat(comparison.getGroups()).noneMatch(g -> g.getGroup().getSite().equals(Churn.LINE_KEY));
        assertThat(comparison.getLiveSamplesAvailable()).isTrue();
    }
}
