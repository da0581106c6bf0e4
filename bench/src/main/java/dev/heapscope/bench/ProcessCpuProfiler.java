package dev.heapscope.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * The CPU time of the whole benchmark JVM per operation, every thread counted: the benchmark's, and the
 * JIT's, the GC's, JFR's and heapscope's own, which a single-threaded throughput figure misses whenever
 * they run on another core. {@code -prof dev.heapscope.bench.ProcessCpuProfiler}.
 *
 * <p>Reported: {@code cpu.ns/op} (process CPU nanoseconds per operation) and {@code cpu.cores} (CPU time
 * over wall time). Read from {@code /proc/self/task/<tid>/schedstat} (nanoseconds per thread, Linux);
 * elsewhere from {@code OperatingSystemMXBean.getProcessCpuTime}, coarser on some systems. Threads that
 * end during an iteration take their time with them.
 */
public final class ProcessCpuProfiler implements InternalProfiler {

    private long cpuAtStart;
    private long wallAtStart;

    @Override
    public String getDescription() {
        return "CPU time of the whole JVM (all threads) per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuAtStart = processCpuNanos();
        wallAtStart = System.nanoTime();
    }

    @Override
    public List<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                 IterationResult result) {
        long cpu = processCpuNanos() - cpuAtStart;
        long wall = System.nanoTime() - wallAtStart;
        long ops = result.getMetadata().getAllOps();
        return List.of(
                new ScalarResult("cpu.ns/op", ops == 0 ? Double.NaN : (double) cpu / ops, "ns/op",
                        AggregationPolicy.AVG),
                new ScalarResult("cpu.cores", (double) cpu / wall, "cores", AggregationPolicy.AVG));
    }

    /** The CPU time of every live thread of this process, in nanoseconds. */
    static long processCpuNanos() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }
        long total = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                try {
                    String schedstat = Files.readString(thread.resolve("schedstat"));
                    total += Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
                } catch (IOException | RuntimeException threadEnded) {
                    // it ended while we listed them
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total;
    }
}
