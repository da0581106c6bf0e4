package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.leaky.StaticMapLeak;
import dev.heapscope.Heapscope;
import dev.heapscope.client.ApiClient;
import dev.heapscope.client.api.SnapshotsApi;
import dev.heapscope.client.api.TracingApi;
import dev.heapscope.client.model.ComparisonReport;
import dev.heapscope.client.model.LeakComparison;
import dev.heapscope.client.model.LeakReport;
import dev.heapscope.client.model.SnapshotRequest;
import dev.heapscope.client.model.SnapshotSummary;
import dev.heapscope.client.model.TracingSettings;
import dev.heapscope.client.model.TracingStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tracing with {@code liveSampling: false}: the allocated views and the exact type view work; every live
 * view by site and leak report says plainly that it has nothing because nothing was sampled.
 */
class LiveSamplingOffTest {

    static Heapscope heapscope;
    static SnapshotsApi snapshots;
    static TracingStatus started;
    static SnapshotSummary after;

    @BeforeAll
    static void leakWithoutLiveSampling() throws Exception {
        heapscope = Heapscope.builder().port(0).start();
        ApiClient client = Clients.of(heapscope);
        snapshots = new SnapshotsApi(client);
        started = new TracingApi(client).startTracing(new TracingSettings().liveSampling(false)
                .allocationSamplesPerSecond(10_000));
        snapshots.takeSnapshot(new SnapshotRequest().name("before"));
        StaticMapLeak.leak(10_000);
        after = snapshots.takeSnapshot(new SnapshotRequest().name("after"));
    }

    @AfterAll
    static void release() {
        heapscope.close();
        StaticMapLeak.release();
    }

    @Test
    void status_andSnapshot_sayLiveSamplingIsOff() {
        assertThat(started.getSettings().getLiveSampling()).isFalse();
        assertThat(after.getLiveSamplesAvailable()).isFalse();
        assertThat(after.getNotes()).anyMatch(n -> n.contains("liveSampling false")
                && n.contains("does not mean there is no leak"));
    }

    @Test
    void allocatedAndTypeViews_stillFindTheLeak() throws Exception {
        ComparisonReport allocated = snapshots.compareSnapshots("after", "before", "line", "allocated", false, 5, null);
        ComparisonReport types = snapshots.compareSnapshots("after", "before", "type", "live", false, 50, null);

        assertThat(allocated.getEntries().get(0).getKey()).isEqualTo(StaticMapLeak.LINE_KEY);
        assertThat(types.getEntries()).anyMatch(e -> e.getKey().equals("byte[]") && e.getCountDiff() >= 10_000);
        assertThat(types.getLiveSamplesAvailable()).isNull();
    }

    @Test
    void liveViewsAndLeakReports_sayTheyHaveNoSamples_ratherThanNoLeak() throws Exception {
        ComparisonReport live = snapshots.compareSnapshots("after", "before", "line", "live", false, 10, null);
        LeakReport leaks = snapshots.getLeaks("after", 10);
        LeakComparison grown = snapshots.compareLeaks("after", "before", 10);

        assertThat(live.getLiveSamplesAvailable()).isFalse();
        assertThat(live.getNotes()).anyMatch(n -> n.contains("no live samples"));
        assertThat(leaks.getLiveSamplesAvailable()).isFalse();
        assertThat(leaks.getNotes()).anyMatch(n -> n.contains("liveSampling false"));
        assertThat(grown.getLiveSamplesAvailable()).isFalse();
        assertThat(grown.getNotes()).anyMatch(n -> n.contains("does not mean there is no leak"));
    }
}
