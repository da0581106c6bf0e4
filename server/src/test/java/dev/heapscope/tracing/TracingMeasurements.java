package dev.heapscope.tracing;

import com.example.leaky.StaticMapLeak;
import java.util.Optional;

/**
 * Not a test: prints the figures in NOTES.md. Run with
 * {@code java -cp target/classes:target/test-classes dev.heapscope.tracing.TracingMeasurements [runs] [rates...]}.
 */
public final class TracingMeasurements {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int[] rates = args.length > 1
                ? java.util.Arrays.stream(args).skip(1).mapToInt(Integer::parseInt).toArray()
                : new int[] {150, 1000, 10_000};
        System.out.println("java " + System.getProperty("java.version"));
        for (int rate : rates) {
            for (int run = 0; run < runs; run++) {
                measure(rate, false);
            }
            measure(rate, true);
        }
    }

    private static void measure(int rate, boolean spread) throws InterruptedException {
        try (AllocationTracer tracer = new AllocationTracer()) {
            tracer.start(new TracingSettings(16, rate));
            if (spread) {
                // the same 10 MB over about one second, as a leak fed by requests would grow
                for (int i = 0; i < 100; i++) {
                    StaticMapLeak.leak(100);
                    Thread.sleep(10);
                }
            } else {
                StaticMapLeak.leak(10_000);
            }
            long start = System.nanoTime();
            TraceDump dump = tracer.dump(true);
            long millis = (System.nanoTime() - start) / 1_000_000;
            long estimated = 0;
            int atLine = 0;
            for (AllocationSample s : dump.allocations()) {
                Optional<Frame> site = Frames.siteOf(s.stack());
                if (site.isPresent() && site.get().lineKey().equals(StaticMapLeak.LINE_KEY)) {
                    estimated += s.weightBytes();
                    atLine++;
                }
            }
            long liveAtLine = dump.liveObjects().stream()
                    .filter(s -> Frames.siteOf(s.stack()).map(Frame::lineKey).orElse("").equals(StaticMapLeak.LINE_KEY))
                    .count();
            System.out.printf("rate=%5d/s %-6s dump(GC+jfrDump+parse)=%4d ms allocSamples=%3d atLine=%3d"
                            + " estimate=%,11d (%.2fx) live=%3d liveAtLine=%3d%n",
                    rate, spread ? "spread" : "burst", millis, dump.allocations().size(), atLine, estimated,
                    estimated / 10_000_000.0, dump.liveObjects().size(), liveAtLine);
        } finally {
            StaticMapLeak.release();
        }
    }
}
