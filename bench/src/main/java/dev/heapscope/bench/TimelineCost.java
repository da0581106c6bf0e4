package dev.heapscope.bench;

import dev.heapscope.DiagnosticCommands;
import dev.heapscope.Heapscope;
import dev.heapscope.OneAtATime;
import dev.heapscope.heap.HistogramReader;
import dev.heapscope.heap.RootRegistry;
import dev.heapscope.heap.RootsService;
import dev.heapscope.snapshot.SnapshotService;
import dev.heapscope.tracing.TracingService;
import dev.heapscope.heap.DeepSize;
import dev.heapscope.heap.DeepSizeWalker;
import dev.heapscope.heap.WalkOptions;
import dev.heapscope.watch.LeakWatch;
import dev.heapscope.watch.WatchSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * What the memory timeline and the leak watch cost the host, measured rather than estimated: the bytes they
 * hold (heapscope's own deep-size walker on the timeline and the watch objects, every boundary crossed except
 * classes, class loaders and threads) and the CPU time of their threads (ThreadMXBean) over a period.
 * Not a JMH benchmark: the quantities are a thread's CPU over a minute and bytes held, not a throughput.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.heapscope.bench.TimelineCost [seconds, default 60]</pre>
 */
public final class TimelineCost {

    private TimelineCost() {
    }

    public static void main(String[] args) {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        DeepSizeWalker walker = new DeepSizeWalker();
        try (Heapscope heapscope = Heapscope.builder().port(0).jmx(false).start()) {
            park(Duration.ofSeconds(2));
            long timelineStart = cpu(threads, "heapscope-timeline-1");
            park(Duration.ofSeconds(seconds));
            long timelineCpu = cpu(threads, "heapscope-timeline-1") - timelineStart;
            DeepSize timeline = walker.measure(heapscope.timeline(), WalkOptions.defaults());
            System.out.printf(Locale.ROOT, "timeline: %d bytes held (deep size), %d declared by its bounds;"
                            + " sampler CPU %.1f us per second over %d s (%.4f%% of one core)%n",
                    timeline.deepBytes(), heapscope.timeline().bounds().bytesHeld(), timelineCpu / 1e3 / seconds,
                    seconds, timelineCpu / 1e7 / seconds);
        }
        measureWatch(threads, walker, Math.max(30, seconds / 2));
    }

    /** A watch of its own over a snapshot service of its own, so that its deep size is the watch's alone. */
    private static void measureWatch(ThreadMXBean threads, DeepSizeWalker walker, long watched) {
        OneAtATime heavy = new OneAtATime();
        try (TracingService tracing = new TracingService()) {
            SnapshotService snapshots = new SnapshotService(4, tracing, new HistogramReader(new DiagnosticCommands()),
                    new RootsService(new RootRegistry(), heavy), heavy);
            try (LeakWatch watch = new LeakWatch(snapshots)) {
                watch.start(WatchSettings.of(5, WatchSettings.DEFAULT_KEEP, null));
                park(Duration.ofSeconds(1));
                long watchStart = cpu(threads, "heapscope-watch-1");
                park(Duration.ofSeconds(watched));
                long watchCpu = cpu(threads, "heapscope-watch-1") - watchStart;
                int taken = watch.status().snapshots().size();
                long own = walker.measure(watch, WalkOptions.defaults()).deepBytes()
                        - walker.measure(snapshots, WalkOptions.defaults()).deepBytes();
                System.out.printf(Locale.ROOT, "watch (keep %d, every 5 s): %d bytes held (deep size of the watch"
                                + " less the snapshot service it refers to), %d declared for its ring, %d snapshots in"
                                + " it; its thread's CPU %.1f ms per snapshot over %d s (the full GC runs in the JVM's"
                                + " GC threads and is not counted here)%n", WatchSettings.DEFAULT_KEEP, own,
                        LeakWatch.ringBytes(WatchSettings.DEFAULT_KEEP), taken, watchCpu / 1e6 / (watched / 5.0),
                        watched);
            }
        }
    }

    private static long cpu(ThreadMXBean threads, String name) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(name)) {
                return threads.getThreadCpuTime(t.getId());
            }
        }
        throw new IllegalStateException("no thread " + name);
    }

    private static void park(Duration d) {
        long end = System.nanoTime() + d.toNanos();
        for (long left = d.toNanos(); left > 0; left = end - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
