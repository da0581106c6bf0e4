package dev.heapscope.bench;

import dev.heapscope.Heapscope;
import dev.heapscope.snapshot.CaptureCost;
import dev.heapscope.snapshot.Snapshot;
import dev.heapscope.tracing.DumpCost;
import dev.heapscope.tracing.TracingSettings;
import example.workload.Retained;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long taking a snapshot stalls an operator (and, for the full GC and the chain search, the host) on
 * a heap with about 1 GB live: half in 4 KiB buffers, half in ~11 M small objects. Side by side in one run:
 * {@code off} (tracing off: the histogram's full GC, the floor), {@code on} (tracing at the defaults:
 * plus the JFR dump with the reference-chain search), {@code on-nochains} (a snapshot with
 * {@code referenceChains: false}), {@code on-nolive} (tracing with {@code liveSampling: false}). The chain
 * search's pause is {@code on} less {@code on-nochains}; each iteration also prints where its time went.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Xms4g"})
public class SnapshotLatencyBenchmark {

    private static final int BUFFERS = 131_072;          // × 4 KiB = 512 MiB
    private static final int SMALL_OBJECTS = 11_000_000;  // × 48 B (long[4]) ≈ 504 MiB

    @Param({"off", "on", "on-nochains", "on-nolive"})
    public String tracing;

    private Heapscope heapscope;
    private Object[] live;
    private Object recent;
    private int taken;

    @Setup(Level.Trial)
    public void start() {
        live = new Object[] {buffers(), smallObjects()};
        heapscope = Heapscope.builder().port(0).maxSnapshots(1).start();
        if (tracing.equals("on") || tracing.equals("on-nochains")) {
            heapscope.tracing().start(TracingSettings.DEFAULTS);
        } else if (tracing.equals("on-nolive")) {
            heapscope.tracing().start(new TracingSettings(16, 1000, false));
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        heapscope.close();
        live = null;
    }

    /**
     * Objects allocated since the previous snapshot and still alive, as a service always has: without them
     * JFR has no live sample to search a chain for, and the search (and its pause) is skipped.
     */
    @Setup(Level.Iteration)
    public void allocateSinceLastSnapshot() {
        recent = Retained.arrays(20_000, 1024);
    }

    @TearDown(Level.Iteration)
    public void deleteSnapshot() {
        for (Snapshot s : heapscope.snapshots().list()) {
            CaptureCost cost = s.cost();
            DumpCost dump = cost.tracing();
            System.out.printf("%n  [%s] total %d ms: histogram+GC %d ms, JFR dump (chain search) %d ms, catch-up %d ms,"
                            + " roots %d ms, %d bytes copied, %d live samples%n",
                    tracing, cost.total().toMillis(), cost.histogram().toMillis(),
                    dump == null ? 0 : dump.dump().toMillis(), dump == null ? 0 : dump.catchUp().toMillis(),
                    cost.roots().toMillis(), dump == null ? 0 : dump.bytesCopied(), s.liveObjects().size());
            heapscope.snapshots().delete(s.name());
        }
    }

    @Benchmark
    public Object takeSnapshot() {
        return heapscope.snapshots().take("s" + taken++, !tracing.equals("on-nochains"));
    }

    private static byte[][] buffers() {
        byte[][] buffers = new byte[BUFFERS][];
        for (int i = 0; i < BUFFERS; i++) {
            buffers[i] = new byte[4096];
        }
        return buffers;
    }

    private static long[][] smallObjects() {
        long[][] objects = new long[SMALL_OBJECTS][];
        for (int i = 0; i < SMALL_OBJECTS; i++) {
            objects[i] = new long[4];
        }
        return objects;
    }
}
