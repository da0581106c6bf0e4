package dev.heapscope.bench;

import dev.heapscope.heap.DeepSize;
import dev.heapscope.heap.DeepSizeWalker;
import dev.heapscope.heap.WalkOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jol.info.GraphLayout;

/**
 * heapscope's deep-size walk against JOL's GraphLayout on the same graph, in the same run:
 * a HashMap of 100,000 String keys, each mapped to an ArrayList of 10 Integers (about 1.5 M
 * objects, ~60 MB). Both answer the same question (with boundaries off they agree to the byte).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
public class DeepSizeBenchmark {

    private final DeepSizeWalker walker = new DeepSizeWalker();
    private final WalkOptions options = WalkOptions.unbounded().withMaxObjects(10_000_000);
    private Map<String, List<Integer>> root;

    @Setup(Level.Trial)
    public void buildGraph() {
        root = Graphs.hashMapOfLists();
        DeepSize size = walker.measure(root, options);
        long jolSize = GraphLayout.parseInstance(root).totalSize();
        if (size.deepBytes() != jolSize) {
            throw new IllegalStateException("heapscope " + size.deepBytes() + " != JOL " + jolSize);
        }
        System.out.println("graph: " + size.objectCount() + " objects, " + size.deepBytes() + " bytes");
    }

    @Benchmark
    public void heapscope(Blackhole bh) {
        DeepSize size = walker.measure(root, options);
        bh.consume(size.deepBytes());
        bh.consume(size.objectCount());
    }

    @Benchmark
    public void jol(Blackhole bh) {
        GraphLayout layout = GraphLayout.parseInstance(root);
        bh.consume(layout.totalSize());
        bh.consume(layout.totalCount());
    }
}
