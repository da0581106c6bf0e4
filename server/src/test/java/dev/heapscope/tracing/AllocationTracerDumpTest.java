package dev.heapscope.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.leaky.StaticMapLeak;
import com.example.leaky.ThreadLeak;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real JFR recordings of real leaks; no mocks. */
class AllocationTracerDumpTest {

    static final Duration DEADLINE = Duration.ofSeconds(30);

    /**
     * The highest rate, so that the throttle lets through every sample of a 10 ms burst like these leaks
     * and the test checks attribution rather than JFR's throttle (NOTES.md has the figures at 150/s).
     */
    static final TracingSettings BURST = new TracingSettings(16, TracingSettings.MAX_SAMPLES_PER_SECOND);
    static final long TEN_MB = 10_000L * 1000;

    @AfterEach
    void releaseLeaks() {
        StaticMapLeak.release();
        ThreadLeak.release();
    }

    @Test
    void dump_estimatesTheLeakLine_andChainsItToTheStaticField() {
        try (AllocationTracer tracer = new AllocationTracer()) {
            // given: a warm leak line (a cold first run is mostly interpreter and class loading)
            StaticMapLeak.leak(10_000);
            StaticMapLeak.release();
            tracer.start(BURST);
            StaticMapLeak.leak(10_000);

            // when
            TraceDump dump = Await.until(() -> tracer.dump(true),
                    d -> !liveAt(d, StaticMapLeak.LINE_KEY).isEmpty(), DEADLINE);

            // then
            long estimated = allocationsAt(dump, StaticMapLeak.LINE_KEY).stream()
                    .mapToLong(AllocationSample::weightBytes).sum();
            // an estimate at TLAB granularity: the first and the last TLAB of a burst can land on neighbouring
            // samples, and a burst longer than the throttle budget (about 2,000 samples) loses its tail to the next
            // sample, here heapscope's own dump (0.59x measured on JDK 25 with 3 KB TLABs); the upper bound
            // catches weights from before tracing started, which made it 2-30x before they were capped
            assertThat(estimated).as("estimated bytes at the leak line").isBetween(3_000_000L, 5 * TEN_MB);
            assertThat(dump.chainsIncluded()).isTrue();
            // the line allocates the Integer key and the HashMap$Node too; all are held by the static map
            List<LiveObjectSample> live = liveAt(dump, StaticMapLeak.LINE_KEY);
            assertThat(live).extracting(sample -> sample.chain().root()).containsOnly(new GcRoot(
                    GcRoot.STATIC_FIELD, "static field CACHE of class com.example.leaky.StaticMapLeak"));
            List<LiveObjectSample> arrays = live.stream().filter(sample -> sample.objectType().equals("byte[]"))
                    .collect(Collectors.toList());
            assertThat(arrays).isNotEmpty().allSatisfy(sample -> {
                assertThat(sample.arrayElements()).isEqualTo(1000);
                assertThat(sample.chain().hops()).extracting(Hop::holderType, Hop::field).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("java.util.HashMap$Node", "value"),
                        org.assertj.core.groups.Tuple.tuple("java.util.HashMap$Node[]", null),
                        org.assertj.core.groups.Tuple.tuple("java.util.HashMap", "table"));
                assertThat(sample.chain().hops().get(1).arrayIndex()).isBetween(0, 16_383);
                assertThat(sample.chain().truncated()).isFalse();
            });
            System.out.printf("leak: %d allocation samples (%d at the line, %,d bytes estimated = %.2fx of %,d),"
                            + " %d live samples (%d at the line), objectSize %s%n",
                    dump.allocations().size(), allocationsAt(dump, StaticMapLeak.LINE_KEY).size(), estimated,
                    estimated / (double) TEN_MB, TEN_MB, dump.liveObjects().size(), live.size(),
                    arrays.get(0).objectSizeBytes());
        }
    }

    @Test
    void dump_leavesOutAllocationsOnHeapscopeThreads() {
        // heapscope's threads are long-lived pool threads; JFR 25 loses the thread of an old-object sample
        // whose thread ended before an earlier dump, so these threads live until the test ends
        try (AllocationTracer tracer = new AllocationTracer();
             NamedThread heapscope = new NamedThread("heapscope-test");
             NamedThread host = new NamedThread("host-test")) {
            // given: the same leak, round after round, on a heapscope thread and on an ordinary one,
            // until sampling has caught the ordinary one
            tracer.start(BURST);

            // when
            TraceDump dump = Await.until(() -> {
                heapscope.run(() -> ThreadLeak.leakHere(5_000));
                host.run(() -> ThreadLeak.leakThere(5_000));
                return tracer.dump(true);
            }, d -> !allocationsAt(d, ThreadLeak.THERE_LINE_KEY).isEmpty()
                    && !liveAt(d, ThreadLeak.THERE_LINE_KEY).isEmpty(), DEADLINE);

            // then
            assertThat(allocationsAt(dump, ThreadLeak.THERE_LINE_KEY)).as("control").isNotEmpty();
            assertThat(liveAt(dump, ThreadLeak.THERE_LINE_KEY)).as("control").isNotEmpty();
            assertThat(allocationsAt(dump, ThreadLeak.HERE_LINE_KEY)).isEmpty();
            assertThat(liveAt(dump, ThreadLeak.HERE_LINE_KEY)).isEmpty();
        }
    }

    @Test
    void dump_leavesOutAllocationsMadeByHeapscopeCode() {
        try (AllocationTracer tracer = new AllocationTracer()) {
            // given: this test class is in dev.heapscope
            tracer.start(TracingSettings.DEFAULTS);
            byte[][] own = new byte[10_000][];
            for (int i = 0; i < own.length; i++) {
                own[i] = new byte[1000];
            }

            // when
            TraceDump dump = tracer.dump(false);

            // then
            assertThat(own.length).isEqualTo(10_000);
            assertThat(dump.allocations()).allSatisfy(s -> assertThat(Frames.siteOf(s.stack())).isPresent());
            assertThat(dump.allocations()).noneMatch(s -> s.stack().stream()
                    .filter(f -> !Frames.JDK_PREFIXES.stream().anyMatch(f.className()::startsWith))
                    .findFirst().map(f -> f.className().startsWith("dev.heapscope.")).orElse(true));
        }
    }

    @Test
    void dump_withoutChains_hasLiveObjectsButNoChains() {
        try (AllocationTracer tracer = new AllocationTracer()) {
            tracer.start(TracingSettings.DEFAULTS);
            StaticMapLeak.leak(10_000);

            TraceDump dump = Await.until(() -> tracer.dump(false),
                    d -> !liveAt(d, StaticMapLeak.LINE_KEY).isEmpty(), DEADLINE);

            assertThat(dump.chainsIncluded()).isFalse();
            assertThat(dump.liveObjects()).isNotEmpty().allMatch(s -> s.chain() == null);
        }
    }

    @Test
    void dump_reportsLiveObjectsAllocatedSinceThePreviousDump_only() {
        try (AllocationTracer tracer = new AllocationTracer()) {
            // given: a first dump has reported the leak
            tracer.start(TracingSettings.DEFAULTS);
            StaticMapLeak.leak(10_000);
            TraceDump first = Await.until(() -> tracer.dump(true),
                    d -> !liveAt(d, StaticMapLeak.LINE_KEY).isEmpty(), DEADLINE);

            // when: the leak stays, but nothing new is allocated at its line
            TraceDump second = tracer.dump(true);

            // then: the sampler was restarted after the first dump, so its objects are not sampled again
            assertThat(first.liveWindow().sharedWith()).isNull();
            assertThat(second.liveWindow().from()).isAfterOrEqualTo(first.liveWindow().until());
            assertThat(liveAt(second, StaticMapLeak.LINE_KEY)).isEmpty();
            assertThat(second.liveObjects()).allSatisfy(s ->
                    assertThat(s.allocationTime()).isAfterOrEqualTo(second.liveWindow().from()));
        }
    }

    @Test
    void everyDump_findsTheLiveObjectsAllocatedSinceThePreviousOne() {
        try (AllocationTracer tracer = new AllocationTracer()) {
            tracer.start(TracingSettings.DEFAULTS);
            for (int round = 0; round < 3; round++) {
                // when: a new leak between dumps
                TraceDump dump = Await.until(() -> {
                    StaticMapLeak.leak(10_000);
                    return tracer.dump(true);
                }, d -> !liveAt(d, StaticMapLeak.LINE_KEY).isEmpty(), DEADLINE);

                // then: the dump has its samples, chains and all, and read up to itself
                assertThat(dump.notes()).as("round " + round).isEmpty();
                assertThat(liveAt(dump, StaticMapLeak.LINE_KEY)).allSatisfy(s -> assertThat(s.chain()).isNotNull());
            }
        }
    }

    @Test
    void dump_forgetsReleasedObjects() {
        try (AllocationTracer tracer = new AllocationTracer()) {
            tracer.start(TracingSettings.DEFAULTS);
            StaticMapLeak.leak(10_000);
            Await.until(() -> {
                StaticMapLeak.leak(1_000);
                return tracer.dump(false);
            }, d -> !liveAt(d, StaticMapLeak.LINE_KEY).isEmpty(), DEADLINE);

            StaticMapLeak.leak(10_000);
            StaticMapLeak.release();
            TraceDump released = tracer.dump(false);

            // the map's table stays (clear() keeps it); the arrays it held are gone
            assertThat(liveAt(released, StaticMapLeak.LINE_KEY)).extracting(LiveObjectSample::objectType)
                    .doesNotContain("byte[]");
        }
    }

    static List<AllocationSample> allocationsAt(TraceDump dump, String lineKey) {
        return dump.allocations().stream().filter(at(lineKey, AllocationSample::stack)).collect(Collectors.toList());
    }

    static List<LiveObjectSample> liveAt(TraceDump dump, String lineKey) {
        return dump.liveObjects().stream().filter(at(lineKey, LiveObjectSample::stack)).collect(Collectors.toList());
    }

    static <T> Predicate<T> at(String lineKey, java.util.function.Function<T, List<Frame>> stack) {
        return sample -> {
            Optional<Frame> site = Frames.siteOf(stack.apply(sample));
            return site.isPresent() && site.get().lineKey().equals(lineKey);
        };
    }

}
