package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heapscope.client.ApiClient;
import dev.heapscope.client.ApiException;
import dev.heapscope.client.api.HeapApi;
import dev.heapscope.client.api.SnapshotsApi;
import dev.heapscope.client.api.TracingApi;
import dev.heapscope.client.model.ComparisonReport;
import dev.heapscope.client.model.FigureBasis;
import dev.heapscope.client.model.HistogramEntry;
import dev.heapscope.client.model.SnapshotRequest;
import dev.heapscope.client.model.StatisticDiff;
import dev.heapscope.client.model.TracingSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The packaged demo (java -jar heapscope-demo.jar) driven with the generated client, as a user would. */
class DemoServiceTest {

    static final String SESSION_CACHE_FILE = "example/leakyshop/SessionCache.java:";
    static final String SESSION_TYPE = "example.leakyshop.Session";

    static DemoProcess demo;
    static SnapshotsApi snapshots;
    static TracingApi tracing;
    static HeapApi heap;

    @BeforeAll
    static void startDemo() {
        demo = DemoProcess.demo("--port", "0");
        int port = demo.awaitPort(Duration.ofSeconds(20));
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port + "/api/v1");
        client.setReadTimeout(Duration.ofSeconds(30));
        snapshots = new SnapshotsApi(client);
        tracing = new TracingApi(client);
        heap = new HeapApi(client);
    }

    @AfterAll
    static void stopDemo() {
        demo.close();
    }

    @Test
    void demo_printsTheCurlCommandsToTry() {
        assertThat(demo.output())
                .contains("curl -s -X POST http://127.0.0.1:")
                .contains("/compare/before?groupBy=line&view=allocated")
                .contains("example.admin.LeakHunt");
    }

    @Test
    void compare_listsSessionCacheLeakLine_amongTopGrowingLines() throws ApiException {
        tracing.startTracing(new TracingSettings());
        snapshots.takeSnapshot(new SnapshotRequest().name("lines-before"));
        AtomicInteger round = new AtomicInteger();
        AtomicLong nextRound = new AtomicLong(System.nanoTime() + Duration.ofSeconds(2).toNanos());

        // JFR samples a thread only when it needs a new allocation buffer: take later snapshots until
        // the session thread has been sampled, rather than guessing how long that takes
        ComparisonReport report = Deadline.await("the session cache among the top 10 growing lines",
                Duration.ofSeconds(25), () -> {
                    // each snapshot's full GC retires every allocation buffer, and the traffic thread's next
                    // buffer then starts on its first line, not the session cache's: snapshots back to back
                    // (they take a few hundred ms) would only ever sample that line; let the demo run between
                    if (System.nanoTime() < nextRound.get()) {
                        return null;
                    }
                    nextRound.set(System.nanoTime() + Duration.ofSeconds(2).toNanos());
                    int n = round.incrementAndGet();
                    String after = "lines-after-" + n;
                    ComparisonReport r = call(() -> {
                        if (n > 1) {
                            snapshots.deleteSnapshot("lines-after-" + (n - 1));
                        }
                        snapshots.takeSnapshot(new SnapshotRequest().name(after));
                        return snapshots.compareSnapshots(after, "lines-before", "line", "allocated", false, 10, null);
                    });
                    return growingKeys(r).stream().anyMatch(k -> k.startsWith(SESSION_CACHE_FILE)) ? r : null;
                });

        assertThat(report.getSizeBasis()).isEqualTo(FigureBasis.ESTIMATED);
        assertThat(growingKeys(report)).as(report.toString()).anyMatch(k -> k.startsWith(SESSION_CACHE_FILE));
        assertThat(growingKeys(report)).noneMatch(k -> k.startsWith("dev/heapscope/"));
    }

    @Test
    void compareByType_showsSessionsGrowingExactly() throws ApiException {
        snapshots.takeSnapshot(new SnapshotRequest().name("types-before"));
        long sessionsBefore = sessionInstances();
        Deadline.await("200 more sessions", Duration.ofSeconds(20),
                () -> sessionInstances() >= sessionsBefore + 200 ? true : null);
        snapshots.takeSnapshot(new SnapshotRequest().name("types-after"));

        ComparisonReport report = snapshots.compareSnapshots("types-after", "types-before", "type", "live", false, 50, null);

        assertThat(report.getSizeBasis()).isEqualTo(FigureBasis.EXACT);
        StatisticDiff sessions = report.getEntries().stream()
                .filter(e -> e.getKey().equals(SESSION_TYPE)).findFirst().orElseThrow(
                        () -> new AssertionError(SESSION_TYPE + " not among " + report.getEntries()));
        assertThat(sessions.getCountDiff()).isGreaterThanOrEqualTo(200);
        assertThat(sessions.getSizeDiff()).isPositive();
    }

    private static long sessionInstances() {
        List<HistogramEntry> entries = call(() -> heap.getHistogram(1000)).getEntries();
        return entries.stream().filter(e -> e.getType().equals(SESSION_TYPE))
                .mapToLong(HistogramEntry::getInstances).sum();
    }

    private static List<String> growingKeys(ComparisonReport report) {
        return report.getEntries().stream().filter(e -> e.getSizeDiff() > 0).map(StatisticDiff::getKey).toList();
    }

    private interface ApiCall<T> {
        T call() throws ApiException;
    }

    private static <T> T call(ApiCall<T> call) {
        try {
            return call.call();
        } catch (ApiException e) {
            throw new AssertionError(e.getCode() + " " + e.getResponseBody(), e);
        }
    }
}
