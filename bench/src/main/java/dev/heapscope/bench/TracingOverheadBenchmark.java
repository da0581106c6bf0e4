package dev.heapscope.bench;

import dev.heapscope.Heapscope;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * What allocation tracing costs the host in the worst case: one thread running an allocation-heavy
 * request-like workload (maps, lists, strings, byte buffers; ~2 GB/s), with heapscope tracing against
 * heapscope idle, and against plain JFR recordings of the same events, side by side in one run. Add
 * {@code -prof dev.heapscope.bench.ProcessCpuProfiler} for the CPU of every thread per request (JFR's
 * and heapscope's own threads run on the other core, where throughput does not see them).
 *
 * <p>{@link #request} runs with JFR's JVM-wide stack depth at its default, 64 frames;
 * {@link #request_jfrStackDepth16} in forks started with {@code -XX:FlightRecorderOptions:stackdepth=16}.
 * {@link #callDepth} puts each request under that many extra frames, as a framework would (the
 * benchmark's own stack is ~15 frames deep, so without it the two depths record the same stacks).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xmx1g", "-Xms1g"})
public class TracingOverheadBenchmark {

    /** What runs besides the workload: see {@link TracingModes}. */
    @Param({"off", "jfr-both", "heapscope", "jfr-alloc", "heapscope-alloc"})
    public String tracing;

    /** Extra frames each request runs under. */
    @Param({"0"})
    public int callDepth;

    private AutoCloseable tracer;
    private Heapscope heapscope;
    private int seed;

    @Setup(Level.Trial)
    public void start() {
        heapscope = Heapscope.builder().port(0).start();
        tracer = TracingModes.start(tracing, heapscope);
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        tracer.close();
        heapscope.close();
    }

    /** One "request", with JFR's JVM-wide stack depth at its default (64). */
    @Benchmark
    public void request(Blackhole bh) {
        RequestWork.run(seed++, callDepth, bh);
    }

    /** The same request in JVMs whose JFR records at most 16 frames per stack. */
    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {"-Xmx1g", "-Xms1g", "-XX:FlightRecorderOptions:stackdepth=16"})
    public void request_jfrStackDepth16(Blackhole bh) {
        RequestWork.run(seed++, callDepth, bh);
    }
}
