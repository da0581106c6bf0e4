package dev.heapscope.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heapscope.DiagnosticCommands;
import dev.heapscope.HeapscopeException;
import dev.heapscope.OneAtATime;
import dev.heapscope.heap.HistogramReader;
import dev.heapscope.heap.RootRegistry;
import dev.heapscope.heap.RootsService;
import dev.heapscope.snapshot.SnapshotService;
import dev.heapscope.tracing.TracingService;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LeakWatchTest {

    private final OneAtATime heavy = new OneAtATime();
    private final TracingService tracing = new TracingService();
    private final SnapshotService snapshots = new SnapshotService(4, tracing,
            new HistogramReader(new DiagnosticCommands()), new RootsService(new RootRegistry(), heavy), heavy);
    private final LeakWatch watch = new LeakWatch(snapshots);

    @AfterEach
    void close() {
        watch.close();
        tracing.close();
    }

    @Test
    void tick_skipsItsSnapshot_andSaysSo_whenAnotherHeavyOperationRuns() {
        heavy.run("a test's heavy operation", () -> {
            watch.start(WatchSettings.of(5, 4, null));
            until(() -> !watch.status().skipped().isEmpty());
            return null;
        });

        assertThat(watch.status().skipped().get(0).reason()).contains("a test's heavy operation");
        assertThat(watch.status().snapshots()).isEmpty();
        assertThat(snapshots.list()).isEmpty();
    }

    @Test
    void snapshots_goToTheWatchsRing_notTheStore_namedByTheirTime() {
        watch.start(WatchSettings.of(5, 4, null));

        until(() -> watch.status().snapshots().size() == 1);

        assertThat(watch.status().snapshots().get(0).name()).matches("watch-\\d{8}T\\d{6}Z");
        assertThat(watch.status().snapshots().get(0).liveBytes()).isPositive();
        assertThat(snapshots.list()).isEmpty();
        assertThat(watch.status().notes()).anyMatch(n -> n.startsWith("too little data: 1 watch snapshot(s)"));
    }

    @Test
    void start_conflicts_whenSettingsDiffer_andRepeatsQuietly_whenEqual() {
        watch.start(WatchSettings.of(600, 6, null));

        assertThat(watch.start(WatchSettings.of(600, 6, null)).watching()).isTrue();
        assertThatThrownBy(() -> watch.start(WatchSettings.of(60, 6, null)))
                .isInstanceOf(HeapscopeException.Conflict.class).hasMessageContaining("intervalSeconds=600");
    }

    @Test
    void stop_endsTheWatchThread() {
        watch.start(WatchSettings.of(600, 6, null));
        until(() -> watchThreads() == 1);

        watch.stop();

        assertThat(watchThreads()).isZero();
        assertThat(watch.status().watching()).isFalse();
    }

    @Test
    void settings_refuseAnIntervalBelowFiveSeconds_andAKeepAboveTheBound() {
        assertThatThrownBy(() -> WatchSettings.of(4, null, null)).hasMessageContaining("intervalSeconds 4");
        assertThatThrownBy(() -> WatchSettings.of(null, 25, null)).hasMessageContaining("keep 25");
        assertThatThrownBy(() -> WatchSettings.of(null, 6, 6)).hasMessageContaining("minGrowingIntervals 6");
        assertThat(WatchSettings.defaults().minGrowingIntervals()).isEqualTo(4);
    }

    private static long watchThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("heapscope-watch"))
                .count();
    }

    private static void until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
