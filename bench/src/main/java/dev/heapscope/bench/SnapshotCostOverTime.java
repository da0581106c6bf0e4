package dev.heapscope.bench;

import dev.heapscope.Heapscope;
import dev.heapscope.snapshot.AllocationRecord;
import dev.heapscope.snapshot.Snapshot;
import dev.heapscope.tracing.DumpCost;
import dev.heapscope.tracing.TracingSettings;
import example.workload.ManyStacks;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Issue 10: does a snapshot cost the same after 1 minute and after an hour of tracing? Not JMH: one long
 * tracing run, with snapshots only at the given marks (none in between, so nothing is read early).
 *
 * <p>Workload like the issue's: two threads allocate steadily from about 5,000 distinct stacks 40-60
 * frames deep ({@link ManyStacks}, outside dev.heapscope so that heapscope counts it as the host's); tracing at stack depth 64 and 10,000 allocation samples/s. Each snapshot prints its
 * latency and parts, the bytes JFR copied for it, the allocation samples summed and the estimated allocated
 * total against what the two threads really allocated (ThreadMXBean), and the share of a core heapscope's
 * repository reader has used since tracing started.
 *
 * <pre>
 * java -Xmx2g -XX:TLABSize=64k -XX:-ResizeTLAB -cp bench/target/benchmarks.jar \
 *     dev.heapscope.bench.SnapshotCostOverTime 1,10,60
 * </pre>
 * The TLAB flags make the two threads refill their allocation buffers often enough for JFR to take about
 * 10,000 samples/s, as in the issue; the marks are minutes since tracing started (default 1,2,4).
 */
public final class SnapshotCostOverTime {

    private static final int STACKS = 5_000;

    private SnapshotCostOverTime() {
    }

    public static void main(String[] args) throws Exception {
        double[] marks = Arrays.stream((args.length > 0 ? args[0] : "1,2,4").split(","))
                .mapToDouble(Double::parseDouble).toArray();
        System.out.printf("java %s, %s%n", System.getProperty("java.version"),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        ManyStacks workload = new ManyStacks(2, STACKS);
        try (Heapscope heapscope = Heapscope.builder().port(0).jmx(false).start()) {
            heapscope.tracing().start(new TracingSettings(64, TracingSettings.MAX_SAMPLES_PER_SECOND, true));
            long started = System.nanoTime();
            long allocatedAtStart = workload.allocated();
            workload.start();
            System.out.println("minutes | snapshot ms | histogram+GC ms | dump ms | catch-up ms | bytes copied |"
                    + " samples summed | samples/s | records | estimated GB | allocated GB | estimated/allocated |"
                    + " reader CPU %");
            int n = 0;
            for (double mark : marks) {
                long due = started + (long) (mark * 60e9);
                while (System.nanoTime() < due) {
                    Thread.sleep(Math.max(1, Math.min(1000, (due - System.nanoTime()) / 1_000_000)));
                }
                long before = System.nanoTime();
                Snapshot s = heapscope.snapshots().take("t" + n++);
                long millis = (System.nanoTime() - before) / 1_000_000;
                long allocated = workload.allocated() - allocatedAtStart;
                report(mark, millis, s, allocated, (System.nanoTime() - started) / 1e9);
            }
        } finally {
            workload.stop();
        }
    }

    private static void report(double minutes, long millis, Snapshot s, long allocated, double seconds) {
        DumpCost d = s.cost().tracing();
        long estimated = s.allocations().records().stream().filter(r -> r.type() != null)
                .mapToLong(AllocationRecord::weightBytes).sum();
        System.out.printf("%7.1f | %11d | %15d | %7d | %11d | %12d | %14d | %9.0f | %7d | %12.2f | %12.2f |"
                        + " %19.3f | %.1f%n",
                minutes, millis, s.cost().histogram().toMillis(), d.dump().toMillis(), d.catchUp().toMillis(),
                d.bytesCopied(), s.allocations().samples(), s.allocations().samples() / seconds,
                s.allocations().records().size(), estimated / 1e9, allocated / 1e9, estimated / (double) allocated,
                100.0 * readerCpuNanos() / (seconds * 1e9));
    }

    /** CPU time of heapscope's repository reader thread, ns. */
    private static long readerCpuNanos() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("heapscope-tracing-reader"))
                .mapToLong(t -> Math.max(0, threads.getThreadCpuTime(t.getId()))).sum();
    }
}
