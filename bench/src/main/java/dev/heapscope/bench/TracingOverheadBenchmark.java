package dev.heapscope.bench;

import dev.heapscope.Heapscope;
import dev.heapscope.tracing.TracingSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
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
 * What allocation tracing costs the host: an allocation-heavy request-like workload (maps, lists,
 * strings, byte buffers) with heapscope tracing at default settings versus heapscope not tracing,
 * side by side in one run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xmx1g", "-Xms1g"})
public class TracingOverheadBenchmark {

    /**
     * "off"; "jfr-only": an empty JFR recording and no heapscope tracing, the floor any JFR-based tracer
     * pays; "jfr-alloc" / "jfr-old": a recording of only one of the two events heapscope uses (allocation
     * samples at 1000/s, or old-object samples) or "jfr-both", to split the cost; or the allocation samples per second
     * heapscope traces with (1000 is its default, 150 JFR's).
     */
    @Param({"off", "jfr-only", "jfr-alloc", "jfr-old", "jfr-both", "1000", "150", "10000"})
    public String tracing;

    private Recording emptyRecording;

    private Heapscope heapscope;
    private int seed;

    @Setup(Level.Trial)
    public void start() {
        heapscope = Heapscope.builder().port(0).start();
        if (tracing.startsWith("jfr-")) {
            emptyRecording = new Recording();
            if (tracing.equals("jfr-alloc") || tracing.equals("jfr-both")) {
                emptyRecording.enable("jdk.ObjectAllocationSample").withStackTrace().with("throttle", "1000/s");
            }
            if (tracing.equals("jfr-old") || tracing.equals("jfr-both")) {
                emptyRecording.enable("jdk.OldObjectSample").withStackTrace().with("cutoff", "5 s");
            }
            emptyRecording.start();
        } else if (!tracing.equals("off")) {
            heapscope.tracing().start(new TracingSettings(TracingSettings.DEFAULTS.stackDepth(),
                    Integer.parseInt(tracing)));
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (emptyRecording != null) {
            emptyRecording.close();
        }
        heapscope.close();
    }

    /** One "request": parse-like string work, a small map and list, and a buffer, all short-lived. */
    @Benchmark
    public void request(Blackhole bh) {
        int n = seed++;
        Map<String, Object> attributes = new HashMap<>();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String key = "item-" + (n + i);
            items.add(key);
            attributes.put(key, Integer.valueOf(n ^ i));
        }
        byte[] body = new byte[512 + (n & 1023)];
        body[n & 511] = (byte) n;
        bh.consume(attributes);
        bh.consume(items);
        bh.consume(body);
    }
}
