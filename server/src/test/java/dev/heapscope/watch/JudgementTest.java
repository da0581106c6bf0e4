package dev.heapscope.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heapscope.heap.ClassCount;
import dev.heapscope.heap.ClassHistogram;
import dev.heapscope.snapshot.AllocationProfile;
import dev.heapscope.snapshot.HeapFigures;
import dev.heapscope.snapshot.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JudgementTest {

    private static final Instant T0 = Instant.parse("2025-01-31T12:00:00Z");
    private static final long MIB = 1024 * 1024;
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    @Test
    void tooLittleData_isSaidPlainly_withNoRateAndNoProjection() {
        WatchRing ring = ring(new long[] {100 * MIB, 110 * MIB, 120 * MIB}, new long[] {1000, 2000, 3000});

        Judgement.Verdict verdict = Judgement.of(ring, 2, TEN_MINUTES);

        assertThat(verdict.suspects()).isEmpty();
        assertThat(verdict.liveSet().slopeBytesPerHour()).isNull();
        assertThat(verdict.liveSet().projectedOutOfMemoryAt()).isNull();
        assertThat(verdict.notes()).anyMatch(n -> n.startsWith("too little data: 3 watch snapshot(s)"));
    }

    @Test
    void tooLittleData_whileTheWindowHasFewerIntervalsThanASuspectNeeds() {
        WatchRing ring = ring(new long[] {100, 110, 120, 130}, new long[] {0, 1000, 2000, 3000});

        Judgement.Verdict verdict = Judgement.of(ring, 4, TEN_MINUTES);

        assertThat(verdict.suspects()).isEmpty();
        assertThat(verdict.notes()).anyMatch(n -> n.startsWith("too little data: 4 watch snapshot(s);"
                + " suspects and the live set's trend need at least 5 (4 intervals) (about 10 min from the last one)"));
    }

    @Test
    void steadyGrowth_makesASuspect_andProjectsTheMaximum_fromTheLeastSquaresLine() {
        // 10 MiB more live every 10 minutes from 100 MiB, heap maximum 400 MiB: 60 MiB/h, 300 MiB to go from 150
        WatchRing ring = ring(new long[] {100, 110, 120, 130, 140, 150}, new long[] {0, 1000, 2000, 3000, 4000, 5000});

        Judgement.Verdict verdict = Judgement.of(ring, 4, TEN_MINUTES);

        assertThat(verdict.suspects()).extracting(Suspect::key).containsExactly("com.example.Leak");
        Suspect leak = verdict.suspects().get(0);
        assertThat(leak.countPerHour()).isEqualTo(6000.0);
        assertThat(leak.bytesPerHour()).isEqualTo(6000L * 32);
        assertThat(leak.consistency()).isEqualTo(1.0);
        assertThat(verdict.liveSet().growing()).isTrue();
        assertThat(verdict.liveSet().slopeBytesPerHour()).isEqualTo(60 * MIB);
        assertThat(verdict.liveSet().projectedOutOfMemoryAt()).isEqualTo(T0.plus(Duration.ofMinutes(50 + 250)));
        assertThat(verdict.liveSet().restsOn()).contains("least-squares slope +60 MiB/h").contains("heap maximum");
    }

    @Test
    void drift_belowTheNoiseFloor_isNoSuspect_andNoGrowth() {
        // a few objects more at every GC, as a healthy JVM's String count drifts
        WatchRing ring = ring(new long[] {100, 100, 100, 100, 100, 100}, new long[] {30_000, 30_004, 30_009, 30_012,
                30_020, 30_024});

        Judgement.Verdict verdict = Judgement.of(ring, 4, TEN_MINUTES);

        assertThat(verdict.suspects()).isEmpty();
        assertThat(verdict.liveSet().growing()).isFalse();
        assertThat(verdict.liveSet().projectedOutOfMemoryAt()).isNull();
    }

    /** Snapshots 10 minutes apart: live MiB each, and instances of one 32-byte type. */
    private static WatchRing ring(long[] liveMib, long[] leakInstances) {
        WatchRing ring = new WatchRing(liveMib.length);
        for (int i = 0; i < liveMib.length; i++) {
            long live = liveMib[i] < MIB ? liveMib[i] * MIB : liveMib[i];
            ClassHistogram histogram = new ClassHistogram(T0, List.of(new ClassCount("com.example.Leak",
                    leakInstances[i], leakInstances[i] * 32), new ClassCount("java.lang.Object", 10, 160)), 0, live);
            ring.add(new Snapshot("w" + i, T0.plus(TEN_MINUTES.multipliedBy(i)), false, null, null,
                    new HeapFigures(live, live, 400 * MIB, 0, live, 0), histogram, AllocationProfile.EMPTY, List.of(),
                    List.of(), List.of()));
        }
        return ring;
    }
}
