package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.leaky.StaticMapLeak;
import dev.heapscope.Heapscope;
import dev.heapscope.client.ApiClient;
import dev.heapscope.client.api.SnapshotsApi;
import dev.heapscope.client.api.TracingApi;
import dev.heapscope.client.model.ComparisonReport;
import dev.heapscope.client.model.FigureBasis;
import dev.heapscope.client.model.LeakReport;
import dev.heapscope.client.model.SnapshotRequest;
import dev.heapscope.client.model.SnapshotSummary;
import dev.heapscope.client.model.StatisticDiff;
import dev.heapscope.client.model.TracingSettings;
import dev.heapscope.client.model.TracingStatus;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The headline flow through the generated client against a real server: 10,000 × byte[1000] put in a
 * static map between two snapshots, found by line, by live samples, by exact type growth, and by chain.
 */
class LeakAtKnownLineTest {

    static final long TEN_MB = 10_000_000L;
    static final long EIGHT_MB = 8_000_000L;

    static Heapscope heapscope;
    static SnapshotsApi snapshots;
    static Http http;

    @BeforeAll
    static void leakBetweenTwoSnapshots() throws Exception {
        heapscope = Heapscope.builder().port(0).start();
        ApiClient client = Clients.of(heapscope);
        snapshots = new SnapshotsApi(client);
        http = new Http(heapscope.uri());

        // the leak is a burst of a few milliseconds right after a snapshot: JFR's throttled sampler needs a
        // high rate to see a burst that short (a leak that grows over seconds is seen at the default rate)
        TracingStatus status = new TracingApi(client).startTracing(
                new TracingSettings().stackDepth(16).allocationSamplesPerSecond(10_000));
        assertThat(status.getTracing()).isTrue();
        snapshots.takeSnapshot(new SnapshotRequest().name("before"));
        StaticMapLeak.leak(10_000);
        SnapshotSummary after = snapshots.takeSnapshot(new SnapshotRequest().name("after"));
        assertThat(after.getTracing()).isTrue();
    }

    @AfterAll
    static void stop() {
        heapscope.close();
        StaticMapLeak.release();
    }

    @Test
    void compare_putsLeakLineFirst_byEstimatedAllocatedBytes() throws Exception {
        ComparisonReport report = snapshots.compareSnapshots("after", "before", "line", "allocated", false, 10, null);

        StatisticDiff top = report.getEntries().get(0);
        String shown = http.get("/snapshots/after/compare/before?groupBy=line&limit=5", "text/plain").body();
        assertThat(top.getKey()).as(shown).isEqualTo(StaticMapLeak.LINE_KEY);
        assertThat(top.getSizeDiff()).as(shown).isGreaterThanOrEqualTo(EIGHT_MB);
        assertThat(report.getSizeBasis()).isEqualTo(FigureBasis.ESTIMATED);
    }

    @Test
    void compare_putsLeakLineFirst_byLiveSamples() throws Exception {
        ComparisonReport report = snapshots.compareSnapshots("after", "before", "line", "live", false, 10, null);

        assertThat(report.getEntries()).isNotEmpty();
        StatisticDiff top = report.getEntries().get(0);
        assertThat(top.getKey()).isEqualTo(StaticMapLeak.LINE_KEY);
        assertThat(top.getCountDiff()).isPositive();
        assertThat(report.getCountBasis()).isEqualTo(FigureBasis.SAMPLES);
    }

    @Test
    void compare_showsByteArraysGrown_exactly_fromHistogram() throws Exception {
        ComparisonReport report = snapshots.compareSnapshots("after", "before", "type", "live", false, 10, null);

        StatisticDiff bytes = report.getEntries().stream().filter(e -> e.getKey().equals("byte[]")).findFirst()
                .orElseThrow();
        assertThat(bytes.getSizeDiff()).isGreaterThanOrEqualTo(TEN_MB);
        assertThat(bytes.getCountDiff()).isGreaterThanOrEqualTo(10_000);
        assertThat(report.getSizeBasis()).isEqualTo(FigureBasis.EXACT);
    }

    @Test
    void leaks_topGroupIsLeakLine_withChainEndingAtStaticField() throws Exception {
        LeakReport report = snapshots.getLeaks("after", 10);

        assertThat(report.getChainsIncluded()).isTrue();
        var top = report.getGroups().get(0);
        assertThat(top.getSite()).isEqualTo(StaticMapLeak.LINE_KEY);
        assertThat(top.getType()).isEqualTo("byte[]");
        assertThat(top.getChain()).isNotNull();
        assertThat(top.getChain().getRoot().getKind()).isEqualTo("static field");
        assertThat(top.getChain().getRoot().getDescription())
                .contains("CACHE").contains("com.example.leaky.StaticMapLeak");
        assertThat(top.getChain().getHops()).extracting(h -> h.getHolderType())
                .containsSubsequence("java.util.HashMap$Node", "java.util.HashMap$Node[]", "java.util.HashMap");
    }

    @Test
    void compareLeaks_reportsLeakLineAsNewOrGrown() throws Exception {
        var comparison = snapshots.compareLeaks("after", "before", 10);

        assertThat(comparison.getGroups()).isNotEmpty();
        assertThat(comparison.getGroups().get(0).getGroup().getSite()).isEqualTo(StaticMapLeak.LINE_KEY);
    }

    @Test
    void compare_answersTextPlain_inTracemallocFormat() {
        HttpResponse<String> text = http.get("/snapshots/after/compare/before?groupBy=line&limit=3", "text/plain");

        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("text/plain"));
        assertThat(text.body().lines().filter(l -> !l.startsWith("#")).findFirst()).hasValueSatisfying(line ->
                assertThat(line).matches(java.util.regex.Pattern.quote(StaticMapLeak.LINE_KEY)
                        + ": size=\\d+(\\.\\d)? [KMG]iB \\(\\+\\d+(\\.\\d)? [KMG]iB\\), count=\\d+ \\(\\+\\d+\\), average=\\d+(\\.\\d)? (B|KiB|MiB)"));
    }

    @Test
    void statistics_answersTextPlain_withWhatFiguresAre() {
        HttpResponse<String> text = http.get("/snapshots/after/statistics?groupBy=type&view=live&limit=3", "text/plain");

        assertThat(text.body()).startsWith("# groupBy=type view=live: EXACT size, EXACT count");
        assertThat(text.body()).containsPattern("(?m)^byte\\[\\]: size=\\d+(\\.\\d)? MiB, count=\\d+, average=\\d+ B$");
    }

    @Test
    void leaks_answerDot_namingEveryHop() {
        HttpResponse<String> dot = http.get("/snapshots/after/leaks?limit=1", "text/vnd.graphviz");

        assertThat(dot.statusCode()).isEqualTo(200);
        assertThat(dot.body()).startsWith("digraph").contains("byte[]").contains("java.util.HashMap$Node")
                .contains("label=\"value\"").contains("label=\"table\"").contains("GC root: static field");
    }
}
