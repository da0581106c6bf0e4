package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heapscope.Heapscope;
import dev.heapscope.OwnMemory;
import dev.heapscope.client.api.TracingApi;
import dev.heapscope.client.model.TracingStatus;
import dev.heapscope.heap.DeepSizeWalker;
import dev.heapscope.heap.WalkOptions;
import dev.heapscope.snapshot.Snapshot;
import dev.heapscope.tracing.TracingSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** GET /tracing reports heapscope's own memory and its recording's bytes, as tracemalloc reports its own. */
class OwnMemoryTest {

    private static long heapscopeBytes(Http http) {
        try {
            JsonNode status = new ObjectMapper().readTree(http.get("/tracing").body());
            return status.path("heapscopeBytes").asLong(-1);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    // JOL's GraphLayout would need -Djol.magicFieldOffset=true for records; the walker equals it without
    private static long deepSize(Object graph) {
        return new DeepSizeWalker().measure(graph, WalkOptions.unbounded()).deepBytes();
    }

    /**
     * Starts heapscope's walker as an operator's first walk does: on JDK 24+ heapscope measures its own memory
     * only once its walker runs (starting it makes the JVM print its one-time Unsafe warning).
     */
    static void walkOnce(Heapscope heapscope, List<Object> root) {
        heapscope.register("root", root);
        heapscope.roots().size("root", null, WalkOptions.defaults());
    }

    @Test
    void heapscopeBytes_isNotMeasured_byItself_onJdk24AndLater_beforeAWalk() {
        Assumptions.assumeTrue(Runtime.version().feature() >= 24, "JDK 17-23 print no warning: measured at once");
        try (Heapscope heapscope = Heapscope.builder().port(0).jmx(false).start()) {
            heapscope.snapshots().take("one");

            assertThat(heapscope.ownMemory().measureNow().bytes()).isEqualTo(-1);
            assertThat(new Http(heapscope.uri()).get("/tracing").body()).doesNotContain("heapscopeBytes");
        }
    }

    @Test
    void heapscopeBytes_grows_whenSnapshotsAreTaken_andShrinks_whenTheyAreDeleted() {
        List<Object> root = new java.util.ArrayList<>(List.of("x"));
        try (Heapscope heapscope = Heapscope.builder().port(0).jmx(false).start()) {
            walkOnce(heapscope, root);
            Http http = new Http(heapscope.uri());
            heapscope.tracing().start(new TracingSettings(64, 10_000));
            long empty = Deadline.await("a first measurement", Duration.ofSeconds(30), () -> {
                long bytes = heapscopeBytes(http);
                return bytes >= 0 && heapscope.ownMemory().last().measuredAtNanos() > 0 ? bytes : null;
            });

            for (int i = 0; i < 3; i++) {
                heapscope.snapshots().take("s" + i);
            }
            long full = measuredAfter(heapscope, http, System.nanoTime(), "a measurement of the three snapshots");
            List.of("s0", "s1", "s2").forEach(heapscope.snapshots()::delete);
            long after = measuredAfter(heapscope, http, System.nanoTime(), "a measurement after the deletes");

            assertThat(full).isGreaterThan(empty);
            assertThat(after).isLessThan(full);
        }
    }

    // heapscopeBytes once a measurement has read heapscope's state after the given moment (at most one per gap)
    private static long measuredAfter(Heapscope heapscope, Http http, long nanoTime, String what) {
        return Deadline.await(what, Duration.ofSeconds(30),
                () -> heapscope.ownMemory().last().measuredAtNanos() > nanoTime ? heapscopeBytes(http) : null);
    }

    @Test
    void measurements_startAtMostOncePerGap_andTheLastCoversTheLastChange_whenSnapshotsChangeInALoop()
            throws InterruptedException {
        List<Long> starts = new CopyOnWriteArrayList<>();
        try (Heapscope heapscope = Heapscope.builder().port(0).jmx(false).start();
             OwnMemory own = new OwnMemory(heapscope.roots(), List.of(() -> starts.add(System.nanoTime())))) {
            walkOnce(heapscope, new java.util.ArrayList<>(List.of("x")));
            long firstChange = System.nanoTime();
            long lastChange = firstChange;
            // a client taking and deleting snapshots every 50 ms for 3 s
            for (int i = 0; i < 60; i++) {
                lastChange = System.nanoTime();
                own.taken(null);
                Thread.sleep(50);
            }

            long changed = lastChange;
            Deadline.within(Duration.ofSeconds(30)).until("a measurement that started after the last change",
                    () -> !starts.isEmpty() && starts.get(starts.size() - 1) > changed);
            long span = starts.get(starts.size() - 1) - firstChange;
            assertThat(starts.size()).isLessThanOrEqualTo(1 + (int) (span / OwnMemory.MIN_GAP.toNanos()));
        }
    }

    @Test
    void heapscopeBytes_coversEverySnapshotHeld() {
        List<Object> root = new java.util.ArrayList<>(List.of("x"));
        try (Heapscope heapscope = Heapscope.builder().port(0).jmx(false).start()) {
            walkOnce(heapscope, root);
            heapscope.tracing().start(new TracingSettings(64, 10_000));
            heapscope.snapshots().take("one");
            heapscope.snapshots().take("two");
            List<Snapshot> held = heapscope.snapshots().list();

            long measured = heapscope.ownMemory().measureNow().bytes();

            assertThat(measured).isGreaterThanOrEqualTo(deepSize(held));
            assertThat(heapscope.ownMemory().last().truncated()).isFalse();
        }
    }

    @Test
    void heapscopeBytes_coversTheRunningSumsOfTracing() {
        try (Heapscope heapscope = Heapscope.builder().port(0).jmx(false).start()) {
            walkOnce(heapscope, new java.util.ArrayList<>(List.of("x")));
            long before = heapscope.ownMemory().measureNow().bytes();
            heapscope.tracing().start(new TracingSettings(64, 10_000));
            WalkOptions asOwnMemory = WalkOptions.defaults().withMaxObjects(OwnMemory.MAX_OBJECTS)
                    .withTimeLimit(Duration.ofSeconds(30));

            // allocations from 1,024 distinct stacks, until the sums hold a few hundred of them
            long sums = Deadline.await("the running sums to hold 100 KB", Duration.ofSeconds(60), () -> {
                for (int n = 0; n < 1024; n++) {
                    DistinctStacks.allocate(n, 5);
                }
                long size = new DeepSizeWalker().measure(heapscope.tracing().ownState(), asOwnMemory).deepBytes();
                return size > 100_000 ? size : null;
            });
            OwnMemory.Measured tracing = heapscope.ownMemory().measureNow();

            assertThat(tracing.truncated()).isFalse();
            assertThat(tracing.bytes() - before).isGreaterThanOrEqualTo(sums);
        }
    }

    /** Allocates from one of 4^levels distinct stacks, chosen by n's base-4 digits. */
    static final class DistinctStacks {
        static volatile Object sink;

        static void allocate(int n, int levels) {
            if (levels == 0) {
                sink = new byte[16 * 1024];
                return;
            }
            switch (n & 3) {
                case 0 -> a(n >> 2, levels - 1);
                case 1 -> b(n >> 2, levels - 1);
                case 2 -> c(n >> 2, levels - 1);
                default -> d(n >> 2, levels - 1);
            }
        }

        static void a(int n, int levels) {
            allocate(n, levels);
        }

        static void b(int n, int levels) {
            allocate(n, levels);
        }

        static void c(int n, int levels) {
            allocate(n, levels);
        }

        static void d(int n, int levels) {
            allocate(n, levels);
        }
    }

    @Test
    void recordingBytes_areReported_whileTracing_andZeroAfter() throws Exception {
        try (Heapscope heapscope = Heapscope.builder().port(0).jmx(false).start()) {
            TracingApi tracing = new TracingApi(Clients.of(heapscope));
            tracing.startTracing(null);
            heapscope.snapshots().take("rotates-a-chunk");

            TracingStatus tracingStatus = tracing.getTracing();
            TracingStatus stopped = tracing.stopTracing();

            assertThat(tracingStatus.getRecordingBytes()).isPositive();
            assertThat(stopped.getRecordingBytes()).isZero();
        }
    }

    @Test
    void snapshotsShareTheirTracebacks_soOneMoreSnapshotCostsLittle() {
        try (Heapscope heapscope = Heapscope.builder().port(0).jmx(false).start()) {
            heapscope.tracing().start(new TracingSettings(64, 10_000));
            heapscope.snapshots().take("first");
            long one = deepSize(heapscope.snapshots().list());
            heapscope.snapshots().take("second");
            long two = deepSize(heapscope.snapshots().list());

            // the second snapshot holds at least the same samples, yet adds far less than the first cost
            assertThat(two - one).isLessThan(one / 2);
        }
    }
}
