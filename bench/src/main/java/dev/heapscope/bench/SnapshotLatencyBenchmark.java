package dev.heapscope.bench;

import dev.heapscope.Heapscope;
import dev.heapscope.tracing.TracingSettings;
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
 * How long taking a snapshot stalls an operator (not the host: the host keeps running, apart from the
 * full GC) on a heap with about 1 GB live: half in 4 KiB buffers, half in ~11 M small objects. Tracing
 * on (GC + histogram + JFR dump with path-to-gc-roots + parse) versus off (GC + histogram), same run.
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

    @Param({"off", "on"})
    public String tracing;

    private Heapscope heapscope;
    private Object[] live;
    private int taken;

    @Setup(Level.Trial)
    public void start() {
        live = new Object[] {buffers(), smallObjects()};
        heapscope = Heapscope.builder().port(0).maxSnapshots(1).start();
        if (tracing.equals("on")) {
            heapscope.tracing().start(TracingSettings.DEFAULTS);
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        heapscope.close();
        live = null;
    }

    @TearDown(Level.Iteration)
    public void deleteSnapshot() {
        heapscope.snapshots().list().forEach(s -> heapscope.snapshots().delete(s.name()));
    }

    @Benchmark
    public Object takeSnapshot() {
        return heapscope.snapshots().take("s" + taken++);
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
