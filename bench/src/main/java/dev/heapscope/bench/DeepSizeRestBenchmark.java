package dev.heapscope.bench;

import dev.heapscope.Heapscope;
import dev.heapscope.heap.WalkOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jol.info.GraphLayout;

/**
 * Deep size the way a user asks for it: {@code GET /roots/{name}/size} over HTTP on loopback (heapscope's
 * real Jetty and Jersey in the benchmark JVM, the JDK's HttpClient), against JOL's
 * {@code GraphLayout.parseInstance} on the same graph in the same run (DeepSizeBenchmark's 1.5 M-object
 * HashMap of ArrayLists of Integers, G1, -Xmx4g).
 *
 * <ul>
 *   <li>{@code rest}: a repeated call on a registered root (the walker knows its size from the last walk);
 *   <li>{@code inProcess}: the same call without HTTP ({@code RootsService.size}), to split the round trip;
 *   <li>{@code jol}: JOL's answer to the same question;
 *   <li>{@code firstCall} / {@code secondCall}: single shots on a freshly built and registered root whose
 *       objects nobody walked or hashed before, heapscope warmed up on earlier roots; {@code secondCall}
 *       is the call after one such first call.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = "-Xmx4g")
public class DeepSizeRestBenchmark {

    private static final String ROOT = "graph";

    private Heapscope heapscope;
    private HttpClient client;
    private Map<String, List<Integer>> root;
    private long expectedBytes;

    @Setup(Level.Trial)
    public void start() throws Exception {
        root = Graphs.hashMapOfLists();
        heapscope = Heapscope.builder().port(0).jmx(false).start();
        heapscope.register(ROOT, root);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        expectedBytes = GraphLayout.parseInstance(root).totalSize();
        String body = sizeOf(ROOT);
        if (!body.contains("\"deepBytes\":" + expectedBytes + ",")) {
            throw new IllegalStateException("heapscope's answer differs from JOL's " + expectedBytes + ": " + body);
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        heapscope.close();
    }

    @Benchmark
    public String rest() throws Exception {
        return sizeOf(ROOT);
    }

    @Benchmark
    public long inProcess() {
        return heapscope.roots().size(ROOT, null, WalkOptions.defaults()).deepBytes();
    }

    @Benchmark
    public long jol() {
        return GraphLayout.parseInstance(root).totalSize();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 3)
    @Measurement(iterations = 8)
    public String firstCall(FreshRoot fresh) throws Exception {
        return sizeOf(fresh.name);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 3)
    @Measurement(iterations = 8)
    public String secondCall(FreshRootCalledOnce fresh) throws Exception {
        return sizeOf(fresh.name);
    }

    /** A new graph for each iteration, registered under a new name: nothing has walked or hashed it yet. */
    @State(Scope.Benchmark)
    public static class FreshRoot {
        String name;
        /** Held here: heapscope holds roots weakly. */
        private Object graph;
        private int made;
        private final int callsBefore;

        public FreshRoot() {
            this(0);
        }

        FreshRoot(int callsBefore) {
            this.callsBefore = callsBefore;
        }

        @Setup(Level.Iteration)
        public void register(DeepSizeRestBenchmark bench) throws Exception {
            name = "fresh-" + made++;
            graph = Graphs.hashMapOfLists();
            bench.heapscope.register(name, graph);
            for (int i = 0; i < callsBefore; i++) {
                bench.sizeOf(name);
            }
        }

        @TearDown(Level.Iteration)
        public void unregister(DeepSizeRestBenchmark bench) {
            bench.heapscope.unregister(name);
            graph = null;
        }
    }

    /** As {@link FreshRoot}, after one call on it. */
    @State(Scope.Benchmark)
    public static class FreshRootCalledOnce extends FreshRoot {
        public FreshRootCalledOnce() {
            super(1);
        }
    }

    String sizeOf(String name) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create(heapscope.uri() + "/roots/" + name + "/size")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
